//! What the index stores for one plan beyond its text: [`PlanRecord`].

use serde::{Deserialize, Serialize};

use crate::model::Plan;

/// A plan as stored: its id, its content hash, the understood [`Plan`], and for each of
/// its citations the sentence around it (same order as `plan.citations`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanRecord {
    pub id: String,
    pub hash: String,
    pub plan: Plan,
    pub contexts: Vec<String>,
}

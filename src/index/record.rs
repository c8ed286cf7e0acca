//! What the index stores beyond the text: a [`PlanRecord`] per plan, and the
//! [`TaskRecord`] that describes one of its tasks when a search returns it.

use serde::{Deserialize, Serialize};

use crate::model::{Plan, PlanSummary};
use crate::understand::sections::TaskText;

/// A plan as stored: its id, its content hash, the understood [`Plan`], and for each of
/// its citations the sentence around it (same order as `plan.citations`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanRecord {
    pub id: String,
    pub hash: String,
    pub plan: Plan,
    pub contexts: Vec<String>,
    /// Other files with exactly the same content: one plan, several copies
    /// (`plan.file` is the first one found).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub copies: Vec<String>,
}

/// One task (a section of the outline) as stored, with what it needs of its plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskRecord {
    /// `<plan id>~<section path>`, e.g. `2022-hai-phong-70-KH-UBND~II.2`.
    pub id: String,
    pub plan: String,
    /// Its plan's file, number, type, place and date.
    #[serde(flatten)]
    pub summary: PlanSummary,
    pub path: String,
    pub heading: String,
    pub level: u32,
}

impl TaskRecord {
    /// The record of one of a plan's stored tasks.
    pub fn new(plan_record: &PlanRecord, task: &TaskText) -> TaskRecord {
        TaskRecord {
            id: task_id(&plan_record.id, &task.path),
            plan: plan_record.id.clone(),
            summary: plan_record.plan.summary(),
            path: task.path.clone(),
            heading: task.heading.clone(),
            level: task.level,
        }
    }
}

/// The id of task `path` of plan `plan_id`.
pub fn task_id(plan_id: &str, path: &str) -> String {
    format!("{plan_id}~{path}")
}

//! Questions asked of the index: [`search`] (which plans or [`tasks`] say X?) and
//! [`citations`] (which plans cite Y, what does Z cite?). Each returns plain serde values; printing
//! them is the caller's business.
pub mod citations;
pub mod diff;
pub mod graph;
pub mod highlight;
pub mod learned;
pub mod lookup;
pub mod rank;
pub mod request;
pub mod search;
pub mod tasks;
pub mod trace;

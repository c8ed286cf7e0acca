//! Task search: the tasks (sections) of the plans that match a question, ranked among
//! themselves.
//!
//! Tasks are not documents of the archive's index: indexing every plan's text a second
//! time, cut into tasks, cost more than indexing the plan (and made a large archive take
//! three times as long as plain tantivy). A plan stores its outline and its text, from
//! which its tasks are cut again when asked for, and a task search runs in two steps: the question finds the best plans in
//! the archive's index, then their tasks go into a small index in memory, with the same
//! schema and analyzer, where the same question ranks them, counts them by facet and
//! cuts their snippets. A task matches only if it holds the whole question itself.
//!
//! At most [`MAX_PLANS`] plans are read. When more match, the tasks come from the
//! best-scoring ones, and the search says so ([`TaskIndex::partial`]).

use tantivy::{DocAddress, Searcher, TantivyDocument};

use crate::error::Result;
use crate::index::record::TaskRecord;
use crate::index::writer::add_filters;
use crate::index::{Index, PlanRecord, reader, schema};
use crate::understand::sections::TaskText;

/// Most plans whose tasks one task search reads.
pub const MAX_PLANS: usize = 2_000;
/// Memory for building the task index (tantivy's least for one thread is 15 MB).
const MEMORY_BYTES: usize = 64 << 20;

/// The tasks of the plans that best match a question, in an index of their own.
pub struct TaskIndex {
    pub index: Index,
    /// More plans matched than were read.
    pub partial: bool,
}

impl TaskIndex {
    /// Reads the plans at `plans` (best first, at most [`MAX_PLANS`]) and indexes their
    /// tasks; `partial` says that more plans matched than these.
    pub fn of_plans(
        archive: &Index,
        searcher: &Searcher,
        plans: &[DocAddress],
        partial: bool,
    ) -> Result<TaskIndex> {
        let index = Index::in_memory()?;
        // One indexing thread: tasks keep the order they are added in, so equal scores
        // are broken the same way on every run (several threads would spread them over
        // segments as they come).
        let mut writer = index.inner.writer_with_num_threads(1, MEMORY_BYTES)?;
        for &address in plans.iter().take(MAX_PLANS) {
            let (record, tasks) = reader::plan_with_tasks_at(archive, searcher, address)?;
            for task in &tasks {
                writer.add_document(task_document(&index, &record, task)?)?;
            }
        }
        writer.commit()?;
        index.reload()?;
        Ok(TaskIndex { index, partial })
    }
}

fn task_document(index: &Index, plan_record: &PlanRecord, task: &TaskText) -> Result<TantivyDocument> {
    let f = &index.fields;
    let record = TaskRecord::new(plan_record, task);
    let mut doc = TantivyDocument::default();
    doc.add_text(f.kind, schema::KIND_TASK);
    doc.add_text(f.id, &record.id);
    add_filters(&mut doc, f, &plan_record.plan);
    // The heading is the task's title (a match there ranks higher).
    doc.add_text(f.title, &record.heading);
    doc.add_text(f.body_folded, &task.text);
    doc.add_text(f.marked, &task.text);
    doc.add_bytes(f.text, task.text.as_bytes());
    let json = serde_json::to_string(&record).map_err(|e| crate::Error::Internal(e.to_string()))?;
    doc.add_text(f.record, json);
    Ok(doc)
}

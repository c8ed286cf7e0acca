//! Writing: add, replace and remove plans, then make it all visible in one commit.
//!
//! A [`Writer`] holds tantivy's single `IndexWriter` (which uses its own threads). Until
//! [`Writer::commit`] nothing is visible, and a run that dies before it leaves the index
//! at its previous commit: nothing already indexed is lost.

use tantivy::indexer::LogMergePolicy;
use tantivy::schema::Facet;
use tantivy::{IndexWriter, TantivyDocument, Term};

use super::record::PlanRecord;
use super::schema;
use super::{Index, learned_terms};
use crate::analysis::filter_key;
use crate::error::Result;

/// Default memory budget of the writer, in MiB.
pub const DEFAULT_MEMORY_MB: usize = 256;

pub struct Writer<'i> {
    index: &'i Index,
    writer: IndexWriter,
}

impl<'i> Writer<'i> {
    pub fn new(index: &'i Index, memory_mb: usize) -> Result<Writer<'i>> {
        // tantivy wants at least 15 MB per thread; keep the budget sane whatever is asked.
        let budget = memory_mb.clamp(16, 4096) << 20;
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(budget / (15 << 20))
            .max(1);
        let writer: IndexWriter = match index.inner.writer_with_num_threads(threads, budget) {
            Err(tantivy::TantivyError::LockFailure(tantivy::directory::error::LockError::LockBusy, _)) => {
                return Err(crate::Error::Internal(
                    "another plancite is writing to this index (its lock is held); wait for it to finish"
                        .into(),
                ));
            }
            other => other?,
        };
        writer.set_merge_policy(Box::new(merge_policy()));
        Ok(Writer { index, writer })
    }

    /// Adds a plan, replacing whatever was indexed from the same file: `source` is its
    /// text as decoded (stored), `body` the cleaned text (indexed).
    pub fn upsert(&mut self, record: PlanRecord, path: &str, source: &str, body: &str) -> Result<()> {
        self.delete_path(path);
        let f = &self.index.fields;
        let mut text = TantivyDocument::default();
        text.add_text(f.kind, schema::KIND_TEXT);
        text.add_text(f.id, &record.id);
        text.add_text(f.path, path);
        text.add_bytes(f.text, source.as_bytes());
        self.writer.add_document(self.document(record, path, body)?)?;
        self.writer.add_document(text)?;
        Ok(())
    }

    /// Removes the plan indexed from `path` (and its text), if any.
    pub fn delete_path(&mut self, path: &str) {
        let term = Term::from_field_text(self.index.fields.path, path);
        self.writer.delete_term(term);
    }

    /// Removes the plan with this id (and its text), if any.
    pub fn delete_id(&mut self, id: &str) {
        let term = Term::from_field_text(self.index.fields.id, id);
        self.writer.delete_term(term);
    }

    /// Makes the changes so far durable without ending the run, so a run that is killed
    /// later resumes from here.
    pub fn checkpoint(&mut self) -> Result<()> {
        self.writer.commit()?;
        Ok(())
    }

    /// Makes every change visible at once and durable. With `merge`, it also waits for
    /// the segment merges the commit started, leaving a compact index (worth it after a
    /// batch); without, merges are left for a later run, so a small update returns at once.
    pub fn commit(mut self, merge: bool) -> Result<()> {
        self.writer.commit()?;
        if merge {
            self.writer.wait_merging_threads()?;
        }
        self.index.reload()?;
        Ok(())
    }

    fn document(&self, mut record: PlanRecord, path: &str, body: &str) -> Result<TantivyDocument> {
        let f = &self.index.fields;
        let plan = &record.plan;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.kind, schema::KIND_PLAN);
        doc.add_text(f.id, &record.id);
        doc.add_text(f.file, &plan.file);
        doc.add_text(f.path, path);
        doc.add_text(f.hash, &record.hash);
        // `understand` gives the number as its canonical key already (cite's key).
        if let Some(key) = &plan.number {
            doc.add_text(f.number_key, key);
        }
        add_filters(&mut doc, f, plan);
        if let Some(title) = &plan.title {
            doc.add_text(f.title, title);
        }
        doc.add_text(f.marked, body);
        doc.add_text(f.body_folded, body);
        for citation in &plan.citations {
            doc.add_text(f.cites, &citation.key);
        }
        for bare in plan.citations.iter().filter(|c| learned_terms::is_bare(c)) {
            doc.add_text(f.cites, learned_terms::bare_term(&bare.key));
        }
        for (name, number, date) in learned_terms::pairs_of(&plan.citations) {
            doc.add_text(
                f.cites,
                learned_terms::name_term(name, number, date, plan.date.as_deref()),
            );
            doc.add_text(f.cites, learned_terms::number_term(number, name));
        }
        for definition in crate::analysis::abbrev::definitions(body) {
            for term in crate::analysis::abbrev::index_terms(&definition) {
                doc.add_text(f.abbrevs, term);
            }
        }
        let sections = std::mem::take(&mut record.plan.sections);
        doc.add_text(f.record, to_json(&record)?);
        doc.add_text(f.outline, to_json(&sections)?);
        Ok(doc)
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| crate::Error::Internal(e.to_string()))
}

/// Segments are merged four at a time, and one of 15,000 plans or more (30,000
/// documents: a plan and its text) is merged no further: a merge reads whole segments
/// through memory maps, which count in the process's resident memory, and tantivy's
/// default (eight at a time, no cap short of millions) made the last merges of a
/// 100,000-plan run read 700 MB of segments at once.
fn merge_policy() -> LogMergePolicy {
    let mut policy = LogMergePolicy::default();
    policy.set_min_num_segments(4);
    policy.set_max_docs_before_merge(30_000);
    policy
}

/// Sort key for "oldest first": `yyyymmdd`, `yyyy0000` with only a year, undated last.
pub fn date_key(date: Option<&str>, year: Option<i32>) -> i64 {
    let from_date = date.and_then(|d| d.replace('-', "").parse::<i64>().ok());
    from_date
        .or(year.map(|y| i64::from(y) * 10_000))
        .unwrap_or(i64::MAX)
}

/// The fields a plan (or one of its tasks) is filtered, sorted and counted by.
pub(crate) fn add_filters(doc: &mut TantivyDocument, f: &schema::Fields, plan: &crate::model::Plan) {
    doc.add_i64(f.date_key, date_key(plan.date.as_deref(), plan.year));
    if let Some(year) = plan.year {
        doc.add_i64(f.year, year.into());
        doc.add_facet(f.facets, Facet::from_path(["year", &year.to_string()]));
    }
    if let Some(place) = &plan.place {
        doc.add_text(f.place_key, filter_key(place));
        doc.add_facet(f.facets, Facet::from_path(["place", place.as_str()]));
    }
    if let Some(doc_type) = &plan.doc_type {
        doc.add_text(f.type_key, filter_key(doc_type));
        doc.add_facet(f.facets, Facet::from_path(["doc_type", doc_type.as_str()]));
    }
}

//! Reading plans back: by id, by number, by file, or all of them.
//!
//! Lookups that run over every plan (the incremental indexer's "what is already here")
//! read fast fields only, never the stored text, so they stay cheap on a large archive.

use std::collections::HashMap;

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};

use super::Index;
use super::record::{PlanRecord, TaskRecord};
use super::schema;
use crate::error::{Error, Result};
use crate::ingest::clean;
use crate::understand::sections::{TaskText, task_texts};

/// What the index holds for one source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indexed {
    pub id: String,
    pub hash: String,
}

/// Every indexed file's path with its plan id and content hash.
pub fn indexed_files(index: &Index) -> Result<HashMap<String, Indexed>> {
    let searcher = index.searcher();
    let mut files = HashMap::new();
    for segment in searcher.segment_readers() {
        let fast = segment.fast_fields();
        // A segment where no document has a field has no column for it.
        let (kinds, paths, ids, hashes) = (
            fast.str(schema::KIND)?,
            fast.str(schema::PATH)?,
            fast.str(schema::ID)?,
            fast.str(schema::HASH)?,
        );
        let read = |col: &Option<tantivy::columnar::StrColumn>, doc| -> String {
            let mut out = String::new();
            if let Some(col) = col
                && let Some(ord) = col.term_ords(doc).next()
            {
                let _ = col.ord_to_str(ord, &mut out);
            }
            out
        };
        for doc in segment.doc_ids_alive() {
            if read(&kinds, doc) != schema::KIND_PLAN {
                continue;
            }
            files.insert(
                read(&paths, doc),
                Indexed {
                    id: read(&ids, doc),
                    hash: read(&hashes, doc),
                },
            );
        }
    }
    Ok(files)
}

/// What the index holds for the plan indexed from `path` (its identity), if any.
pub fn indexed_file(index: &Index, path: &str) -> Result<Option<Indexed>> {
    let searcher = index.searcher();
    let Some(address) = find_exact(&searcher, index.fields.path, path, 1)?
        .first()
        .copied()
    else {
        return Ok(None);
    };
    let doc: TantivyDocument = searcher.doc(address)?;
    let text = |field| doc.get_first(field).and_then(|v| v.as_str()).map(str::to_string);
    Ok(text(index.fields.hash).map(|hash| Indexed {
        id: text(index.fields.id).unwrap_or_default(),
        hash,
    }))
}

/// Whether a plan already has this id.
pub fn id_exists(index: &Index, id: &str) -> bool {
    let query = TermQuery::new(
        Term::from_field_text(index.fields.id, id),
        IndexRecordOption::Basic,
    );
    index
        .searcher()
        .search(&query, &tantivy::collector::Count)
        .is_ok_and(|n| n > 0)
}

/// The stored record of the plan at `address`, without its outline (`plan.sections` is
/// empty; see [`whole_plan_at`]).
pub fn record_at(index: &Index, searcher: &Searcher, address: DocAddress) -> Result<PlanRecord> {
    record_of(index, &searcher.doc(address)?)
}

/// The stored record of the task at `address` in a task index (see
/// [`crate::query::tasks`]).
pub fn task_at(index: &Index, searcher: &Searcher, address: DocAddress) -> Result<TaskRecord> {
    let doc: TantivyDocument = searcher.doc(address)?;
    let json = doc
        .get_first(index.fields.record)
        .and_then(|v| v.as_str())
        .ok_or_else(|| Error::Internal("task without a record".into()))?;
    serde_json::from_str(json).map_err(|e| Error::Internal(format!("unreadable task record: {e}")))
}

/// The stored record of the plan at `address` with its tasks.
pub fn plan_with_tasks_at(
    index: &Index,
    searcher: &Searcher,
    address: DocAddress,
) -> Result<(PlanRecord, Vec<TaskText>)> {
    let doc: TantivyDocument = searcher.doc(address)?;
    let record = record_of(index, &doc)?;
    let tasks = task_texts(
        &outline_of(index, &doc)?,
        &plan_text(index, searcher, &record.id)?,
    );
    Ok((record, tasks))
}

/// The stored record of the plan at `address` with its outline (`plan.sections`), and
/// its cleaned body.
pub fn whole_plan_at(
    index: &Index,
    searcher: &Searcher,
    address: DocAddress,
) -> Result<(PlanRecord, String)> {
    let doc: TantivyDocument = searcher.doc(address)?;
    let mut record = record_of(index, &doc)?;
    record.plan.sections = outline_of(index, &doc)?;
    let body = clean::body(&plan_text(index, searcher, &record.id)?);
    Ok((record, body))
}

fn outline_of(index: &Index, doc: &TantivyDocument) -> Result<Vec<crate::model::Section>> {
    let json = doc
        .get_first(index.fields.outline)
        .and_then(|v| v.as_str())
        .unwrap_or("[]");
    serde_json::from_str(json).map_err(|e| Error::Internal(format!("unreadable outline: {e}")))
}

fn record_of(index: &Index, doc: &TantivyDocument) -> Result<PlanRecord> {
    let json = doc
        .get_first(index.fields.record)
        .and_then(|v| v.as_str())
        .ok_or_else(|| Error::Internal("plan without a record".into()))?;
    serde_json::from_str(json).map_err(|e| Error::Internal(format!("unreadable record: {e}")))
}

fn stored_text<'d>(index: &Index, doc: &'d TantivyDocument) -> &'d str {
    let bytes = doc
        .get_first(index.fields.text)
        .and_then(|v| v.as_bytes())
        .unwrap_or_default();
    // Written from a `&str`; a damaged store shows as no text rather than a panic.
    simdutf8::basic::from_utf8(bytes).unwrap_or_default()
}

/// The text stored in the document at `address` (a task's, in a task index).
pub fn text_at(index: &Index, searcher: &Searcher, address: DocAddress) -> Result<String> {
    let doc: TantivyDocument = searcher.doc(address)?;
    Ok(stored_text(index, &doc).to_string())
}

/// The text of plan `id` as decoded (what citation and section offsets refer to).
pub fn plan_text(index: &Index, searcher: &Searcher, id: &str) -> Result<String> {
    let f = &index.fields;
    let query = BooleanQuery::new(vec![
        (Occur::Must, exact_term(f.id, id)),
        (Occur::Must, exact_term(f.kind, schema::KIND_TEXT)),
    ]);
    let found = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
    match found.first() {
        Some((_, address)) => text_at(index, searcher, *address),
        None => Err(Error::Internal(format!("plan {id} has no stored text"))),
    }
}

/// The cleaned body of plan `id`: what was indexed, and what is shown.
pub fn plan_body(index: &Index, searcher: &Searcher, id: &str) -> Result<String> {
    Ok(clean::body(&plan_text(index, searcher, id)?))
}

fn exact_term(field: tantivy::schema::Field, value: &str) -> Box<dyn tantivy::query::Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

/// Addresses of the plans whose `field` holds exactly `value` (not their text documents).
pub fn find_exact(
    searcher: &Searcher,
    field: tantivy::schema::Field,
    value: &str,
    limit: usize,
) -> Result<Vec<DocAddress>> {
    let kind = searcher.schema().get_field(schema::KIND)?;
    let query = BooleanQuery::new(vec![
        (Occur::Must, exact_term(field, value)),
        (Occur::Must, exact_term(kind, schema::KIND_PLAN)),
    ]);
    let hits = searcher.search(&query, &TopDocs::with_limit(limit.max(1)).order_by_score())?;
    Ok(hits.into_iter().map(|(_, address)| address).collect())
}

/// Finds a plan the way a person names it: its id, its file name or path, or its number
/// (`70/KH-UBND`, typed any way [`crate::cite::parse_key`] understands). A number shared
/// by several plans is ambiguous and says so.
pub fn find_plan(index: &Index, name: &str) -> Result<(PlanRecord, String)> {
    let searcher = index.searcher();
    let f = &index.fields;
    let name = name.trim();
    let mut found = find_exact(&searcher, f.id, name, 2)?;
    if found.is_empty() {
        found = find_exact(&searcher, f.file, name, 2)?;
    }
    if found.is_empty() {
        // A file name without its folder or extension.
        let stem = std::path::Path::new(name)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or(name);
        found = find_exact(&searcher, f.id, stem, 2)?;
    }
    if let Some(key) = crate::cite::parse_key(name).filter(|_| found.is_empty()) {
        found = find_exact(&searcher, f.number_key, &key, 10)?;
    }
    match found.as_slice() {
        [] => Err(Error::NotFound(format!(
            "no plan with id, file or number {name:?}"
        ))),
        [address] => whole_plan_at(index, &searcher, *address),
        many => {
            let ids: Vec<String> = many
                .iter()
                .filter_map(|a| record_at(index, &searcher, *a).ok().map(|r| r.id))
                .collect();
            Err(Error::BadInput(format!(
                "{name:?} names {} plans ({}); give the id instead",
                ids.len(),
                ids.join(", ")
            )))
        }
    }
}

/// Every plan's stored record, in index order. Reads the document store: use it for
/// whole-archive views (graph, statistics), not per request on a large archive.
pub fn all_records(index: &Index) -> Result<Vec<PlanRecord>> {
    records_with(index, index.fields.kind, schema::KIND_PLAN)
}

/// Calls `visit` with every plan's record in index order, one at a time, so a pass over a
/// large archive holds one record in memory, not all of them.
pub fn for_each_record(index: &Index, mut visit: impl FnMut(PlanRecord) -> Result<()>) -> Result<()> {
    let searcher = index.searcher();
    let query = TermQuery::new(
        Term::from_field_text(index.fields.kind, schema::KIND_PLAN),
        IndexRecordOption::Basic,
    );
    let mut addresses: Vec<DocAddress> = searcher
        .search(&query, &tantivy::collector::DocSetCollector)?
        .into_iter()
        .collect();
    addresses.sort();
    for address in addresses {
        visit(record_at(index, &searcher, address)?)?;
    }
    Ok(())
}

/// Records of the plans whose `field` holds exactly `value` (no limit).
pub fn records_with(index: &Index, field: tantivy::schema::Field, value: &str) -> Result<Vec<PlanRecord>> {
    let searcher = index.searcher();
    let query = TermQuery::new(Term::from_field_text(field, value), IndexRecordOption::Basic);
    let addresses = searcher.search(&query, &tantivy::collector::DocSetCollector)?;
    let mut addresses: Vec<DocAddress> = addresses.into_iter().collect();
    addresses.sort();
    addresses
        .into_iter()
        .map(|a| record_at(index, &searcher, a))
        .collect()
}

/// A task by its id (`<plan id>~<path>`), with its text.
pub fn find_task(index: &Index, id: &str) -> Result<(TaskRecord, String)> {
    let id = id.trim();
    let not_found = || Error::NotFound(format!("no task with id {id:?} (ids look like PLAN~II.2)"));
    let (plan_id, path) = id.split_once('~').ok_or_else(not_found)?;
    let searcher = index.searcher();
    let address = find_exact(&searcher, index.fields.id, plan_id, 1)?
        .first()
        .copied()
        .ok_or_else(not_found)?;
    let (record, tasks) = plan_with_tasks_at(index, &searcher, address)?;
    let task = tasks.into_iter().find(|t| t.path == path).ok_or_else(not_found)?;
    Ok((TaskRecord::new(&record, &task), task.text))
}

//! The citation graph, read from the index: who cites a document, what a plan cites,
//! which documents are cited most, and the whole network.
//!
//! Edges are stored once, as each plan's `cites` terms and its record's citations
//! (see [`crate::index::schema`]). Whether a cited key is a plan in the archive is
//! decided here, at question time, with [`crate::cite::resolve::pick`], so a plan added
//! later is linked from the plans that cited it before without re-indexing them.
//!
//! ```no_run
//! # let index = plancite::index::Index::open(std::path::Path::new("plancite-index"))?;
//! let result = plancite::query::citations::cites(&index, "2282/qd-ttg")?;
//! assert_eq!(result.key, "2282/QĐ-TTg");
//! # Ok::<(), plancite::Error>(())
//! ```

use std::collections::HashMap;

use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::postings::Postings;
use tantivy::query::{BooleanQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocSet, Order, Term};

use crate::cite::resolve::{Candidate, pick};
use crate::error::{Error, Result};
use crate::index::{Index, PlanRecord, reader};
use crate::model::{Citation, Relation};

/// One plan citing a key, with the sentences where it does.
#[derive(Debug, Clone, Serialize)]
pub struct CitingPlan {
    pub id: String,
    pub file: String,
    pub number: Option<String>,
    pub place: Option<String>,
    pub date: Option<String>,
    pub year: Option<i32>,
    pub title: Option<String>,
    /// The strongest relation of its citations of the key ([`Relation::strength`]).
    pub relation: Relation,
    pub contexts: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CitesResult {
    pub key: String,
    /// Only plans citing it with this relation (`--relation`, `?relation=`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relation: Option<Relation>,
    /// How many plans cite it in all (`citing` may be one page of them).
    pub total: usize,
    pub citing: Vec<CitingPlan>,
    /// For a law's bare name (`bo luat lao dong`): each version the built-in table knows,
    /// with the plans citing it; `key`, `total` and `citing` above are then the citations
    /// of the name that no version could be found for.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub versions: Vec<VersionCites>,
}

impl CitesResult {
    /// No plan cites the key at all (not even a version of a law's name). A question
    /// narrowed to one relation that finds nothing is an answer, not an unknown key.
    pub fn cited_by_nobody(&self) -> bool {
        self.relation.is_none() && self.total == 0 && self.versions.iter().all(|v| v.total == 0)
    }
}

/// One version of a law named bare, and the plans citing it.
#[derive(Debug, Clone, Serialize)]
pub struct VersionCites {
    /// Its numbered key: `45/2019/QH14`.
    pub key: String,
    pub issued: String,
    pub in_force: Option<String>,
    pub total: usize,
    pub citing: Vec<CitingPlan>,
}

/// Every plan citing `key_input` (typed any way a person would), oldest first.
pub fn cites(index: &Index, key_input: &str) -> Result<CitesResult> {
    cites_page(index, key_input, 0, None)
}

/// One page of the plans citing `key_input`, oldest first: `limit` plans from `offset`
/// (all of them when `limit` is `None`). The total is always exact. Only the plans of
/// the page are read from the document store; the order comes from a fast field.
pub fn cites_page(
    index: &Index,
    key_input: &str,
    offset: usize,
    limit: Option<usize>,
) -> Result<CitesResult> {
    cites_with(index, key_input, None, offset, limit)
}

/// [`cites_page`] keeping only the plans that cite the key with `relation` (all of them
/// are read to count those), and for a law's bare name each version it has.
pub fn cites_with(
    index: &Index,
    key_input: &str,
    relation: Option<Relation>,
    offset: usize,
    limit: Option<usize>,
) -> Result<CitesResult> {
    let mut result = match relation {
        None => cites_unfiltered(index, key_input, offset, limit)?,
        Some(relation) => {
            let mut all = cites_unfiltered(index, key_input, 0, None)?;
            all.citing.retain(|p| p.relation == relation);
            all.total = all.citing.len();
            all.citing = all
                .citing
                .into_iter()
                .skip(offset)
                .take(limit.unwrap_or(usize::MAX))
                .collect();
            all.relation = Some(relation);
            all
        }
    };
    if let Some((name, None)) = crate::cite::identity::split_named_key(&result.key) {
        for version in crate::cite::identity::versions(name) {
            let cited = cites_with(index, &version.number, relation, offset, limit)?;
            result.versions.push(VersionCites {
                key: version.number,
                issued: version.issued,
                in_force: version.in_force,
                total: cited.total,
                citing: cited.citing,
            });
        }
        for version in crate::query::learned::versions(index, name)? {
            let cited = cites_with(index, &version.number, relation, offset, limit)?;
            result.versions.push(VersionCites {
                key: version.number,
                issued: version.issued,
                in_force: None,
                total: cited.total,
                citing: cited.citing,
            });
        }
    }
    Ok(result)
}

fn cites_unfiltered(
    index: &Index,
    key_input: &str,
    offset: usize,
    limit: Option<usize>,
) -> Result<CitesResult> {
    let citing_key = citing_query(index, key_input)?;
    let (key, query) = (citing_key.key.clone(), citing_key.query(index));
    let searcher = index.searcher();
    let page = match limit {
        Some(limit) => limit,
        None => searcher.search(&query, &Count)?,
    };
    let mut citing = Vec::new();
    let mut total = 0;
    if page > 0 {
        // One pass over the postings counts and picks the page.
        let oldest_first = TopDocs::with_limit(page)
            .and_offset(offset)
            .order_by_fast_field::<i64>(crate::index::schema::DATE_KEY, Order::Asc);
        let (top, count) = searcher.search(&query, &(oldest_first, Count))?;
        total = count;
        citing.reserve(top.len());
        for (_, address) in top {
            let record = reader::record_at(index, &searcher, address)?;
            citing.push(citing_plan_also(record, &key, &citing_key.learned_names()));
        }
    }
    Ok(CitesResult {
        key,
        relation: None,
        total,
        citing,
        versions: Vec::new(),
    })
}

/// What plans cite a key: its own `cites` term, and the bare names the archive taught
/// for it ([`crate::query::learned`]), each cited by plans of a range of dates.
struct CitingKey {
    key: String,
    term: TermQuery,
    /// (name, `date_key` range `[from, to)`) of the plans citing the name bare that mean
    /// `key`.
    learned: Vec<(String, i64, i64)>,
    /// For a bare name the archive taught versions of: plans dated from then on citing
    /// it bare ([`crate::query::learned::is_bare`]) cite a version, not the name.
    versioned_from: Option<i64>,
}

impl CitingKey {
    fn learned_names(&self) -> Vec<String> {
        self.learned.iter().map(|(name, _, _)| name.clone()).collect()
    }

    fn query(&self, index: &Index) -> Box<dyn Query> {
        let term = |key: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(index.fields.cites, key),
                IndexRecordOption::Basic,
            ))
        };
        let dated = |from: i64, to: i64| -> Box<dyn Query> {
            let bound = |v: i64| Term::from_field_i64(index.fields.date_key, v);
            Box::new(RangeQuery::new(
                std::ops::Bound::Included(bound(from)),
                std::ops::Bound::Excluded(bound(to)),
            ))
        };
        let bare = |name: &str| term(&crate::query::learned::bare_term(name));
        if let Some(from) = self.versioned_from {
            let versioned: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
                (Occur::Must, bare(&self.key)),
                (Occur::Must, dated(from, i64::MAX)),
            ]));
            return Box::new(BooleanQuery::new(vec![
                (Occur::Must, Box::new(self.term.clone())),
                (Occur::MustNot, versioned),
            ]));
        }
        if self.learned.is_empty() {
            return Box::new(self.term.clone());
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Should, Box::new(self.term.clone()))];
        for (name, from, to) in &self.learned {
            let bare: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
                (Occur::Must, bare(name)),
                (Occur::Must, dated(*from, *to)),
            ]));
            clauses.push((Occur::Should, bare));
        }
        Box::new(BooleanQuery::new(clauses))
    }
}

/// The canonical key of `key_input` and the query for the plans citing it. A law named
/// with its year (`Bộ luật Lao động 2019`) is the key of that version (`45/2019/QH14`)
/// when the built-in table knows it.
fn citing_query(index: &Index, key_input: &str) -> Result<CitingKey> {
    let mut key = crate::cite::parse_key(key_input)
        .ok_or_else(|| Error::BadInput(format!("{key_input:?} is not a document number or law name")))?;
    if let Some((name, Some(year))) = crate::cite::identity::split_named_key(&key)
        && let Some(version) = crate::cite::identity::version_dated(name, None, Some(year))
    {
        key = version.number;
    }
    let mut learned = Vec::new();
    let mut versioned_from = None;
    if key.contains("/QH") {
        for name in crate::query::learned::names(index, &key)? {
            let versions = crate::query::learned::versions(index, &name)?;
            if let Some(i) = versions.iter().position(|v| v.number == key) {
                let (from, to) = crate::query::learned::date_range(&versions, i);
                learned.push((name, from, to));
            }
        }
    } else if let Some(first) = crate::query::learned::versions(index, &key)?.first() {
        versioned_from = Some(crate::query::learned::date_range(std::slice::from_ref(first), 0).0);
    }
    let term = TermQuery::new(
        Term::from_field_text(index.fields.cites, &key),
        IndexRecordOption::Basic,
    );
    Ok(CitingKey {
        key,
        term,
        learned,
        versioned_from,
    })
}

/// The ids of every plan citing `key_input`, oldest first — the question `grep -l`
/// answers over files — read from fast fields only, never the document store.
pub fn citing_ids(index: &Index, key_input: &str) -> Result<(String, Vec<String>)> {
    let citing_key = citing_query(index, key_input)?;
    if !citing_key.learned.is_empty() || citing_key.versioned_from.is_some() {
        // Names learned across the archive: the plans of a query, not of one term.
        let all = cites_unfiltered(index, key_input, 0, None)?;
        return Ok((all.key, all.citing.into_iter().map(|p| p.id).collect()));
    }
    let (key, query) = (citing_key.key, citing_key.term);
    let searcher = index.searcher();
    let mut dated: Vec<(i64, String)> = Vec::new();
    for segment in searcher.segment_readers() {
        // The postings of the key, segment by segment: no collector, no set of addresses.
        let Some(mut postings) = segment
            .inverted_index(index.fields.cites)?
            .read_postings(query.term(), IndexRecordOption::Basic)
            .map_err(|e| Error::Internal(format!("cannot read the postings of {key}: {e}")))?
        else {
            continue;
        };
        let mut docs = Vec::with_capacity(postings.doc_freq() as usize);
        while postings.doc() != tantivy::TERMINATED {
            let doc = postings.doc();
            if segment.alive_bitset().is_none_or(|alive| alive.is_alive(doc)) {
                docs.push(doc);
            }
            postings.advance();
        }
        let fast = segment.fast_fields();
        let dates = fast.i64(crate::index::schema::DATE_KEY)?;
        let Some(ids) = fast.str(crate::index::schema::ID)? else {
            continue;
        };
        // Term ordinals first, then their strings in one sorted pass over the dictionary:
        // far cheaper than one dictionary lookup per plan.
        let mut ords: Vec<(u64, i64)> = docs
            .iter()
            .filter_map(|&doc| {
                let ord = ids.term_ords(doc).next()?;
                Some((ord, dates.first(doc).unwrap_or(i64::MAX)))
            })
            .collect();
        ords.sort_unstable();
        let sorted: Vec<u64> = ords.iter().map(|(ord, _)| *ord).collect();
        let mut names = Vec::with_capacity(sorted.len());
        ids.dictionary()
            .sorted_ords_to_term_cb(&sorted, |bytes| {
                names.push(String::from_utf8_lossy(bytes).into_owned())
            })
            .map_err(|e| Error::Internal(e.to_string()))?;
        dated.extend(ords.into_iter().map(|(_, date)| date).zip(names));
    }
    dated.sort();
    Ok((key, dated.into_iter().map(|(_, id)| id).collect()))
}

fn citing_plan(record: PlanRecord, key: &str) -> CitingPlan {
    citing_plan_also(record, key, &[])
}

/// [`citing_plan`], its citations of `key` and of the bare names in `also`.
fn citing_plan_also(record: PlanRecord, key: &str, also: &[String]) -> CitingPlan {
    let mut contexts: Vec<String> = Vec::new();
    let mut relation = Relation::Mention;
    for (i, citation) in record.plan.citations.iter().enumerate() {
        if citation.key != key && !also.contains(&citation.key) {
            continue;
        }
        if citation.relation.strength() < relation.strength() {
            relation = citation.relation;
        }
        let context = record
            .contexts
            .get(i)
            .cloned()
            .unwrap_or_else(|| citation.text.clone());
        if !contexts.contains(&context) {
            contexts.push(context);
        }
    }
    let plan = record.plan;
    CitingPlan {
        id: record.id,
        file: plan.file,
        number: plan.number,
        place: plan.place,
        date: plan.date,
        year: plan.year,
        title: plan.title,
        relation,
        contexts,
    }
}

/// Orders by date, then year; undated plans last.
fn chronological(
    a_date: Option<&str>,
    a_year: Option<i32>,
    b_date: Option<&str>,
    b_year: Option<i32>,
) -> std::cmp::Ordering {
    let key = |date: Option<&str>, year: Option<i32>| {
        let year = year.or_else(|| date.and_then(|d| d.get(..4)?.parse().ok()));
        (year.is_none(), year, date.map(str::to_string))
    };
    key(a_date, a_year).cmp(&key(b_date, b_year))
}

/// One citation of a plan, with where it points in the archive.
#[derive(Debug, Clone, Serialize)]
pub struct Reference {
    /// The first citation of this document in the plan, with the strongest relation of
    /// all its citations ([`Relation::strength`]).
    #[serde(flatten)]
    pub citation: Citation,
    pub context: String,
    /// How many times the plan cites it.
    pub times: usize,
    /// The id of the cited plan when it is in the archive.
    pub in_archive: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RefsResult {
    pub id: String,
    pub number: Option<String>,
    pub refs: Vec<Reference>,
    /// Plans in the archive that cite this one, each with its relation to it.
    pub cited_by: Vec<CitingPlan>,
    /// What the archive says became of this plan: the latest replacement or repeal, else
    /// the latest amendment, correction or consolidation; `null` when nothing is known.
    pub status: Option<Status>,
    /// Every such act the archive knows, oldest first.
    pub statuses: Vec<Status>,
}

/// What a later document did to a plan: `replaced by 145/2020/NĐ-CP, 2020-12-14`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Status {
    /// `replaced`, `repealed`, `amended`, `corrected` or `consolidated`.
    pub state: &'static str,
    /// The number of the document that did it (its id when it has none).
    pub by: String,
    /// Its id in the archive.
    pub by_id: Option<String>,
    pub date: Option<String>,
}

/// The statuses that the plans citing a plan give it (their own acts on it, and the acts
/// of others they state), oldest first (undated last), and the one that stands: the
/// latest replacement or repeal, else the latest other act.
pub fn statuses(cited_by: &[CitingPlan], stated: Vec<Status>) -> (Option<Status>, Vec<Status>) {
    let mut all: Vec<(Relation, Status)> = cited_by
        .iter()
        .filter_map(|p| {
            let state = state_of(p.relation)?;
            Some((
                p.relation,
                Status {
                    state,
                    by: p.number.clone().unwrap_or_else(|| p.id.clone()),
                    by_id: Some(p.id.clone()),
                    date: p.date.clone(),
                },
            ))
        })
        .collect();
    for status in stated {
        let duplicate = all
            .iter()
            .any(|(_, s)| s.state == status.state && s.by == status.by);
        let relation = match status.state {
            "replaced" => Relation::Replaces,
            "repealed" => Relation::Repeals,
            "amended" => Relation::Amends,
            "corrected" => Relation::Corrects,
            _ => Relation::Consolidates,
        };
        if !duplicate {
            all.push((relation, status));
        }
    }
    all.sort_by(|a, b| (a.1.date.is_none(), &a.1.date).cmp(&(b.1.date.is_none(), &b.1.date)));
    let ends_force = |r: Relation| matches!(r, Relation::Replaces | Relation::Repeals);
    let standing = all
        .iter()
        .rev()
        .find(|(r, _)| ends_force(*r))
        .or_else(|| all.last())
        .map(|(_, s)| s.clone());
    (standing, all.into_iter().map(|(_, s)| s).collect())
}

/// What the plan named `name` cites, in order, each marked in the archive or outside it,
/// and the plans that cite it.
pub fn refs(index: &Index, name: &str) -> Result<RefsResult> {
    let (record, _) = reader::find_plan(index, name)?;
    refs_of(index, &record)
}

/// [`refs`] of a plan whose record the caller already holds (the plan's page reads it
/// with its text once, not twice).
pub fn refs_of(index: &Index, record: &PlanRecord) -> Result<RefsResult> {
    let mut citations = record.plan.citations.clone();
    crate::query::learned::settle(index, &mut citations, plan_date_key(&record.plan))?;
    let archive = Archive::load_numbers(index, citations.iter().map(|c| c.key.as_str()))?;
    let place = record.plan.place.as_deref();
    // One entry per cited document, in order of first citation.
    let mut refs: Vec<Reference> = Vec::new();
    for (i, citation) in citations.iter().enumerate() {
        if let Some(seen) = refs.iter_mut().find(|r| r.citation.key == citation.key) {
            seen.times += 1;
            if citation.relation.strength() < seen.citation.relation.strength() {
                seen.citation.relation = citation.relation;
            }
            continue;
        }
        refs.push(Reference {
            citation: citation.clone(),
            context: record.contexts.get(i).cloned().unwrap_or_default(),
            times: 1,
            in_archive: archive.resolve(citation, place).filter(|id| *id != record.id),
        });
    }
    let (cited_by, stated) = cited_by_and_stated(index, record)?;
    let (status, statuses) = statuses(&cited_by, stated);
    Ok(RefsResult {
        id: record.id.clone(),
        number: record.plan.number.clone(),
        refs,
        cited_by,
        status,
        statuses,
    })
}

fn plan_date_key(plan: &crate::model::Plan) -> i64 {
    crate::index::writer::date_key(plan.date.as_deref(), plan.year)
}

/// Plans whose citations of this plan's number resolve to this plan.
pub fn cited_by(index: &Index, record: &PlanRecord) -> Result<Vec<CitingPlan>> {
    Ok(cited_by_and_stated(index, record)?.0)
}

/// [`cited_by`], and the acts on this plan that the citing plans state of other
/// documents (`Căn cứ Nghị định số 12/2022/NĐ-CP sửa đổi, bổ sung … Nghị định số
/// 145/2020/NĐ-CP` tells 145/2020 that 12/2022 amended it), as statuses without a date.
fn cited_by_and_stated(index: &Index, record: &PlanRecord) -> Result<(Vec<CitingPlan>, Vec<Status>)> {
    let Some(key) = record.plan.number.as_deref().and_then(crate::cite::canonical_key) else {
        return Ok((Vec::new(), Vec::new()));
    };
    let archive = Archive::load_numbers(index, [key.as_str()])?;
    let mut plans = Vec::new();
    let mut stated: Vec<Status> = Vec::new();
    let citing_key = citing_query(index, &key)?;
    let searcher = index.searcher();
    let mut addresses: Vec<_> = searcher
        .search(&citing_key.query(index), &tantivy::collector::DocSetCollector)?
        .into_iter()
        .collect();
    addresses.sort();
    for address in addresses {
        let mut citing = reader::record_at(index, &searcher, address)?;
        if citing.id == record.id {
            continue;
        }
        // A bare name the archive taught is this plan's number for the citing plan.
        let date_key = plan_date_key(&citing.plan);
        crate::query::learned::settle(index, &mut citing.plan.citations, date_key)?;
        let place = citing.plan.place.clone();
        let here: Vec<&Citation> = citing
            .plan
            .citations
            .iter()
            .filter(|c| c.key == key)
            .filter(|c| archive.resolve(c, place.as_deref()).as_deref() == Some(record.id.as_str()))
            .collect();
        if here.is_empty() {
            continue;
        }
        for said in here.iter().filter_map(|c| c.stated.as_ref()) {
            let Some(state) = state_of(said.relation) else {
                continue;
            };
            if said.by != key && !stated.iter().any(|s| s.state == state && s.by == said.by) {
                stated.push(Status {
                    state,
                    by: said.by.clone(),
                    by_id: None,
                    date: None,
                });
            }
        }
        plans.push(citing_plan(citing, &key));
    }
    // Plans of one date in id order, so two builds of the same files list them alike.
    plans.sort_by(|a, b| {
        chronological(a.date.as_deref(), a.year, b.date.as_deref(), b.year).then_with(|| a.id.cmp(&b.id))
    });
    // The acting document's id and date, when the archive holds it.
    for status in &mut stated {
        if let Some(actor) = reader::records_with(index, index.fields.number_key, &status.by)?
            .into_iter()
            .next()
        {
            status.by_id = Some(actor.id);
            status.date = actor.plan.date;
        }
    }
    Ok((plans, stated))
}

/// The state an act leaves the document it acts on in.
fn state_of(relation: Relation) -> Option<&'static str> {
    match relation {
        Relation::Replaces => Some("replaced"),
        Relation::Repeals => Some("repealed"),
        Relation::Amends => Some("amended"),
        Relation::Corrects => Some("corrected"),
        Relation::Consolidates => Some("consolidated"),
        _ => None,
    }
}

/// The plans of the archive, by their number key, for resolving citations.
pub struct Archive {
    by_number: HashMap<String, Vec<ArchivePlan>>,
}

struct ArchivePlan {
    id: String,
    date: Option<String>,
    year: Option<i32>,
    place: Option<String>,
}

impl Archive {
    /// The archive's plans whose numbers are among `keys`.
    pub fn load_numbers<'k>(index: &Index, keys: impl IntoIterator<Item = &'k str>) -> Result<Archive> {
        let mut by_number: HashMap<String, Vec<ArchivePlan>> = HashMap::new();
        for key in keys {
            if by_number.contains_key(key) {
                continue;
            }
            let plans = reader::records_with(index, index.fields.number_key, key)?;
            by_number.insert(
                key.to_string(),
                plans.into_iter().map(ArchivePlan::from).collect(),
            );
        }
        Ok(Archive { by_number })
    }

    /// An archive to fill with [`Archive::add`].
    pub fn empty() -> Archive {
        Archive {
            by_number: HashMap::new(),
        }
    }

    /// Adds one plan of the archive.
    pub fn add(&mut self, id: &str, plan: &crate::model::Plan) {
        if let Some(key) = plan.number.as_deref().and_then(crate::cite::canonical_key) {
            self.by_number.entry(key).or_default().push(ArchivePlan {
                id: id.to_string(),
                date: plan.date.clone(),
                year: plan.year,
                place: plan.place.clone(),
            });
        }
    }

    /// The id of the plan `citation` points to, if the archive holds exactly one.
    pub fn resolve(&self, citation: &Citation, citing_place: Option<&str>) -> Option<String> {
        let plans = self.by_number.get(&citation.key)?;
        let candidates: Vec<Candidate> = plans
            .iter()
            .map(|p| Candidate {
                number_key: citation.key.as_str(),
                date: p.date.as_deref(),
                year: p.year,
                place: p.place.as_deref(),
            })
            .collect();
        pick(citation, citing_place, &candidates).map(|i| plans[i].id.clone())
    }
}

impl From<PlanRecord> for ArchivePlan {
    fn from(record: PlanRecord) -> Self {
        ArchivePlan {
            id: record.id,
            date: record.plan.date,
            year: record.plan.year,
            place: record.plan.place,
        }
    }
}

/// A cited document and how many plans cite it.
#[derive(Debug, Clone, Serialize)]
pub struct CitedDocument {
    pub key: String,
    pub doc_type: Option<String>,
    /// Number of distinct plans citing it.
    pub plans: usize,
    /// Number of citations in all.
    pub citations: usize,
    pub in_archive: Option<String>,
}

/// How often one document is cited across the archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitedCount {
    pub key: String,
    /// Distinct plans citing it.
    pub plans: usize,
    /// Citations in all.
    pub citations: usize,
}

/// Every cited key with its counts, read from the `cites` postings (live plans only),
/// in no particular order. Costs one pass over the postings, never the document store.
pub fn cited_counts(index: &Index) -> Result<Vec<CitedCount>> {
    let searcher = index.searcher();
    let mut by_key: HashMap<String, CitedCount> = HashMap::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(index.fields.cites)?;
        let alive = segment.alive_bitset();
        let io = |e: std::io::Error| Error::Internal(format!("reading the citation postings: {e}"));
        let mut terms = inverted.terms().stream().map_err(io)?;
        while terms.advance() {
            let key = String::from_utf8_lossy(terms.key()).into_owned();
            if crate::query::learned::is_pair_term(&key) {
                continue;
            }
            let mut postings = inverted
                .read_postings_from_terminfo(terms.value(), IndexRecordOption::WithFreqs)
                .map_err(io)?;
            let (mut plans, mut citations) = (0, 0);
            let mut doc = postings.doc();
            while doc != tantivy::TERMINATED {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    plans += 1;
                    citations += postings.term_freq() as usize;
                }
                doc = postings.advance();
            }
            if plans > 0 {
                let entry = by_key.entry(key.clone()).or_insert(CitedCount {
                    key,
                    plans: 0,
                    citations: 0,
                });
                entry.plans += plans;
                entry.citations += citations;
            }
        }
    }
    Ok(by_key.into_values().collect())
}

/// Cited documents by the number of plans citing them, most first. On a tie in plans, a
/// document cited by its number ranks before a law cited by its name (the number names
/// one document, the name may stand for several versions), then by citations and key.
/// Counts come from the postings; only the `limit` documents shown read one citing plan
/// each, for their type and their link into the archive.
pub fn top_cited(index: &Index, limit: usize) -> Result<Vec<CitedDocument>> {
    let mut counts = cited_counts(index)?;
    let named = |key: &str| !key.starts_with(|c: char| c.is_ascii_digit());
    counts.sort_by(|a, b| {
        b.plans
            .cmp(&a.plans)
            .then(named(&a.key).cmp(&named(&b.key)))
            .then(b.citations.cmp(&a.citations))
            .then(a.key.cmp(&b.key))
    });
    counts.truncate(limit);
    let archive = Archive::load_numbers(index, counts.iter().map(|c| c.key.as_str()))?;
    let searcher = index.searcher();
    let mut documents = Vec::with_capacity(counts.len());
    for count in counts {
        let citing = reader::find_exact(&searcher, index.fields.cites, &count.key, 1)?;
        let record = match citing.first() {
            Some(address) => Some(reader::record_at(index, &searcher, *address)?),
            None => None,
        };
        let citation = record
            .as_ref()
            .and_then(|r| r.plan.citations.iter().find(|c| c.key == count.key));
        documents.push(CitedDocument {
            key: count.key,
            doc_type: citation.and_then(|c| c.doc_type.clone()),
            plans: count.plans,
            citations: count.citations,
            in_archive: citation
                .and_then(|c| archive.resolve(c, record.as_ref().and_then(|r| r.plan.place.as_deref()))),
        });
    }
    Ok(documents)
}

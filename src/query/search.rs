//! Full-text search: a user's query → ranked plans (or tasks) with snippets and facet
//! counts.
//!
//! Query syntax is what people type: words, a question or a pasted sentence; `"…"`
//! marks a phrase, which is required. The query text goes through the same analyzer
//! as the documents ([`crate::analysis`]): NFC, one tone-mark style, lower case, then
//! syllables grouped into words by the lexicon ([`crate::analysis::query`]), each with
//! its other spellings (`bình đẳng giới` ↔ `BĐG`). What is returned and in what order
//! is [`crate::query::rank`]'s: any word may match, plans that hold every word of a
//! short query come first, and each hit says whether it holds every word
//! ([`SearchHit::all_words`]); [`Match::All`] returns only those. Filters (year,
//! place, type, cited key) narrow the set without changing scores; `total` and facet
//! counts are taken over the set returned. A task search ranks the best plans, then
//! their tasks, with the same ranking ([`crate::query::tasks`]).
//!
//! ```no_run
//! use plancite::query::search::{search, SearchRequest};
//! # let index = plancite::index::Index::open(std::path::Path::new("plancite-index"))?;
//! let mut request = SearchRequest::new("binh dang gioi");
//! request.place = Some("Hải Phòng".into());
//! let result = search(&index, &request)?;
//! assert!(result.hits.iter().all(|h| h.summary.place.as_deref() == Some("Hải Phòng")));
//! # Ok::<(), plancite::Error>(())
//! ```

use std::collections::BTreeMap;
use std::ops::Bound;

use serde::Serialize;
use tantivy::collector::Count;
use tantivy::query::{Query, RangeQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Searcher, Term};

use crate::analysis::filter_key;
use crate::error::{Error, Result};
use crate::index::schema::{KIND_PLAN, KIND_TASK};
use crate::index::{Index, reader};
use crate::ingest::clean;
use crate::model::PlanSummary;
use crate::query::highlight::{Highlighter, Snippet};
use crate::query::rank::{Idf, QueryWords, Ranking, Scope, facet_collector, rank, term_query};
pub use crate::query::request::{Level, MAX_LIMIT, MAX_OFFSET, MAX_QUERY_CHARS, Match, SearchRequest};
use crate::query::tasks::{self, TaskIndex};

const SNIPPET_CHARS: usize = 220;
/// Fewest plans a task search reads (more when a deeper page is asked for).
const TASK_SEARCH_MIN_PLANS: usize = 500;

#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    pub id: String,
    /// The plan's (for a task, its plan's) file, number, type, place and date.
    #[serde(flatten)]
    pub summary: PlanSummary,
    pub title: Option<String>,
    pub score: f32,
    /// It holds every word of the query.
    pub all_words: bool,
    /// A passage of the text and its matched words (HTML with `<mark>` in JSON).
    pub snippet: Snippet,
    /// For a task: the id of its plan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    /// For a task: its place in the plan's outline (`II.2`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Facets {
    pub year: BTreeMap<String, u64>,
    pub place: BTreeMap<String, u64>,
    pub doc_type: BTreeMap<String, u64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchResult {
    /// Whether the hits are plans or tasks (not part of the JSON, which says it by shape).
    #[serde(skip)]
    pub level: Level,
    pub query: String,
    /// How many plans (or tasks) the query returns: see [`crate::query::rank`].
    pub total: usize,
    /// How many of them hold every word of the query.
    pub all_words_total: usize,
    /// For tasks: more plans matched than a task search reads ([`crate::query::tasks::MAX_PLANS`], the
    /// best-scoring first), so `total` counts the tasks of those.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub partial: bool,
    pub hits: Vec<SearchHit>,
    pub facets: Facets,
}

/// Runs a search.
pub fn search(index: &Index, request: &SearchRequest) -> Result<SearchResult> {
    request.validate()?;
    search_unlimited(index, request)
}

/// A search whose `limit` is not capped, for callers inside plancite that need every
/// hit (trace). The query length and filters are still checked.
pub(crate) fn search_unlimited(index: &Index, request: &SearchRequest) -> Result<SearchResult> {
    request.validate_filters()?;
    let searcher = index.searcher();
    let words = QueryWords::parse(&searcher, &index.fields, &request.query);
    let filters = filters(index, request)?;
    match request.level {
        Level::Plan => {
            let scope = Scope {
                mode: request.match_mode,
                kind: KIND_PLAN,
                filters,
                offset: request.offset,
                limit: request.limit,
            };
            let ranking = rank(&index.fields, &searcher, &words, scope)?;
            page(index, &searcher, &words, ranking, request, |address| {
                let record = reader::record_at(index, &searcher, address)?;
                // Cleaned in page, only as far as its passage needs.
                let text = reader::plan_text(index, &searcher, &record.id)?;
                Ok((plan_hit(record), HitText::Raw(text)))
            })
        }
        Level::Task => {
            // Enough plans for the page asked for, and for trace's long lists.
            let plans = (request.offset + request.limit).clamp(TASK_SEARCH_MIN_PLANS, tasks::MAX_PLANS);
            let scope = Scope {
                mode: request.match_mode,
                kind: KIND_PLAN,
                filters,
                offset: 0,
                limit: plans,
            };
            let best = rank(&index.fields, &searcher, &words, scope)?;
            let matched = searcher.search(&*best.set, &Count)?;
            let addresses: Vec<DocAddress> = best.hits.iter().map(|h| h.address).collect();
            let tasks = TaskIndex::of_plans(index, &searcher, &addresses, matched > plans)?;
            let task_searcher = tasks.index.searcher();
            let scope = Scope {
                mode: request.match_mode,
                kind: KIND_TASK,
                filters: Vec::new(),
                offset: request.offset,
                limit: request.limit,
            };
            let ranking = rank(&tasks.index.fields, &task_searcher, &words, scope)?;
            let mut result = page(
                &tasks.index,
                &task_searcher,
                &words,
                ranking,
                request,
                |address| {
                    Ok((
                        task_hit(reader::task_at(&tasks.index, &task_searcher, address)?),
                        HitText::Cleaned(reader::text_at(&tasks.index, &task_searcher, address)?),
                    ))
                },
            )?;
            result.partial = tasks.partial;
            Ok(result)
        }
    }
}

/// The text a hit's snippet is cut from.
enum HitText {
    /// A task's text, as shown.
    Cleaned(String),
    /// A plan's text as decoded: what is shown is its [`clean::body`].
    Raw(String),
}

/// The page of a ranking, with its total, facet counts and snippets. `hit` reads one
/// hit with the text its snippet is cut from.
fn page(
    index: &Index,
    searcher: &Searcher,
    words: &QueryWords,
    ranking: Ranking,
    request: &SearchRequest,
    hit: impl Fn(DocAddress) -> Result<(SearchHit, HitText)>,
) -> Result<SearchResult> {
    let (total, facet_counts) = match ranking.facets {
        Some(counts) => (ranking.all_words_total, counts),
        None => searcher.search(&*ranking.set, &(Count, facet_collector()))?,
    };
    let idf = Idf::new(searcher, &index.fields);
    let highlighter = Highlighter::new(&words.words, &words.phrases, &|folded| idf.of(folded));
    let mut hits = Vec::with_capacity(ranking.hits.len());
    for ranked in ranking.hits {
        let (mut found, text) = hit(ranked.address)?;
        found.score = ranked.score;
        found.all_words = ranked.all_words;
        found.snippet = match text {
            HitText::Cleaned(text) => highlighter.snippet(&text, SNIPPET_CHARS),
            HitText::Raw(text) => highlighter.snippet_of_raw(&text, clean::body, SNIPPET_CHARS),
        };
        hits.push(found);
    }
    let counts = |root: &str| -> BTreeMap<String, u64> {
        facet_counts
            .get(root)
            .map(|(facet, count)| (facet.to_path().last().unwrap_or(&"").to_string(), count))
            .collect()
    };
    Ok(SearchResult {
        level: request.level,
        query: request.query.clone(),
        total,
        all_words_total: ranking.all_words_total,
        partial: false,
        hits,
        facets: Facets {
            year: counts("/year"),
            place: counts("/place"),
            doc_type: counts("/doc_type"),
        },
    })
}

fn plan_hit(record: crate::index::PlanRecord) -> SearchHit {
    SearchHit {
        summary: record.plan.summary(),
        id: record.id,
        title: record.plan.title,
        score: 0.0,
        all_words: false,
        snippet: Snippet::default(),
        plan: None,
        path: None,
    }
}

fn task_hit(task: crate::index::TaskRecord) -> SearchHit {
    SearchHit {
        id: task.id,
        summary: task.summary,
        title: Some(task.heading),
        score: 0.0,
        all_words: false,
        snippet: Snippet::default(),
        plan: Some(task.plan),
        path: Some(task.path),
    }
}

/// The request's filters (year, place, type, cited key) as queries.
fn filters(index: &Index, request: &SearchRequest) -> Result<Vec<Box<dyn Query>>> {
    let f = &index.fields;
    let mut clauses: Vec<Box<dyn Query>> = Vec::new();
    let year_term = |y: i32| Term::from_field_i64(f.year, y.into());
    if let Some(year) = request.year {
        clauses.push(Box::new(TermQuery::new(
            year_term(year),
            IndexRecordOption::Basic,
        )));
    }
    if request.from.is_some() || request.to.is_some() {
        let lower = request
            .from
            .map_or(Bound::Unbounded, |y| Bound::Included(year_term(y)));
        let upper = request
            .to
            .map_or(Bound::Unbounded, |y| Bound::Included(year_term(y)));
        clauses.push(Box::new(RangeQuery::new(lower, upper)));
    }
    if let Some(place) = request.place.as_deref().filter(|p| !p.trim().is_empty()) {
        clauses.push(term_query(f.place_key, &filter_key(place)));
    }
    if let Some(doc_type) = request.doc_type.as_deref().filter(|t| !t.trim().is_empty()) {
        clauses.push(term_query(f.type_key, &filter_key(doc_type)));
    }
    if let Some(cites) = request.cites.as_deref().filter(|c| !c.trim().is_empty()) {
        let key = crate::cite::parse_key(cites).ok_or_else(|| {
            Error::BadInput(format!("cites: {cites:?} is not a document number or law name"))
        })?;
        clauses.push(term_query(f.cites, &key));
    }
    Ok(clauses)
}

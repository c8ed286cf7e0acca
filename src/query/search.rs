//! Full-text search: a user's query → ranked plans with snippets and facet counts.
//!
//! Query syntax is what people type: words are AND-ed, `"…"` marks a phrase. The
//! query text goes through the same analyzer as the documents ([`crate::analysis`]):
//! NFC, one tone-mark style, lower case, then syllables grouped into words by the
//! lexicon ([`crate::analysis::query`]). Each word must be found, as its syllables
//! side by side (a phrase over the syllable positions; one syllable is a term), or as
//! one of its other spellings: the abbreviation of an expansion (`bình đẳng giới` →
//! `BĐG`) or the expansions of an abbreviation (`VSTBCPN` → `vì sự tiến bộ của phụ
//! nữ`), from the built-in list and from the definitions the indexed plans make. So
//! `da dang hoa` finds the plans with `đa dạng hóa` and not a plan with `đa dạng` in
//! one place and `hóa` in another. A word typed without marks matches every accented
//! form (folded field); typed with marks it also scores its exact form, so `đường`
//! ranks plans with `đường` above plans with only `dương`. The words of an unquoted
//! query also count as a phrase, so plans where they stand together rank above plans
//! where they are apart. Quoted phrases are taken as typed (no abbreviations).
//! Filters (year, place, type, cited key) narrow the set without changing scores;
//! facet counts are taken over the filtered set.
//!
//! ```no_run
//! use plancite::query::search::{search, SearchRequest};
//! # let index = plancite::index::Index::open(std::path::Path::new("plancite-index"))?;
//! let mut request = SearchRequest::new("binh dang gioi");
//! request.place = Some("Hải Phòng".into());
//! let result = search(&index, &request)?;
//! assert!(result.hits.iter().all(|h| h.place.as_deref() == Some("Hải Phòng")));
//! # Ok::<(), plancite::Error>(())
//! ```

use std::collections::BTreeMap;
use std::ops::Bound;

use serde::Serialize;
use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Searcher, Term};

use crate::analysis::abbrev::{self, Lookup};
use crate::analysis::filter_key;
use crate::analysis::normalize::{exact_form, folded_form, normalize_text};
use crate::analysis::query::{Analysed, Syllable, Unit, analyse, syllables};
use crate::error::{Error, Result};
use crate::index::schema::Fields;
use crate::index::{Index, reader};
use crate::query::tasks::TaskIndex;

/// Most hits one request may ask for.
pub const MAX_LIMIT: usize = 100;
/// Deepest page one may ask for: `offset` plus `limit` at most this.
pub const MAX_OFFSET: usize = 10_000;
/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 1000;
/// How much more an exact (accented) match weighs than a folded one.
const EXACT_BOOST: f32 = 2.0;
/// How much a query's words standing together add.
const ADJACENCY_BOOST: f32 = 3.0;
const SNIPPET_CHARS: usize = 220;
/// Fewest plans a task search reads (more when a deeper page is asked for).
const TASK_SEARCH_MIN_PLANS: usize = 500;

#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    pub query: String,
    pub year: Option<i32>,
    pub from: Option<i32>,
    pub to: Option<i32>,
    pub place: Option<String>,
    pub doc_type: Option<String>,
    /// Only plans that cite this key (typed any way [`crate::cite::parse_key`] reads).
    pub cites: Option<String>,
    pub offset: usize,
    pub limit: usize,
    /// Whole plans, or their tasks (sections) one by one.
    pub level: Level,
}

/// What a search returns: plans, or tasks with their plan.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    #[default]
    Plan,
    Task,
}

impl std::str::FromStr for Level {
    type Err = Error;
    fn from_str(s: &str) -> Result<Level> {
        match s {
            "plan" => Ok(Level::Plan),
            "task" => Ok(Level::Task),
            _ => Err(Error::BadInput(format!("level must be plan or task, not {s:?}"))),
        }
    }
}

impl SearchRequest {
    pub fn new(query: &str) -> Self {
        SearchRequest {
            query: query.to_string(),
            limit: 10,
            ..Default::default()
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    pub id: String,
    pub file: String,
    pub number: Option<String>,
    pub doc_type: Option<String>,
    pub place: Option<String>,
    pub date: Option<String>,
    pub year: Option<i32>,
    pub title: Option<String>,
    pub score: f32,
    /// A passage of the text, HTML-escaped, with `<mark>` around matched words.
    pub snippet: String,
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
    pub total: usize,
    /// For tasks: more plans matched than a task search reads ([`crate::query::tasks::MAX_PLANS`], the
    /// best-scoring first), so `total` counts the tasks of those.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub partial: bool,
    pub hits: Vec<SearchHit>,
    pub facets: Facets,
}

/// Runs a search.
pub fn search(index: &Index, request: &SearchRequest) -> Result<SearchResult> {
    validate(request)?;
    search_unlimited(index, request)
}

/// A search whose `limit` is not capped, for callers inside plancite that need every
/// hit (trace). The query length and filters are still checked.
pub(crate) fn search_unlimited(index: &Index, request: &SearchRequest) -> Result<SearchResult> {
    validate(&SearchRequest {
        limit: 1,
        ..request.clone()
    })?;
    let searcher = index.searcher();
    let text_query = text_query(index, &request.query)?;
    let plan_query = with_filters(index, text_query.box_clone(), request)?;
    match request.level {
        Level::Plan => ranked(index, &searcher, &*plan_query, &*text_query, request, |address| {
            let record = reader::record_at(index, &searcher, address)?;
            let body = reader::plan_body(index, &searcher, &record.id)?;
            Ok((plan_hit(record), body))
        }),
        Level::Task => {
            // Enough plans for the page asked for, and for trace's long lists.
            let plans = (request.offset + request.limit).max(TASK_SEARCH_MIN_PLANS);
            let tasks = TaskIndex::of_best_plans(index, &searcher, &*plan_query, plans)?;
            let task_searcher = tasks.index.searcher();
            let mut result = ranked(
                &tasks.index,
                &task_searcher,
                &*text_query,
                &*text_query,
                request,
                |address| {
                    Ok((
                        task_hit(reader::task_at(&tasks.index, &task_searcher, address)?),
                        reader::text_at(&tasks.index, &task_searcher, address)?,
                    ))
                },
            )?;
            result.partial = tasks.partial;
            Ok(result)
        }
    }
}

/// The page of hits `request` asks for among the documents `query` matches, with their
/// total, facet counts and snippets (`text_query` is what the snippets light up).
/// `hit` reads one hit with the text its snippet is cut from.
fn ranked(
    index: &Index,
    searcher: &Searcher,
    query: &dyn Query,
    text_query: &dyn Query,
    request: &SearchRequest,
    hit: impl Fn(DocAddress) -> Result<(SearchHit, String)>,
) -> Result<SearchResult> {
    let mut facet_collector = FacetCollector::for_field(crate::index::schema::FACETS);
    for facet in ["/year", "/place", "/doc_type"] {
        facet_collector.add_facet(facet);
    }
    let top = TopDocs::with_limit(request.limit.max(1))
        .and_offset(request.offset)
        .order_by_score();
    let (top_docs, total, facet_counts) = searcher.search(query, &(top, Count, facet_collector))?;
    let snippets = snippet_generator(searcher, index, text_query)?;
    let highlighter = Highlighter::new(&request.query);
    let mut hits = Vec::with_capacity(top_docs.len());
    for (score, address) in top_docs.into_iter().take(request.limit) {
        let (mut found, text) = hit(address)?;
        found.score = score;
        if let Some(generator) = &snippets {
            found.snippet = highlighter.render(generator, &text);
        }
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
    let plan = record.plan;
    SearchHit {
        id: record.id,
        file: plan.file,
        number: plan.number,
        doc_type: plan.doc_type,
        place: plan.place,
        date: plan.date,
        year: plan.year,
        title: plan.title,
        score: 0.0,
        snippet: String::new(),
        plan: None,
        path: None,
    }
}

fn task_hit(task: crate::index::TaskRecord) -> SearchHit {
    SearchHit {
        id: task.id,
        file: task.file,
        number: task.number,
        doc_type: task.doc_type,
        place: task.place,
        date: task.date,
        year: task.year,
        title: Some(task.heading),
        score: 0.0,
        snippet: String::new(),
        plan: Some(task.plan),
        path: Some(task.path),
    }
}

fn validate(request: &SearchRequest) -> Result<()> {
    if request.limit == 0 || request.limit > MAX_LIMIT {
        return Err(Error::BadInput(format!(
            "limit must be between 1 and {MAX_LIMIT}, not {}",
            request.limit
        )));
    }
    if request.offset > MAX_OFFSET {
        return Err(Error::BadInput(format!(
            "offset must be at most {MAX_OFFSET}, not {}",
            request.offset
        )));
    }
    if request.query.chars().count() > MAX_QUERY_CHARS {
        return Err(Error::BadInput(format!(
            "query is longer than {MAX_QUERY_CHARS} characters"
        )));
    }
    if request.year.is_some() && (request.from.is_some() || request.to.is_some()) {
        return Err(Error::BadInput("give either year or from/to, not both".into()));
    }
    if let (Some(from), Some(to)) = (request.from, request.to)
        && from > to
    {
        return Err(Error::BadInput(format!("from ({from}) is after to ({to})")));
    }
    Ok(())
}

/// A piece of the user's query: a bare word or a quoted phrase.
#[derive(Debug, Clone, PartialEq)]
enum Clause {
    Words(String),
    Phrase(String),
}

fn clauses(query: &str) -> Vec<Clause> {
    let mut out = Vec::new();
    for (i, part) in query.split('"').enumerate() {
        if part.trim().is_empty() {
            continue;
        }
        // Odd pieces lie between quotes. An unclosed quote still makes a phrase.
        out.push(if i % 2 == 1 {
            Clause::Phrase(part.to_string())
        } else {
            Clause::Words(part.to_string())
        });
    }
    out
}

/// Abbreviations from the built-in list and from the definitions the indexed plans
/// make (their `abbrevs` terms), read from the searcher's term dictionaries: a prefix
/// range per lookup and segment, a few per query.
struct IndexLookup<'s> {
    searcher: &'s Searcher,
    field: Field,
}

impl IndexLookup<'_> {
    /// The rest of every `abbrevs` term that starts with `prefix`.
    fn scan(&self, prefix: &str, out: &mut Vec<String>) {
        // Prefixes end in `=`; the next byte value bounds the range.
        let Some(stem) = prefix.strip_suffix('=') else {
            return;
        };
        let upper = format!("{stem}>");
        for segment in self.searcher.segment_readers() {
            let Ok(inverted) = segment.inverted_index(self.field) else {
                continue;
            };
            let Ok(mut stream) = inverted
                .terms()
                .range()
                .ge(prefix.as_bytes())
                .lt(upper.as_bytes())
                .into_stream()
            else {
                continue;
            };
            while stream.advance() {
                // A plan deleted but not yet merged away teaches nothing.
                let live = segment.alive_bitset().is_none_or(|alive| {
                    inverted
                        .read_postings_from_terminfo(stream.value(), IndexRecordOption::Basic)
                        .is_ok_and(|postings| postings.doc_freq_given_deletes(alive) > 0)
                });
                if !live {
                    continue;
                }
                if let Some(rest) = std::str::from_utf8(stream.key())
                    .ok()
                    .and_then(|t| t.strip_prefix(prefix))
                    && !out.iter().any(|o| o == rest)
                {
                    out.push(rest.to_string());
                }
            }
        }
    }
}

impl Lookup for IndexLookup<'_> {
    fn expansions(&self, abbreviation: &str) -> Vec<String> {
        let mut out = abbrev::built_in().expansions(abbreviation);
        self.scan(&abbrev::forward_prefix(abbreviation), &mut out);
        out
    }

    fn abbreviations(&self, expansion: &str) -> Vec<String> {
        let mut out = abbrev::built_in().abbreviations(expansion);
        self.scan(&abbrev::reverse_prefix(expansion), &mut out);
        out
    }
}

fn term_query(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

/// Terms side by side in one field (one term: a term query).
fn side_by_side(field: Field, syllables: &[&str]) -> Option<Box<dyn Query>> {
    match syllables {
        [] => None,
        [one] => Some(term_query(field, one)),
        many => {
            let terms = many.iter().map(|s| Term::from_field_text(field, s)).collect();
            Some(Box::new(PhraseQuery::new(terms)))
        }
    }
}

/// Syllables as typed, side by side: the folded form must match; when every
/// syllable was typed with marks, plans that have those exact forms score more.
fn typed_query(f: &Fields, syllables: &[Syllable]) -> Option<Box<dyn Query>> {
    let folded: Vec<&str> = syllables.iter().map(|s| s.folded.as_str()).collect();
    let folded_query = side_by_side(f.body_folded, &folded)?;
    if !syllables.iter().all(|s| s.marked) {
        return Some(folded_query);
    }
    // The marked field says which forms a plan has, not where: it adds to the score of
    // what the folded query found (every typed form present), and never finds on its own.
    let exact_query: Box<dyn Query> = Box::new(BooleanQuery::new(
        syllables
            .iter()
            .map(|s| (Occur::Must, term_query(f.marked, &s.exact)))
            .collect(),
    ));
    Some(Box::new(BooleanQuery::new(vec![
        (Occur::Must, folded_query),
        (Occur::Should, Box::new(BoostQuery::new(exact_query, EXACT_BOOST))),
    ])))
}

/// One word of the query: as typed, or as any of its alternatives.
fn unit_query(f: &Fields, analysed: &Analysed, unit: &Unit) -> Option<Box<dyn Query>> {
    let typed = typed_query(f, analysed.of(unit))?;
    if unit.alternatives.is_empty() {
        return Some(typed);
    }
    let mut any: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Should, typed)];
    for alternative in &unit.alternatives {
        let syllables: Vec<&str> = alternative.iter().map(String::as_str).collect();
        if let Some(q) = side_by_side(f.body_folded, &syllables) {
            any.push((Occur::Should, q));
        }
    }
    Some(Box::new(BooleanQuery::new(any)))
}

/// The part of the query that scores: words and phrases, without filters. An empty
/// query matches every plan.
fn text_query(index: &Index, query: &str) -> Result<Box<dyn Query>> {
    let f = &index.fields;
    let searcher = index.searcher();
    let lookup = IndexLookup {
        searcher: &searcher,
        field: f.abbrevs,
    };
    let query = normalize_text(query);
    let mut must: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for clause in clauses(&query) {
        match clause {
            Clause::Words(text) => {
                let analysed = analyse(&text, &lookup);
                for unit in &analysed.units {
                    if let Some(q) = unit_query(f, &analysed, unit) {
                        must.push((Occur::Must, q));
                    }
                }
                // Words standing together in the order typed count for more.
                if analysed.units.len() > 1 {
                    let folded: Vec<&str> = analysed.syllables.iter().map(|s| s.folded.as_str()).collect();
                    if let Some(together) = side_by_side(f.body_folded, &folded) {
                        must.push((
                            Occur::Should,
                            Box::new(BoostQuery::new(together, ADJACENCY_BOOST)),
                        ));
                    }
                }
            }
            Clause::Phrase(text) => {
                if let Some(q) = typed_query(f, &syllables(&text)) {
                    must.push((Occur::Must, q));
                }
            }
        }
    }
    if !must.iter().any(|(occur, _)| *occur == Occur::Must) {
        return Ok(Box::new(AllQuery));
    }
    Ok(Box::new(BooleanQuery::new(must)))
}

fn with_filters(index: &Index, text: Box<dyn Query>, request: &SearchRequest) -> Result<Box<dyn Query>> {
    let f = &index.fields;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text)];
    clauses.push((Occur::Must, term_query(f.kind, crate::index::schema::KIND_PLAN)));
    let year_term = |y: i32| Term::from_field_i64(f.year, y.into());
    if let Some(year) = request.year {
        clauses.push((
            Occur::Must,
            Box::new(TermQuery::new(year_term(year), IndexRecordOption::Basic)),
        ));
    }
    if request.from.is_some() || request.to.is_some() {
        let lower = request
            .from
            .map_or(Bound::Unbounded, |y| Bound::Included(year_term(y)));
        let upper = request
            .to
            .map_or(Bound::Unbounded, |y| Bound::Included(year_term(y)));
        clauses.push((Occur::Must, Box::new(RangeQuery::new(lower, upper))));
    }
    if let Some(place) = request.place.as_deref().filter(|p| !p.trim().is_empty()) {
        clauses.push((Occur::Must, term_query(f.place_key, &filter_key(place))));
    }
    if let Some(doc_type) = request.doc_type.as_deref().filter(|t| !t.trim().is_empty()) {
        clauses.push((Occur::Must, term_query(f.type_key, &filter_key(doc_type))));
    }
    if let Some(cites) = request.cites.as_deref().filter(|c| !c.trim().is_empty()) {
        let key = crate::cite::parse_key(cites).ok_or_else(|| {
            Error::BadInput(format!("cites: {cites:?} is not a document number or law name"))
        })?;
        clauses.push((Occur::Must, term_query(f.cites, &key)));
    }
    // Filters must not change scores.
    for clause in clauses.iter_mut().skip(1) {
        clause.1 = Box::new(BoostQuery::new(clause.1.box_clone(), 0.0));
    }
    Ok(Box::new(BooleanQuery::new(clauses)))
}

fn snippet_generator(
    searcher: &Searcher,
    index: &Index,
    query: &dyn Query,
) -> Result<Option<SnippetGenerator>> {
    let mut has_terms = false;
    query.query_terms(&mut |_, _| has_terms = true);
    if !has_terms {
        return Ok(None);
    }
    let mut generator = SnippetGenerator::create(searcher, query, index.fields.body_folded)?;
    generator.set_max_num_chars(SNIPPET_CHARS);
    Ok(Some(generator))
}

/// Marks a word typed with marks only where the text has that exact form: `đẳng` must
/// not light up `Đảng`, though both fold to `dang` and the folded field found them.
#[derive(Debug, Default)]
struct Highlighter {
    /// (exact, folded) of each query syllable typed with marks.
    marked: Vec<(String, String)>,
}

impl Highlighter {
    fn new(query: &str) -> Self {
        let marked = syllables(&normalize_text(query))
            .into_iter()
            .filter(|s| s.marked)
            .map(|s| (s.exact, s.folded))
            .collect();
        Highlighter { marked }
    }

    fn keeps(&self, word: &str) -> bool {
        let (exact, folded) = (exact_form(word), folded_form(word));
        let other_form_of_marked = self.marked.iter().any(|(e, f)| *f == folded && *e != exact);
        let exactly_marked = self.marked.iter().any(|(e, _)| *e == exact);
        exactly_marked || !other_form_of_marked
    }

    /// The snippet as HTML: text escaped, kept matches in `<mark>`, and matches separated
    /// only by spaces marked as one (`<mark>bình đẳng giới</mark>`).
    fn render(&self, generator: &SnippetGenerator, text: &str) -> String {
        let snippet = generator.snippet(text);
        let fragment = snippet.fragment();
        let mut marks: Vec<std::ops::Range<usize>> = Vec::new();
        for range in snippet.highlighted() {
            let Some(word) = fragment.get(range.clone()) else {
                continue;
            };
            if !self.keeps(word) {
                continue;
            }
            match marks.last_mut() {
                Some(last)
                    if fragment
                        .get(last.end..range.start)
                        .is_some_and(|gap| gap.trim().is_empty()) =>
                {
                    last.end = range.end;
                }
                _ => marks.push(range.clone()),
            }
        }
        let mut html = String::with_capacity(fragment.len() + 64);
        let mut at = 0;
        for range in marks {
            html.push_str(&crate::escape::escape(&fragment[at..range.start]));
            html.push_str("<mark>");
            html.push_str(&crate::escape::escape(&fragment[range.clone()]));
            html.push_str("</mark>");
            at = range.end;
        }
        html.push_str(&crate::escape::escape(&fragment[at..]));
        html
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_clauses() {
        let cases: &[(&str, &[Clause])] = &[
            ("bình đẳng giới", &[Clause::Words("bình đẳng giới".into())]),
            (
                "\"bo luat lao dong\" 2019",
                &[
                    Clause::Phrase("bo luat lao dong".into()),
                    Clause::Words(" 2019".into()),
                ],
            ),
            ("\"unclosed phrase", &[Clause::Phrase("unclosed phrase".into())]),
            ("  ", &[]),
        ];
        for (input, want) in cases {
            assert_eq!(clauses(input), *want, "{input}");
        }
    }
}

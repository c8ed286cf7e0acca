//! Ranking: which documents a query returns, and in what order — one ranking for
//! keyword queries and questions, for plans and tasks alike.
//!
//! Two steps, as Elasticsearch's query-then-rescore:
//!
//! 1. **Recall.** A `BooleanQuery` of `Should` term queries, one per syllable of the
//!    query's words (plus each word's other spellings: `BĐG` for `bình đẳng giới`),
//!    scored by tantivy's BM25 over the folded body, where any word may match. With no
//!    filter it is a pure union of term queries, which tantivy runs with block-max
//!    WAND under `TopDocs`. A word common to every plan (`có`, `được`, `không`) weighs
//!    next to nothing there: its inverse document frequency says so, no hand list does.
//!    Quoted phrases are required. With [`Match::All`] the recall is every word instead
//!    (each as its syllables side by side), as `plancite search` was before.
//! 2. **Rescore** the best [`RESCORE_WINDOW`] (or the page asked for, if deeper), and
//!    for a short query the best of the plans holding every word, with what BM25 on
//!    syllables misses
//!    (Meilisearch's ranking rules, as scores):
//!    - *words*: each query word (lindera's, not a syllable) found as its syllables
//!      side by side, its BM25 as a phrase, plus its inverse document frequency once —
//!      so the more of the query's informative words a plan holds, the higher;
//!    - *proximity*: two neighbouring query words close together (a phrase with slop),
//!      and all of them side by side in the order typed (a sentence copied from a plan);
//!    - *attribute*: the query's syllables in the title (a plan's title, a task's or
//!      an article's heading);
//!    - *exactness*: a word typed with marks found in that exact form.
//!
//!    For a short keyword query (at most [`SHORT_QUERY_WORDS`] words) the plans that
//!    hold every word come first, as before, and among them those with more of the
//!    words typed with marks in that exact form; a longer query (a question, a pasted
//!    sentence) ranks by score alone, where holding a word counts through *words*.
//!
//! The set a query returns — what `total` and the facets count — is what the recall
//! matches: every document holding at least one syllable of the query's words (all
//! its words with [`Match::All`]), within the filters.

use std::collections::HashMap;

use tantivy::collector::{Count, FacetCollector, FacetCounts, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EnableScoring, Occur, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, DocId, DocSet, Searcher, SeekDangerResult, TERMINATED, Term};

use crate::analysis::abbrev::{self, Lookup};
use crate::analysis::normalize::normalize_text;
use crate::analysis::query::{Analysed, Syllable, analyse, syllables};
use crate::error::Result;
use crate::index::schema::Fields;

/// How many of the best recalled documents are rescored (more when a deeper page is
/// asked for).
pub const RESCORE_WINDOW: usize = 100;
/// Queries of at most this many words rank the documents holding every word first.
pub const SHORT_QUERY_WORDS: usize = 4;
/// Weight of a query word's phrase score (its syllables side by side).
const WORD_WEIGHT: f32 = 1.0;
/// Weight of a held word's inverse document frequency (counted once per word).
const COVER_WEIGHT: f32 = 2.0;
/// Weight of two neighbouring query words standing close together.
const PROXIMITY_WEIGHT: f32 = 1.0;
/// Most syllables between two neighbouring query words that still count as close.
const PROXIMITY_SLOP: u32 = 1;
/// Weight of all the words of the query standing together, in the order typed.
const TOGETHER_WEIGHT: f32 = 3.0;
/// Weight of the query's syllables in the title.
const TITLE_WEIGHT: f32 = 1.0;
/// Weight of a word typed with marks found in that exact form.
const EXACT_WEIGHT: f32 = 1.0;

/// Which documents a query returns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Match {
    /// Any document holding one of the query's words, best first.
    #[default]
    Any,
    /// Only documents holding every word.
    All,
}

/// A piece of the user's query: a bare word or a quoted phrase.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Clause {
    Words(String),
    Phrase(String),
}

pub(crate) fn clauses(query: &str) -> Vec<Clause> {
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

/// The words of a query, analysed once, with the index's abbreviations.
#[derive(Debug, Clone, Default)]
pub(crate) struct QueryWords {
    /// Each unquoted part of the query.
    pub words: Vec<Analysed>,
    /// Each quoted phrase, as typed.
    pub phrases: Vec<Vec<Syllable>>,
}

impl QueryWords {
    pub fn parse(searcher: &Searcher, fields: &Fields, query: &str) -> QueryWords {
        let lookup = IndexLookup {
            searcher,
            field: fields.abbrevs,
        };
        let query = normalize_text(query);
        let mut out = QueryWords::default();
        for clause in clauses(&query) {
            match clause {
                Clause::Words(text) => {
                    let analysed = analyse(&text, &lookup);
                    if !analysed.units.is_empty() {
                        out.words.push(analysed);
                    }
                }
                Clause::Phrase(text) => {
                    let s = syllables(&text);
                    if !s.is_empty() {
                        out.phrases.push(s);
                    }
                }
            }
        }
        out
    }

    /// How many words the query asks for (words and quoted phrases).
    pub fn count(&self) -> usize {
        self.words.iter().map(|a| a.units.len()).sum::<usize>() + self.phrases.len()
    }
}

/// One document of a ranking.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ranked {
    pub address: DocAddress,
    pub score: f32,
    /// It holds every word of the query.
    pub all_words: bool,
    /// How many of the words typed with marks it holds in that form.
    pub exact: u32,
}

/// A ranking's page and counts.
pub(crate) struct Ranking {
    /// The documents from `offset`, at most `limit`.
    pub hits: Vec<Ranked>,
    /// The set the query returns, within the filters (what `total` and facets count).
    pub set: Box<dyn Query>,
    /// Documents within the filters that hold every word.
    pub all_words_total: usize,
    /// The facet counts of `set`, when the ranking already went through it.
    pub facets: Option<FacetCounts>,
}

/// The collector of the facets a search counts (year, place, type).
pub(crate) fn facet_collector() -> FacetCollector {
    let mut collector = FacetCollector::for_field(crate::index::schema::FACETS);
    for facet in ["/year", "/place", "/doc_type"] {
        collector.add_facet(facet);
    }
    collector
}

/// What a ranking is asked for: which documents, and which page of them.
pub(crate) struct Scope<'k> {
    pub mode: Match,
    /// `plan` or `task`: the documents ranked.
    pub kind: &'k str,
    /// Queries every document returned must match (they do not score).
    pub filters: Vec<Box<dyn Query>>,
    pub offset: usize,
    pub limit: usize,
}

/// Ranks the documents of `searcher` for `words`.
pub(crate) fn rank(
    fields: &Fields,
    searcher: &Searcher,
    words: &QueryWords,
    scope: Scope,
) -> Result<Ranking> {
    let Scope {
        mode,
        kind,
        filters,
        offset,
        limit,
    } = scope;
    let plan = Plan::new(fields, searcher, words);
    let filtered = |query: Box<dyn Query>| -> Box<dyn Query> {
        if filters.is_empty() {
            return query;
        }
        let mut clauses = vec![(Occur::Must, query)];
        for filter in &filters {
            // Filters must not change scores.
            clauses.push((Occur::Must, Box::new(BoostQuery::new(filter.box_clone(), 0.0))));
        }
        Box::new(BooleanQuery::new(clauses))
    };
    let Some(any) = plan.any.as_ref() else {
        // No words: every document of the kind, within the filters.
        let every: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
            (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
            (Occur::Must, term_query(fields.kind, kind)),
        ]));
        let set = filtered(every);
        let top = TopDocs::with_limit(offset + limit).order_by_score();
        let (docs, total) = searcher.search(&*set, &(top, Count))?;
        let hits = docs
            .into_iter()
            .skip(offset)
            .map(|(score, address)| Ranked {
                address,
                score,
                all_words: true,
                exact: 0,
            })
            .collect();
        return Ok(Ranking {
            hits,
            set,
            all_words_total: total,
            facets: None,
        });
    };
    let every = filtered(plan.every.box_clone());
    let set = match mode {
        Match::Any => filtered(any.box_clone()),
        Match::All => every.box_clone(),
    };
    let window = (offset + limit).max(RESCORE_WINDOW);
    let top = || TopDocs::with_limit(window).order_by_score();
    let short = words.count() <= SHORT_QUERY_WORDS;
    // The best plans holding every word, and how many do.
    // (A long query's plans holding every word need no head start: they are only
    // counted, without scores, which checks each phrase once instead of scoring it.)
    // When the set returned is the set holding every word (`--match all`, or only
    // quoted phrases), one pass also counts its facets.
    let one_set = mode == Match::All || words.words.is_empty();
    let mut facets = None;
    let (best, all_words_total) = if one_set {
        let (best, count, counts) = searcher.search(&*every, &(top(), Count, facet_collector()))?;
        facets = Some(counts);
        (best, count)
    } else if short {
        searcher.search(&*every, &(top(), Count))?
    } else {
        (Vec::new(), plan.count_every(searcher, &filters)?)
    };
    let mut candidates: Vec<DocAddress> = best.into_iter().map(|(_, address)| address).collect();
    // The best holding any word — unless they cannot reach the page: with a short query,
    // a page of plans holding every word.
    let page_holds_every_word = short && all_words_total >= offset + limit;
    if mode == Match::Any && !page_holds_every_word {
        let best = searcher.search(&*set, &top())?;
        candidates.extend(best.into_iter().map(|(_, address)| address));
    }
    candidates.sort();
    candidates.dedup();
    let mut ranked = plan.rescore(searcher, &candidates)?;
    // A short keyword query ranks as Meilisearch's rules: every word first, then the
    // words typed with marks in that form, then the score.
    ranked.sort_by(|a, b| {
        let tier = |r: &Ranked| if short { (r.all_words, r.exact) } else { (false, 0) };
        tier(b)
            .cmp(&tier(a))
            .then(b.score.total_cmp(&a.score))
            .then(a.address.cmp(&b.address))
    });
    let hits = ranked.into_iter().skip(offset).take(limit).collect();
    Ok(Ranking {
        hits,
        set: if one_set { every } else { set },
        all_words_total,
        facets,
    })
}

/// A rescoring feature: a query whose score on a document adds `weight` × score, and
/// `bonus` when it matches at all.
struct Feature {
    query: Box<dyn Query>,
    weight: f32,
    bonus: f32,
    kind: FeatureKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FeatureKind {
    /// A word of the query: a document holds every word when all of these match.
    Word,
    /// A word typed with marks, found in that form.
    Exact,
    Other,
}

/// The queries of one ranking.
struct Plan {
    /// Syllables every document holding every word has (of the words with no other
    /// spelling), and the words to check beyond them (phrases, other spellings).
    every_terms: Vec<String>,
    every_checks: Vec<Box<dyn Query>>,
    body: Field,
    /// Any syllable of the words (the recall); `None` for a query with no words.
    any: Option<Box<dyn Query>>,
    /// Every word (each as its syllables side by side, or an alternative spelling).
    every: Box<dyn Query>,
    features: Vec<Feature>,
}

impl Plan {
    fn new(f: &Fields, searcher: &Searcher, words: &QueryWords) -> Plan {
        let idf = Idf::new(searcher, f);
        let mut recall: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        let mut add_term = |recall: &mut Vec<(Occur, Box<dyn Query>)>, text: &str| {
            if !seen.iter().any(|s| s == text) {
                seen.push(text.to_string());
                recall.push((Occur::Should, term_query(f.body_folded, text)));
            }
        };
        let mut every: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut every_terms: Vec<String> = Vec::new();
        let mut every_checks: Vec<Box<dyn Query>> = Vec::new();
        let mut features: Vec<Feature> = Vec::new();
        let mut title_terms: Vec<String> = Vec::new();
        for analysed in &words.words {
            for syllable in &analysed.syllables {
                add_term(&mut recall, &syllable.folded);
                if !title_terms.contains(&syllable.folded) {
                    title_terms.push(syllable.folded.clone());
                }
            }
            // The words of the clause side by side, in the order typed: a sentence
            // copied from a document finds that document.
            if analysed.units.len() > 1 {
                let folded: Vec<&str> = analysed.syllables.iter().map(|s| s.folded.as_str()).collect();
                if let Some(together) = side_by_side(f.body_folded, &folded) {
                    features.push(Feature {
                        query: together,
                        weight: TOGETHER_WEIGHT,
                        bonus: 0.0,
                        kind: FeatureKind::Other,
                    });
                }
            }
            for (i, unit) in analysed.units.iter().enumerate() {
                let typed = analysed.of(unit);
                let folded: Vec<&str> = typed.iter().map(|s| s.folded.as_str()).collect();
                let mut spellings: Vec<Box<dyn Query>> = Vec::new();
                spellings.extend(side_by_side(f.body_folded, &folded));
                for alternative in &unit.alternatives {
                    let alt: Vec<&str> = alternative.iter().map(String::as_str).collect();
                    if let [one] = alt.as_slice() {
                        add_term(&mut recall, one);
                    } else if let Some(q) = side_by_side(f.body_folded, &alt) {
                        recall.push((Occur::Should, q.box_clone()));
                    }
                    spellings.extend(side_by_side(f.body_folded, &alt));
                }
                let typed_word = side_by_side(f.body_folded, &folded).unwrap_or_else(|| Box::new(AllQuery));
                let word = any_of(spellings);
                every.push((Occur::Must, word.box_clone()));
                // Its syllables as plain terms too (when it has no other spelling), so
                // the rarest term leads the intersection and phrases are checked only
                // where every syllable is.
                if unit.alternatives.is_empty() {
                    every_terms.extend(folded.iter().map(|s| s.to_string()));
                }
                if !unit.alternatives.is_empty() || folded.len() > 1 {
                    every_checks.push(word.box_clone());
                }
                if unit.alternatives.is_empty() && folded.len() > 1 {
                    for syllable in &folded {
                        let filter = BoostQuery::new(term_query(f.body_folded, syllable), 0.0);
                        every.push((Occur::Must, Box::new(filter)));
                    }
                }
                let bonus = folded.iter().map(|s| idf.of(s)).fold(0.0, f32::max);
                features.push(Feature {
                    query: word.box_clone(),
                    weight: WORD_WEIGHT,
                    bonus: COVER_WEIGHT * bonus,
                    kind: FeatureKind::Word,
                });
                if typed.iter().all(|s| s.marked) {
                    features.push(Feature {
                        query: exactly(&*typed_word, f, typed),
                        weight: EXACT_WEIGHT,
                        bonus: 0.0,
                        kind: FeatureKind::Exact,
                    });
                }
                // The next word close after this one.
                if let Some(next) = analysed.units.get(i + 1) {
                    let pair = [
                        Term::from_field_text(
                            f.body_folded,
                            &analysed.syllables[unit.syllables.end - 1].folded,
                        ),
                        Term::from_field_text(
                            f.body_folded,
                            &analysed.syllables[next.syllables.start].folded,
                        ),
                    ];
                    let mut near = PhraseQuery::new(pair.to_vec());
                    near.set_slop(PROXIMITY_SLOP);
                    features.push(Feature {
                        query: Box::new(near),
                        weight: PROXIMITY_WEIGHT,
                        bonus: 0.0,
                        kind: FeatureKind::Other,
                    });
                }
            }
        }
        for phrase in &words.phrases {
            let folded: Vec<&str> = phrase.iter().map(|s| s.folded.as_str()).collect();
            let Some(q) = side_by_side(f.body_folded, &folded) else {
                continue;
            };
            recall.push((Occur::Must, q.box_clone()));
            every.push((Occur::Must, q.box_clone()));
            every_terms.extend(folded.iter().map(|s| s.to_string()));
            every_checks.push(q.box_clone());
            features.push(Feature {
                query: q.box_clone(),
                weight: WORD_WEIGHT,
                bonus: 0.0,
                kind: FeatureKind::Word,
            });
            if phrase.iter().all(|s| s.marked) {
                features.push(Feature {
                    query: exactly(&q, f, phrase),
                    weight: EXACT_WEIGHT,
                    bonus: 0.0,
                    kind: FeatureKind::Exact,
                });
            }
        }
        if !title_terms.is_empty() {
            let title = title_terms
                .iter()
                .map(|t| (Occur::Should, term_query(f.title, t)))
                .collect();
            features.push(Feature {
                query: Box::new(BooleanQuery::new(title)),
                weight: TITLE_WEIGHT,
                bonus: 0.0,
                kind: FeatureKind::Other,
            });
        }
        // BM25 over every syllable: the recall's own score.
        let any: Option<Box<dyn Query>> =
            (!recall.is_empty()).then(|| Box::new(BooleanQuery::new(recall)) as Box<dyn Query>);
        if let Some(any) = &any {
            features.push(Feature {
                query: any.box_clone(),
                weight: 1.0,
                bonus: 0.0,
                kind: FeatureKind::Other,
            });
        }
        every_terms.sort();
        every_terms.dedup();
        Plan {
            every_terms,
            every_checks,
            body: f.body_folded,
            any,
            every: Box::new(BooleanQuery::new(every)),
            features,
        }
    }

    /// How many documents within `filters` hold every word. The same count as the
    /// conjunction `every`, made cheaper for long queries: the documents holding every
    /// syllable are walked, and each word is checked on them, the word that failed last
    /// checked first (in a question one word is usually missing from nearly every
    /// document, so most documents cost one phrase check instead of all of them).
    fn count_every(&self, searcher: &Searcher, filters: &[Box<dyn Query>]) -> Result<usize> {
        let f_terms: Vec<(Occur, Box<dyn Query>)> = self
            .every_terms
            .iter()
            .map(|t| (Occur::Must, term_query(self.body, t)))
            .chain(filters.iter().map(|q| (Occur::Must, q.box_clone())))
            .collect();
        if self.every_terms.is_empty() {
            let mut all = vec![(Occur::Must, self.every.box_clone())];
            all.extend(filters.iter().map(|q| (Occur::Must, q.box_clone())));
            return Ok(searcher.search(&BooleanQuery::new(all), &Count)?);
        }
        let scoring = EnableScoring::disabled_from_searcher(searcher);
        let lead = BooleanQuery::new(f_terms).weight(scoring)?;
        let mut checks = Vec::new();
        for check in &self.every_checks {
            let weights = leaves(&**check)
                .into_iter()
                .map(|leaf| leaf.weight(scoring))
                .collect::<tantivy::Result<Vec<_>>>()?;
            checks.push(weights);
        }
        let mut total = 0;
        for reader in searcher.segment_readers() {
            let alive = reader.alive_bitset();
            let mut docs = lead.scorer(reader, 1.0)?;
            // Per check, per leaf: the scorer and the lowest document it may still hold.
            let mut scorers = Vec::with_capacity(checks.len());
            for weights in &checks {
                let mut leaves = Vec::with_capacity(weights.len());
                for weight in weights {
                    let scorer = weight.scorer(reader, 1.0)?;
                    let lower = scorer.doc();
                    leaves.push((scorer, lower));
                }
                scorers.push(leaves);
            }
            let mut order: Vec<usize> = (0..scorers.len()).collect();
            let mut doc = docs.doc();
            while doc != TERMINATED {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    let failed = order.iter().position(|&c| {
                        !scorers[c].iter_mut().any(|(scorer, lower)| {
                            doc >= *lower
                                && match scorer.seek_danger(doc) {
                                    SeekDangerResult::Found => {
                                        *lower = doc;
                                        true
                                    }
                                    SeekDangerResult::SeekLowerBound(bound) => {
                                        *lower = bound;
                                        false
                                    }
                                }
                        })
                    });
                    match failed {
                        None => total += 1,
                        Some(at) => {
                            let check = order.remove(at);
                            order.insert(0, check);
                        }
                    }
                }
                doc = docs.advance();
            }
        }
        Ok(total)
    }

    /// Scores `candidates` (sorted by address) with every feature: each feature's
    /// scorer, per segment, seeks the candidates in order.
    fn rescore(&self, searcher: &Searcher, candidates: &[DocAddress]) -> Result<Vec<Ranked>> {
        let mut ranked: Vec<Ranked> = candidates
            .iter()
            .map(|&address| Ranked {
                address,
                score: 0.0,
                all_words: true,
                exact: 0,
            })
            .collect();
        let mut by_segment: HashMap<u32, Vec<usize>> = HashMap::new();
        for (i, address) in candidates.iter().enumerate() {
            by_segment.entry(address.segment_ord).or_default().push(i);
        }
        let scoring = EnableScoring::enabled_from_searcher(searcher);
        let mut matched = vec![false; candidates.len()];
        let mut scores = vec![0.0f32; candidates.len()];
        for feature in &self.features {
            matched.fill(false);
            scores.fill(0.0);
            // A union is scored leaf by leaf: tantivy's union scorer reads ahead a
            // window of thousands of documents on every seek. A conjunction is checked
            // clause by clause (see `conjunction`).
            for leaf in leaves(&*feature.query) {
                let weights = conjunction(leaf)
                    .into_iter()
                    .map(|clause| clause.weight(scoring))
                    .collect::<tantivy::Result<Vec<_>>>()?;
                for (&segment, members) in &by_segment {
                    let reader = searcher.segment_reader(segment);
                    let first: DocId = ranked[members[0]].address.doc_id;
                    let mut clauses = Vec::with_capacity(weights.len());
                    for weight in &weights {
                        clauses.push(Candidates::start(&**weight, reader, first)?);
                    }
                    for &i in members {
                        let doc: DocId = ranked[i].address.doc_id;
                        if clauses.iter_mut().all(|clause| clause.holds(doc)) {
                            matched[i] = true;
                            scores[i] += clauses
                                .iter_mut()
                                .map(|clause| clause.scorer.score())
                                .sum::<f32>();
                        }
                    }
                }
            }
            for (i, r) in ranked.iter_mut().enumerate() {
                if matched[i] {
                    r.score += feature.weight * scores[i] + feature.bonus;
                    if feature.kind == FeatureKind::Exact {
                        r.exact += 1;
                    }
                } else if feature.kind == FeatureKind::Word {
                    r.all_words = false;
                }
            }
        }
        Ok(ranked)
    }
}

/// A scorer that checks given documents only, in increasing order. A phrase scorer made
/// the usual way (`Weight::scorer`) first looks for the segment's first document holding
/// the phrase, reading the positions of every document before it, and its `seek` looks
/// for the next one; made at the first candidate (`scorer_danger`) and moved with
/// `seek_danger`, it reads the positions of the candidates alone.
struct Candidates {
    scorer: Box<dyn tantivy::query::Scorer>,
    /// The lowest document the scorer may still hold.
    lower: DocId,
    /// The document the scorer was last found on (and stands on).
    found: Option<DocId>,
}

impl Candidates {
    fn start(
        weight: &dyn tantivy::query::Weight,
        reader: &tantivy::SegmentReader,
        first: DocId,
    ) -> Result<Candidates> {
        let (result, scorer) = weight.scorer_danger(reader, first, 1.0)?;
        let (lower, found) = match result {
            SeekDangerResult::Found => (first, Some(first)),
            SeekDangerResult::SeekLowerBound(bound) => (bound, None),
        };
        Ok(Candidates { scorer, lower, found })
    }

    /// Whether `doc` (not below the last one asked about) is in the set.
    fn holds(&mut self, doc: DocId) -> bool {
        if doc < self.lower || doc == TERMINATED {
            return false;
        }
        if self.found == Some(doc) {
            return true;
        }
        match self.scorer.seek_danger(doc) {
            SeekDangerResult::Found => {
                self.lower = doc;
                self.found = Some(doc);
                true
            }
            SeekDangerResult::SeekLowerBound(bound) => {
                self.lower = bound;
                false
            }
        }
    }
}

/// The clauses of a conjunction (a `BooleanQuery` of `Must` clauses only), each checked
/// and scored on its own, or the query itself. The conjunction's score is the sum of its
/// clauses'; it is split only when at most two clauses are not `BoostQuery`s (every
/// `BoostQuery` here weighs 0.0), so that the sum is the same number in any order.
fn conjunction(query: &dyn Query) -> Vec<&dyn Query> {
    match query.downcast_ref::<BooleanQuery>() {
        Some(all)
            if !all.clauses().is_empty()
                && all.clauses().iter().all(|(occur, _)| *occur == Occur::Must)
                && all
                    .clauses()
                    .iter()
                    .filter(|(_, q)| q.downcast_ref::<BoostQuery>().is_none())
                    .count()
                    <= 2 =>
        {
            all.clauses().iter().map(|(_, q)| &**q).collect()
        }
        _ => vec![query],
    }
}

/// Inverse document frequencies, as BM25 counts them, over the documents that have a
/// body.
pub(crate) struct Idf<'s> {
    searcher: &'s Searcher,
    field: Field,
    docs: f32,
}

impl<'s> Idf<'s> {
    pub(crate) fn new(searcher: &'s Searcher, f: &Fields) -> Idf<'s> {
        let kind_docs = |kind: &str| {
            searcher
                .doc_freq(&Term::from_field_text(f.kind, kind))
                .unwrap_or(0)
        };
        let docs = kind_docs(crate::index::schema::KIND_PLAN).max(kind_docs(crate::index::schema::KIND_TASK));
        Idf {
            searcher,
            field: f.body_folded,
            docs: docs.max(1) as f32,
        }
    }

    pub(crate) fn of(&self, folded: &str) -> f32 {
        let df = self
            .searcher
            .doc_freq(&Term::from_field_text(self.field, folded))
            .unwrap_or(0) as f32;
        (1.0 + (self.docs - df + 0.5) / (df + 0.5)).ln().max(0.0)
    }
}

/// The clauses of a union of `Should` clauses (each scored on its own, their scores
/// summed as the union would), or the query itself.
fn leaves(query: &dyn Query) -> Vec<&dyn Query> {
    match query.downcast_ref::<BooleanQuery>() {
        Some(union) if union.clauses().iter().all(|(occur, _)| *occur == Occur::Should) => {
            union.clauses().iter().flat_map(|(_, q)| leaves(&**q)).collect()
        }
        _ => vec![query],
    }
}

fn any_of(mut queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    if queries.len() == 1 {
        return queries
            .pop()
            .unwrap_or_else(|| Box::new(BooleanQuery::new(Vec::new())));
    }
    Box::new(BooleanQuery::new(
        queries.into_iter().map(|q| (Occur::Should, q)).collect(),
    ))
}

/// A word typed with marks, where the document has every typed form: the word's own
/// score once more. (The marked field says which forms a document has, not where.)
fn exactly(word: &dyn Query, f: &Fields, typed: &[Syllable]) -> Box<dyn Query> {
    let mut all: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, word.box_clone())];
    for s in typed {
        let form = TermQuery::new(
            Term::from_field_text(f.marked, &s.exact),
            IndexRecordOption::Basic,
        );
        all.push((Occur::Must, Box::new(BoostQuery::new(Box::new(form), 0.0))));
    }
    Box::new(BooleanQuery::new(all))
}

pub(crate) fn term_query(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

/// Terms side by side in one field (one term: a term query).
pub(crate) fn side_by_side(field: Field, syllables: &[&str]) -> Option<Box<dyn Query>> {
    match syllables {
        [] => None,
        [one] => Some(term_query(field, one)),
        many => {
            let terms = many.iter().map(|s| Term::from_field_text(field, s)).collect();
            Some(Box::new(PhraseQuery::new(terms)))
        }
    }
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

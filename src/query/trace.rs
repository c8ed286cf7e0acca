//! Tracing a task across years: which plans and tasks match a query in each year, and
//! the matching tasks grouped into threads — the same recurring task across years and
//! places — so a reader follows one task's life.
//!
//! Matching is a task-level search with the search's own ranking (see
//! [`super::rank`]): the tasks that hold every word of the query, or, when none does,
//! the best of those that hold some. Threads come from text
//! similarity: each task is represented by the words around its match (its snippet)
//! and its heading, folded and without the query's own words and function words; a
//! task joins the most similar thread that has no task of the same plan yet, when the
//! similarity reaches [`THREAD_SIMILARITY`], else it starts a thread. Tasks are taken
//! best match first, so each plan's most relevant task anchors the threads.
//!
//! ```no_run
//! # let index = plancite::index::Index::open(std::path::Path::new("plancite-index"))?;
//! use plancite::query::trace::{trace, TraceRequest};
//! let result = trace(&index, &TraceRequest::new("tháng hành động"))?;
//! for year in &result.years { println!("{}: {} plans", year.year, year.plans); }
//! # Ok::<(), plancite::Error>(())
//! ```

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde::Serialize;

use super::highlight::Snippet;
pub use super::request::TraceRequest;
use super::search::{Level, SearchHit, SearchRequest, search_unlimited};
use crate::analysis::tokenizer::{Form, VietTokenizer, split};
use crate::error::Result;
use crate::index::Index;

/// Most tasks one trace looks at (best matches first).
pub const MAX_TASKS: usize = 2000;
/// Jaccard similarity of two tasks' words from which they count as the same task.
pub const THREAD_SIMILARITY: f64 = 0.12;

/// Words too common to tell two tasks apart.
const FUNCTION_WORDS: &[&str] = &[
    "va", "cua", "cac", "ve", "voi", "trong", "cho", "duoc", "co", "la", "nhung", "de", "theo", "tai", "tu",
    "den", "nam", "ngay", "thang", "mot", "so", "tren", "nham", "nhu", "khi", "hoac", "the", "nay", "do",
    "da", "se", "dia", "ban", "thuc", "hien", "trien", "khai", "to", "chuc", "hoat", "dong", "cong", "tac",
];

/// One matching task.
#[derive(Debug, Clone, Serialize)]
pub struct TraceTask {
    pub id: String,
    pub plan: String,
    pub file: String,
    pub year: Option<i32>,
    pub place: Option<String>,
    pub path: String,
    pub heading: String,
    /// The words around the match (written as HTML with `<mark>` in JSON).
    pub snippet: Snippet,
    #[serde(skip)]
    pub score: f32,
    #[serde(skip)]
    words: BTreeSet<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TraceYear {
    pub year: i32,
    /// Distinct plans with a matching task.
    pub plans: usize,
    pub tasks: Vec<TraceTask>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Thread {
    pub label: String,
    /// Oldest first.
    pub tasks: Vec<TraceTask>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TraceResult {
    pub query: String,
    /// How many of the tasks hold every word of the query (when none does, the tasks
    /// listed are the best partial matches).
    pub all_words_total: usize,
    pub years: Vec<TraceYear>,
    pub threads: Vec<Thread>,
}

/// A trace as a chart reads it: how many matching tasks each year holds, over all tasks
/// and along each of the largest recurring threads ([`TraceResult::timeline`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    pub query: String,
    /// The first and last year of the chart.
    pub first: i32,
    pub last: i32,
    /// Every matching task with a year.
    pub all: Series,
    /// The largest threads of more than one task (a task alone draws no line).
    pub threads: Vec<ThreadSeries>,
}

/// Tasks per year, `first` to `last` of a [`Timeline`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    pub per_year: Vec<usize>,
    /// How many tasks the series holds in all.
    pub tasks: usize,
}

/// One thread's line in a [`Timeline`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThreadSeries {
    /// Its number among all the threads (from 1), as the CLI and the page number them.
    pub number: usize,
    pub label: String,
    pub series: Series,
}

impl TraceResult {
    /// The timeline of this trace from `from` to `to` (else the first and last year with
    /// a match), with at most `most_threads` threads.
    pub fn timeline(&self, from: Option<i32>, to: Option<i32>, most_threads: usize) -> Timeline {
        let years_seen: Vec<i32> = self.years.iter().map(|y| y.year).collect();
        let first = from.or(years_seen.first().copied()).unwrap_or(2017);
        let last = to.or(years_seen.last().copied()).unwrap_or(first).max(first);
        let series = |tasks: &mut dyn Iterator<Item = &TraceTask>| {
            let mut per_year = vec![0; (last - first) as usize + 1];
            let mut count = 0;
            for task in tasks {
                count += 1;
                if let Some(year) = task.year.filter(|y| (first..=last).contains(y)) {
                    per_year[(year - first) as usize] += 1;
                }
            }
            Series {
                per_year,
                tasks: count,
            }
        };
        let threads = self
            .threads
            .iter()
            .enumerate()
            .filter(|(_, thread)| thread.tasks.len() > 1)
            .take(most_threads)
            .map(|(i, thread)| ThreadSeries {
                number: i + 1,
                label: thread.label.clone(),
                series: series(&mut thread.tasks.iter()),
            })
            .collect();
        Timeline {
            query: self.query.clone(),
            first,
            last,
            all: series(&mut self.years.iter().flat_map(|y| &y.tasks)),
            threads,
        }
    }
}

pub fn trace(index: &Index, request: &TraceRequest) -> Result<TraceResult> {
    request.validate()?;
    let search = SearchRequest {
        query: request.query.clone(),
        from: request.from,
        to: request.to,
        place: request.place.clone(),
        limit: MAX_TASKS,
        level: Level::Task,
        ..SearchRequest::default()
    };
    let mut hits = search_unlimited(index, &search)?.hits;
    // A thread follows one task: when some tasks hold every word of the query, those;
    // when none does, the best partial matches.
    let all_words_total = hits.iter().filter(|h| h.all_words).count();
    if all_words_total > 0 {
        hits.retain(|h| h.all_words);
    }
    let query: Vec<String> = VietTokenizer::new(Form::Folded).words(&request.query);
    let query_words: HashSet<String> = query.iter().cloned().collect();
    let tasks: Vec<TraceTask> = hits
        .into_iter()
        .map(|hit| trace_task(hit, &query_words))
        .collect();
    Ok(TraceResult {
        query: request.query.clone(),
        all_words_total,
        years: by_year(&tasks),
        threads: threads(tasks, &query),
    })
}

fn trace_task(hit: SearchHit, query_words: &HashSet<String>) -> TraceTask {
    let heading = hit.title.unwrap_or_default();
    let text = format!("{heading} {}", hit.snippet.text);
    let words = VietTokenizer::new(Form::Folded)
        .words(&text)
        .into_iter()
        .filter(|w| {
            w.chars().count() > 1 && !query_words.contains(w) && !FUNCTION_WORDS.contains(&w.as_str())
        })
        .collect();
    TraceTask {
        id: hit.id,
        plan: hit.plan.unwrap_or_default(),
        file: hit.summary.file,
        year: hit.summary.year,
        place: hit.summary.place,
        path: hit.path.unwrap_or_default(),
        heading,
        snippet: hit.snippet,
        score: hit.score,
        words,
    }
}

fn by_year(tasks: &[TraceTask]) -> Vec<TraceYear> {
    let mut years: BTreeMap<i32, Vec<TraceTask>> = BTreeMap::new();
    for task in tasks {
        if let Some(year) = task.year {
            years.entry(year).or_default().push(task.clone());
        }
    }
    years
        .into_iter()
        .map(|(year, tasks)| TraceYear {
            year,
            plans: tasks
                .iter()
                .map(|t| t.plan.as_str())
                .collect::<HashSet<_>>()
                .len(),
            tasks,
        })
        .collect()
}

fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let shared = a.intersection(b).count();
    let all = a.len() + b.len() - shared;
    if all == 0 { 0.0 } else { shared as f64 / all as f64 }
}

/// Groups tasks into threads (see the module doc), largest thread first.
fn threads(mut tasks: Vec<TraceTask>, query: &[String]) -> Vec<Thread> {
    tasks.sort_by(|a, b| b.score.total_cmp(&a.score));
    let mut groups: Vec<Vec<TraceTask>> = Vec::new();
    for task in tasks {
        let best = groups
            .iter()
            .enumerate()
            .filter(|(_, group)| group.iter().all(|t| t.plan != task.plan))
            .map(|(i, group)| {
                let similarity = group
                    .iter()
                    .map(|t| jaccard(&t.words, &task.words))
                    .fold(0.0, f64::max);
                (i, similarity)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1));
        match best {
            Some((i, similarity)) if similarity >= THREAD_SIMILARITY => groups[i].push(task),
            _ => groups.push(vec![task]),
        }
    }
    let mut threads: Vec<Thread> = groups
        .into_iter()
        .map(|mut tasks| {
            let label = label(&tasks, query);
            tasks.sort_by(|a, b| (a.year, &a.place, &a.path).cmp(&(b.year, &b.place, &b.path)));
            Thread { label, tasks }
        })
        .collect();
    threads.sort_by(|a, b| b.tasks.len().cmp(&a.tasks.len()).then(a.label.cmp(&b.label)));
    distinct_labels(&mut threads);
    threads
}

/// Makes every label different from the others, ignoring case and marks (`Bình` and
/// `bình` are the same label to a reader): a label already taken gets where its thread
/// starts (`— Hải Phòng 2022 IV.14`), and a number if that is taken too.
fn distinct_labels(threads: &mut [Thread]) {
    let key = |label: &str| crate::analysis::normalize::folded_form(label);
    let mut taken: HashSet<String> = HashSet::new();
    for thread in threads.iter_mut() {
        if taken.insert(key(&thread.label)) {
            continue;
        }
        if let Some(first) = thread.tasks.first() {
            let place_year = [
                first.place.clone(),
                first.year.map(|y| y.to_string()),
                Some(first.path.clone()),
            ];
            let at: Vec<String> = place_year
                .into_iter()
                .flatten()
                .filter(|s| !s.is_empty())
                .collect();
            thread.label = format!("{} — {}", thread.label, at.join(" "));
        }
        let base = thread.label.clone();
        let mut n = 2;
        while !taken.insert(key(&thread.label)) {
            thread.label = format!("{base} ({n})");
            n += 1;
        }
    }
}

/// A thread's name, ending at a word boundary. When a task's heading holds the query it
/// says what the thread is: the clause from the query on (`Tháng hành động về Bình đẳng
/// giới và phòng ngừa, ứng phó với bạo lực`). Otherwise the task is something else that
/// mentions the query (a report on it, one department's part in it): its heading, then
/// the clause from the query in its snippet (`Chế độ thông tin báo cáo: Tháng hành động
/// vì Bình đẳng giới …`).
fn label(tasks: &[TraceTask], query: &[String]) -> String {
    let query_words: HashSet<&String> = query.iter().collect();
    let Some(best) = tasks.iter().max_by(|a, b| a.score.total_cmp(&b.score)) else {
        return String::new();
    };
    let folded = VietTokenizer::new(Form::Folded);
    let holds_query = |text: &str| {
        let words: HashSet<String> = folded.words(text).into_iter().collect();
        query_words.iter().all(|q| words.contains(*q))
    };
    let in_heading = tasks
        .iter()
        .filter(|t| holds_query(&t.heading))
        .max_by(|a, b| a.score.total_cmp(&b.score));
    if let Some(task) = in_heading
        && let Some(clause) = clause_from_query(&task.heading, query, false)
    {
        return clause;
    }
    let heading = cut_at_word(&best.heading, HEADING_SYLLABLES);
    match clause_from_query(&best.snippet.text, query, true) {
        Some(clause) if heading.is_empty() => clause,
        Some(clause) => format!("{heading}: {clause}"),
        None => heading,
    }
}

/// Longest clause in a label, in syllables, and longest heading before one.
const LABEL_SYLLABLES: usize = 20;
const HEADING_SYLLABLES: usize = 10;

/// Words a label does not end on (`… ứng phó với`), folded.
const DANGLING_WORDS: &[&str] = &[
    "va", "voi", "cua", "tren", "cho", "ve", "vi", "tu", "tai", "cac", "nhung", "trong", "theo", "de", "o",
    "hoac", "nham", "den", "la", "mot", "so", "ngay",
];

/// Whether the last syllable of `text` is a word on its own: at the end of a snippet,
/// perhaps the first half of a word the snippet window cut (`chống bạo`), where a
/// last word of two syllables (`phụ trách`) is whole.
fn ends_in_a_lone_syllable(text: &str) -> bool {
    let syllables = syllables_of(&text.split_whitespace().collect::<Vec<_>>());
    let refs: Vec<&str> = syllables.iter().map(String::as_str).collect();
    crate::analysis::segment::words(&refs)
        .last()
        .is_some_and(|word| word.len() == 1)
}

/// Each token lower-cased without the punctuation around it, for the segmenter.
fn syllables_of(tokens: &[&str]) -> Vec<String> {
    tokens
        .iter()
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .collect()
}

/// The first words of `text` up to `max` syllables, cut between two words (never inside
/// `bạo lực`), without a dangling function word or punctuation at the end.
fn cut_at_word(text: &str, max: usize) -> String {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let syllables = syllables_of(&tokens);
    let refs: Vec<&str> = syllables.iter().map(String::as_str).collect();
    let mut end = 0;
    for word in crate::analysis::segment::words(&refs) {
        if word.end > max {
            break;
        }
        end = word.end;
    }
    if end == 0 {
        end = tokens.len().min(max);
    }
    let folded =
        |t: &str| crate::analysis::normalize::folded_form(t.trim_matches(|c: char| !c.is_alphanumeric()));
    let mut kept = &tokens[..end];
    while let Some((last, rest)) = kept.split_last() {
        let word = folded(last);
        let dangling = word.chars().count() < 2 || DANGLING_WORDS.contains(&word.as_str());
        if rest.is_empty() || !dangling {
            break;
        }
        kept = rest;
    }
    kept.join(" ")
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != ')')
        .to_string()
}

/// The words of `text` from where the query stands (its words in order, or else its
/// first word) to the end of that clause, cut at a word (see [`cut_at_word`]). A
/// `snippet` ends wherever the snippet window ended, so its last syllable may be half
/// a word and is left out.
fn clause_from_query(text: &str, query: &[String], snippet: bool) -> Option<String> {
    let folded = VietTokenizer::new(Form::Folded);
    let spans = split(text);
    let words: Vec<String> = spans
        .iter()
        .map(|s| folded.words(s.text(text)).concat())
        .collect();
    let phrase_at = (0..words.len()).find(|&i| words[i..].starts_with(query));
    let first_word_at = || words.iter().position(|w| Some(w) == query.first());
    let start = spans[phrase_at.or_else(first_word_at)?];
    let rest = &text[start.start..];
    let end = rest.find(['.', ';', ':', '(', '…']);
    let mut clause = &rest[..end.unwrap_or(rest.len())];
    // A snippet cut short ends inside a word (`… chống bạo…`): its last syllable goes.
    let cut_short = match end {
        Some(at) => rest[at..].starts_with('…'),
        None => snippet,
    };
    if cut_short && ends_in_a_lone_syllable(clause) {
        clause = clause
            .trim_end()
            .rsplit_once(char::is_whitespace)
            .map_or("", |(head, _)| head);
    }
    let label = cut_at_word(clause, LABEL_SYLLABLES);
    (!label.is_empty()).then_some(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_cut_between_words() {
        // (text, most syllables, label)
        let cases = [
            (
                "Tháng hành động về Bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới",
                14,
                "Tháng hành động về Bình đẳng giới và phòng ngừa, ứng phó",
            ),
            (
                "phòng, chống bạo lực gia đình",
                6,
                "phòng, chống bạo lực gia đình",
            ),
            ("phòng, chống bạo lực gia đình", 5, "phòng, chống"),
            (
                "tuyên truyền viên, báo cáo viên về bình đẳng giới, v",
                20,
                "tuyên truyền viên, báo cáo viên về bình đẳng giới",
            ),
            ("hội nghị tổng kết và", 20, "hội nghị tổng kết"),
            ("Sở Y tế", 10, "Sở Y tế"),
        ];
        for (text, max, want) in cases {
            assert_eq!(cut_at_word(text, max), want, "{text} ({max})");
        }
    }

    fn thread(label: &str, place: &str, year: i32, path: &str) -> Thread {
        Thread {
            label: label.to_string(),
            tasks: vec![TraceTask {
                id: format!("p~{path}"),
                plan: "p".into(),
                file: "p.txt".into(),
                year: Some(year),
                place: Some(place.into()),
                path: path.into(),
                heading: String::new(),
                snippet: Snippet::default(),
                score: 0.0,
                words: BTreeSet::new(),
            }],
        }
    }

    #[test]
    fn no_two_threads_read_the_same() {
        let mut threads = vec![
            thread("Bình đẳng giới", "Hải Phòng", 2022, "II.1"),
            thread("bình đẳng giới", "Hải Phòng", 2017, "II.1"),
            thread("Binh dang gioi", "Hải Phòng", 2017, "II.1"),
            thread("Tháng hành động", "Lai Châu", 2023, "II.3"),
        ];
        distinct_labels(&mut threads);
        let labels: Vec<&str> = threads.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Bình đẳng giới",
                "bình đẳng giới — Hải Phòng 2017 II.1",
                "Binh dang gioi — Hải Phòng 2017 II.1 (2)",
                "Tháng hành động",
            ]
        );
    }

    #[test]
    fn a_timeline_counts_tasks_per_year_for_all_and_for_recurring_threads() {
        let task = |year: i32, plan: &str| thread("x", "Hải Phòng", year, plan).tasks.remove(0);
        let mut long = thread("Tháng hành động", "Hải Phòng", 2017, "II.1");
        long.tasks
            .extend([task(2018, "a"), task(2018, "b"), task(2030, "c")]);
        let alone = thread("Một lần", "Lai Châu", 2019, "II.2");
        let mut pair = thread("Tập huấn", "Lai Châu", 2019, "II.3");
        pair.tasks.push(task(2020, "d"));
        let tasks = |threads: &[&Thread]| -> Vec<TraceTask> {
            threads.iter().flat_map(|t| t.tasks.clone()).collect()
        };
        let result = TraceResult {
            query: "q".into(),
            all_words_total: 0,
            years: [2017, 2018, 2019, 2020, 2030]
                .into_iter()
                .map(|year| {
                    let tasks: Vec<TraceTask> = tasks(&[&long, &alone, &pair])
                        .into_iter()
                        .filter(|t| t.year == Some(year))
                        .collect();
                    TraceYear {
                        year,
                        plans: tasks.len(),
                        tasks,
                    }
                })
                .collect(),
            threads: vec![long, alone, pair],
        };
        let timeline = result.timeline(Some(2017), Some(2020), 6);
        assert_eq!((timeline.first, timeline.last), (2017, 2020));
        // The year 2030 lies outside the chart but its task counts in the totals.
        assert_eq!(
            timeline.all,
            Series {
                per_year: vec![1, 2, 2, 1],
                tasks: 7
            }
        );
        let threads: Vec<(usize, &str, &[usize], usize)> = timeline
            .threads
            .iter()
            .map(|t| {
                (
                    t.number,
                    t.label.as_str(),
                    t.series.per_year.as_slice(),
                    t.series.tasks,
                )
            })
            .collect();
        // The thread of one task draws no line; the others keep their numbers.
        assert_eq!(
            threads,
            [
                (1, "Tháng hành động", &[1, 2, 0, 0][..], 4),
                (3, "Tập huấn", &[0, 0, 1, 1][..], 2)
            ]
        );
        assert_eq!(result.timeline(None, None, 1).threads.len(), 1);
        assert_eq!(
            (
                result.timeline(None, None, 1).first,
                result.timeline(None, None, 1).last
            ),
            (2017, 2030)
        );
    }
}

//! The questions plancite answers, as requests checked in one place: the CLI (clap) and
//! the JSON API (`http::params`) both build one of these and call its `validate`, so a
//! limit and the message that names it are written once. Each message names the
//! parameter and says what it must be (`limit must be a whole number from 1 to 100 (got
//! 0)`); the API names its parameters as in the URL (`q`), the library as in the
//! request (`query`).
//!
//! The choices (`--level`, `--match`, `--format`) are clap [`ValueEnum`]s: the CLI lists
//! them in its help and errors, the API reads them with [`choice`].

use std::fmt::Display;
use std::ops::RangeInclusive;

use clap::ValueEnum;
use clap::builder::PossibleValue;

use crate::error::{Error, Result};
use crate::model::Relation;
pub use crate::query::rank::Match;

/// Hits per page when no limit is given.
pub const DEFAULT_LIMIT: usize = 10;
/// Most hits one search page (or top-cited list) may ask for.
pub const MAX_LIMIT: usize = 100;
/// Deepest search page: `offset` at most this (paging further is not a person reading).
pub const MAX_OFFSET: usize = 10_000;
/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 1000;
/// Longest filter value (place, type, cited key, task id, typed number), in characters.
pub const MAX_FILTER_CHARS: usize = 200;
/// The years a filter may name.
pub const YEARS: RangeInclusive<i32> = 1000..=9999;
/// Most citing plans one cites page may ask for.
pub const MAX_CITES_LIMIT: usize = 1_000;
/// Deepest offset of a cites page (a document cited by more plans than this is paged by
/// its first million).
pub const MAX_CITES_OFFSET: usize = 1_000_000;
/// Documents a top-cited list shows when no limit is given.
pub const DEFAULT_TOP_CITED: usize = 20;

// The messages, worded once.

/// `limit must be a whole number from 1 to 100 (got "ten")`.
pub fn not_in_range(name: &str, range: (impl Display, impl Display), got: &str) -> String {
    format!(
        "{name} must be a whole number from {} to {} (got {got})",
        range.0, range.1
    )
}

/// `q must be at most 1000 characters (got 1001)`.
pub fn too_long(name: &str, max_chars: usize, chars: usize) -> String {
    format!("{name} must be at most {max_chars} characters (got {chars})")
}

/// A value as the client sent it, quoted and cut short for a message.
pub fn quoted(raw: &str) -> String {
    const MAX: usize = 40;
    if raw.chars().count() <= MAX {
        format!("{raw:?}")
    } else {
        let cut: String = raw.chars().take(MAX).collect();
        format!("{cut:?}…")
    }
}

/// One of a [`ValueEnum`]'s names, any case: `level must be plan or task (got "x")`.
pub fn choice<T: ValueEnum>(name: &str, raw: &str) -> Result<T> {
    T::from_str(raw, true).map_err(|_| {
        let names: Vec<String> = T::value_variants()
            .iter()
            .filter_map(|v| v.to_possible_value().map(|p| p.get_name().to_string()))
            .collect();
        let listed = match names.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
            None => String::new(),
        };
        Error::BadInput(format!("{name} must be {listed} (got {})", quoted(raw)))
    })
}

fn check_count(name: &str, value: usize, range: RangeInclusive<usize>) -> Result<()> {
    if range.contains(&value) {
        return Ok(());
    }
    Err(Error::BadInput(not_in_range(
        name,
        (range.start(), range.end()),
        &value.to_string(),
    )))
}

fn check_chars(name: &str, value: Option<&str>, max_chars: usize) -> Result<()> {
    let chars = value.map_or(0, |v| v.chars().count());
    if chars > max_chars {
        return Err(Error::BadInput(too_long(name, max_chars, chars)));
    }
    Ok(())
}

/// A year filter within [`YEARS`].
fn check_year(name: &str, year: Option<i32>) -> Result<()> {
    match year {
        Some(y) if !YEARS.contains(&y) => Err(Error::BadInput(not_in_range(
            name,
            (YEARS.start(), YEARS.end()),
            &y.to_string(),
        ))),
        _ => Ok(()),
    }
}

/// `from` and `to` each a year, in order.
fn check_years(from: Option<i32>, to: Option<i32>) -> Result<()> {
    check_year("from", from)?;
    check_year("to", to)?;
    if let (Some(from), Some(to)) = (from, to)
        && from > to
    {
        return Err(Error::BadInput(format!(
            "from ({from}) must not be after to ({to})"
        )));
    }
    Ok(())
}

/// What a search returns: plans, or tasks with their plan.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Whole plans.
    #[default]
    Plan,
    /// Each section of a plan, with its plan.
    Task,
}

impl ValueEnum for Match {
    fn value_variants<'a>() -> &'a [Self] {
        &[Match::Any, Match::All]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self {
            Match::Any => PossibleValue::new("any").help("Plans holding any of the words, best first"),
            Match::All => PossibleValue::new("all").help("Only plans holding every word"),
        })
    }
}

/// A full-text search (`plancite search`, `/api/search`).
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
    /// Any word may match (best first), or every word must.
    pub match_mode: Match,
}

impl SearchRequest {
    pub fn new(query: &str) -> Self {
        SearchRequest {
            query: query.to_string(),
            limit: DEFAULT_LIMIT,
            ..Default::default()
        }
    }

    /// Checks every limit; the error names the first parameter out of bounds.
    pub fn validate(&self) -> Result<()> {
        check_count("limit", self.limit, 1..=MAX_LIMIT)?;
        self.validate_filters()
    }

    /// Everything but the page size (trace asks for every hit).
    pub(crate) fn validate_filters(&self) -> Result<()> {
        check_count("offset", self.offset, 0..=MAX_OFFSET)?;
        check_chars("query", Some(&self.query), MAX_QUERY_CHARS)?;
        check_chars("place", self.place.as_deref(), MAX_FILTER_CHARS)?;
        check_chars("type", self.doc_type.as_deref(), MAX_FILTER_CHARS)?;
        check_chars("cites", self.cites.as_deref(), MAX_FILTER_CHARS)?;
        check_year("year", self.year)?;
        if self.year.is_some() && (self.from.is_some() || self.to.is_some()) {
            return Err(Error::BadInput("give either year or from/to, not both".into()));
        }
        check_years(self.from, self.to)
    }
}

/// How a task evolved (`plancite trace`, `/api/trace`).
#[derive(Debug, Clone, Default)]
pub struct TraceRequest {
    pub query: String,
    pub from: Option<i32>,
    pub to: Option<i32>,
    pub place: Option<String>,
}

impl TraceRequest {
    pub fn new(query: &str) -> Self {
        TraceRequest {
            query: query.to_string(),
            ..Default::default()
        }
    }

    pub fn validate(&self) -> Result<()> {
        if self.query.trim().is_empty() {
            return Err(Error::BadInput(
                "trace needs a query (what task to follow)".into(),
            ));
        }
        check_chars("query", Some(&self.query), MAX_QUERY_CHARS)?;
        check_chars("place", self.place.as_deref(), MAX_FILTER_CHARS)?;
        check_years(self.from, self.to)
    }
}

/// The plans citing a document (`plancite cites`, `/api/cites/{key}`).
#[derive(Debug, Clone, Default)]
pub struct CitesRequest {
    /// The key as typed (`125/2021/ND-CP`, `nghị định 125/2021/NĐ-CP`).
    pub key: String,
    /// Only plans citing it so.
    pub relation: Option<Relation>,
    pub offset: usize,
    /// At most this many citing plans; all when `None`.
    pub limit: Option<usize>,
}

impl CitesRequest {
    pub fn validate(&self) -> Result<()> {
        check_chars("key", Some(&self.key), MAX_FILTER_CHARS)?;
        check_count("offset", self.offset, 0..=MAX_CITES_OFFSET)?;
        match self.limit {
            Some(limit) => check_count("limit", limit, 1..=MAX_CITES_LIMIT),
            None => Ok(()),
        }
    }
}

/// The most cited documents (`plancite top-cited`, `/api/top-cited`).
#[derive(Debug, Clone)]
pub struct TopCitedRequest {
    pub limit: usize,
}

impl TopCitedRequest {
    pub fn validate(&self) -> Result<()> {
        check_count("limit", self.limit, 1..=MAX_LIMIT)
    }
}

/// A typed value that must be given and not be long: a task id (`a`, `b` of a diff), a
/// document number to look up (`q`).
pub fn required_text(name: &str, value: Option<String>, what: &str) -> Result<String> {
    let value = value
        .filter(|v| !v.trim().is_empty())
        .ok_or_else(|| Error::BadInput(format!("{name} ({what}) is required")))?;
    check_chars(name, Some(&value), MAX_FILTER_CHARS)?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(result: Result<()>) -> String {
        result.unwrap_err().to_string()
    }

    #[test]
    fn search_limits_name_the_parameter() {
        let ok = SearchRequest::new("x");
        assert!(ok.validate().is_ok());
        let cases: Vec<(SearchRequest, &str)> = vec![
            (
                SearchRequest {
                    limit: 0,
                    ..ok.clone()
                },
                "limit must be a whole number from 1 to 100 (got 0)",
            ),
            (
                SearchRequest {
                    limit: 101,
                    ..ok.clone()
                },
                "limit must be a whole number from 1 to 100 (got 101)",
            ),
            (
                SearchRequest {
                    offset: 10_001,
                    ..ok.clone()
                },
                "offset must be a whole number from 0 to 10000 (got 10001)",
            ),
            (
                SearchRequest::new(&"a".repeat(1001)),
                "query must be at most 1000 characters (got 1001)",
            ),
            (
                SearchRequest {
                    place: Some("p".repeat(201)),
                    ..ok.clone()
                },
                "place must be at most 200 characters (got 201)",
            ),
            (
                SearchRequest {
                    year: Some(20222),
                    ..ok.clone()
                },
                "year must be a whole number from 1000 to 9999 (got 20222)",
            ),
            (
                SearchRequest {
                    year: Some(2022),
                    from: Some(2020),
                    ..ok.clone()
                },
                "give either year or from/to, not both",
            ),
            (
                SearchRequest {
                    from: Some(2023),
                    to: Some(2020),
                    ..ok.clone()
                },
                "from (2023) must not be after to (2020)",
            ),
        ];
        for (request, want) in cases {
            assert_eq!(message(request.validate()), want);
        }
    }

    #[test]
    fn other_requests_have_their_limits() {
        let cites = CitesRequest {
            key: "125/2021/ND-CP".into(),
            ..Default::default()
        };
        assert!(cites.validate().is_ok());
        let table = [
            (
                message(
                    CitesRequest {
                        limit: Some(1001),
                        ..cites.clone()
                    }
                    .validate(),
                ),
                "limit must be a whole number from 1 to 1000 (got 1001)",
            ),
            (
                message(
                    CitesRequest {
                        key: "k".repeat(201),
                        ..cites.clone()
                    }
                    .validate(),
                ),
                "key must be at most 200 characters (got 201)",
            ),
            (
                message(TopCitedRequest { limit: 0 }.validate()),
                "limit must be a whole number from 1 to 100 (got 0)",
            ),
            (
                message(TraceRequest::new(" ").validate()),
                "trace needs a query (what task to follow)",
            ),
            (
                message(
                    TraceRequest {
                        from: Some(2023),
                        to: Some(2020),
                        ..TraceRequest::new("x")
                    }
                    .validate(),
                ),
                "from (2023) must not be after to (2020)",
            ),
            (
                required_text("a", None, "a task id, PLAN~II.2")
                    .unwrap_err()
                    .to_string(),
                "a (a task id, PLAN~II.2) is required",
            ),
        ];
        for (got, want) in table {
            assert_eq!(got, want);
        }
    }

    #[test]
    fn choices_list_what_is_accepted() {
        assert_eq!(choice::<Level>("level", "TASK").unwrap(), Level::Task);
        assert_eq!(choice::<Match>("match", "all").unwrap(), Match::All);
        assert_eq!(
            choice::<Level>("level", "plans").unwrap_err().to_string(),
            "level must be plan or task (got \"plans\")"
        );
        assert_eq!(
            choice::<crate::render::Format>("format", "svg")
                .unwrap_err()
                .to_string(),
            "format must be json, dot, graphml or csv (got \"svg\")"
        );
    }
}

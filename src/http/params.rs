//! Query parameters, read by hand so a bad value gets a message that names the
//! parameter and says what it must be (`limit must be a whole number from 1 to 100`),
//! rather than a framework's generic rejection.
//!
//! [`Params`] checks names against what an endpoint knows (a misspelt `yera=2022`
//! is an error, not a silently ignored filter) and reads numbers within ranges;
//! [`search_request`], [`trace_request`], [`cites_request`] and [`top_cited_request`] turn
//! an endpoint's parameters into its [`crate::query::request`] type, whose `validate`
//! holds the limits and words the CLI shares; the messages here are worded there too.
//! Nothing here touches the index.

use std::collections::HashMap;

use super::error::ApiError;
use crate::query::request::{
    self, CitesRequest, DEFAULT_LIMIT, Level, MAX_CITES_LIMIT, MAX_CITES_OFFSET, MAX_FILTER_CHARS, MAX_LIMIT,
    MAX_OFFSET, MAX_QUERY_CHARS, Match, SearchRequest, TopCitedRequest, TraceRequest, YEARS, choice,
    not_in_range, quoted, too_long,
};

/// The search endpoint's parameters.
pub const SEARCH: &[&str] = &[
    "q", "year", "from", "to", "place", "type", "cites", "offset", "limit", "level", "match",
];

/// One request's query parameters.
#[derive(Debug, Default)]
pub struct Params(HashMap<String, String>);

impl From<HashMap<String, String>> for Params {
    fn from(map: HashMap<String, String>) -> Self {
        Params(map)
    }
}

impl Params {
    /// Rejects a parameter the endpoint does not know.
    pub fn only(&self, known: &[&str]) -> Result<(), ApiError> {
        let mut unknown: Vec<&str> = self
            .0
            .keys()
            .map(String::as_str)
            .filter(|k| !known.contains(k))
            .collect();
        unknown.sort_unstable();
        match unknown.first() {
            None => Ok(()),
            Some(name) => Err(ApiError::bad_request(if known.is_empty() {
                format!("unknown parameter {name:?}: this endpoint takes none")
            } else {
                format!("unknown parameter {name:?}; known: {}", known.join(", "))
            })),
        }
    }

    /// The parameter's text, `None` when absent or blank, checked for length.
    pub fn text(&self, name: &str, max_chars: usize) -> Result<Option<String>, ApiError> {
        let Some(value) = self.0.get(name).map(|v| v.trim()).filter(|v| !v.is_empty()) else {
            return Ok(None);
        };
        let chars = value.chars().count();
        if chars > max_chars {
            return Err(ApiError::bad_request(too_long(name, max_chars, chars)));
        }
        Ok(Some(value.to_string()))
    }

    /// The parameter as a whole number in `min..=max`, `None` when absent or blank.
    pub fn int(&self, name: &str, min: i64, max: i64) -> Result<Option<i64>, ApiError> {
        let Some(raw) = self.0.get(name).map(|v| v.trim()).filter(|v| !v.is_empty()) else {
            return Ok(None);
        };
        match raw.parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
            _ => Err(ApiError::bad_request(not_in_range(
                name,
                (min, max),
                &quoted(raw),
            ))),
        }
    }

    /// A count parameter (`limit`, `offset`) with its default.
    pub fn count(&self, name: &str, min: usize, max: usize, default: usize) -> Result<usize, ApiError> {
        Ok(self
            .int(name, min as i64, max as i64)?
            .map_or(default, |n| n as usize))
    }

    fn year(&self, name: &str) -> Result<Option<i32>, ApiError> {
        Ok(self
            .int(name, (*YEARS.start()).into(), (*YEARS.end()).into())?
            .map(|y| y as i32))
    }

    /// One of a choice's names (`level=task`), `None` when absent or blank.
    fn choice<T: clap::ValueEnum>(&self, name: &str) -> Result<Option<T>, ApiError> {
        match self.text(name, MAX_FILTER_CHARS)? {
            None => Ok(None),
            Some(raw) => Ok(Some(choice(name, &raw)?)),
        }
    }
}

/// The trace endpoint's parameters.
pub const TRACE: &[&str] = &["q", "from", "to", "place"];

/// The trace endpoint's parameters as a request, or a 400 that names the first bad one.
pub fn trace_request(params: &Params) -> Result<TraceRequest, ApiError> {
    params.only(TRACE)?;
    let query = params
        .text("q", MAX_QUERY_CHARS)?
        .ok_or_else(|| ApiError::bad_request("q is required: the task to trace"))?;
    let request = TraceRequest {
        query,
        from: params.year("from")?,
        to: params.year("to")?,
        place: params.text("place", MAX_FILTER_CHARS)?,
    };
    request.validate()?;
    Ok(request)
}

/// The search endpoint's parameters as a request, or a 400 that names the first bad one.
pub fn search_request(params: &Params) -> Result<SearchRequest, ApiError> {
    params.only(SEARCH)?;
    let request = SearchRequest {
        query: params.text("q", MAX_QUERY_CHARS)?.unwrap_or_default(),
        year: params.year("year")?,
        from: params.year("from")?,
        to: params.year("to")?,
        place: params.text("place", MAX_FILTER_CHARS)?,
        doc_type: params.text("type", MAX_FILTER_CHARS)?,
        cites: params.text("cites", MAX_FILTER_CHARS)?,
        offset: params.count("offset", 0, MAX_OFFSET, 0)?,
        limit: params.count("limit", 1, MAX_LIMIT, DEFAULT_LIMIT)?,
        level: params.choice::<Level>("level")?.unwrap_or_default(),
        match_mode: params.choice::<Match>("match")?.unwrap_or_default(),
    };
    request.validate()?;
    Ok(request)
}

/// The cites endpoint's parameters (and the key from its path) as a request.
pub fn cites_request(params: &Params, key: String) -> Result<CitesRequest, ApiError> {
    params.only(&["offset", "limit", "relation"])?;
    let relation = match params.text("relation", 20)? {
        None => None,
        Some(name) => Some(crate::model::Relation::parse(&name).ok_or_else(|| {
            ApiError::bad_request(format!(
                "relation must be one of basis, implements, guides, amends, replaces, repeals, \
                 consolidates, corrects, mention (got {name:?})"
            ))
        })?),
    };
    let request = CitesRequest {
        key,
        relation,
        offset: params.count("offset", 0, MAX_CITES_OFFSET, 0)?,
        limit: params
            .int("limit", 1, MAX_CITES_LIMIT as i64)?
            .map(|n| n as usize),
    };
    request.validate()?;
    Ok(request)
}

/// The top-cited endpoint's parameters as a request.
pub fn top_cited_request(params: &Params) -> Result<TopCitedRequest, ApiError> {
    params.only(&["limit"])?;
    let request = TopCitedRequest {
        limit: params.count("limit", 1, MAX_LIMIT, request::DEFAULT_TOP_CITED)?,
    };
    request.validate()?;
    Ok(request)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> Params {
        Params(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn good_search_parameters() {
        let request = search_request(&params(&[
            ("q", " bình đẳng giới "),
            ("from", "2020"),
            ("to", "2022"),
            ("place", "Hải Phòng"),
            ("limit", "5"),
            ("offset", "10"),
            ("type", ""),
        ]))
        .unwrap();
        assert_eq!(request.query, "bình đẳng giới");
        assert_eq!(
            (request.from, request.to, request.year),
            (Some(2020), Some(2022), None)
        );
        assert_eq!(request.place.as_deref(), Some("Hải Phòng"));
        assert_eq!(request.doc_type, None);
        assert_eq!((request.limit, request.offset), (5, 10));

        let defaults = search_request(&params(&[])).unwrap();
        assert_eq!(
            (defaults.query.as_str(), defaults.limit, defaults.offset),
            ("", DEFAULT_LIMIT, 0)
        );
    }

    #[test]
    fn bad_search_parameters_say_which_and_why() {
        let long_q = "a".repeat(MAX_QUERY_CHARS + 1);
        let cases: &[(&[(&str, &str)], &str)] = &[
            (&[("limit", "-1")], "limit must be a whole number from 1 to 100"),
            (&[("limit", "0")], "limit must be a whole number from 1 to 100"),
            (&[("limit", "101")], "limit must be a whole number from 1 to 100"),
            (
                &[("limit", "ten")],
                "limit must be a whole number from 1 to 100 (got \"ten\")",
            ),
            (
                &[("limit", "99999999999999999999999")],
                "limit must be a whole number",
            ),
            (
                &[("offset", "-3")],
                "offset must be a whole number from 0 to 10000",
            ),
            (
                &[("year", "20x2")],
                "year must be a whole number from 1000 to 9999 (got \"20x2\")",
            ),
            (&[("year", "2.5")], "year must be a whole number"),
            (
                &[("from", "2023"), ("to", "2020")],
                "from (2023) must not be after to (2020)",
            ),
            (
                &[("year", "2022"), ("from", "2020")],
                "give either year or from/to",
            ),
            (&[("q", &long_q)], "q must be at most 1000 characters (got 1001)"),
            (&[("yera", "2022")], "unknown parameter \"yera\""),
        ];
        for (pairs, want) in cases {
            let err = search_request(&params(pairs)).unwrap_err();
            assert_eq!(err.status(), axum::http::StatusCode::BAD_REQUEST, "{pairs:?}");
            assert!(err.message().contains(want), "{pairs:?}: {}", err.message());
        }
    }
}

//! The `cites` terms that carry what a plan teaches about names of laws, written when the
//! plan is indexed and read at question time by [`crate::query::learned`], which says
//! what they mean. A teaching plan holds `\u{1}name\u{1}number\u{1}written\u{1}teacher`
//! and `\u{2}number\u{1}name`; a plan citing a name bare holds `\u{3}name`. None of them is
//! a citation key (the control characters keep them apart).

use crate::model::{Citation, Resolution};

pub(crate) const NAME: char = '\u{1}';
pub(crate) const NUMBER: char = '\u{2}';
const BARE: char = '\u{3}';

/// The pairs of name and number a plan's citations teach (a law's number written with
/// its name, the name not in the built-in table), once each.
pub fn pairs_of(citations: &[Citation]) -> Vec<(&str, &str, Option<&str>)> {
    let mut pairs: Vec<(&str, &str, Option<&str>)> = citations
        .iter()
        .filter(|c| c.resolution == Resolution::Number)
        .filter_map(|c| Some((c.name.as_deref()?, c.key.as_str(), c.date.as_deref())))
        .filter(|(name, _, _)| crate::cite::identity::versions(name).is_empty())
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The term a teaching plan holds under its name.
pub fn name_term(name: &str, number: &str, written: Option<&str>, teacher: Option<&str>) -> String {
    let (written, teacher) = (written.unwrap_or(""), teacher.unwrap_or(""));
    format!("{NAME}{name}{NAME}{number}{NAME}{written}{NAME}{teacher}")
}

/// The term a teaching plan holds under its number.
pub fn number_term(number: &str, name: &str) -> String {
    format!("{NUMBER}{number}{NAME}{name}")
}

/// Whether a `cites` term is a learned pair or a bare mark rather than a cited key.
pub fn is_pair_term(term: &str) -> bool {
    term.starts_with([NAME, NUMBER, BARE])
}

/// Whether a citation is a law's name written bare — no number, date or year — that the
/// built-in table does not know: the citations the archive's pairs settle. A name with a
/// date the table does not know (`Luật Cư trú ngày 13 tháng 11 năm 2020`) is not bare: it
/// names a version of its own, whatever version the archive taught.
pub fn is_bare(c: &Citation) -> bool {
    c.resolution == Resolution::Unresolved
        && c.date.is_none()
        && crate::cite::identity::split_named_key(&c.key) == Some((c.key.as_str(), None))
        && crate::cite::identity::versions(&c.key).is_empty()
}

/// The term a plan citing `name` bare holds (see [`is_bare`]).
pub fn bare_term(name: &str) -> String {
    format!("{BARE}{name}")
}

//! Which version a law cited by name is. `Bộ luật Lao động` is two documents, the 2012
//! code (10/2012/QH13) and the 2019 code (45/2019/QH14); a citation by name becomes the
//! version it means, under that version's numbered key, and says how it was settled
//! ([`Resolution`]):
//!
//! - `name_and_date`: the name with a date or year (`Bộ luật Lao động ngày 20 tháng 11
//!   năm 2019`, `Bộ luật Lao động năm 2019`) matching one version;
//! - `number`: the bare name, when the same document writes that law's name with its
//!   number elsewhere (`Bộ luật Lao động số 45/2019/QH14`): the document teaches the pair;
//! - `in_force`: the bare name, as the version in force on the citing document's date
//!   (the latest issued by then, when the document guides, amends or corrects it);
//! - `unresolved`: none of these; the key stays the name.
//!
//! The versions come from `resources/laws.tsv` (the codes and main laws, with their
//! source) and from the pairs the document itself writes. A number written with its
//! name keeps the name (`Citation::name`): the pairs every document writes are learned
//! across the archive at question time ([`crate::query::learned`]).

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::key;
use crate::model::{Citation, Relation, Resolution};

/// One version of a law: `Bộ luật Lao động`, `45/2019/QH14`, issued 2019-11-20, in force
/// from 2021-01-01.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub name: String,
    pub number: String,
    pub issued: String,
    pub in_force: Option<String>,
}

impl Version {
    fn year(&self) -> Option<&str> {
        self.issued.get(..4)
    }

    /// From when it governs: its date in force, or its date of issue when that is unknown.
    fn governs_from(&self) -> &str {
        self.in_force.as_deref().unwrap_or(&self.issued)
    }
}

static LAWS: LazyLock<Vec<Version>> = LazyLock::new(|| {
    crate::vocab::rows("resources/laws.tsv", include_str!("../../resources/laws.tsv"), 5)
        .into_iter()
        .filter_map(|f| {
            Some(Version {
                name: f[0].to_string(),
                number: key::canonical_key(f[1])?,
                issued: f[2].to_string(),
                in_force: (!f[3].is_empty()).then(|| f[3].to_string()),
            })
        })
        .collect()
});

/// The versions of the law keyed `name` (`Bộ luật Lao động`) that the built-in table
/// knows, oldest first.
pub fn versions(name: &str) -> Vec<Version> {
    LAWS.iter().filter(|v| v.name == name).cloned().collect()
}

/// The name a numbered key has in the built-in table (`45/2019/QH14` → `Bộ luật Lao động`).
pub fn name_of(number: &str) -> Option<&'static str> {
    LAWS.iter().find(|v| v.number == number).map(|v| v.name.as_str())
}

/// A law's key split into its name and the year written after it:
/// `Bộ luật Lao động năm 2019` → (`Bộ luật Lao động`, `2019`).
pub fn split_named_key(key: &str) -> Option<(&str, Option<&str>)> {
    if !(key.starts_with("Luật ") || key.starts_with("Bộ luật ")) {
        return None;
    }
    Some(match key.rsplit_once(" năm ") {
        Some((name, year)) if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) => {
            (name, Some(year))
        }
        _ => (key, None),
    })
}

/// The version a name with a date or year means: the one issued on `date`, else the
/// one issued in `year`.
pub fn version_dated(name: &str, date: Option<&str>, year: Option<&str>) -> Option<Version> {
    let all = versions(name);
    if let Some(date) = date
        && let Some(v) = all.iter().find(|v| v.issued == date)
    {
        return Some(v.clone());
    }
    let year = year.or_else(|| date.and_then(|d| d.get(..4)))?;
    let mut same_year = all.into_iter().filter(|v| v.year() == Some(year));
    match (same_year.next(), same_year.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}

/// The latest version of `name` issued on `date` or before: the one a document of that
/// date guides or amends (a decree guiding a law is issued before the law takes effect).
pub fn version_issued_by(name: &str, date: &str) -> Option<Version> {
    versions(name)
        .into_iter()
        .filter(|v| v.issued.as_str() <= date)
        .max_by(|a, b| a.issued.cmp(&b.issued))
}

/// The version of `name` in force on `date`: the latest that governs from then or before.
pub fn version_in_force(name: &str, date: &str) -> Option<Version> {
    versions(name)
        .into_iter()
        .filter(|v| v.governs_from() <= date)
        .max_by(|a, b| a.governs_from().cmp(b.governs_from()))
}

/// `Luật Doanh nghiệp số ` right before a number: the name the document gives it.
static NAME_BEFORE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(Bộ [Ll]uật|Luật) (\p{Lu}[^;:.()\d]{1,80}?),? số\s*$").expect("NAME_BEFORE_NUMBER is valid")
});

/// Settles every citation by name in `citations` (found in `text`, a document issued on
/// `citing_date`): its key becomes the numbered key of the version it means, and its
/// `resolution` says how. Citations by number keep `resolution: number`.
///
/// The date a bare name is read at is the citing document's, except where the text
/// ties the law to another document (`Nghị định số 126/2020/NĐ-CP … quy định chi tiết
/// một số điều của Luật Quản lý thuế`, kept as `stated`): then that document's date (or
/// the end of its year): the version issued by then, since a document guides or amends
/// the version of its own time.
pub fn identify(text: &str, citations: &mut [Citation], citing_date: Option<&str>) {
    let by_name = |c: &Citation| c.resolution == Resolution::Unresolved && split_named_key(&c.key).is_some();
    let law_number = |c: &Citation| c.resolution == Resolution::Number && c.key.contains("/QH");
    if !citations.iter().any(|c| by_name(c) || law_number(c)) {
        return;
    }
    let taught = taught_pairs(text, citations);
    // A number written with its name keeps that name: the pair the archive learns
    // (`crate::query::learned`).
    for c in citations.iter_mut().filter(|c| law_number(c) && c.name.is_none()) {
        c.name = taught
            .iter()
            .find(|(_, number)| *number == c.key)
            .map(|(name, _)| name.clone());
    }
    if !citations.iter().any(by_name) {
        return;
    }
    let dates: HashMap<String, String> = citations
        .iter()
        .filter_map(|c| Some((c.key.clone(), date_of(c)?)))
        .collect();
    for c in citations.iter_mut() {
        let stated_date = c
            .stated
            .as_ref()
            .and_then(|s| dates.get(&s.by))
            .map(String::as_str);
        let Some((name, year)) = split_named_key(&c.key).filter(|_| c.resolution == Resolution::Unresolved)
        else {
            continue;
        };
        let (number, resolution) = if let Some(v) = (year.is_some() || c.date.is_some())
            .then(|| version_dated(name, c.date.as_deref(), year))
            .flatten()
        {
            (Some(v.number), Resolution::NameAndDate)
        } else if year.is_some() || c.date.is_some() {
            // A year or date no known version has: a version the table does not hold.
            (None, Resolution::Unresolved)
        } else if let Some((_, number)) = taught.iter().rev().find(|(taught_name, _)| taught_name == name) {
            (Some(number.clone()), Resolution::Number)
        } else if let Some(v) = match stated_date {
            Some(date) => version_issued_by(name, date),
            // A document guiding or amending a law acts on the latest version issued,
            // even before it takes effect.
            None if matches!(
                c.relation,
                Relation::Guides | Relation::Amends | Relation::Corrects
            ) =>
            {
                citing_date.and_then(|d| version_issued_by(name, d))
            }
            None => citing_date.and_then(|d| version_in_force(name, d)),
        } {
            (Some(v.number), Resolution::InForce)
        } else {
            (None, Resolution::Unresolved)
        };
        c.resolution = resolution;
        if let Some(number) = number {
            c.name = Some(std::mem::replace(&mut c.key, number));
        }
    }
}

/// A cited document's date, or the last day of the year in its number.
fn date_of(c: &Citation) -> Option<String> {
    if let Some(date) = &c.date {
        return Some(date.clone());
    }
    let year = c
        .key
        .split('/')
        .nth(1)
        .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))?;
    Some(format!("{year}-12-31"))
}

/// The pairs of name and number that the document writes (`Bộ luật Lao động số
/// 45/2019/QH14`), in the order it writes them.
fn taught_pairs(text: &str, citations: &[Citation]) -> Vec<(String, String)> {
    // In text order, so that what a document teaches does not depend on a hash: the first
    // name written with a number names it, the last number written with a name wins.
    let mut pairs = Vec::new();
    for c in citations.iter().filter(|c| c.key.contains("/QH")) {
        let Some(number) = super::numbers_in(text, c.start..c.end).into_iter().next() else {
            continue;
        };
        let from = crate::vi::boundary::floor_boundary(text, number.start.saturating_sub(160));
        let before: String = text[from..number.start]
            .split(|ch: char| ch.is_whitespace() || ch == '*')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let before = format!("{before} ");
        let Some(caps) = NAME_BEFORE_NUMBER.captures(&before) else {
            continue;
        };
        let code = caps[1].starts_with("Bộ");
        let name = key::canonical_law_name(&caps[2], code);
        pairs.push((key::law_key(code, &name, None), c.key.clone()));
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::extract;

    #[test]
    fn the_table_reads_whole() {
        let rows = include_str!("../../resources/laws.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        assert_eq!(LAWS.len(), rows, "every row of laws.tsv parses");
    }

    /// Real sentences from `../shared/realarchive` and `../shared/realdocs`, with the date
    /// of the citing document → (key, resolution) of each citation.
    #[test]
    fn names_resolve_to_versions() {
        use Resolution::*;
        type Row<'a> = (&'a str, Option<&'a str>, &'a [(&'a str, Resolution)]);
        let rows: &[Row] = &[
            (
                "Căn cứ Bộ luật Lao động số 45/2019/QH14 ngày 20 tháng 11 năm 2019;",
                Some("2020-12-14"),
                &[("45/2019/QH14", Number)],
            ),
            (
                "Căn cứ Bộ luật Lao động ngày 20 tháng 11 năm 2019;",
                Some("2020-12-14"),
                &[("45/2019/QH14", NameAndDate)],
            ),
            (
                "theo quy định của Bộ luật Lao động năm 2019.",
                Some("2022-03-01"),
                &[("45/2019/QH14", NameAndDate)],
            ),
            (
                "Căn cứ Bộ luật Lao động ngày 18 tháng 6 năm 2012;",
                Some("2015-01-01"),
                &[("10/2012/QH13", NameAndDate)],
            ),
            (
                "Căn cứ Luật Đầu tư ngày 17 tháng 6 năm 2020;",
                Some("2021-03-26"),
                &[("61/2020/QH14", NameAndDate)],
            ),
            // Bare: the version in force on the citing document's date.
            (
                "người lao động theo Bộ luật Lao động",
                Some("2016-05-01"),
                &[("10/2012/QH13", InForce)],
            ),
            (
                "người lao động theo Bộ luật Lao động",
                Some("2023-05-01"),
                &[("45/2019/QH14", InForce)],
            ),
            // Issued but not yet in force: the old one still governs.
            (
                "theo Luật Bảo hiểm xã hội",
                Some("2024-12-01"),
                &[("58/2014/QH13", InForce)],
            ),
            // The document teaches the pair.
            (
                "Căn cứ Luật Doanh nghiệp số 59/2020/QH14;\nĐiều 1. Doanh nghiệp theo Luật Doanh nghiệp",
                Some("2019-01-01"),
                &[("59/2020/QH14", Number), ("59/2020/QH14", Number)],
            ),
            // Tied to the document that guides it: the version of that document's time.
            (
                "Căn cứ Nghị định số 126/2020/NĐ-CP ngày 19 tháng 10 năm 2020 của Chính phủ quy định chi tiết một số điều của Luật Quản lý thuế;",
                Some("2026-03-17"),
                &[("126/2020/NĐ-CP", Number), ("38/2019/QH14", InForce)],
            ),
            // A decree of 2015 guides the 2014 law, issued before it took effect in 2016.
            (
                "Căn cứ Nghị định số 115/2015/NĐ-CP ngày 11 tháng 11 năm 2015 của Chính phủ quy định chi tiết một số điều của Luật Bảo hiểm xã hội;",
                Some("2023-06-01"),
                &[("115/2015/NĐ-CP", Number), ("58/2014/QH13", InForce)],
            ),
            // Passive: the named law is amended by another, not by the citing document.
            (
                "theo khoản 3 Điều 54 của Luật Bảo hiểm xã hội được sửa đổi, bổ sung tại Điều 219 của Bộ luật Lao động năm 2019. Thông tư này",
                Some("2021-06-01"),
                &[("58/2014/QH13", InForce), ("45/2019/QH14", NameAndDate)],
            ),
            // Unknown law, unknown date, a year no version has.
            (
                "theo Luật Viễn thông",
                Some("2023-01-01"),
                &[("Luật Viễn thông", Unresolved)],
            ),
            ("theo Bộ luật Lao động", None, &[("Bộ luật Lao động", Unresolved)]),
            (
                "theo Bộ luật Lao động năm 1994",
                Some("2000-01-01"),
                &[("Bộ luật Lao động năm 1994", Unresolved)],
            ),
        ];
        for (text, date, want) in rows {
            let mut found = extract(text);
            identify(text, &mut found, *date);
            let got: Vec<(String, Resolution)> =
                found.iter().map(|c| (c.key.clone(), c.resolution)).collect();
            let want: Vec<(String, Resolution)> = want.iter().map(|(k, r)| (k.to_string(), *r)).collect();
            assert_eq!(got, want, "{text:?} on {date:?}");
        }
    }
}

//! Linking a citation to a plan in the archive: of the archived plans that share the
//! citation's key, which one it means. Local numbers repeat (every province has its
//! `131/KH-UBND`), so the key narrows the field, the date or year narrows it further, and
//! the citing plan's own place breaks a tie.
//!
//! This module only chooses among candidates it is given; it does not search the index
//! for them and does not read text.

use unicode_normalization::UnicodeNormalization;

use crate::model::Citation;

/// An archived plan that a citation might mean, as the index knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate<'a> {
    /// The plan's own number as a canonical key (`131/KH-UBND`).
    pub number_key: &'a str,
    /// Date of issue, `YYYY-MM-DD`.
    pub date: Option<&'a str>,
    pub year: Option<i32>,
    /// Place of issue (`Hải Phòng`).
    pub place: Option<&'a str>,
}

/// The index in `candidates` of the plan `citation` means, or `None` when none fits or
/// more than one still does.
///
/// 1. Same key.
/// 2. Same date when the citation gives a date (a candidate that knows only its year
///    must have the same year), or same year when the citation gives only a year (in
///    its key, `125/2021/NĐ-CP`, or a law's `năm 2019`). A candidate that knows neither
///    is kept only when no candidate is confirmed.
/// 3. When that still leaves two or more, the one issued in `citing_place`.
///
/// ```
/// use plancite::cite::resolve::{pick, Candidate};
/// use plancite::model::{Citation, Relation};
/// let mut c = Citation::new("131/KH-UBND", Relation::Basis, "131/KH-UBND", 0, 11);
/// c.date = Some("2021-05-31".into());
/// let plans = [
///     Candidate { number_key: "131/KH-UBND", date: Some("2021-05-31"), year: Some(2021), place: Some("Lai Châu") },
///     Candidate { number_key: "131/KH-UBND", date: Some("2021-05-31"), year: Some(2021), place: Some("Hải Phòng") },
/// ];
/// assert_eq!(pick(&c, Some("Hải Phòng"), &plans), Some(1));
/// assert_eq!(pick(&c, None, &plans), None);
/// ```
pub fn pick(citation: &Citation, citing_place: Option<&str>, candidates: &[Candidate]) -> Option<usize> {
    let same_key: Vec<usize> = (0..candidates.len())
        .filter(|&i| candidates[i].number_key == citation.key)
        .collect();
    if same_key.is_empty() {
        return None;
    }
    let cited_date = citation.date.as_deref();
    let cited_year = cited_date
        .and_then(year_of_date)
        .or_else(|| year_in_key(&citation.key));

    let mut confirmed = Vec::new();
    let mut unknown = Vec::new();
    for &i in &same_key {
        match fit(&candidates[i], cited_date, cited_year) {
            Fit::Confirmed => confirmed.push(i),
            Fit::Unknown => unknown.push(i),
            Fit::Contradicted => {}
        }
    }
    let remaining = if confirmed.is_empty() { unknown } else { confirmed };
    match remaining.as_slice() {
        [] => None,
        [only] => Some(*only),
        several => {
            let place = normal_place(citing_place?);
            let mut here = several
                .iter()
                .copied()
                .filter(|&i| candidates[i].place.map(normal_place).as_deref() == Some(&place));
            match (here.next(), here.next()) {
                (Some(only), None) => Some(only),
                _ => None,
            }
        }
    }
}

enum Fit {
    Confirmed,
    Unknown,
    Contradicted,
}

fn fit(candidate: &Candidate, cited_date: Option<&str>, cited_year: Option<i32>) -> Fit {
    let candidate_year = candidate.year.or_else(|| candidate.date.and_then(year_of_date));
    match (cited_date, candidate.date, cited_year, candidate_year) {
        (Some(cited), Some(theirs), _, _) if cited == theirs => Fit::Confirmed,
        (Some(_), Some(_), _, _) => Fit::Contradicted,
        (_, _, Some(cited), Some(theirs)) if cited == theirs => Fit::Confirmed,
        (_, _, Some(_), Some(_)) => Fit::Contradicted,
        (None, _, None, _) => Fit::Confirmed,
        _ => Fit::Unknown,
    }
}

fn year_of_date(date: &str) -> Option<i32> {
    date.get(..4)?.parse().ok()
}

/// The year a key carries: `125/2021/NĐ-CP` → 2021, `Bộ luật Lao động năm 2019` → 2019.
fn year_in_key(key: &str) -> Option<i32> {
    if let Some((_, year)) = key.rsplit_once(" năm ") {
        return year.parse().ok();
    }
    let mut segments = key.split('/');
    let _number = segments.next()?;
    let year = segments.next()?;
    segments.next()?;
    if year.len() == 4 { year.parse().ok() } else { None }
}

/// Places compared without case, spacing or a leading `tỉnh` / `thành phố`.
fn normal_place(place: &str) -> String {
    let lower: String = place.nfc().collect::<String>().to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let joined = words.join(" ");
    for prefix in ["thành phố ", "tp. ", "tp ", "tỉnh "] {
        if let Some(rest) = joined.strip_prefix(prefix) {
            return rest.to_string();
        }
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Relation;

    fn citation(key: &str, date: Option<&str>) -> Citation {
        let mut c = Citation::new(key, Relation::Mention, key, 0, key.len());
        c.date = date.map(str::to_string);
        c
    }

    fn plan<'a>(
        key: &'a str,
        date: Option<&'a str>,
        year: Option<i32>,
        place: Option<&'a str>,
    ) -> Candidate<'a> {
        Candidate {
            number_key: key,
            date,
            year,
            place,
        }
    }

    #[test]
    fn picks() {
        let archive = [
            plan("131/KH-UBND", Some("2021-05-31"), Some(2021), Some("Hải Phòng")),
            plan("131/KH-UBND", Some("2020-04-02"), Some(2020), Some("Thanh Hóa")),
            plan("131/KH-UBND", Some("2021-05-31"), Some(2021), Some("Lai Châu")),
            plan("125/2021/NĐ-CP", Some("2021-12-28"), Some(2021), Some("Hà Nội")),
            plan("70/KH-UBND", None, Some(2022), Some("Hải Phòng")),
            plan("70/KH-UBND", None, Some(2023), Some("Hải Phòng")),
            plan("9/KH-UBND", None, None, None),
        ];
        /// (key, cited date, citing place, expected pick).
        type Row<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<usize>);
        let rows: &[Row] = &[
            // Key alone decides.
            ("125/2021/NĐ-CP", None, None, Some(3)),
            // Year from the key.
            ("125/2021/NĐ-CP", Some("2021-12-28"), None, Some(3)),
            ("125/2021/NĐ-CP", Some("2021-12-29"), None, None),
            // Date decides between provinces.
            ("131/KH-UBND", Some("2020-04-02"), None, Some(1)),
            // Same date twice: the citing place breaks the tie.
            ("131/KH-UBND", Some("2021-05-31"), Some("Hải Phòng"), Some(0)),
            (
                "131/KH-UBND",
                Some("2021-05-31"),
                Some("thành phố Hải Phòng"),
                Some(0),
            ),
            ("131/KH-UBND", Some("2021-05-31"), Some("Lai Châu"), Some(2)),
            ("131/KH-UBND", Some("2021-05-31"), Some("Đà Nẵng"), None),
            ("131/KH-UBND", Some("2021-05-31"), None, None),
            // No date: three candidates, place leaves one of two in 2021 … and Thanh Hóa.
            ("131/KH-UBND", None, Some("Thanh Hóa"), Some(1)),
            // The candidate knows only its year.
            ("70/KH-UBND", Some("2022-03-22"), None, Some(4)),
            // A candidate that knows nothing is taken when nothing better is there.
            ("9/KH-UBND", Some("2022-03-22"), None, Some(6)),
            // No such key.
            ("1/KH-UBND", None, None, None),
        ];
        for (key, date, place, expected) in rows {
            let got = pick(&citation(key, *date), *place, &archive);
            assert_eq!(got, *expected, "{key} {date:?} {place:?}");
        }
    }

    #[test]
    fn years_in_keys() {
        assert_eq!(year_in_key("125/2021/NĐ-CP"), Some(2021));
        assert_eq!(year_in_key("131/KH-UBND"), None);
        assert_eq!(year_in_key("Bộ luật Lao động năm 2019"), Some(2019));
        assert_eq!(year_in_key("Luật Bình đẳng giới"), None);
        assert_eq!(year_in_key("11-NQ/TW"), None);
    }
}

//! Names learned across the archive. A document that writes a law's name with its
//! number (`Luật Phòng, chống bạo lực gia đình số 13/2022/QH15`) teaches plancite the
//! pair; a plan that cites that name bare, in a document that does not write the number
//! itself, is then read as citing the version issued on or before its own date. The terms
//! themselves are written at indexing time by [`crate::index::learned_terms`]; this
//! module reads them.
//!
//! The pair is learned at question time, like the link into the archive
//! ([`crate::query::citations`]): each teaching plan stores it as two `cites` terms
//! (`\u{1}name\u{1}number\u{1}written\u{1}teacher` and `\u{2}number\u{1}name`, never a
//! citation key; `written` is the date the teacher writes with the number, `teacher` the
//! teacher's own date, either possibly empty), so a plan
//! indexed later teaches the plans indexed before it without re-indexing them, and a
//! question reads only the term dictionary and postings, never the document store. The
//! stored citation of the bare name keeps `resolution: unresolved` (`refs` shows it
//! settled, `resolution: learned`, by [`settle`]); the built-in table
//! (`resources/laws.tsv`) wins: a name it knows learns nothing.
//!
//! The archive knows only the versions its plans write: when a law was re-enacted and no
//! plan writes the new number with the name, a bare citation after the re-enactment is
//! read as the old version. A law for which that matters belongs in the table.

use std::collections::HashMap;

use tantivy::DocSet;
use tantivy::schema::IndexRecordOption;

use crate::error::{Error, Result};
use crate::index::learned_terms::{NAME, NUMBER};
pub use crate::index::learned_terms::{bare_term, is_bare, is_pair_term, name_term, number_term, pairs_of};
use crate::index::{Index, reader};
use crate::model::{Citation, Resolution};

/// One version the archive taught for a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LearnedVersion {
    /// Its numbered key: `13/2022/QH15`.
    pub number: String,
    /// Its date when the archive holds it, else the earliest date a teaching plan writes
    /// with it, else the year of its number (`2022`).
    pub issued: String,
    /// From when a bare citation means it: `issued` when that is a date, else the
    /// earliest teaching plan's date (it was issued by then; a plan of its year dated
    /// earlier may mean the version before), else the year.
    from: String,
}

impl LearnedVersion {
    /// Its date as a `date_key` (see [`crate::index::writer::date_key`]).
    fn date_key(&self) -> i64 {
        crate::index::writer::date_key(
            Some(&self.from).filter(|d| d.len() == 10).map(String::as_str),
            self.from.get(..4).and_then(|y| y.parse().ok()),
        )
    }
}

/// The versions the archive taught for the law named `name`, oldest first; none for a
/// name the built-in table knows.
pub fn versions(index: &Index, name: &str) -> Result<Vec<LearnedVersion>> {
    if crate::cite::identity::split_named_key(name) != Some((name, None))
        || !crate::cite::identity::versions(name).is_empty()
    {
        return Ok(Vec::new());
    }
    // By number: the earliest date written with it, the earliest teacher's date.
    let mut taught: Vec<(String, Option<String>, Option<String>)> = Vec::new();
    for rest in live_terms_after(index, &format!("{NAME}{name}{NAME}"))? {
        let mut parts = rest.split(NAME);
        let number = parts.next().unwrap_or("").to_string();
        let mut date = || parts.next().filter(|d| d.len() == 10).map(str::to_string);
        let (written, teacher) = (date(), date());
        let earliest = |a: Option<String>, b: Option<String>| match (a, b) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        match taught.iter_mut().find(|(n, _, _)| *n == number) {
            Some((_, w, t)) => {
                *w = earliest(w.take(), written);
                *t = earliest(t.take(), teacher);
            }
            None => taught.push((number, written, teacher)),
        }
    }
    let mut versions: Vec<LearnedVersion> = Vec::new();
    for (number, written, teacher) in taught {
        let dated = reader::records_with(index, index.fields.number_key, &number)?
            .into_iter()
            .find_map(|r| r.plan.date);
        let year = number.split('/').nth(1).unwrap_or("").to_string();
        let issued = dated.or(written);
        let from = issued.clone().or(teacher).unwrap_or_else(|| year.clone());
        versions.push(LearnedVersion {
            number,
            issued: issued.unwrap_or(year),
            from,
        });
    }
    versions.sort_by_key(LearnedVersion::date_key);
    Ok(versions)
}

/// Settles the bare names among the `citations` of a plan dated `date_key` (see
/// [`crate::index::writer::date_key`]) to the versions the archive taught: key the
/// number, `name` the name, `resolution: learned`.
pub fn settle(index: &Index, citations: &mut [Citation], date_key: i64) -> Result<()> {
    let mut known: HashMap<String, Vec<LearnedVersion>> = HashMap::new();
    for c in citations.iter_mut().filter(|c| is_bare(c)) {
        if !known.contains_key(&c.key) {
            known.insert(c.key.clone(), versions(index, &c.key)?);
        }
        let versions = &known[&c.key];
        let Some(i) = (0..versions.len()).find(|&i| {
            let (from, to) = date_range(versions, i);
            (from..to).contains(&date_key)
        }) else {
            continue;
        };
        c.name = Some(std::mem::replace(&mut c.key, versions[i].number.clone()));
        c.resolution = Resolution::Learned;
    }
    Ok(())
}

/// The names the archive taught for the number `number`.
pub fn names(index: &Index, number: &str) -> Result<Vec<String>> {
    live_terms_after(index, &format!("{NUMBER}{number}{NAME}"))
}

/// The `date_key` range `[from, to)` of the plans whose bare citation of a name means
/// `versions[i]`: issued on or after it, before the next one; undated plans never.
pub fn date_range(versions: &[LearnedVersion], i: usize) -> (i64, i64) {
    let from = versions[i].date_key();
    let to = versions.get(i + 1).map_or(i64::MAX, LearnedVersion::date_key);
    (from, to)
}

/// The rest of every `cites` term starting with `prefix` that a live plan holds.
fn live_terms_after(index: &Index, prefix: &str) -> Result<Vec<String>> {
    let searcher = index.searcher();
    let io = |e: std::io::Error| Error::Internal(format!("reading the learned names: {e}"));
    let mut found: Vec<String> = Vec::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(index.fields.cites)?;
        let mut terms = inverted
            .terms()
            .range()
            .ge(prefix.as_bytes())
            .into_stream()
            .map_err(io)?;
        while terms.advance() {
            let Some(rest) = terms.key().strip_prefix(prefix.as_bytes()) else {
                break;
            };
            let mut postings = inverted
                .read_postings_from_terminfo(terms.value(), IndexRecordOption::Basic)
                .map_err(io)?;
            let alive = segment.alive_bitset();
            let mut live = false;
            while postings.doc() != tantivy::TERMINATED {
                if alive.is_none_or(|a| a.is_alive(postings.doc())) {
                    live = true;
                    break;
                }
                postings.advance();
            }
            let rest = String::from_utf8_lossy(rest).into_owned();
            if live && !found.contains(&rest) {
                found.push(rest);
            }
        }
    }
    Ok(found)
}

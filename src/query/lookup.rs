//! Which cited documents a typed number names: `125/2021/ND-CP` names one key,
//! `QĐ 2282` or `quyết định 2282` every cited key numbered 2282 whose symbol holds `QĐ`.
//!
//! The page's "văn bản trích dẫn" box asks this before it opens the plans citing a
//! document; a search whose query is a document number asks it to offer that view first.
//! Keys come from the `cites` postings ([`citations::cited_counts`]), so the answer
//! only names documents some plan of the archive cites.

use std::sync::LazyLock;

use serde::Serialize;

use crate::analysis::normalize::folded_form;
use crate::error::Result;
use crate::index::Index;
use crate::query::citations;
use crate::vocab::doc_types;

/// Most documents one question names.
pub const MAX_DOCUMENTS: usize = 20;

/// A cited document a typed number may mean, with how many plans cite it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NamedDocument {
    pub key: String,
    pub plans: usize,
    pub citations: usize,
}

/// Words typed before a number that name no symbol letters (`văn bản số 12`).
const FILLER_WORDS: &[&str] = &["van ban", "so"];

/// Document types as people write them before a number, folded, longest first, with
/// the folded letters of the symbol code they stand for (`quyết định 2282` → `qd`;
/// `công văn` has none). From `resources/document_types.tsv` through `vocab`.
fn type_words() -> &'static [(String, String)] {
    static WORDS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
        let types = doc_types::all();
        let mut words: Vec<(String, String)> = doc_types::type_words()
            .iter()
            .map(|word| {
                let code = types
                    .iter()
                    .find(|t| t.name == word.doc_type)
                    .and_then(|t| t.state_code)
                    .map(folded_form)
                    .unwrap_or_default();
                (folded_form(&word.word), code)
            })
            .chain(FILLER_WORDS.iter().map(|w| (w.to_string(), String::new())))
            .collect();
        words.sort_by_key(|(word, _)| std::cmp::Reverse(word.chars().count()));
        words
    });
    &WORDS
}

/// The cited documents `input` may name, most cited first: the one key it spells out
/// when some plan cites it, else every cited key with its number whose symbol holds
/// each of its letters.
pub fn documents_named(index: &Index, input: &str) -> Result<Vec<NamedDocument>> {
    let counts = citations::cited_counts(index)?;
    if let Some(key) = crate::cite::parse_key(input)
        && let Some(found) = counts.iter().find(|c| c.key == key)
    {
        return Ok(vec![NamedDocument {
            key: found.key.clone(),
            plans: found.plans,
            citations: found.citations,
        }]);
    }
    let Some((number, letters)) = number_and_letters(input) else {
        return Ok(Vec::new());
    };
    let mut named: Vec<NamedDocument> = counts
        .into_iter()
        .filter(|c| key_matches(&c.key, &number, &letters))
        .map(|c| NamedDocument {
            key: c.key,
            plans: c.plans,
            citations: c.citations,
        })
        .collect();
    named.sort_by(|a, b| b.plans.cmp(&a.plans).then_with(|| a.key.cmp(&b.key)));
    named.truncate(MAX_DOCUMENTS);
    Ok(named)
}

/// The number and the folded symbol letters of a loosely typed document number:
/// `QĐ 2282` → (`2282`, [`qd`]); `quyết định số 2282/QĐ` → (`2282`, [`qd`]). `None`
/// when it holds no number.
fn number_and_letters(input: &str) -> Option<(String, Vec<String>)> {
    let folded = folded_form(&input.split_whitespace().collect::<Vec<_>>().join(" "));
    let mut rest = format!(" {folded} ");
    let mut letters = Vec::new();
    for (words, symbol) in type_words() {
        let padded = format!(" {words} ");
        if rest.contains(&padded) {
            rest = rest.replace(&padded, " ");
            if !symbol.is_empty() {
                letters.push(symbol.clone());
            }
        }
    }
    let mut number = None;
    for part in rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|p| !p.is_empty())
    {
        if part.chars().all(|c| c.is_ascii_digit()) {
            number.get_or_insert_with(|| part.to_string());
        } else {
            letters.push(part.to_string());
        }
    }
    number.map(|n| (n, letters))
}

/// Whether `key` is numbered `number` and its symbol holds every one of `letters`.
fn key_matches(key: &str, number: &str, letters: &[String]) -> bool {
    let folded = folded_form(key);
    let Some(after) = folded.strip_prefix(number) else {
        return false;
    };
    if !after.starts_with(['/', '-']) {
        return false;
    }
    let symbol_parts: Vec<&str> = after.split(|c: char| !c.is_alphanumeric()).collect();
    letters
        .iter()
        .all(|l| symbol_parts.iter().any(|p| p == l) || after.contains(l.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A number and the letters of its symbol, as the tests write them.
    type Parsed = Option<(&'static str, &'static [&'static str])>;

    #[test]
    fn loosely_typed_numbers() {
        // (typed, number, letters)
        let cases: &[(&str, Parsed)] = &[
            ("QĐ 2282", Some(("2282", &["qd"]))),
            ("quyết định 2282", Some(("2282", &["qd"]))),
            ("Quyết định số 2282/QĐ-TTg", Some(("2282", &["qd", "qd", "ttg"]))),
            ("nghị định 125", Some(("125", &["nd"]))),
            // Every type of the vocabulary, longest name first.
            ("thông tư liên tịch 05", Some(("05", &["ttlt"]))),
            ("chương trình 1016", Some(("1016", &["ctr"]))),
            ("công văn số 397", Some(("397", &[]))),
            ("văn bản 12", Some(("12", &[]))),
            ("2282", Some(("2282", &[]))),
            ("luật bình đẳng giới", None),
        ];
        for (typed, want) in cases {
            let got = number_and_letters(typed);
            let want =
                want.map(|(n, l)| (n.to_string(), l.iter().map(|s| s.to_string()).collect::<Vec<_>>()));
            assert_eq!(got, want, "{typed}");
        }
    }

    #[test]
    fn keys_by_number_and_symbol_letters() {
        // (key, number, letters, matches)
        let cases: &[(&str, &str, &[&str], bool)] = &[
            ("2282/QĐ-TTg", "2282", &["qd"], true),
            ("2282/QĐ-TTg", "2282", &[], true),
            ("2282/QĐ-TTg", "2282", &["nd"], false),
            ("22820/QĐ-TTg", "2282", &["qd"], false),
            ("125/2021/NĐ-CP", "125", &["nd"], true),
            ("11-NQ/TW", "11", &["nq"], true),
            ("Luật Bình đẳng giới", "11", &[], false),
        ];
        for (key, number, letters, want) in cases {
            let letters: Vec<String> = letters.iter().map(|s| s.to_string()).collect();
            assert_eq!(
                key_matches(key, number, &letters),
                *want,
                "{key} {number} {letters:?}"
            );
        }
    }
}

//! Document types (`resources/document_types.tsv`): the names a document carries and
//! the codes that stand for them. One table answers every question about types: which
//! type a state symbol's code (`NĐ` in `125/2021/NĐ-CP`) or a Party number's code (`NQ`
//! in `11-NQ/TW`) names, which words before a number name a type (`Nghị định số …`), and
//! which capitals a header's type line may be (`KẾ HOẠCH`).
//!
//! ```
//! use plancite::vocab::doc_types;
//! assert_eq!(doc_types::by_state_code("NQLT"), Some("Nghị quyết liên tịch"));
//! assert_eq!(doc_types::by_state_code("TT"), Some("Thông tư"));
//! assert_eq!(doc_types::by_party_code("TT"), Some("Thông tri"));
//! assert_eq!(doc_types::by_spelt_code("QD"), Some("Quyết định"));
//! assert_eq!(doc_types::by_state_code("QD"), None);
//! let words: Vec<&str> = doc_types::type_words().iter().map(|w| w.word.as_str()).collect();
//! assert!(words.iter().position(|w| *w == "bộ luật") < words.iter().position(|w| *w == "luật"));
//! ```

use std::sync::LazyLock;

use super::{rows, yes_no};

const FILE: &str = "resources/document_types.tsv";

/// One document type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocType {
    /// Canonical spelling: `Nghị định`.
    pub name: &'static str,
    /// The lower-case name before a number counts only when written with a capital
    /// (`Quy định số …`; `quy định` is also a verb).
    pub capital_only: bool,
    /// A header may carry the name in capitals as its type line.
    pub heading: bool,
    /// Type code in a state symbol (`NĐ`), canonical spelling.
    pub state_code: Option<&'static str>,
    /// Type code of a Party number (`NQ` in `11-NQ/TW`).
    pub party_code: Option<&'static str>,
    /// The state code as typed without its Vietnamese letters or case (`ND`, `CTR`).
    pub spellings: Vec<&'static str>,
}

/// A type word as it stands before a number, lower case: `nghị định`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeWord {
    pub word: String,
    pub doc_type: &'static str,
    pub capital_only: bool,
}

static TYPES: LazyLock<Vec<DocType>> = LazyLock::new(|| {
    rows(FILE, include_str!("../../resources/document_types.tsv"), 6)
        .into_iter()
        .map(|f| DocType {
            name: f[0],
            capital_only: match f[1] {
                "any" => false,
                "capital" => true,
                other => panic!("{FILE}: `any` or `capital` expected, not {other:?}"),
            },
            heading: yes_no(FILE, f[2]),
            state_code: (!f[3].is_empty()).then_some(f[3]),
            party_code: (!f[4].is_empty()).then_some(f[4]),
            spellings: f[5].split_whitespace().collect(),
        })
        .collect()
});

/// Every document type, in the order of the table.
pub fn all() -> &'static [DocType] {
    &TYPES
}

/// The type a state symbol's type code names, the code in canonical spelling:
/// `NĐ` → `Nghị định`, `L` → `Lệnh`.
pub fn by_state_code(code: &str) -> Option<&'static str> {
    TYPES.iter().find(|t| t.state_code == Some(code)).map(|t| t.name)
}

/// The type a Party number's type code names: `NQ` → `Nghị quyết`, `TT` → `Thông tri`.
pub fn by_party_code(code: &str) -> Option<&'static str> {
    TYPES.iter().find(|t| t.party_code == Some(code)).map(|t| t.name)
}

/// [`by_state_code`], also taking the spellings without Vietnamese letters (`QD`, `ND`,
/// `CTR`) that headers typed on a plain keyboard carry.
pub fn by_spelt_code(code: &str) -> Option<&'static str> {
    TYPES
        .iter()
        .find(|t| t.state_code == Some(code) || t.spellings.contains(&code))
        .map(|t| t.name)
}

/// The type words, longest first, so that the first that fits the end of a text is the
/// right one (`bộ luật` before `luật`, `thông tư liên tịch` before `thông tư`).
pub fn type_words() -> &'static [TypeWord] {
    static WORDS: LazyLock<Vec<TypeWord>> = LazyLock::new(|| {
        let mut words: Vec<TypeWord> = TYPES
            .iter()
            .map(|t| TypeWord {
                word: t.name.to_lowercase(),
                doc_type: t.name,
                capital_only: t.capital_only,
            })
            .collect();
        words.sort_by_key(|w| std::cmp::Reverse(w.word.chars().count()));
        words
    });
    &WORDS
}

/// Type lines as a header writes them, in capitals, longest first (`THÔNG TƯ LIÊN TỊCH`
/// before `THÔNG TƯ`), with the type each names.
pub fn headings() -> &'static [(String, &'static str)] {
    static HEADINGS: LazyLock<Vec<(String, &'static str)>> = LazyLock::new(|| {
        let mut headings: Vec<(String, &'static str)> = TYPES
            .iter()
            .filter(|t| t.heading)
            .map(|t| (t.name.to_uppercase(), t.name))
            .collect();
        headings.sort_by_key(|(caps, _)| std::cmp::Reverse(caps.chars().count()));
        headings
    });
    &HEADINGS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_as_a_table() {
        // (code, state type, party type, spelt type)
        let cases = [
            ("NĐ", Some("Nghị định"), None, Some("Nghị định")),
            ("ND", None, None, Some("Nghị định")),
            ("QĐ", Some("Quyết định"), Some("Quyết định"), Some("Quyết định")),
            ("QĐi", None, Some("Quy định"), None),
            ("TT", Some("Thông tư"), Some("Thông tri"), Some("Thông tư")),
            (
                "NQLT",
                Some("Nghị quyết liên tịch"),
                None,
                Some("Nghị quyết liên tịch"),
            ),
            ("PL", Some("Pháp lệnh"), None, Some("Pháp lệnh")),
            ("L", Some("Lệnh"), None, Some("Lệnh")),
            (
                "CTr",
                Some("Chương trình"),
                Some("Chương trình"),
                Some("Chương trình"),
            ),
            ("CTR", None, None, Some("Chương trình")),
            ("CV", None, Some("Công văn"), None),
            ("UBND", None, None, None),
        ];
        for (code, state, party, spelt) in cases {
            assert_eq!(
                (by_state_code(code), by_party_code(code), by_spelt_code(code)),
                (state, party, spelt),
                "{code}"
            );
        }
    }

    #[test]
    fn codes_and_names_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for t in all() {
            assert!(seen.insert(("name", t.name.to_string())), "{}", t.name);
            for code in t.state_code.iter().chain(&t.spellings) {
                assert!(seen.insert(("state", code.to_string())), "{code}");
            }
            if let Some(code) = t.party_code {
                assert!(seen.insert(("party", code.to_string())), "{code}");
            }
        }
        assert_eq!(all().len(), 25);
    }

    #[test]
    fn longer_words_and_headings_come_first() {
        let words = type_words();
        for (i, w) in words.iter().enumerate() {
            for later in &words[i + 1..] {
                assert!(
                    !later.word.ends_with(&w.word),
                    "`{}` must come before `{}`",
                    later.word,
                    w.word
                );
            }
        }
        let headings = headings();
        for (i, (caps, _)) in headings.iter().enumerate() {
            for (later, _) in &headings[i + 1..] {
                assert!(
                    !later.starts_with(caps.as_str()),
                    "`{later}` must come before `{caps}`"
                );
            }
        }
        assert_eq!(headings.len(), 22);
        assert_eq!(headings[0].1, "Nghị quyết liên tịch");
    }
}

//! A query's words: what a person typed, analysed like the documents and grouped into
//! the words the search must find, each with the other ways of writing it.
//!
//! [`analyse`] normalizes the query text (NFC, Unicode spaces), cuts it into syllables
//! with the document tokenizer, groups the syllables into words with the lexicon
//! ([`super::segment`]) and looks every word up as an abbreviation or as the
//! expansion of one ([`super::abbrev`]). The result is a list of [`Unit`]s: each must
//! be found in a plan, as its syllables side by side or as one of its alternatives.
//! `bình đẳng giới 2022` gives two units, `bình đẳng giới` (or `bđg`) and `2022`;
//! `VSTBCPN` gives one, `vstbcpn` or `vì sự tiến bộ của phụ nữ` or `vstbpn`.
//!
//! This module builds no tantivy query (that is `crate::query::search`) and reads
//! no index: abbreviations come through the [`Lookup`] it is given.
//!
//! ```
//! use plancite::analysis::{abbrev::built_in, query::analyse};
//! let q = analyse("Bi\u{0300}nh đẳng giới năm 2022", built_in());
//! let words: Vec<String> = q.units.iter().map(|u| q.folded(u)).collect();
//! assert_eq!(words, ["binh dang gioi", "nam", "2022"]);
//! assert_eq!(q.units[0].alternatives, [vec!["bdg".to_string()]]);
//! ```

use std::ops::Range;

use super::abbrev::Lookup;
use super::normalize::{has_marks, normalize_text};
use super::segment;
use super::tokenizer::{Form, Splitter};

/// Longest run of query words looked up as one expansion.
const MAX_EXPANSION_WORDS: usize = 8;

/// One syllable of the query in both forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Syllable {
    pub exact: String,
    pub folded: String,
    /// Typed with marks (or `đ`): the exact form is preferred.
    pub marked: bool,
}

/// One word of the query: syllables that must stand side by side, or one of the
/// alternatives (each a sequence of folded syllables; an abbreviation is one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub syllables: Range<usize>,
    pub alternatives: Vec<Vec<String>>,
}

/// An analysed query text.
#[derive(Debug, Clone, Default)]
pub struct Analysed {
    pub syllables: Vec<Syllable>,
    pub units: Vec<Unit>,
}

impl Analysed {
    /// The syllables of a unit.
    pub fn of(&self, unit: &Unit) -> &[Syllable] {
        &self.syllables[unit.syllables.clone()]
    }

    /// A unit's folded syllables joined by spaces.
    pub fn folded(&self, unit: &Unit) -> String {
        join(self.of(unit).iter().map(|s| s.folded.as_str()))
    }
}

fn join<'a>(parts: impl Iterator<Item = &'a str>) -> String {
    parts.collect::<Vec<_>>().join(" ")
}

/// The syllables of a text, normalized like the documents' tokens.
pub fn syllables(text: &str) -> Vec<Syllable> {
    let text = normalize_text(text);
    Splitter::new(&text)
        .map(|span| {
            let raw = span.text(&text);
            Syllable {
                exact: Form::Exact.normalize(raw),
                folded: Form::Folded.normalize(raw),
                marked: has_marks(raw),
            }
        })
        .collect()
}

/// Analyses the words of a query (not a quoted phrase: see [`syllables`]).
pub fn analyse(text: &str, lookup: &dyn Lookup) -> Analysed {
    let syllables = syllables(text);
    let exact: Vec<&str> = syllables.iter().map(|s| s.exact.as_str()).collect();
    let words = segment::words(&exact);
    let folded_of = |range: Range<usize>| join(syllables[range].iter().map(|s| s.folded.as_str()));
    let mut units = Vec::with_capacity(words.len());
    let mut w = 0;
    while w < words.len() {
        // The longest run of words that some abbreviation stands for.
        let longest = (w + 1..=words.len().min(w + MAX_EXPANSION_WORDS))
            .rev()
            .filter(|&end| words[end - 1].end - words[w].start >= 2)
            .find_map(|end| {
                let range = words[w].start..words[end - 1].end;
                let abbreviations = lookup.abbreviations(&folded_of(range.clone()));
                (!abbreviations.is_empty()).then_some((end, range, abbreviations))
            });
        if let Some((end, range, abbreviations)) = longest {
            let typed = folded_of(range.clone());
            let mut alternatives = Vec::new();
            for abbreviation in abbreviations {
                for expansion in lookup.expansions(&abbreviation) {
                    if expansion != typed {
                        push_new(&mut alternatives, split(&expansion));
                    }
                }
                push_new(&mut alternatives, vec![abbreviation]);
            }
            units.push(Unit {
                syllables: range,
                alternatives,
            });
            w = end;
            continue;
        }
        let range = words[w].clone();
        let mut alternatives = Vec::new();
        if range.len() == 1 {
            let typed = &syllables[range.start].folded;
            for expansion in lookup.expansions(typed) {
                for abbreviation in lookup.abbreviations(&expansion) {
                    if &abbreviation != typed {
                        push_new(&mut alternatives, vec![abbreviation]);
                    }
                }
                push_new(&mut alternatives, split(&expansion));
            }
        }
        units.push(Unit {
            syllables: range,
            alternatives,
        });
        w += 1;
    }
    Analysed { syllables, units }
}

fn split(phrase: &str) -> Vec<String> {
    phrase.split(' ').map(str::to_string).collect()
}

fn push_new(list: &mut Vec<Vec<String>>, item: Vec<String>) {
    if !item.is_empty() && !list.contains(&item) {
        list.push(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::abbrev::{Definition, Table, built_in};

    fn describe(query: &str, lookup: &dyn Lookup) -> Vec<String> {
        let q = analyse(query, lookup);
        q.units
            .iter()
            .map(|u| {
                let mut s = q.folded(u);
                for alt in &u.alternatives {
                    s.push_str(" | ");
                    s.push_str(&alt.join(" "));
                }
                s
            })
            .collect()
    }

    #[test]
    fn units_of_queries() {
        let cases: &[(&str, &[&str])] = &[
            ("binh dang gioi", &["binh dang gioi | bdg"]),
            ("BÌNH ĐẲNG GIỚI", &["binh dang gioi | bdg"]),
            (
                "bi\u{0300}nh đa\u{0306}\u{0309}ng giơ\u{0301}i",
                &["binh dang gioi | bdg"],
            ),
            ("BĐG", &["bdg | binh dang gioi"]),
            ("VSTBCPN", &["vstbcpn | vstbpn | vi su tien bo cua phu nu"]),
            ("toạ đàm", &["toa dam"]),
            ("tọa đàm", &["toa dam"]),
            ("da dang hoa", &["da dang hoa"]),
            ("125/2021/ND-CP", &["125/2021/nd-cp"]),
            (
                "kế hoạch ủy ban nhân dân",
                &["ke hoach", "uy ban nhan dan | ubnd"],
            ),
            ("", &[]),
        ];
        for (input, want) in cases {
            assert_eq!(describe(input, built_in()), *want, "{input}");
        }
    }

    #[test]
    fn learned_definitions_join_words() {
        let mut table = Table::default();
        table.insert(&Definition {
            abbreviation: "ptbv".into(),
            expansion: "phat trien ben vung".into(),
        });
        assert_eq!(
            describe("phát triển bền vững", &table),
            ["phat trien ben vung | ptbv"]
        );
        assert_eq!(describe("PTBV", &table), ["ptbv | phat trien ben vung"]);
    }

    #[test]
    fn marks_are_kept_per_syllable() {
        let s = syllables("đường duong");
        assert!(s[0].marked && !s[1].marked);
        assert_eq!(s[0].exact, "đường");
        assert_eq!(s[0].folded, "duong");
    }
}

//! Highlights: what in a passage matched the query's words and phrases — nothing else.
//!
//! The search finds plans by syllables, but a person reads words: a highlight lights a
//! query word only where all its syllables stand side by side (`hợp đồng lao động`
//! lights `lao động` in "lao động tổng hợp", not its `hợp`; `binh dang gioi` lights
//! "Bình đẳng giới", never "Đảng" alone), an abbreviation or expansion of it where the
//! query word has one (`BĐG` for `bình đẳng giới`), and a quoted phrase whole. A
//! syllable typed with marks lights only its exact form (`đẳng` not `Đảng`); typed
//! without, any accented form. Marks standing next to each other become one
//! (`<mark>vì bình đẳng giới</mark>`).
//!
//! ```
//! use plancite::analysis::abbrev::built_in;
//! use plancite::query::highlight::Highlighter;
//! let lights = Highlighter::for_query("binh dang gioi", built_in());
//! assert_eq!(
//!     lights.mark("của Đảng và Nhà nước về Bình đẳng giới"),
//!     "của Đảng và Nhà nước về <mark>Bình đẳng giới</mark>"
//! );
//! ```

use std::ops::Range;

use crate::analysis::abbrev::Lookup;
use crate::analysis::normalize::normalize_text;
use crate::analysis::query::{Analysed, Syllable, analyse, syllables};
use crate::analysis::tokenizer::{Form, split};
use crate::escape::escape;

/// One syllable a highlight must find: its folded form, and its exact form when it
/// was typed with marks.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Wanted {
    folded: String,
    exact: Option<String>,
}

/// The words and phrases of one query, ready to be found in passages.
#[derive(Debug, Clone, Default)]
pub struct Highlighter {
    /// Each a run of syllables to find side by side.
    sequences: Vec<Vec<Wanted>>,
}

impl Highlighter {
    /// The highlights of a query typed by a person (abbreviations from `lookup`).
    pub fn for_query(query: &str, lookup: &dyn Lookup) -> Highlighter {
        let query = normalize_text(query);
        let mut words = Vec::new();
        let mut phrases = Vec::new();
        for clause in crate::query::rank::clauses(&query) {
            match clause {
                crate::query::rank::Clause::Words(text) => words.push(analyse(&text, lookup)),
                crate::query::rank::Clause::Phrase(text) => phrases.push(syllables(&text)),
            }
        }
        Highlighter::new(&words, &phrases)
    }

    /// The highlights of analysed words and quoted phrases.
    pub(crate) fn new(words: &[Analysed], phrases: &[Vec<Syllable>]) -> Highlighter {
        let typed = |syllables: &[Syllable]| -> Vec<Wanted> {
            syllables
                .iter()
                .map(|s| Wanted {
                    folded: s.folded.clone(),
                    exact: s.marked.then(|| s.exact.clone()),
                })
                .collect()
        };
        let mut sequences = Vec::new();
        for analysed in words {
            for unit in &analysed.units {
                sequences.push(typed(analysed.of(unit)));
                for alternative in &unit.alternatives {
                    sequences.push(
                        alternative
                            .iter()
                            .map(|folded| Wanted {
                                folded: folded.clone(),
                                exact: None,
                            })
                            .collect(),
                    );
                }
            }
        }
        for phrase in phrases {
            sequences.push(typed(phrase));
        }
        sequences.retain(|s| !s.is_empty());
        sequences.dedup();
        // Longest first: a word wins over a shorter one at the same place.
        sequences.sort_by_key(|s| std::cmp::Reverse(s.len()));
        Highlighter { sequences }
    }

    /// Byte ranges of `text` that match, in order, touching ones joined.
    pub fn ranges(&self, text: &str) -> Vec<Range<usize>> {
        let spans = split(text);
        let folded: Vec<String> = spans
            .iter()
            .map(|s| Form::Folded.normalize(s.text(text)))
            .collect();
        let exact: Vec<String> = spans
            .iter()
            .map(|s| Form::Exact.normalize(s.text(text)))
            .collect();
        let matches_at = |at: usize, sequence: &[Wanted]| {
            at + sequence.len() <= spans.len()
                && sequence.iter().enumerate().all(|(k, wanted)| {
                    folded[at + k] == wanted.folded
                        && wanted.exact.as_ref().is_none_or(|e| *e == exact[at + k])
                })
        };
        let mut marks: Vec<Range<usize>> = Vec::new();
        let mut at = 0;
        while at < spans.len() {
            let Some(length) = self
                .sequences
                .iter()
                .find(|sequence| matches_at(at, sequence))
                .map(Vec::len)
            else {
                at += 1;
                continue;
            };
            let range = spans[at].start..spans[at + length - 1].end;
            match marks.last_mut() {
                Some(last) if text[last.end..range.start].trim().is_empty() => last.end = range.end,
                _ => marks.push(range),
            }
            at += length;
        }
        marks
    }

    /// `text` as HTML: escaped, with `<mark>` around what matched.
    pub fn mark(&self, text: &str) -> String {
        let mut html = String::with_capacity(text.len() + 64);
        let mut at = 0;
        for range in self.ranges(text) {
            html.push_str(&escape(&text[at..range.start]));
            html.push_str("<mark>");
            html.push_str(&escape(&text[range.clone()]));
            html.push_str("</mark>");
            at = range.end;
        }
        html.push_str(&escape(&text[at..]));
        html
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::abbrev::built_in;

    #[test]
    fn only_whole_words_and_phrases_light_up() {
        // (query, passage, passage as HTML)
        let cases: &[(&str, &str, &str)] = &[
            (
                "binh dang gioi",
                "chính sách của Đảng về Bình đẳng giới",
                "chính sách của Đảng về <mark>Bình đẳng giới</mark>",
            ),
            (
                "bình đẳng giới",
                "Đảng và bình đẳng giới, BĐG",
                "Đảng và <mark>bình đẳng giới</mark>, <mark>BĐG</mark>",
            ),
            (
                "hợp đồng lao động",
                "lao động tổng hợp; ký hợp đồng lao động",
                "<mark>lao động</mark> tổng hợp; ký <mark>hợp đồng lao động</mark>",
            ),
            (
                "tháng hành động",
                "thi hành Chính phủ; Tháng hành động vì",
                "thi hành Chính phủ; <mark>Tháng hành động</mark> vì",
            ),
            // Typed with marks: the exact form only; without: every form.
            ("đường", "dương, đường", "dương, <mark>đường</mark>"),
            ("duong", "dương, đường", "<mark>dương</mark>, <mark>đường</mark>"),
            // A quoted phrase lights whole, not its syllables apart.
            (
                "\"bo luat lao dong\"",
                "Bộ luật Lao động; luật lao động",
                "<mark>Bộ luật Lao động</mark>; luật lao động",
            ),
            ("a < b", "x < y", "x &lt; y"),
        ];
        for (query, text, want) in cases {
            assert_eq!(
                Highlighter::for_query(query, built_in()).mark(text),
                *want,
                "{query}"
            );
        }
    }
}

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
//! [`Highlighter::snippet`] also chooses the passage: where the most informative of the
//! query's words meet (each word weighs what the index says it is worth, its inverse
//! document frequency, once per passage), so a hit that holds every word shows them.
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

/// A run of syllables to find side by side: a query word (or one of its spellings)
/// or a quoted phrase.
#[derive(Debug, Clone, PartialEq)]
struct Sequence {
    syllables: Vec<Wanted>,
    /// Which query word it is (its spellings share the number).
    word: usize,
    weight: f32,
}

/// The words and phrases of one query, ready to be found in passages.
#[derive(Debug, Clone, Default)]
pub struct Highlighter {
    /// Longest first.
    sequences: Vec<Sequence>,
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
        Highlighter::new(&words, &phrases, &|_| 1.0)
    }

    /// The highlights of analysed words and quoted phrases; `weight` says what a
    /// (folded) syllable is worth, a word being worth its rarest syllable.
    pub(crate) fn new(
        words: &[Analysed],
        phrases: &[Vec<Syllable>],
        weight: &dyn Fn(&str) -> f32,
    ) -> Highlighter {
        let typed = |syllables: &[Syllable]| -> Vec<Wanted> {
            syllables
                .iter()
                .map(|s| Wanted {
                    folded: s.folded.clone(),
                    exact: s.marked.then(|| s.exact.clone()),
                })
                .collect()
        };
        let worth = |syllables: &[Wanted]| syllables.iter().map(|s| weight(&s.folded)).fold(0.0, f32::max);
        let mut runs: Vec<(Vec<Wanted>, usize)> = Vec::new();
        let mut word = 0;
        for analysed in words {
            for unit in &analysed.units {
                runs.push((typed(analysed.of(unit)), word));
                for alternative in &unit.alternatives {
                    let spelled = alternative
                        .iter()
                        .map(|folded| Wanted {
                            folded: folded.clone(),
                            exact: None,
                        })
                        .collect();
                    runs.push((spelled, word));
                }
                word += 1;
            }
        }
        for phrase in phrases {
            runs.push((typed(phrase), word));
            word += 1;
        }
        let mut sequences: Vec<Sequence> = Vec::new();
        for (syllables, word) in runs {
            if syllables.is_empty() || sequences.iter().any(|s| s.syllables == syllables) {
                continue;
            }
            // A word and its spellings weigh what the word as typed weighs.
            let weight = sequences
                .iter()
                .find(|s| s.word == word)
                .map_or_else(|| worth(&syllables), |s| s.weight);
            sequences.push(Sequence {
                syllables,
                word,
                weight,
            });
        }
        // Longest first: a word wins over a shorter one at the same place.
        sequences.sort_by_key(|s| std::cmp::Reverse(s.syllables.len()));
        Highlighter { sequences }
    }

    /// Every match in `text`, in order: its byte range and its sequence.
    fn matches(&self, text: &str) -> Vec<(Range<usize>, &Sequence)> {
        // Each token as the number of the query syllable it folds to, if any: one
        // normalization into a reused buffer per token, no allocation (texts run to
        // hundreds of kilobytes). The exact form is made only to confirm a match.
        let mut known: Vec<&str> = Vec::new();
        for sequence in &self.sequences {
            for wanted in &sequence.syllables {
                if !known.contains(&wanted.folded.as_str()) {
                    known.push(&wanted.folded);
                }
            }
        }
        let spans = split(text);
        let mut buffer = String::new();
        let ids: Vec<Option<usize>> = spans
            .iter()
            .map(|span| {
                buffer.clear();
                Form::Folded.normalize_into(span.text(text), &mut buffer);
                known.iter().position(|k| *k == buffer)
            })
            .collect();
        let id_of = |folded: &str| known.iter().position(|k| *k == folded);
        let matches_at = |at: usize, sequence: &Sequence| {
            let wanted = &sequence.syllables;
            at + wanted.len() <= spans.len()
                && wanted.iter().enumerate().all(|(k, w)| {
                    ids[at + k].is_some()
                        && ids[at + k] == id_of(&w.folded)
                        && w.exact
                            .as_ref()
                            .is_none_or(|e| *e == Form::Exact.normalize(spans[at + k].text(text)))
                })
        };
        let mut found = Vec::new();
        let mut at = 0;
        while at < spans.len() {
            if ids[at].is_none() {
                at += 1;
                continue;
            }
            match self.sequences.iter().find(|sequence| matches_at(at, sequence)) {
                Some(sequence) => {
                    let length = sequence.syllables.len();
                    found.push((spans[at].start..spans[at + length - 1].end, sequence));
                    at += length;
                }
                None => at += 1,
            }
        }
        found
    }

    /// A passage of `text` of about `max_chars` characters where the most informative
    /// query words meet, as HTML with its matches marked; the start of the text when
    /// nothing matches.
    pub fn snippet(&self, text: &str, max_chars: usize) -> String {
        let matches = self.matches(text);
        let byte_after = |from: usize, chars: usize| {
            text[from..]
                .char_indices()
                .nth(chars)
                .map_or(text.len(), |(i, _)| from + i)
        };
        // The window starting at each match: the distinct words it holds, by weight.
        let mut best: Option<(f32, usize)> = None;
        for (i, (first, _)) in matches.iter().enumerate() {
            let end = byte_after(first.start, max_chars);
            let mut words: Vec<usize> = Vec::new();
            let mut score = 0.0;
            for (range, sequence) in &matches[i..] {
                if range.end > end {
                    break;
                }
                if !words.contains(&sequence.word) {
                    words.push(sequence.word);
                    score += sequence.weight.max(f32::EPSILON);
                }
            }
            if best.is_none_or(|(top, _)| score > top) {
                best = Some((score, first.start));
            }
        }
        let start = match best {
            // A little of what comes before the first match, from a word's start.
            Some((_, at)) => {
                let lead: usize = text[..at].chars().rev().take(30).map(char::len_utf8).sum();
                let from = at - lead;
                text[from..at]
                    .char_indices()
                    .find(|(_, c)| c.is_whitespace())
                    .map_or(at, |(i, c)| from + i + c.len_utf8())
            }
            None => 0,
        };
        let mut end = byte_after(start, max_chars);
        if end < text.len()
            && let Some(space) = text[start..end].rfind(char::is_whitespace)
            && space > 0
        {
            end = start + space;
        }
        let fragment = &text[start..end];
        self.mark(fragment.trim())
    }

    /// Byte ranges of `text` that match, in order, touching ones joined.
    pub fn ranges(&self, text: &str) -> Vec<Range<usize>> {
        let mut marks: Vec<Range<usize>> = Vec::new();
        for (range, _) in self.matches(text) {
            match marks.last_mut() {
                Some(last) if text[last.end..range.start].trim().is_empty() => last.end = range.end,
                _ => marks.push(range),
            }
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

    #[test]
    fn the_passage_is_where_the_words_meet() {
        let text = format!(
            "{} Đảng; bình đẳng giới ở đây. {} xử lý vi phạm về bình đẳng giới. {}",
            "mở đầu ".repeat(30),
            "giữa ".repeat(30),
            "kết ".repeat(30)
        );
        let lights = Highlighter::for_query("vi phạm bình đẳng giới", built_in());
        let snippet = lights.snippet(&text, 60);
        assert!(
            snippet.contains("<mark>vi phạm</mark> về <mark>bình đẳng giới</mark>"),
            "{snippet}"
        );
        assert!(snippet.chars().count() < 60 + 40, "{snippet}");
        // Nothing matches: the start of the text.
        assert_eq!(lights.snippet("một hai ba", 60), "một hai ba");
    }
}

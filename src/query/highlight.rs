//! Highlights: what in a passage matched the query's words and phrases — nothing else.
//!
//! The search finds plans by syllables, but a person reads words: a highlight lights a
//! query word only where all its syllables stand side by side (`hợp đồng lao động`
//! lights `lao động` in "lao động tổng hợp", not its `hợp`; `binh dang gioi` lights
//! "Bình đẳng giới", never "Đảng" alone), an abbreviation or expansion of it where the
//! query word has one (`BĐG` for `bình đẳng giới`), and a quoted phrase whole. A
//! syllable typed with marks lights only its exact form (`đẳng` not `Đảng`); typed
//! without, any accented form. Matches standing next to each other become one
//! (`vì bình đẳng giới`).
//!
//! [`Highlighter::snippet`] also chooses the passage: where the most informative of the
//! query's words meet (each word weighs what the index says it is worth, its inverse
//! document frequency, once per passage), so a hit that holds every word shows them.
//!
//! A highlight is data, as tantivy's `Snippet` is: a [`Snippet`] holds the passage and
//! the byte ranges that matched. Writing it as HTML (`<mark>`) or for a terminal is
//! [`crate::render`]'s business.
//!
//! ```
//! use plancite::analysis::abbrev::built_in;
//! use plancite::query::highlight::Highlighter;
//! let lights = Highlighter::for_query("binh dang gioi", built_in());
//! let snippet = lights.highlight("của Đảng và Nhà nước về Bình đẳng giới");
//! assert_eq!(snippet.matched(), ["Bình đẳng giới"]);
//! assert_eq!(snippet.matches, [36..56]);
//! ```

use std::collections::VecDeque;
use std::ops::Range;

use crate::analysis::abbrev::Lookup;
use crate::analysis::normalize::normalize_text;
use crate::analysis::query::{Analysed, Syllable, analyse, syllables};
use crate::analysis::tokenizer::{Form, Span, Splitter};

/// A passage of a text and what in it matched the query: byte ranges into `text`, in
/// order, apart from each other. An empty snippet (no text) is the [`Default`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub matches: Vec<Range<usize>>,
}

impl Snippet {
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The matched stretches of the text, in order.
    pub fn matched(&self) -> Vec<&str> {
        self.matches
            .iter()
            .map(|range| &self.text[range.clone()])
            .collect()
    }

    /// The whole text in order, as pieces that did not match (`false`) and pieces that
    /// did (`true`); empty pieces left out. What a renderer walks.
    pub fn pieces(&self) -> impl Iterator<Item = (&str, bool)> {
        let mut at = 0;
        let mut pieces = Vec::with_capacity(2 * self.matches.len() + 1);
        for range in &self.matches {
            pieces.push((&self.text[at..range.start], false));
            pieces.push((&self.text[range.clone()], true));
            at = range.end;
        }
        pieces.push((&self.text[at..], false));
        pieces.into_iter().filter(|(piece, _)| !piece.is_empty())
    }
}

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

    /// Every match in `text`, in order: its byte range and its sequence. Found one at a
    /// time, so a caller that has seen enough stops reading the text.
    fn matches<'h, 't>(&'h self, text: &'t str) -> Matches<'h, 't> {
        self.matches_before(text, text.len())
    }

    /// [`Highlighter::matches`] that start before byte `stop` of `text`.
    fn matches_before<'h, 't>(&'h self, text: &'t str, stop: usize) -> Matches<'h, 't> {
        let mut known: Vec<&str> = Vec::new();
        let mut ids = Vec::with_capacity(self.sequences.len());
        for sequence in &self.sequences {
            let mut of_sequence = Vec::with_capacity(sequence.syllables.len());
            for wanted in &sequence.syllables {
                let id = known.iter().position(|k| *k == wanted.folded).unwrap_or_else(|| {
                    known.push(&wanted.folded);
                    known.len() - 1
                });
                of_sequence.push(id);
            }
            ids.push(of_sequence);
        }
        let longest = self
            .sequences
            .iter()
            .map(|s| s.syllables.len())
            .max()
            .unwrap_or(0);
        Matches {
            sequences: &self.sequences,
            ids,
            known,
            longest,
            text,
            tokens: Splitter::new(text),
            ahead: VecDeque::with_capacity(longest),
            buffer: String::new(),
            stop,
        }
    }

    /// The matches of [`Highlighter::matches`], reading only the stretches of `text`
    /// where one may start: a long text is cut into blocks of a few kilobytes (each
    /// ending after a space or line break, which no token spans), and a block is read
    /// token by token only if its folded form holds the first syllable of some sequence
    /// (folding is char by char, so a token folding to a syllable leaves that syllable
    /// in the folded block). Found one at a time, as [`Highlighter::matches`].
    fn sparse_matches<'h, 't>(&'h self, text: &'t str) -> SparseMatches<'h, 't> {
        // A document number folds through its canonical key, not char by char: a text
        // is read whole for a query that has one.
        let whole = self.sequences.iter().flat_map(|s| &s.syllables).any(|w| {
            w.folded.is_empty()
                || !w.folded.chars().all(char::is_alphanumeric)
                || w.folded.starts_with(|c: char| c.is_ascii_digit())
        });
        let finders = self
            .sequences
            .iter()
            .map(|s| {
                s.syllables
                    .iter()
                    .map(|w| memchr::memmem::Finder::new(w.folded.as_bytes()).into_owned())
                    .collect()
            })
            .collect();
        SparseMatches {
            highlighter: self,
            text,
            finders,
            next_block: if whole { text.len() } else { 0 },
            region: whole.then(|| (0, text.len(), self.matches(text))),
            last_end: 0,
            folded: String::new(),
            in_a_row: 0,
        }
    }

    /// How many distinct query words (and phrases) there are: a passage holding that
    /// many holds them all.
    fn word_count(&self) -> usize {
        let mut words: Vec<usize> = self.sequences.iter().map(|s| s.word).collect();
        words.sort_unstable();
        words.dedup();
        words.len()
    }

    /// Where the passage of about `max_chars` characters where the most informative
    /// query words meet starts (its first match), if anything matches. The first passage
    /// that holds every word is the best (a later one can only tie), so the text is read
    /// no further. `window_end` says where the passage starting at a byte ends.
    fn best_start(
        &self,
        text: &str,
        max_chars: usize,
        window_end: fn(&str, usize, usize) -> usize,
    ) -> Option<usize> {
        let all = self.word_count();
        let mut matches = self.sparse_matches(text);
        let mut seen: Vec<(Range<usize>, &Sequence)> = Vec::new();
        let mut exhausted = false;
        let mut best: Option<(f32, usize)> = None;
        let mut i = 0;
        loop {
            if i == seen.len() {
                match (!exhausted).then(|| matches.next()).flatten() {
                    Some(found) => seen.push(found),
                    None => break,
                }
            }
            let first = seen[i].0.start;
            let end = window_end(text, first, max_chars);
            // The window starting at this match: the distinct words it holds, by weight.
            while !exhausted && seen.last().is_some_and(|(range, _)| range.end <= end) {
                match matches.next() {
                    Some(found) => seen.push(found),
                    None => exhausted = true,
                }
            }
            let mut words: Vec<usize> = Vec::new();
            let mut score = 0.0;
            for (range, sequence) in &seen[i..] {
                if range.end > end {
                    break;
                }
                if !words.contains(&sequence.word) {
                    words.push(sequence.word);
                    score += sequence.weight.max(f32::EPSILON);
                }
            }
            if best.is_none_or(|(top, _)| score > top) {
                best = Some((score, first));
            }
            if words.len() == all {
                break;
            }
            i += 1;
        }
        best.map(|(_, at)| at)
    }

    /// A passage of `text` of about `max_chars` characters where the most informative
    /// query words meet, with its matches; the start of the text when nothing matches.
    pub fn snippet(&self, text: &str, max_chars: usize) -> Snippet {
        let at = self.best_start(text, max_chars, byte_after);
        self.passage(text, at, max_chars)
    }

    /// A snippet of `clean(raw)` (see [`Highlighter::snippet`]) that cleans only the few
    /// kilobytes around its passage. Real decrees run to hundreds of kilobytes, and
    /// cleaning a whole one for each hit cost more than the rest of a search. The passage
    /// is found in `raw` itself: cleaning only drops artefacts and whitespace, never adds
    /// or reorders words, so the words meet there too. `clean` must work line by line,
    /// looking at most a few lines around (as [`crate::ingest::clean::body`] does), so that
    /// a cleaned stretch of lines reads as in the cleaned whole but at its two ends.
    pub fn snippet_of_raw(&self, raw: &str, clean: impl Fn(&str) -> String, max_chars: usize) -> Snippet {
        // A raw passage is measured as cleaned: each run of spaces and line breaks as one.
        let at = self.best_start(raw, max_chars, byte_after_collapsed).unwrap_or(0);
        // Whole lines from a little before the passage to well after it.
        let bytes = raw.as_bytes();
        let from = at.saturating_sub(REGION_BEFORE_BYTES);
        let from = if from == 0 {
            0
        } else {
            memchr::memrchr(b'\n', &bytes[..from]).map_or(0, |i| i + 1)
        };
        let to = (at + REGION_AFTER_BYTES).min(raw.len());
        let to = memchr::memchr(b'\n', &bytes[to..]).map_or(raw.len(), |i| to + i + 1);
        let region = clean(&raw[from..to]);
        let at = self.best_start(&region, max_chars, byte_after);
        self.passage(&region, at, max_chars)
    }

    /// The passage of about `max_chars` characters of `text` starting a little before
    /// byte `at` (at 0 without one), with its matches.
    fn passage(&self, text: &str, at: Option<usize>, max_chars: usize) -> Snippet {
        let start = match at {
            // A little of what comes before the first match, from a word's start.
            Some(at) => {
                let lead: usize = text[..at].chars().rev().take(30).map(char::len_utf8).sum();
                let from = at - lead;
                text[from..at]
                    .char_indices()
                    .find(|(_, c)| c.is_whitespace())
                    .map_or(at, |(i, c)| from + i + c.len_utf8())
            }
            None => 0,
        };
        let mut end = byte_after(text, start, max_chars);
        if end < text.len()
            && let Some(space) = text[start..end].rfind(char::is_whitespace)
            && space > 0
        {
            end = start + space;
        }
        self.highlight(text[start..end].trim())
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

    /// All of `text` with what matched in it.
    pub fn highlight(&self, text: &str) -> Snippet {
        Snippet {
            matches: self.ranges(text),
            text: text.to_string(),
        }
    }
}

/// How much of a raw text before its passage [`Highlighter::snippet_of_raw`] cleans
/// (from a line's start): room for the passage's lead and for cleaning steps that look
/// at the lines around.
const REGION_BEFORE_BYTES: usize = 2 * 1024;
/// How much after the passage's first match it cleans (to a line's end): the passage,
/// however many spaces and artefacts the raw text has in it.
const REGION_AFTER_BYTES: usize = 8 * 1024;

/// The byte `chars` characters after byte `from` of `text` (its end if it is shorter).
fn byte_after(text: &str, from: usize, chars: usize) -> usize {
    text[from..]
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| from + i)
}

/// [`byte_after`], each run of whitespace counting as one character (as cleaning
/// leaves it), so a passage of a raw text holds at least what it holds cleaned.
fn byte_after_collapsed(text: &str, from: usize, chars: usize) -> usize {
    let mut counted = 0;
    let mut after_space = false;
    for (i, c) in text[from..].char_indices() {
        let space = c.is_whitespace();
        if !(space && after_space) {
            if counted == chars {
                return from + i;
            }
            counted += 1;
        }
        after_space = space;
    }
    text.len()
}

/// Bytes of a block [`SparseMatches`] checks at once (it ends at the next space or
/// line break after this many).
const SPARSE_BLOCK_BYTES: usize = 1024;
/// After this many blocks in a row that may hold a match, [`SparseMatches`] reads the
/// rest of the text whole.
const DENSE_BLOCKS: usize = 4;

/// Where the block of `text` starting at `start` ends: after the first space or line
/// break `bytes` or more bytes on (no token spans one), or at the text's end.
fn block_end(text: &str, start: usize, bytes: usize) -> usize {
    let from = (start + bytes).min(text.len());
    memchr::memchr2(b' ', b'\n', &text.as_bytes()[from..]).map_or(text.len(), |at| from + at + 1)
}

/// Where the stretch of `text` from `start` that holds at least `tokens` tokens ends
/// (the text's end if it holds fewer). Counted as the pieces between spaces and line
/// breaks that hold an ASCII letter or digit: each holds a token of its own, so there
/// are at least as many tokens as pieces counted.
fn tokens_end(text: &str, start: usize, tokens: usize) -> usize {
    let bytes = text.as_bytes();
    let mut counted = 0;
    let mut in_counted_piece = false;
    for (i, &b) in bytes.iter().enumerate().skip(start) {
        if counted >= tokens && (b == b' ' || b == b'\n') {
            return i;
        }
        if b == b' ' || b == b'\n' {
            in_counted_piece = false;
        } else if b.is_ascii_alphanumeric() && !in_counted_piece {
            in_counted_piece = true;
            counted += 1;
        }
    }
    text.len()
}

/// The matches of a [`Highlighter`] in the blocks of a text that may hold one (see
/// [`Highlighter::sparse_matches`]).
struct SparseMatches<'h, 't> {
    highlighter: &'h Highlighter,
    text: &'t str,
    /// The syllables of each sequence, folded.
    finders: Vec<Vec<memchr::memmem::Finder<'static>>>,
    /// Where the next block to check starts (after a space or line break, or at 0).
    next_block: usize,
    /// The text being read: from where, up to where a match may start, and its matches
    /// (their ranges counted from where it starts).
    region: Option<(usize, usize, Matches<'h, 't>)>,
    /// Where the last match returned ends: the next region starts no earlier, as the
    /// tokens it took are not read again.
    last_end: usize,
    /// Reused for each block's folded form.
    folded: String,
    /// How many blocks in a row may have held a match.
    in_a_row: usize,
}

impl<'h> Iterator for SparseMatches<'h, '_> {
    type Item = (Range<usize>, &'h Sequence);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some((from, limit, matches)) = &mut self.region {
                let (from, limit) = (*from, *limit);
                // A match that starts beyond the region is found again from the block
                // that holds its start.
                if let Some((range, sequence)) =
                    matches.next().filter(|(range, _)| from + range.start < limit)
                {
                    let range = from + range.start..from + range.end;
                    self.last_end = range.end;
                    return Some((range, sequence));
                }
                self.region = None;
            }
            let text = self.text;
            let start = self.next_block;
            if start >= text.len() {
                return None;
            }
            let end = block_end(text, start, SPARSE_BLOCK_BYTES);
            self.next_block = end;
            // A match starting in the block ends within the tokens after it: the
            // block and enough of what follows to hold a sequence's other syllables.
            let longest = self.finders.iter().map(Vec::len).max().unwrap_or(1);
            let reach = tokens_end(text, end, longest.saturating_sub(1));
            self.folded.clear();
            crate::analysis::normalize::folded_into(&text[start..end], &mut self.folded);
            let in_block = self.folded.len();
            crate::analysis::normalize::folded_into(&text[end..reach], &mut self.folded);
            let folded = self.folded.as_bytes();
            let may_start = self.finders.iter().any(|syllables| {
                syllables
                    .first()
                    .is_some_and(|first| first.find(&folded[..in_block]).is_some())
                    && syllables[1..].iter().all(|other| other.find(folded).is_some())
            });
            if may_start {
                // From the block's start, or from the end of the last match if that
                // is later (a token's end: the tokens after it read the same).
                let from = start.max(self.last_end);
                self.in_a_row += 1;
                if self.in_a_row >= DENSE_BLOCKS {
                    // Words found everywhere (a long question): the rest is read whole
                    // rather than folded block by block first.
                    self.next_block = text.len();
                    self.region = Some((from, text.len(), self.highlighter.matches(&text[from..])));
                } else {
                    let stop = end.saturating_sub(from);
                    self.region = Some((from, end, self.highlighter.matches_before(&text[from..], stop)));
                }
            } else {
                self.in_a_row = 0;
            }
        }
    }
}

/// The matches of a [`Highlighter`] in one text, read token by token (see
/// [`Highlighter::matches`]).
struct Matches<'h, 't> {
    /// Longest first.
    sequences: &'h [Sequence],
    /// The syllables of each sequence as numbers in `known`.
    ids: Vec<Vec<usize>>,
    /// Every folded syllable the sequences want.
    known: Vec<&'h str>,
    longest: usize,
    text: &'t str,
    tokens: Splitter<'t>,
    /// The next tokens, each with the number of the query syllable it folds to.
    ahead: VecDeque<(Span, Option<usize>)>,
    /// Reused for each token's folded form: no allocation per token.
    buffer: String,
    /// No match starts at or after this byte.
    stop: usize,
}

impl<'h> Iterator for Matches<'h, '_> {
    type Item = (Range<usize>, &'h Sequence);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            while self.ahead.len() < self.longest {
                let Some(span) = self.tokens.next() else { break };
                self.buffer.clear();
                Form::Folded.normalize_into(span.text(self.text), &mut self.buffer);
                let id = self.known.iter().position(|k| *k == self.buffer);
                self.ahead.push_back((span, id));
            }
            let &(span, first) = self.ahead.front()?;
            if span.start >= self.stop {
                return None;
            }
            if first.is_none() {
                self.ahead.pop_front();
                continue;
            }
            let (ahead, text) = (&self.ahead, self.text);
            // The exact form is made only to confirm a match.
            let fits = |sequence: &Sequence, ids: &[usize]| {
                ids.len() <= ahead.len()
                    && ids.iter().enumerate().all(|(k, id)| ahead[k].1 == Some(*id))
                    && sequence.syllables.iter().enumerate().all(|(k, w)| {
                        w.exact
                            .as_ref()
                            .is_none_or(|e| *e == Form::Exact.normalize(ahead[k].0.text(text)))
                    })
            };
            let sequences = self.sequences;
            match sequences.iter().zip(&self.ids).find(|(s, ids)| fits(s, ids)) {
                Some((sequence, _)) => {
                    let length = sequence.syllables.len();
                    let range = self.ahead[0].0.start..self.ahead[length - 1].0.end;
                    self.ahead.drain(..length);
                    return Some((range, sequence));
                }
                None => {
                    self.ahead.pop_front();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::abbrev::built_in;

    /// A snippet with `[…]` around its matches, as the plain terminal shows it.
    fn bracketed(snippet: &Snippet) -> String {
        snippet
            .pieces()
            .map(|(piece, matched)| {
                if matched {
                    format!("[{piece}]")
                } else {
                    piece.to_string()
                }
            })
            .collect()
    }

    #[test]
    fn only_whole_words_and_phrases_light_up() {
        // query | passage | the passage with its matches in brackets
        let cases = "\
binh dang gioi | chính sách của Đảng về Bình đẳng giới | chính sách của Đảng về [Bình đẳng giới]
bình đẳng giới | Đảng và bình đẳng giới, BĐG | Đảng và [bình đẳng giới], [BĐG]
hợp đồng lao động | lao động tổng hợp; ký hợp đồng lao động | [lao động] tổng hợp; ký [hợp đồng lao động]
tháng hành động | thi hành Chính phủ; Tháng hành động vì | thi hành Chính phủ; [Tháng hành động] vì
# Typed with marks: the exact form only; without: every form.
đường | dương, đường | dương, [đường]
duong | dương, đường | [dương], [đường]
# A quoted phrase lights whole, not its syllables apart.
\"bo luat lao dong\" | Bộ luật Lao động; luật lao động | [Bộ luật Lao động]; luật lao động
a < b | x < y | x < y";
        for case in cases.lines().filter(|line| !line.starts_with('#')) {
            let [query, text, want] = case.split(" | ").collect::<Vec<_>>()[..] else {
                panic!("not query | passage | marked: {case}");
            };
            assert_eq!(
                bracketed(&Highlighter::for_query(query, built_in()).highlight(text)),
                want,
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
        let snippet = bracketed(&lights.snippet(&text, 60));
        assert!(snippet.contains("[vi phạm] về [bình đẳng giới]"), "{snippet}");
        assert!(snippet.chars().count() < 60 + 40, "{snippet}");
        // Nothing matches: the start of the text.
        assert_eq!(
            lights.snippet("một hai ba", 60),
            Snippet {
                text: "một hai ba".into(),
                matches: vec![]
            }
        );
    }

    #[test]
    fn reading_only_the_blocks_that_may_match_finds_every_match() {
        // Matches near block ends, split over lines and long runs of punctuation, in
        // decomposed (NFD) form or with invisible characters, and queries read whole.
        let filler = |n: usize| "Điều khoản quy định về chế độ làm việc.\n".repeat(n);
        let dots = ".".repeat(3000);
        let cases: &[(&str, String)] = &[
            ("lao động", format!("{}người lao\nđộng{}", filler(25), filler(60))),
            (
                "lao động",
                format!("{}lao {dots} động {}", filler(26), filler(30)),
            ),
            (
                "lao động",
                format!("{}lao {} động", filler(26), "- ".repeat(2000)),
            ),
            (
                "\"tháng hành động\"",
                format!("{}Tháng\n\nhành\nđộng{}", filler(51), filler(9)),
            ),
            (
                "tháng hành động",
                format!("{}tha\u{301}ng ha\u{300}nh đô\u{323}\u{302}ng", filler(80)),
            ),
            (
                "bình đẳng giới",
                format!("{}bình\u{00AD}đẳng giới BĐG{}", filler(300), filler(3)),
            ),
            (
                "bình đẳng giới lao động",
                format!("{}lao động{}bình đẳng giới", filler(40), filler(40)),
            ),
            (
                "125/2021/NĐ-CP",
                format!("{}Nghị định 125/2021/NĐ-CP{}", filler(90), filler(5)),
            ),
            ("không có đâu", filler(200)),
            // Every block may match: the rest is read whole.
            (
                "quy định chế độ làm việc",
                format!("{}lao động{}", filler(200), filler(9)),
            ),
        ];
        for (query, text) in cases {
            let lights = Highlighter::for_query(query, built_in());
            let all: Vec<Range<usize>> = lights.matches(text).map(|(range, _)| range).collect();
            let sparse: Vec<Range<usize>> = lights.sparse_matches(text).map(|(range, _)| range).collect();
            assert_eq!(sparse, all, "{query}");
        }
    }

    #[test]
    fn a_passage_cleaned_alone_reads_as_in_the_whole_text() {
        // A long decree as converted: wrapped lines, odd spaces, Gazette page headers,
        // a table; the query's words near the start, deep inside, split over a line, in
        // a table, or apart.
        let line = "\nĐiều khoản  quy định về chế độ\nlàm việc của người lao\nđộng trong doanh nghiệp.\n\n";
        let filler = |n: usize| line.repeat(n);
        let cases: &[(&str, String)] = &[
            (
                "bình đẳng giới",
                format!("{}bình đẳng giới{}", filler(3), filler(2000)),
            ),
            (
                "bình đẳng giới",
                format!("{}bình\nđẳng giới{}", filler(178), filler(2000)),
            ),
            (
                "bình đẳng giới",
                format!("{}bình đẳng giới{}", filler(1500), filler(100)),
            ),
            (
                "\"tháng hành động\"",
                format!("{}Tháng hành động{}", filler(177), filler(400)),
            ),
            (
                "vi phạm bình đẳng giới",
                format!("{}vi phạm{}bình đẳng giới{}", filler(2), filler(900), filler(900)),
            ),
            ("không có đâu", filler(2000)),
            ("lao động", "người lao\nđộng".to_string()),
            (
                "bình đẳng giới",
                format!(
                    "{}\nCÔNG BÁO/Số 1181 + 1182/Ngày 28-12-2021\n\n12\n\n| Vụ | **Bình đẳng giới** |\n{}",
                    filler(900),
                    filler(50)
                ),
            ),
            (
                "giới",
                format!("{}{} giới {}", filler(300), "chữ ".repeat(3000), filler(10)),
            ),
            // Near in the cleaned text, far apart in the raw one (spaces, blank
            // lines); together again further on.
            (
                "ưu đãi đầu tư",
                format!(
                    "{}ưu đãi, hỗ trợ giao đất{}Sở Kế hoạch và Đầu tư\n{}Đầu tư ưu đãi{}",
                    filler(400),
                    "  \n \n\n  ".repeat(30),
                    filler(300),
                    filler(20)
                ),
            ),
        ];
        for (query, raw) in cases {
            let lights = Highlighter::for_query(query, built_in());
            assert_eq!(
                lights.snippet_of_raw(raw, crate::ingest::clean::body, 220),
                lights.snippet(&crate::ingest::clean::body(raw), 220),
                "{query}"
            );
        }
    }
}

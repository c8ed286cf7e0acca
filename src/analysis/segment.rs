//! Words, not just syllables: groups Vietnamese syllables into words with lindera 6
//! over a Vietnamese lexicon, on the query side.
//!
//! Vietnamese writes a word as several syllables separated by spaces (`bình đẳng
//! giới`, `đa dạng hoá`), so a search for `bình đẳng giới` should find those three
//! syllables side by side, not `bình` in one sentence and `giới` in another. The
//! lexicon is underthesea's Viet74K (64,673 words of two or more syllables) plus the
//! domain terms and abbreviation expansions under `resources/lexicon/`, compiled by
//! `build.rs` into a lindera dictionary with lindera's `DictionaryBuilder` and
//! embedded in the binary; [`SEGMENTER`] loads it once, on first use, from those
//! bytes (no file, no network). Every entry is there twice, exact (`bình đẳng giới`)
//! and folded (`binh dang gioi`), so a query typed with or without marks segments the
//! same way. Costs are flat: every word costs the same and an unknown syllable more,
//! so lindera picks the segmentation with the fewest words.
//!
//! **Where segmentation runs: queries only.** Documents are indexed by syllable, with
//! positions ([`super::tokenizer`]); a query's multi-syllable words become phrase
//! queries over adjacent syllables (`crate::query::search`). That finds exactly what
//! a word-segmented index would find, for three reasons better:
//! - Speed. Segmenting is the slow part of Vietnamese analysis. On one core of the
//!   build machine (`cargo bench --bench analysis`, README-analysis.md) plancite's
//!   syllable tokenizer runs at about 160 MB/s, lindera over this lexicon at about
//!   40 MB/s, syllables + lindera ([`WordTokenizer`]) at about 20 MB/s; indexing with
//!   plancite's fields runs at about 0.7× plain tantivy, and adding a document-side
//!   word field would bring it to about 0.25×, below the scale target of 0.5×. A
//!   query is a few words; analysing it takes a few microseconds.
//! - Robustness. A segmenter is sometimes wrong. If documents were segmented, a wrong
//!   cut in a document (or a different cut of the same words in the query) would hide
//!   the plan for good; with syllables and positions, a query word matches wherever
//!   its syllables stand together, however the document would have been cut.
//! - The lexicon can grow (new domain terms) without re-indexing anything.
//!
//! [`WordTokenizer`] is the same segmenter as a tantivy tokenizer (one token per word,
//! syllables joined by `_`), registered as [`super::WORDS`]: the adapter that
//! lindera-tantivy would give, for lindera 6 and tantivy 0.27. No field uses it; the
//! benchmarks use it to measure what document-side segmentation would cost.
//!
//! ```
//! use plancite::analysis::segment::words;
//! let ranges = words(&["thực", "hiện", "bình", "đẳng", "giới"]);
//! assert_eq!(ranges, [0..2, 2..5]);
//! assert_eq!(words(&["binh", "dang", "gioi"]), [0..3]);
//! ```

use std::borrow::Cow;
use std::ops::Range;
use std::sync::{Arc, LazyLock};

use lindera::dictionary::{Dictionary, Lattice};
use lindera::mode::Mode;
use lindera::segmenter::Segmenter;
use lindera_dictionary::dictionary::character_definition::CharacterDefinition;
use lindera_dictionary::dictionary::connection_cost_matrix::ConnectionCostMatrix;
use lindera_dictionary::dictionary::metadata::Metadata;
use lindera_dictionary::dictionary::prefix_dictionary::PrefixDictionary;
use lindera_dictionary::dictionary::unknown_dictionary::UnknownDictionary;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::tokenizer::{Form, Splitter};

macro_rules! lexicon_file {
    ($name:literal) => {
        include_bytes!(concat!(env!("OUT_DIR"), "/vi-lexicon/", $name))
    };
}

static CHAR_DEF: &[u8] = lexicon_file!("char_def.bin");
static MATRIX: &[u8] =
    lindera_dictionary::include_bytes_aligned!(concat!(env!("OUT_DIR"), "/vi-lexicon/matrix.mtx"));
static TRIE: &[u8] = lexicon_file!("dict.trie");
static VALS_IDX: &[u8] = lexicon_file!("dict.valsidx");
static VALS: &[u8] = lexicon_file!("dict.vals");
static WORDS_IDX: &[u8] = lexicon_file!("dict.wordsidx");
static WORDS: &[u8] = lexicon_file!("dict.words");
static UNKNOWN: &[u8] = lexicon_file!("unk.bin");
static METADATA: &[u8] = lexicon_file!("metadata.json");

/// The lexicon dictionary, from the bytes `build.rs` compiled into the binary.
pub fn dictionary() -> lindera::LinderaResult<Dictionary> {
    let metadata = Metadata::load(METADATA)?;
    metadata.validate_format_version()?;
    Ok(Dictionary {
        prefix_dictionary: Arc::new(PrefixDictionary::load(TRIE, VALS_IDX, VALS, WORDS_IDX, WORDS)?),
        connection_cost_matrix: Arc::new(ConnectionCostMatrix::load(MATRIX)?),
        character_definition: Arc::new(CharacterDefinition::load(CHAR_DEF)?),
        unknown_dictionary: Arc::new(UnknownDictionary::load(UNKNOWN)?),
        metadata: Arc::new(metadata),
    })
}

/// The segmenter, loaded once. The dictionary was built and checked at compile time
/// by the same lindera version, so failing to load it is a broken build.
pub static SEGMENTER: LazyLock<Segmenter> = LazyLock::new(|| {
    let dictionary = dictionary().expect("the lexicon embedded by build.rs loads");
    Segmenter::new(Mode::Normal, dictionary, None)
});

/// Whether a syllable can be part of a lexicon word: letters only (numbers and
/// document numbers stand alone).
fn is_plain(syllable: &str) -> bool {
    !syllable.is_empty() && syllable.chars().all(char::is_alphabetic)
}

/// Groups syllables (lower-case NFC, exact or folded) into words, as ranges over the
/// input that cover it in order.
pub fn words(syllables: &[&str]) -> Vec<Range<usize>> {
    let mut lattice = Lattice::default();
    let mut out = Vec::with_capacity(syllables.len());
    words_into(syllables, &mut lattice, &mut out);
    out
}

fn words_into(syllables: &[&str], lattice: &mut Lattice, out: &mut Vec<Range<usize>>) {
    let mut start = 0;
    while start < syllables.len() {
        if !is_plain(syllables[start]) {
            out.push(start..start + 1);
            start += 1;
            continue;
        }
        let end = (start..syllables.len())
            .find(|&i| !is_plain(syllables[i]))
            .unwrap_or(syllables.len());
        segment_run(&syllables[start..end], start, lattice, out);
        start = end;
    }
}

/// Segments one run of plain syllables, offset by `base` in the caller's numbering.
fn segment_run(run: &[&str], base: usize, lattice: &mut Lattice, out: &mut Vec<Range<usize>>) {
    if run.len() == 1 {
        out.push(base..base + 1);
        return;
    }
    let mut sentence = String::with_capacity(run.iter().map(|s| s.len() + 1).sum());
    let mut bounds = Vec::with_capacity(run.len());
    for syllable in run {
        if !sentence.is_empty() {
            sentence.push(' ');
        }
        bounds.push((sentence.len(), sentence.len() + syllable.len()));
        sentence.push_str(syllable);
    }
    let Ok(tokens) = SEGMENTER.segment_with_lattice(Cow::Borrowed(&sentence), lattice) else {
        out.extend((0..run.len()).map(|i| base + i..base + i + 1));
        return;
    };
    let mut next = 0;
    for token in tokens {
        let first = bounds.iter().position(|b| b.0 == token.byte_start);
        let last = bounds.iter().position(|b| b.1 == token.byte_end);
        match (first, last) {
            (Some(first), Some(last)) if first == next && last >= first => {
                out.push(base + first..base + last + 1);
                next = last + 1;
            }
            _ => {
                // A cut inside a syllable: take the syllables it touches one by one.
                while next < run.len() && bounds[next].0 < token.byte_end {
                    out.push(base + next..base + next + 1);
                    next += 1;
                }
            }
        }
    }
    out.extend((next..run.len()).map(|i| base + i..base + i + 1));
}

/// A tantivy tokenizer that emits words: the syllables of [`super::tokenizer`] in
/// exact form, grouped by the lexicon, joined by `_` (`bình_đẳng_giới`). Runs of
/// syllables are cut at punctuation other than hyphens before segmenting.
#[derive(Clone, Default)]
pub struct WordTokenizer;

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordTokenStream {
        let mut tokens = Vec::new();
        let mut lattice = Lattice::default();
        let mut ranges = Vec::new();
        let mut run: Vec<(usize, usize, String)> = Vec::new();
        let mut flush = |run: &mut Vec<(usize, usize, String)>, tokens: &mut Vec<Token>| {
            ranges.clear();
            let syllables: Vec<&str> = run.iter().map(|(_, _, s)| s.as_str()).collect();
            words_into(&syllables, &mut lattice, &mut ranges);
            for range in ranges.iter() {
                let text = syllables[range.clone()].join("_");
                tokens.push(Token {
                    offset_from: run[range.start].0,
                    offset_to: run[range.end - 1].1,
                    position: tokens.len(),
                    text,
                    position_length: 1,
                });
            }
            run.clear();
        };
        let mut previous_end = 0;
        for span in Splitter::new(text) {
            let between = &text[previous_end..span.start];
            if between.chars().any(|c| !c.is_whitespace() && c != '-') {
                flush(&mut run, &mut tokens);
            }
            run.push((span.start, span.end, Form::Exact.normalize(span.text(text))));
            previous_end = span.end;
        }
        flush(&mut run, &mut tokens);
        WordTokenStream { tokens, next: 0 }
    }
}

/// The word tokens of one text.
pub struct WordTokenStream {
    tokens: Vec<Token>,
    next: usize,
}

impl TokenStream for WordTokenStream {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<String> {
        let syllables: Vec<String> = text.split(' ').map(str::to_string).collect();
        let refs: Vec<&str> = syllables.iter().map(String::as_str).collect();
        words(&refs).into_iter().map(|r| refs[r].join(" ")).collect()
    }

    #[test]
    fn groups_syllables_into_words() {
        let cases: &[(&str, &[&str])] = &[
            ("bình đẳng giới", &["bình đẳng giới"]),
            ("binh dang gioi", &["binh dang gioi"]),
            ("đa dạng hoá", &["đa dạng hoá"]),
            ("da dang hoa", &["da dang hoa"]),
            ("toạ đàm", &["toạ đàm"]),
            ("toa dam", &["toa dam"]),
            ("bộ luật lao động", &["bộ luật lao động"]),
            ("vì sự tiến bộ của phụ nữ", &["vì sự tiến bộ của phụ nữ"]),
            ("vi su tien bo cua phu nu", &["vi su tien bo cua phu nu"]),
            (
                "kế hoạch thực hiện bình đẳng giới năm 2022",
                &["kế hoạch", "thực hiện", "bình đẳng giới", "năm", "2022"],
            ),
            ("uỷ ban nhân dân thành phố", &["uỷ ban nhân dân", "thành phố"]),
            ("125/2021/nđ-cp", &["125/2021/nđ-cp"]),
            ("bđg", &["bđg"]),
            ("binh dangerous", &["binh", "dangerous"]),
            ("bình dang gioi", &["bình", "dang", "gioi"]),
        ];
        for (input, want) in cases {
            assert_eq!(cut(input), *want, "{input}");
        }
    }

    #[test]
    fn word_tokenizer_emits_words_with_offsets() {
        let text = "Thực hiện Bình đẳng giới; tọa\nđàm.";
        let mut tokenizer = WordTokenizer;
        let mut stream = tokenizer.token_stream(text);
        let mut seen = vec![];
        while let Some(t) = stream.next() {
            seen.push((t.text.clone(), text[t.offset_from..t.offset_to].to_string()));
        }
        let want = [
            ("thực_hiện", "Thực hiện"),
            ("bình_đẳng_giới", "Bình đẳng giới"),
            ("toạ_đàm", "tọa\nđàm"),
        ];
        let want: Vec<(String, String)> = want.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        assert_eq!(seen, want);
    }
}

//! The tantivy tokenizer for Vietnamese text: syllables and whole document numbers.
//!
//! A token is either a run of letters and digits (a Vietnamese syllable, an
//! abbreviation like `BĐG`, a number) or a document number and symbol kept whole
//! (`125/2021/NĐ-CP`, `11-NQ/TW`, `131/KH-UBND`), written as its canonical citation key
//! so that `125/2021/ND-CP` and `125/2021/nđ-cp` find it. A run of digits and
//! separators with no letter (`31/5/2021`, `2021-2025`) is split into its numbers.
//! Tokens take consecutive positions (a line break is no break: plans wrap lines in
//! the middle of words like `tọa`/`đàm`), so a phrase query finds syllables side by
//! side; see [`super::segment`] for how a query's words become such phrases.
//!
//! Each token comes out in one of two [`Form`]s: `Exact` (lower case, NFC, one tone
//! style) or `Folded` (no marks). plancite indexes the body's folded tokens, which every
//! query matches, and, through [`MarkedWordsTokenizer`], the set of its marked exact
//! words, which a query typed with marks prefers. The tokenizer streams: it normalizes one token at a
//! time into a reused buffer and keeps no list of the document's tokens. It does not
//! group syllables into words (documents are indexed by syllable; see
//! [`super::segment`] for why).
//!
//! ```
//! use plancite::analysis::tokenizer::{Form, VietTokenizer};
//! let words = VietTokenizer::new(Form::Folded).words("Nghị định 125/2021/ND-CP, 2021-2025");
//! assert_eq!(words, ["nghi", "dinh", "125/2021/nd-cp", "2021", "2025"]);
//! ```

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::normalize::{exact_into, folded_into, is_word_char};

/// Which form of each word the tokenizer emits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Exact,
    Folded,
}

impl Form {
    /// Appends the normalized form of one raw token to `out`.
    pub fn normalize_into(self, raw: &str, out: &mut String) {
        if looks_like_document_number(raw)
            && let Some(key) = crate::cite::canonical_key(raw)
        {
            return self.normalize_word(&key, out);
        }
        self.normalize_word(raw, out);
    }

    fn normalize_word(self, word: &str, out: &mut String) {
        match self {
            Form::Exact => exact_into(word, out),
            Form::Folded => folded_into(word, out),
        }
    }

    /// The normalized form of one raw token.
    pub fn normalize(self, raw: &str) -> String {
        let mut out = String::with_capacity(raw.len());
        self.normalize_into(raw, &mut out);
        out
    }
}

#[derive(Debug, Clone)]
pub struct VietTokenizer {
    form: Form,
}

impl VietTokenizer {
    pub fn new(form: Form) -> Self {
        VietTokenizer { form }
    }

    /// The token texts of `text`, for tests and for building queries.
    pub fn words(&self, text: &str) -> Vec<String> {
        Splitter::new(text)
            .map(|span| self.form.normalize(span.text(text)))
            .collect()
    }
}

/// Byte range of one raw token in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// A separator that may stand inside a document number.
fn is_number_joiner(c: char) -> bool {
    matches!(c, '/' | '-' | '.')
}

/// Whether a joined run is a document number: it starts with a digit, has a `/` and
/// has a letter somewhere (so dates and ranges are not).
pub fn looks_like_document_number(raw: &str) -> bool {
    raw.starts_with(|c: char| c.is_ascii_digit()) && raw.contains('/') && raw.chars().any(char::is_alphabetic)
}

/// Splits text into raw token spans. Runs of word characters joined by `/`, `-` or `.`
/// are taken together when they form a document number; otherwise each run stands alone.
pub fn split(text: &str) -> Vec<Span> {
    Splitter::new(text).collect()
}

/// The raw token spans of a text, one at a time.
pub struct Splitter<'t> {
    text: &'t str,
    pos: usize,
    /// Runs of a joined candidate that turned out not to be a document number.
    pending: Vec<Span>,
}

impl<'t> Splitter<'t> {
    pub fn new(text: &'t str) -> Self {
        Splitter {
            text,
            pos: 0,
            pending: Vec::new(),
        }
    }

    /// End of the run of word characters starting at `from`.
    fn run_end(&self, from: usize) -> usize {
        self.find_class(from, false).unwrap_or(self.text.len())
    }

    /// The first byte offset from `from` whose character is (`word`) or is not a word
    /// character. Bytes below 0x80 are judged without decoding: most of a Vietnamese
    /// text is ASCII letters and spaces.
    fn find_class(&self, from: usize, word: bool) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let mut i = from;
        while i < bytes.len() {
            let b = bytes[i];
            let (is_word, len) = if b < 0x80 {
                (b.is_ascii_alphanumeric(), 1)
            } else {
                let c = self.text[i..].chars().next()?;
                (is_word_char(c), c.len_utf8())
            };
            if is_word == word {
                return Some(i);
            }
            i += len;
        }
        None
    }
}

impl Iterator for Splitter<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        if !self.pending.is_empty() {
            return Some(self.pending.remove(0));
        }
        let text = self.text;
        let start = self.find_class(self.pos, true)?;
        let mut end = self.run_end(start);
        let first = Span { start, end };
        // While a joiner is followed by another run, extend a candidate number.
        let mut runs = 1;
        if text.as_bytes()[start].is_ascii_digit() {
            loop {
                let mut rest = text[end..].chars();
                match (rest.next(), rest.next()) {
                    (Some(j), Some(after)) if is_number_joiner(j) && is_word_char(after) => {
                        end = self.run_end(end + j.len_utf8());
                        runs += 1;
                    }
                    _ => break,
                }
            }
        }
        self.pos = end;
        if runs == 1 {
            return Some(first);
        }
        let whole = Span { start, end };
        if looks_like_document_number(whole.text(text)) {
            return Some(whole);
        }
        // Not a number: give back each run on its own.
        let mut at = start;
        while at < end {
            let run_start = at + text[at..end].find(is_word_char).unwrap_or(end - at);
            if run_start >= end {
                break;
            }
            let run_end = self.run_end(run_start).min(end);
            self.pending.push(Span {
                start: run_start,
                end: run_end,
            });
            at = run_end;
        }
        (!self.pending.is_empty()).then(|| self.pending.remove(0))
    }
}

impl Tokenizer for VietTokenizer {
    type TokenStream<'a> = VietTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VietTokenStream<'a> {
        VietTokenStream {
            text,
            spans: Splitter::new(text),
            form: self.form,
            token: Token::default(),
        }
    }
}

/// The tokens of one text, normalized one at a time into a reused token.
pub struct VietTokenStream<'a> {
    text: &'a str,
    spans: Splitter<'a>,
    form: Form,
    token: Token,
}

impl TokenStream for VietTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let Some(span) = self.spans.next() else {
            return false;
        };
        self.token.text.clear();
        self.form
            .normalize_into(span.text(self.text), &mut self.token.text);
        self.token.offset_from = span.start;
        self.token.offset_to = span.end;
        self.token.position = self.token.position.wrapping_add(1);
        self.token.position_length = 1;
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// The distinct marked words of a text (exact forms that differ from their folded
/// form, like `đẳng` or `giới`), each once, for a field that only says which marked forms
/// a plan contains. Matching goes through the folded field; this field lets a query typed
/// with marks prefer plans that have those very forms (`đẳng`, not `Đảng`), at a fraction
/// of the cost of indexing every exact token with its position.
///
/// ```
/// use plancite::analysis::tokenizer::MarkedWordsTokenizer;
/// use tantivy::tokenizer::{TokenStream, Tokenizer};
/// let mut tokenizer = MarkedWordsTokenizer::default();
/// let mut stream = tokenizer.token_stream("Bình đẳng giới, bình đẳng 2022");
/// let mut words = Vec::new();
/// while stream.advance() { words.push(stream.token().text.clone()); }
/// assert_eq!(words, ["bình", "đẳng", "giới"]);
/// ```
#[derive(Debug, Clone, Default)]
pub struct MarkedWordsTokenizer {
    /// The words already given out for the current text (kept to reuse its memory).
    seen: rustc_hash::FxHashSet<String>,
}

impl Tokenizer for MarkedWordsTokenizer {
    type TokenStream<'a> = MarkedWordsStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> MarkedWordsStream<'a> {
        self.seen.clear();
        MarkedWordsStream {
            text,
            spans: Splitter::new(text),
            raw_seen: Default::default(),
            seen: &mut self.seen,
            token: Token::default(),
        }
    }
}

/// The stream of [`MarkedWordsTokenizer`].
pub struct MarkedWordsStream<'a> {
    text: &'a str,
    spans: Splitter<'a>,
    /// Raw spellings already looked at: most words repeat, and a repeat needs no
    /// normalizing.
    raw_seen: rustc_hash::FxHashSet<&'a str>,
    seen: &'a mut rustc_hash::FxHashSet<String>,
    token: Token,
}

impl TokenStream for MarkedWordsStream<'_> {
    fn advance(&mut self) -> bool {
        for span in self.spans.by_ref() {
            let raw = span.text(self.text);
            // Plain ASCII has no marks (a document number may gain `Đ` as its key).
            if (raw.is_ascii() && !looks_like_document_number(raw)) || !self.raw_seen.insert(raw) {
                continue;
            }
            self.token.text.clear();
            Form::Exact.normalize_into(raw, &mut self.token.text);
            // Folded forms are plain ASCII: a word without a non-ASCII letter has no marks.
            if self.token.text.is_ascii() || self.seen.contains(&self.token.text) {
                continue;
            }
            self.seen.insert(self.token.text.clone());
            self.token.offset_from = span.start;
            self.token.offset_to = span.end;
            self.token.position = self.token.position.wrapping_add(1);
            self.token.position_length = 1;
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_and_keeps_numbers_whole() {
        let cases: &[(&str, &[&str])] = &[
            ("Bình đẳng giới", &["bình", "đẳng", "giới"]),
            (
                "Nghị định số 125/2021/NĐ-CP ngày",
                &["nghị", "định", "số", "125/2021/nđ-cp", "ngày"],
            ),
            ("(125/2021/ND-CP)", &["125/2021/nđ-cp"]),
            ("Nghị quyết 11-NQ/TW.", &["nghị", "quyết", "11-nq/tw"]),
            ("ngày 31/5/2021;", &["ngày", "31", "5", "2021"]),
            ("giai đoạn 2021-2025", &["giai", "đoạn", "2021", "2025"]),
            ("2021 - 2025", &["2021", "2025"]),
            ("Hòa THỦY", &["hoà", "thuỷ"]),
            ("Lao động - Thương binh", &["lao", "động", "thương", "binh"]),
            ("Lao động-Thương binh", &["lao", "động", "thương", "binh"]),
            ("phụ nữ (VSTBCPN);", &["phụ", "nữ", "vstbcpn"]),
            ("tọa\nđàm", &["toạ", "đàm"]),
            ("to\u{0323}a đa\u{0300}m", &["toạ", "đàm"]),
            ("tọa\u{00A0}đàm", &["toạ", "đàm"]),
            ("bình đẳ\u{00AD}ng", &["bình", "đẳng"]),
            ("ÐẲNG", &["đẳng"]),
            ("1.000 người", &["1", "000", "người"]),
            ("", &[]),
            (" ,; ", &[]),
        ];
        for (input, want) in cases {
            assert_eq!(VietTokenizer::new(Form::Exact).words(input), *want, "{input:?}");
        }
    }

    #[test]
    fn folds() {
        let cases: &[(&str, &[&str])] = &[
            ("BÌNH ĐẲNG GIỚI", &["binh", "dang", "gioi"]),
            ("125/2021/nđ-cp", &["125/2021/nd-cp"]),
            ("Ðà Nẵng", &["da", "nang"]),
        ];
        for (input, want) in cases {
            assert_eq!(VietTokenizer::new(Form::Folded).words(input), *want, "{input:?}");
        }
    }

    #[test]
    fn offsets_point_at_the_original_text() {
        let text = "Số: 70/KH-UBND, Hải Phòng";
        let mut tokenizer = VietTokenizer::new(Form::Folded);
        let mut stream = tokenizer.token_stream(text);
        let mut seen = vec![];
        while let Some(t) = stream.next() {
            seen.push((
                text[t.offset_from..t.offset_to].to_string(),
                t.text.clone(),
                t.position,
            ));
        }
        assert_eq!(
            seen,
            [
                ("Số".into(), "so".into(), 0),
                ("70/KH-UBND".into(), "70/kh-ubnd".into(), 1),
                ("Hải".into(), "hai".into(), 2),
                ("Phòng".into(), "phong".into(), 3)
            ]
        );
    }
}

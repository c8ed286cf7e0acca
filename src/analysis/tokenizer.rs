//! The tantivy tokenizer for Vietnamese text: words and whole document numbers.
//!
//! A token is either a run of letters and digits (a Vietnamese syllable, an
//! abbreviation like `BĐG`, a number) or a document number and symbol kept whole
//! (`125/2021/NĐ-CP`, `11-NQ/TW`, `131/KH-UBND`), written as its canonical citation key
//! so that `125/2021/ND-CP` and `125/2021/nđ-cp` find it. A run of digits and
//! separators with no letter (`31/5/2021`, `2021-2025`) is split into its numbers.
//!
//! Each token comes out in one of two [`Form`]s: `Exact` (lower case, one tone style)
//! or `Folded` (no marks). plancite indexes the body twice, once per form, and a query
//! word typed with marks prefers the exact field while one typed without matches the
//! folded field.
//!
//! ```
//! use plancite::analysis::tokenizer::{Form, VietTokenizer};
//! let words = VietTokenizer::new(Form::Folded).words("Nghị định 125/2021/ND-CP, 2021-2025");
//! assert_eq!(words, ["nghi", "dinh", "125/2021/nd-cp", "2021", "2025"]);
//! ```

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::normalize::{exact_form, folded_form};

/// Which form of each word the tokenizer emits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Exact,
    Folded,
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
        split(text)
            .into_iter()
            .map(|span| self.normalize(span.text(text)))
            .collect()
    }

    fn normalize(&self, raw: &str) -> String {
        let raw = if looks_like_document_number(raw) {
            crate::cite::canonical_key(raw).unwrap_or_else(|| raw.to_string())
        } else {
            raw.to_string()
        };
        match self.form {
            Form::Exact => exact_form(&raw),
            Form::Folded => folded_form(&raw),
        }
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

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c)
}

fn is_combining(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// A separator that may stand inside a document number.
fn is_number_joiner(c: char) -> bool {
    matches!(c, '/' | '-' | '.')
}

/// Whether a joined run is a document number: it starts with a digit, has a `/` and
/// has a letter somewhere (so dates and ranges are not).
fn looks_like_document_number(raw: &str) -> bool {
    raw.starts_with(|c: char| c.is_ascii_digit()) && raw.contains('/') && raw.chars().any(char::is_alphabetic)
}

/// Splits text into raw token spans. Runs of word characters joined by `/`, `-` or `.`
/// are taken together when they form a document number; otherwise each run stands alone.
pub fn split(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if !is_word_char(c) {
            chars.next();
            continue;
        }
        // Take one run, and while a joiner is followed by another run, extend a candidate.
        let mut runs = vec![];
        let mut run_start = start;
        let mut end = start;
        loop {
            while let Some(&(i, c)) = chars.peek() {
                if !is_word_char(c) {
                    break;
                }
                end = i + c.len_utf8();
                chars.next();
            }
            runs.push(Span {
                start: run_start,
                end,
            });
            match chars.peek() {
                Some(&(i, j)) if is_number_joiner(j) => {
                    let after = text[i + j.len_utf8()..].chars().next();
                    if after.is_some_and(is_word_char) {
                        chars.next();
                        run_start = i + j.len_utf8();
                        continue;
                    }
                    break;
                }
                _ => break,
            }
        }
        let whole = Span { start, end };
        if runs.len() > 1 && looks_like_document_number(whole.text(text)) {
            spans.push(whole);
        } else {
            spans.extend(runs);
        }
    }
    spans
}

impl Tokenizer for VietTokenizer {
    type TokenStream<'a> = VietTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VietTokenStream {
        let tokens = split(text)
            .into_iter()
            .enumerate()
            .map(|(position, span)| Token {
                offset_from: span.start,
                offset_to: span.end,
                position,
                text: self.normalize(span.text(text)),
                position_length: 1,
            })
            .collect();
        VietTokenStream { tokens, next: 0 }
    }
}

/// The tokens of one text, produced eagerly (texts are one document or one query).
pub struct VietTokenStream {
    tokens: Vec<Token>,
    next: usize,
}

impl TokenStream for VietTokenStream {
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
            ("Hòa THỦY", &["hoà", "thuỷ"]),
            ("Lao động - Thương binh", &["lao", "động", "thương", "binh"]),
            ("phụ nữ (VSTBCPN);", &["phụ", "nữ", "vstbcpn"]),
            ("", &[]),
        ];
        for (input, want) in cases {
            assert_eq!(VietTokenizer::new(Form::Exact).words(input), *want, "{input}");
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

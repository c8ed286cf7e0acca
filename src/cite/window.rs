//! The scanners' view of raw text: short windows with spaces and Markdown emphasis
//! collapsed ([`Cleaned`], offsets kept), moving over gaps (`3565 /QĐ -UBND`,
//! `45/2023/NĐ-\nCP`), dashes of every kind, and words compared without case at the end
//! of a window. Everything a scanner needs to read text as written, and nothing that
//! knows what a citation is.

use std::ops::Range;

use crate::vi::boundary::{char_at, char_before, floor_boundary};
use crate::vi::space::is_space;

/// A short window of the raw text with every run of whitespace and Markdown emphasis
/// (`*`) collapsed to one space, so that `ngày** 19 **tháng` reads `ngày 19 tháng`.
/// Each byte keeps the offset of the raw character it came from.
pub(crate) struct Cleaned {
    pub text: String,
    origin: Vec<usize>,
}

impl Cleaned {
    /// Cleans `text[range]`; the range is first moved onto char boundaries.
    pub(crate) fn new(text: &str, range: Range<usize>) -> Cleaned {
        let start = floor_boundary(text, range.start);
        let end = floor_boundary(text, range.end.max(start));
        let mut cleaned = Cleaned {
            text: String::with_capacity(end - start),
            origin: Vec::with_capacity(end - start + 1),
        };
        let mut last_was_space = false;
        for (i, c) in text[start..end].char_indices() {
            if is_space(c) || c == '*' {
                if !last_was_space {
                    cleaned.text.push(' ');
                    cleaned.origin.push(start + i);
                    last_was_space = true;
                }
            } else {
                cleaned.text.push(c);
                cleaned
                    .origin
                    .extend(std::iter::repeat_n(start + i, c.len_utf8()));
                last_was_space = false;
            }
        }
        cleaned.origin.push(end);
        cleaned
    }

    /// The raw offset of cleaned byte `i` (the end of the window for `i == len`).
    pub(crate) fn origin(&self, i: usize) -> usize {
        self.origin.get(i).or(self.origin.last()).copied().unwrap_or(0)
    }
}

/// Space inside a line, and Markdown emphasis: what may stand between `3565 /QĐ -UBND`.
pub(crate) fn is_inline_gap(c: char) -> bool {
    c == ' ' || c == '\t' || c == '*' || c == '\u{a0}'
}

/// Any space, line breaks included: what may follow `/` or `-` (`45/2023/NĐ-\nCP`).
pub(crate) fn is_any_gap(c: char) -> bool {
    is_space(c) || c == '*'
}

/// A hyphen or any dash typed in its place (`318/SLĐTBXH – BTXH`).
pub(crate) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '−')
}

/// Moves forward over chars matching `keep`, at most `max_bytes`.
pub(crate) fn skip_forward(text: &str, pos: usize, keep: fn(char) -> bool, max_bytes: usize) -> usize {
    let mut i = pos;
    while let Some(c) = char_at(text, i) {
        if !keep(c) || i + c.len_utf8() > pos + max_bytes {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// Moves backward over chars matching `keep`, at most `max_bytes`.
pub(crate) fn skip_backward(text: &str, pos: usize, keep: fn(char) -> bool, max_bytes: usize) -> usize {
    let mut i = pos;
    while let Some((j, c)) = char_before(text, i) {
        if !keep(c) || pos - j > max_bytes {
            break;
        }
        i = j;
    }
    i
}

/// Lower-cases one char (Vietnamese letters lower-case to one char).
pub(crate) fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Whether `s` ends with the words `pattern` (lower case, single spaces), compared without
/// case, on a word boundary. Returns where the match starts in `s`.
pub(crate) fn ends_with_words(s: &str, pattern: &str) -> Option<usize> {
    let mut chars = s.char_indices().rev();
    let mut start = s.len();
    for p in pattern.chars().rev() {
        let (i, c) = chars.next()?;
        if lower(c) != p {
            return None;
        }
        start = i;
    }
    match chars.next() {
        Some((_, c)) if c.is_alphanumeric() => None,
        _ => Some(start),
    }
}

/// Whether one of `words` follows `pos` after spaces, `*` and a comma: a cheap test
/// before a window is cleaned and a regex run.
pub(crate) fn word_follows(text: &str, pos: usize, words: &[&str]) -> bool {
    let at = skip_forward(text, pos, |c| is_any_gap(c) || c == ',', 16);
    text.get(at..)
        .is_some_and(|rest| words.iter().any(|w| rest.starts_with(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaned_windows_keep_offsets() {
        let text = "ngày** 19 **tháng";
        let cleaned = Cleaned::new(text, 0..text.len());
        assert_eq!(cleaned.text, "ngày 19 tháng");
        let t = cleaned.text.find("tháng").unwrap_or(0);
        assert_eq!(&text[cleaned.origin(t)..], "tháng");
    }
}

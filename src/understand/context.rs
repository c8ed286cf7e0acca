//! The sentence around a citation, as shown next to "who cites this".
//!
//! ```
//! use plancite::understand::context::sentence_around;
//! let text = "Mục đích. Thực hiện Kế hoạch số 131/KH-UBND\nngày 31/5/2021; tiếp theo.";
//! let start = text.find("131").unwrap();
//! assert_eq!(sentence_around(text, start, start + 10), "Thực hiện Kế hoạch số 131/KH-UBND ngày 31/5/2021;");
//! ```

use crate::vi::boundary::floor_boundary;

/// How far a context reaches on each side of the citation, in characters.
const REACH: usize = 160;

/// Where a context is cut even inside a word: text without spaces (`1/KH-UBND-1/KH-…`)
/// must not make each context as long as the document (quadratic time and memory).
const HARD_REACH: usize = REACH + 40;

/// The longest citation text a context keeps whole, in bytes; a longer one is cut.
const MAX_CITATION_BYTES: usize = 400;

/// The sentence (or clause, up to `.`, `;`, a blank line or about [`REACH`] characters,
/// cut at a word with `…`) that holds `text[start..end]`, on one line with Markdown marks
/// and table pipes removed.
pub fn sentence_around(text: &str, start: usize, end: usize) -> String {
    let start = floor_boundary(text, start.min(text.len()));
    let end = floor_boundary(text, end.clamp(start, text.len()).min(start + MAX_CITATION_BYTES));
    let before = &text[..start];
    let mut from = start;
    let mut cut_before = false;
    for (taken, (i, c)) in before.char_indices().rev().enumerate() {
        if matches!(c, '.' | ';' | '!' | '?') || before[i..].starts_with("\n\n") {
            break;
        }
        if (taken >= REACH && c.is_whitespace()) || taken >= HARD_REACH {
            cut_before = true;
            break;
        }
        from = i;
    }
    let after = &text[end..];
    let mut to = end;
    let mut cut_after = false;
    for (taken, (i, c)) in after.char_indices().enumerate() {
        if (taken >= REACH && c.is_whitespace()) || taken >= HARD_REACH {
            cut_after = true;
            break;
        }
        to = end + i + c.len_utf8();
        if matches!(c, '.' | ';' | '!' | '?') || after[i..].starts_with("\n\n") {
            break;
        }
    }
    let words = text[from..to]
        .split(|c: char| c.is_whitespace() || c == '|' || c == '*')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let open = if cut_before { "…" } else { "" };
    let close = if cut_after { "…" } else { "" };
    format!("{open}{words}{close}")
}

#[cfg(test)]
mod tests {
    use super::sentence_around;

    #[test]
    fn long_sentences_are_cut_at_words() {
        let long = format!(
            "{} Quyết định số 2282/QĐ-TTg {}",
            "xa ".repeat(100),
            "gần ".repeat(100)
        );
        let at = long.find("2282").unwrap();
        let context = sentence_around(&long, at, at + 15);
        assert!(
            context.starts_with("…xa") && context.ends_with("gần…"),
            "{context}"
        );
        assert!(context.chars().count() < 2 * super::REACH + 40);
    }

    #[test]
    fn text_without_spaces_is_cut_too() {
        let dense = "1/KH-UBND-".repeat(20_000);
        for at in [0, 1_000, 100_000, dense.len() - 10] {
            let context = sentence_around(&dense, at, at + 9);
            assert!(
                context.chars().count() <= 2 * super::HARD_REACH + 12,
                "{}",
                context.len()
            );
        }
        let long_citation = "x".repeat(10_000);
        assert!(sentence_around(&long_citation, 0, 10_000).chars().count() <= 2 * super::HARD_REACH + 402);
    }
}

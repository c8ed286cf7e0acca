//! What a space is. Text converted from Word, PDF and web pages carries many spaces
//! besides U+0020 (no-break, em, ideographic …) and invisible characters (zero-width
//! space, BOM, soft hyphen). Each role a character can play is one predicate here:
//!
//! | char                         | [`is_space`] | [`is_inline_space`] | [`is_invisible`] | [`is_ignorable`] |
//! |------------------------------|:---:|:---:|:---:|:---:|
//! | ` `, tab, U+00A0, U+2000–200A, U+202F, U+205F, U+3000 | yes | yes | | |
//! | line breaks (`\n`, `\r`, U+2028 …) | yes | | | |
//! | U+200B zero-width space      | yes | | yes | |
//! | U+FEFF BOM                   | yes | | yes | yes |
//! | U+00AD soft hyphen, U+200C, U+200D | | | yes | yes |
//! | U+2060 word joiner           | | | | yes |
//!
//! A zero-width *space* is a break between words where text is read (citations), but
//! cleaning removes it with the other invisible characters; inside a word the analyzer
//! drops only what is no break ([`is_ignorable`]).
//!
//! ```
//! use plancite::vi::space::{is_ignorable, is_inline_space, is_invisible, is_space};
//! assert!(is_space('\u{200b}') && !is_inline_space('\u{200b}') && is_invisible('\u{200b}'));
//! assert!(is_inline_space('\u{a0}') && !is_inline_space('\n') && is_space('\n'));
//! assert!(is_ignorable('\u{ad}') && !is_ignorable('\u{200b}'));
//! ```

/// Any whitespace, line breaks included, and the invisible characters that pass for a
/// space between words (BOM, zero-width space): what may stand between `ngày` and `19`.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

/// A space inside a line that should read as one ASCII space: space, tab, no-break
/// space and the other Unicode spaces (U+2000–U+200A, U+202F, U+205F, U+3000).
pub fn is_inline_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

/// An invisible character that cleaning removes from the text: zero-width space,
/// non-joiner and joiner, BOM, soft hyphen.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{ad}')
}

/// A character that carries no letter and no break: dropped wherever it stands inside a
/// word, so that `đẳ\u{00AD}ng` (a soft hyphen from a word processor) is still `đẳng`.
pub fn is_ignorable(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_as_a_table() {
        // (char, space, inline space, invisible, ignorable)
        let cases = [
            (' ', true, true, false, false),
            ('\t', true, true, false, false),
            ('\u{a0}', true, true, false, false),
            ('\u{2003}', true, true, false, false),
            ('\u{3000}', true, true, false, false),
            ('\n', true, false, false, false),
            ('\u{2028}', true, false, false, false),
            ('\u{200b}', true, false, true, false),
            ('\u{feff}', true, false, true, true),
            ('\u{ad}', false, false, true, true),
            ('\u{200d}', false, false, true, true),
            ('\u{2060}', false, false, false, true),
            ('a', false, false, false, false),
            ('*', false, false, false, false),
        ];
        for (c, space, inline, invisible, ignorable) in cases {
            let got = (is_space(c), is_inline_space(c), is_invisible(c), is_ignorable(c));
            assert_eq!(got, (space, inline, invisible, ignorable), "{c:?}");
        }
    }
}

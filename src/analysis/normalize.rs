//! Normalizing Vietnamese text and words: one Unicode form, one tone-mark placement,
//! lower case, and the folded form without any marks.
//!
//! Vietnamese writes the same syllable two ways: the old style puts the tone mark on
//! the first vowel of `oa`, `oe`, `uy` (`hòa`, `tọa`, `thủy`, `Ủy`), the new style on
//! the second (`hoà`, `toạ`, `thuỷ`, `Uỷ`). plancite maps both to the new style so that
//! either typing finds both. Text may arrive decomposed (a PDF converter's `a` +
//! U+0301) or precomposed; both come out NFC. `Ð` (U+00D0, the Icelandic eth that
//! legacy fonts use for `Đ`) is read as `Đ`. Folding removes every mark and reads `đ`
//! as `d`, which is what a person types without a Vietnamese keyboard. The rules
//! themselves (the folding table, tone placement, which characters are invisible) live
//! in [`crate::vi`]; this module applies them to the analyzer's words and texts.
//!
//! [`exact_form`] and [`folded_form`] work on one word (the tokenizer's tokens);
//! [`normalize_text`] works on a whole text such as a query: NFC, no-break and other
//! Unicode spaces as plain spaces, invisible characters (soft hyphen, zero-width
//! joiners, BOM) removed, case kept. This module does not cut text into words (see
//! [`super::tokenizer`]) and knows nothing of tantivy.
//!
//! ```
//! use plancite::analysis::normalize::{exact_form, folded_form, normalize_text};
//! assert_eq!(exact_form("Hòa"), exact_form("hoà"));
//! assert_eq!(exact_form("ỦY"), "uỷ");
//! assert_eq!(folded_form("Bình Đẳng"), "binh dang");
//! assert_eq!(normalize_text("to\u{0323}a\u{00A0}đàm"), "tọa đàm");
//! ```

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::vi::fold::latin_letter as latin;
pub use crate::vi::fold::{folded_form, folded_into};
pub use crate::vi::space::is_ignorable;
use crate::vi::tone::place_tone_mark;

/// Lower case, `Ð` read as `đ`, tone mark in the new-style place, invisible characters
/// dropped. Input need not be NFC; output is.
pub fn exact_form(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    exact_into(word, &mut out);
    out
}

/// [`exact_form`] appended to `out`, without allocating when `out` has room.
pub fn exact_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        return;
    }
    let start = out.len();
    let mut decomposed = false;
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(letter) = latin(c) {
            out.push(letter.lower);
        } else if is_ignorable(c) {
        } else if is_combining_mark(c) {
            decomposed = true;
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    if decomposed {
        let composed: String = out[start..].nfc().collect();
        out.truncate(start);
        out.push_str(&composed);
    }
    place_tone_mark(out, start);
}

/// Whether a character belongs to a word: letters, digits, combining marks and the
/// invisible characters [`is_ignorable`] drops.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        latin(c).is_some() || c.is_alphanumeric() || is_combining_mark(c) || is_ignorable(c)
    }
}

/// Whether folding changes the word: it carries a mark or a `đ`.
pub fn has_marks(word: &str) -> bool {
    !word.is_ascii() && folded_form(word) != exact_form(word)
}

/// A whole text (a query, a title) made comparable: NFC, every Unicode space and line
/// separator a plain space, invisible characters removed. Case and punctuation stay.
pub fn normalize_text(text: &str) -> Cow<'_, str> {
    let plain = |b: &u8| *b == b' ' || !b.is_ascii_whitespace();
    if text.is_ascii() && text.bytes().all(|b| plain(&b)) {
        return Cow::Borrowed(text);
    }
    let spaced: String = text
        .chars()
        .filter(|c| !is_ignorable(*c))
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let composed: String = spaced.nfc().collect();
    Cow::Owned(composed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vi::tone::TONE_MARKS;

    #[test]
    fn exact_forms() {
        let cases = [
            ("hòa", "hoà"),
            ("hoà", "hoà"),
            ("HÒA", "hoà"),
            ("tọa", "toạ"),
            ("toạ", "toạ"),
            ("thủy", "thuỷ"),
            ("Ủy", "uỷ"),
            ("uý", "uý"),
            ("úy", "uý"),
            ("khỏe", "khoẻ"),
            ("khoẻ", "khoẻ"),
            ("hoàng", "hoàng"),
            ("toán", "toán"),
            ("quý", "quý"),
            ("qúy", "quý"),
            ("hóa", "hoá"),
            ("người", "người"),
            ("ĐẲNG", "đẳng"),
            ("ÐẲNG", "đẳng"),
            ("ðẳng", "đẳng"),
            ("GIỚI", "giới"),
            ("ƯU", "ưu"),
            ("Bi\u{0300}nh", "bình"),
            ("to\u{0323}a", "toạ"),
            ("ho\u{0300}a", "hoà"),
            ("THU\u{0309}Y", "thuỷ"),
            ("đẳ\u{00AD}ng", "đẳng"),
            ("binh", "binh"),
            ("BDG", "bdg"),
            ("125/2021/nđ-cp", "125/2021/nđ-cp"),
        ];
        for (input, want) in cases {
            assert_eq!(exact_form(input), want, "{input:?}");
        }
    }

    #[test]
    fn marks() {
        let cases = [
            ("binh", false),
            ("bình", true),
            ("đa", true),
            ("BDG", false),
            ("BĐG", true),
            ("Bi\u{0300}nh", true),
        ];
        for (input, want) in cases {
            assert_eq!(has_marks(input), want, "{input:?}");
        }
    }

    /// The plain, slow definitions the fast paths must agree with.
    fn reference_exact(word: &str) -> String {
        let lower: String = word
            .chars()
            .filter(|c| !is_ignorable(*c))
            .map(|c| if matches!(c, 'Ð' | 'ð' | 'Đ') { 'đ' } else { c })
            .flat_map(char::to_lowercase)
            .collect::<String>()
            .nfc()
            .collect();
        let decomposed: Vec<char> = lower.nfd().collect();
        let Some(tone_at) = decomposed.iter().position(|c| TONE_MARKS.contains(c)) else {
            return lower;
        };
        let tone = decomposed[tone_at];
        let bare: Vec<char> = decomposed.iter().copied().filter(|c| *c != tone).collect();
        let letters: String = bare.iter().collect::<String>().nfc().collect();
        if !["oa", "oe", "uy"].iter().any(|c| letters.ends_with(c)) {
            return lower;
        }
        let mut out = bare;
        out.push(tone);
        out.into_iter().collect::<String>().nfc().collect()
    }

    fn reference_folded(word: &str) -> String {
        word.nfd()
            .filter(|c| !is_combining_mark(*c) && !is_ignorable(*c))
            .flat_map(char::to_lowercase)
            .map(|c| if matches!(c, 'đ' | 'ð') { 'd' } else { c })
            .collect()
    }

    #[test]
    fn fast_paths_agree_with_the_definitions() {
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut words: Vec<String> = Vec::new();
        for entry in std::fs::read_dir(corpus).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            words.extend(text.split(|c: char| !is_word_char(c)).map(str::to_string));
        }
        // Every letter of the Latin blocks, alone and after a consonant.
        for code in (0x00C0..0x0250).chain(0x1E00..0x1F00) {
            if let Some(c) = char::from_u32(code) {
                words.push(c.to_string());
                words.push(format!("ho{c}"));
            }
        }
        words.sort();
        words.dedup();
        let mut checked = 0;
        for word in &words {
            for variant in [word.clone(), word.to_uppercase(), word.nfd().collect()] {
                assert_eq!(exact_form(&variant), reference_exact(&variant), "{variant:?}");
                assert_eq!(folded_form(&variant), reference_folded(&variant), "{variant:?}");
                checked += 1;
            }
        }
        assert!(checked > 3000, "{checked}");
    }

    #[test]
    fn texts() {
        let cases = [
            ("binh dang gioi", "binh dang gioi"),
            ("bi\u{0300}nh đa\u{0306}\u{0309}ng", "bình đẳng"),
            ("tọa\u{00A0}đàm", "tọa đàm"),
            ("tọa\u{2003}đàm\u{2028}x", "tọa đàm x"),
            ("a\u{200D}b\u{FEFF}", "ab"),
            ("BĐG", "BĐG"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize_text(input), want, "{input:?}");
        }
    }
}

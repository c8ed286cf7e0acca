//! Normalizing one Vietnamese word: lower case, one tone-mark placement, and the folded
//! form without any marks.
//!
//! Vietnamese writes the same syllable two ways: the old style puts the tone mark on
//! the first vowel of `oa`, `oe`, `uy` (`hòa`, `tọa`, `thủy`, `Ủy`), the new style on
//! the second (`hoà`, `toạ`, `thuỷ`, `Uỷ`). plancite maps both to the new style so that
//! either typing finds both. Folding removes every mark and reads `đ` as `d`, which is
//! what a person types without a Vietnamese keyboard.
//!
//! ```
//! use plancite::analysis::normalize::{exact_form, folded_form};
//! assert_eq!(exact_form("Hòa"), exact_form("hoà"));
//! assert_eq!(exact_form("ỦY"), "uỷ");
//! assert_eq!(folded_form("Bình Đẳng"), "binh dang");
//! ```

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The five Vietnamese tone marks as combining characters.
const TONE_MARKS: [char; 5] = ['\u{0300}', '\u{0301}', '\u{0303}', '\u{0309}', '\u{0323}'];

/// Lower case, `Ð` (U+00D0, Icelandic eth, often typed for `Đ`) read as `đ`, tone mark in
/// the new-style place. Input need not be NFC; output is.
pub fn exact_form(word: &str) -> String {
    let lower: String = word
        .chars()
        .map(|c| match c {
            'Ð' | 'ð' | 'Đ' => 'đ',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    place_tone_mark(&lower)
}

/// The word with no marks at all: `đường` → `duong`.
pub fn folded_form(word: &str) -> String {
    word.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'đ' | 'ð' | 'Đ' | 'Ð' => 'd',
            c => c,
        })
        .collect()
}

/// Whether folding changes the word: it carries a mark or a `đ`.
pub fn has_marks(word: &str) -> bool {
    folded_form(word) != exact_form(word)
}

/// Moves the tone mark of a lower-case syllable ending in `oa`, `oe` or `uy` to the
/// second vowel. Those three clusters, at the end of a syllable, are the only places the
/// two styles differ; with a final consonant (`hoàng`, `toán`) both agree already.
fn place_tone_mark(lower: &str) -> String {
    let decomposed: Vec<char> = lower.nfd().collect();
    let Some(tone_at) = decomposed.iter().position(|c| TONE_MARKS.contains(c)) else {
        return lower.nfc().collect();
    };
    let tone = decomposed[tone_at];
    let bare: Vec<char> = decomposed.iter().copied().filter(|c| *c != tone).collect();
    let letters: String = bare.iter().collect::<String>().nfc().collect();
    let cluster_ends = ["oa", "oe", "uy"];
    let ends_in_cluster = cluster_ends.iter().any(|c| letters.ends_with(c));
    // `qu` + `y`: the `u` belongs to the consonant, but the mark goes on `y` either way.
    if !ends_in_cluster {
        return lower.nfc().collect();
    }
    let mut out: Vec<char> = bare;
    out.push(tone);
    out.into_iter().collect::<String>().nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_forms() {
        let cases = [
            ("hòa", "hoà"),
            ("hoà", "hoà"),
            ("tọa", "toạ"),
            ("thủy", "thuỷ"),
            ("Ủy", "uỷ"),
            ("uý", "uý"),
            ("úy", "uý"),
            ("khỏe", "khoẻ"),
            ("hoàng", "hoàng"),
            ("toán", "toán"),
            ("quý", "quý"),
            ("ĐẲNG", "đẳng"),
            ("ÐẲNG", "đẳng"),
            ("GIỚI", "giới"),
            ("Bi\u{0300}nh", "bình"),
            ("125/2021/nđ-cp", "125/2021/nđ-cp"),
        ];
        for (input, want) in cases {
            assert_eq!(exact_form(input), want, "{input}");
        }
    }

    #[test]
    fn folded_forms() {
        let cases = [
            ("bình", "binh"),
            ("đẳng", "dang"),
            ("GIỚI", "gioi"),
            ("đường", "duong"),
            ("dương", "duong"),
            ("Ðà", "da"),
            ("hóa", "hoa"),
            ("hoá", "hoa"),
        ];
        for (input, want) in cases {
            assert_eq!(folded_form(input), want, "{input}");
        }
    }
}

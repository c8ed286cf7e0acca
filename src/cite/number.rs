//! The number scanner: from one `/` in raw text to a document number and symbol as
//! written (`125/2021/NĐ-CP`, `3565 /QĐ -UBND`, `45/2023/NĐ-\nCP`, `11-NQ/TW`), or
//! nothing for a date, a ratio, a path or a word (`28/12/2021`, `113 nam/100 nữ`,
//! `đồng/tháng`). A token says what matched and where; its canonical key is `key.rs`'s.

use super::parts;
use super::window::{is_any_gap, is_dash, is_inline_gap, lower, skip_backward, skip_forward};
use crate::vi::boundary::{char_at, char_before};
use crate::vi::lookalike::to_latin;
use crate::vocab::doc_types;

/// The three shapes a document number takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumberShape {
    /// `125/2021/NĐ-CP`: number, year, symbol.
    WithYear,
    /// `131/KH-UBND`: number and symbol, no year (administrative documents).
    NoYear,
    /// `11-NQ/TW`: Party documents, number-type/organ.
    Party,
}

/// A document number and symbol as found in the text, before canonicalisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NumberToken {
    /// Byte offset of the first digit.
    pub start: usize,
    /// Byte offset just past the last symbol part.
    pub end: usize,
    pub shape: NumberShape,
    /// Digits (and dots, `66.16`) as written.
    pub number: String,
    /// Four-digit year for [`NumberShape::WithYear`].
    pub year: Option<String>,
    /// The type code of a Party number (`NQ` in `11-NQ/TW`), as written.
    pub party_type: Option<String>,
    /// Symbol parts as written, `%C4%90` already decoded: `["NĐ", "CP"]`.
    pub parts: Vec<String>,
}

/// Reads the number whose `/` is at byte `slash`: `Nghị định số 125/2021/NĐ-CP` at the
/// first `/` gives `125`, `2021`, `["NĐ", "CP"]`. Also `3565 /QĐ -UBND`, `**48** /KH-UBND`,
/// `45/2023/NĐ-\nCP`, `318/SLĐTBXH – BTXH`, `66.16/2026/NQ-CP` and, at the `/` of a
/// Party number, `11-NQ/TW`. Dates (`28/12/2021`), ratios (`113 nam/100 nữ`,
/// `55/100.000`) and words (`đồng/tháng`) give `None`.
pub(crate) fn number_at_slash(text: &str, slash: usize) -> Option<NumberToken> {
    if text.as_bytes().get(slash) != Some(&b'/') {
        return None;
    }
    // A number may end a line and its `/` open the next (`125\n/2021/NĐ-CP`).
    let digits_end = skip_backward(text, slash, is_any_gap, 8);
    let code_end = skip_backward(text, slash, is_inline_gap, 8);
    match char_before(text, digits_end) {
        Some((_, c)) if c.is_ascii_digit() => state_number(text, slash, digits_end),
        _ => match char_before(text, code_end) {
            Some((_, c)) if c.is_alphabetic() => party_number(text, slash, code_end),
            _ => None,
        },
    }
}

/// `125/2021/NĐ-CP` or `131/KH-UBND`; `digits_end` is just past the number's last digit.
fn state_number(text: &str, slash: usize, digits_end: usize) -> Option<NumberToken> {
    let start = number_start(text, digits_end)?;
    if !number_boundary_ok(text, start) {
        return None;
    }
    let after_slash = skip_forward(text, slash + 1, is_any_gap, 12);
    let (year, symbol_start) = match char_at(text, after_slash) {
        Some(c) if c.is_ascii_digit() => {
            let year_end = skip_forward(text, after_slash, |c| c.is_ascii_digit(), 8);
            let year = &text[after_slash..year_end];
            if year.len() != 4 || !(year.starts_with("19") || year.starts_with("20")) {
                return None;
            }
            let second_slash = skip_forward(text, year_end, is_any_gap, 8);
            if char_at(text, second_slash) != Some('/') {
                return None;
            }
            let after = skip_forward(text, second_slash + 1, is_any_gap, 12);
            (Some(year.to_string()), skip_page_header(text, after))
        }
        _ => (None, after_slash),
    };
    let (parts, end) = symbol_at(text, symbol_start)?;
    Some(NumberToken {
        start,
        end,
        shape: if year.is_some() {
            NumberShape::WithYear
        } else {
            NumberShape::NoYear
        },
        number: text[start..digits_end].to_string(),
        year,
        party_type: None,
        parts,
    })
}

/// `11-NQ/TW`, `04-TT/Tu`; `code_end` is just past the type code, before the `/`.
fn party_number(text: &str, slash: usize, code_end: usize) -> Option<NumberToken> {
    let code_start = skip_backward(text, code_end, char::is_alphabetic, 12);
    let code = &text[code_start..code_end];
    if !is_party_type_code(code) {
        return None;
    }
    let dash_end = skip_backward(text, code_start, is_inline_gap, 4);
    let (dash, c) = char_before(text, dash_end)?;
    if !is_dash(c) {
        return None;
    }
    let digits_end = skip_backward(text, dash, is_inline_gap, 4);
    let start = number_start(text, digits_end)?;
    if text[start..digits_end].contains('.') || !number_boundary_ok(text, start) {
        return None;
    }
    let symbol_start = skip_forward(text, slash + 1, is_any_gap, 8);
    let (parts, end) = symbol_at(text, symbol_start)?;
    Some(NumberToken {
        start,
        end,
        shape: NumberShape::Party,
        number: text[start..digits_end].to_string(),
        year: None,
        party_type: Some(code.to_string()),
        parts,
    })
}

fn is_party_type_code(code: &str) -> bool {
    let Some(first) = code.chars().next() else {
        return false;
    };
    if !to_latin(first).is_uppercase() {
        return false;
    }
    let canonical = parts::canonical_part(code);
    doc_types::by_party_code(&canonical).is_some()
}

/// Start of the digits (and inner dots, `66.16`) that end at `end`; at most 8 digits.
fn number_start(text: &str, end: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = end;
    let mut digits = 0;
    while i > 0 {
        let b = bytes[i - 1];
        if b.is_ascii_digit() {
            digits += 1;
            i -= 1;
        } else if b == b'.' && i >= 2 && i < end && bytes[i - 2].is_ascii_digit() && bytes[i].is_ascii_digit()
        {
            i -= 1;
        } else {
            break;
        }
    }
    (1..=8).contains(&digits).then_some(i)
}

/// A number must stand on its own: not glued to a word (`ABC12/…`; but `số12/…` is
/// fine), a path (`x/12/…`), a URL escape (`%2046/…`) or a range (`501-502/…`).
fn number_boundary_ok(text: &str, start: usize) -> bool {
    let p = skip_backward(text, start, |c| c == '*', 4);
    let Some((_, c)) = char_before(text, p) else {
        return true;
    };
    if c.is_alphanumeric() {
        let word_start = skip_backward(text, p, char::is_alphanumeric, 12);
        let word = &text[word_start..p];
        return word.chars().map(lower).eq("số".chars());
    }
    if matches!(c, '/' | '%' | '_' | '=' | '&' | '\\' | '+' | '#' | '@') {
        return false;
    }
    // `501-502/PCTNXH` (a range), `QCVN 06:2012/BLĐTBXH` and `QCVN 01 - 2008/BLĐTBXH`
    // (technical standards).
    let joint = skip_backward(text, p, is_inline_gap, 3);
    match char_before(text, joint) {
        Some((j, c)) if is_dash(c) || (c == ':' && joint == p) => {
            let digits_end = skip_backward(text, j, is_inline_gap, 3);
            !matches!(char_before(text, digits_end), Some((_, d)) if d.is_ascii_digit())
        }
        _ => true,
    }
}

/// Reads `NĐ-CP`, `SLĐTBXH – BTXH`, `TTLT-VKSNDTC-\nTANDTC-BCA`: parts joined by dashes,
/// spaces allowed around a dash and a line break after it. Returns the parts as written
/// and the offset just past the last one.
fn symbol_at(text: &str, start: usize) -> Option<(Vec<String>, usize)> {
    let (first, mut end) = part_at(text, start)?;
    if !is_symbol_part(&first, true) {
        return None;
    }
    let mut parts = vec![first];
    while parts.len() < 10 {
        let dash_at = skip_forward(text, end, is_inline_gap, 6);
        let Some(c) = char_at(text, dash_at).filter(|c| is_dash(*c)) else {
            break;
        };
        let next_at = skip_page_header(text, skip_forward(text, dash_at + c.len_utf8(), is_any_gap, 8));
        match part_at(text, next_at) {
            Some((part, part_end)) if is_symbol_part(&part, false) => {
                parts.push(part);
                end = part_end;
            }
            _ => break,
        }
    }
    // A symbol glued to `%`, `_`, `=` or `.html` is part of a URL or a file name.
    match char_at(text, end) {
        Some('%' | '_' | '=' | '&' | '@') => return None,
        Some('.') if char_at(text, end + 1).is_some_and(|c| c.is_ascii_lowercase()) => {
            return None;
        }
        _ => {}
    }
    Some((parts, end))
}

/// Skips a Gazette page break that splits a symbol (`TT-\n\nCÔNG BÁO/Số 298/Ngày
/// 01-06-2026 \n31\n \nBNNMT`): header lines and page numbers at `pos`, if `pos` opens a
/// line. Returns `pos` unchanged otherwise.
fn skip_page_header(text: &str, pos: usize) -> usize {
    if !matches!(char_before(text, pos), Some((_, '\n'))) {
        return pos;
    }
    let mut at = pos;
    for _ in 0..6 {
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let line = text[at..line_end].trim();
        let header = line.starts_with("CÔNG BÁO") || line.chars().all(|c| c.is_ascii_digit());
        if !header || line_end >= text.len() {
            break;
        }
        at = line_end + 1;
    }
    if at == pos {
        pos
    } else {
        skip_forward(text, at, is_any_gap, 16)
    }
}

/// One run of letters and digits; `%C4%90` (a URL-escaped `Đ`) reads as `Đ`, an `&`
/// between capitals is skipped (`BVHTT&DL` → `BVHTTDL`), and a
/// `ngày` glued on by OCR (`NĐ-Cpngày`) is left out.
fn part_at(text: &str, start: usize) -> Option<(String, usize)> {
    let mut part = String::new();
    let mut i = start;
    while let Some(rest) = text.get(i..) {
        let escaped_d = rest.as_bytes().get(..6);
        if escaped_d.is_some_and(|b| b.eq_ignore_ascii_case(b"%C4%90")) {
            part.push('Đ');
            i += 6;
            continue;
        }
        let mut chars = rest.chars();
        match chars.next() {
            Some(c) if c.is_alphanumeric() && part.len() < 64 => {
                part.push(c);
                i += c.len_utf8();
            }
            // `BVHTT&DL`: an ampersand between capitals joins, and is left out.
            Some('&')
                if part.chars().last().is_some_and(char::is_uppercase)
                    && chars.next().is_some_and(char::is_uppercase) =>
            {
                i += 1;
            }
            _ => break,
        }
    }
    if part.is_empty() {
        return None;
    }
    const GLUED: &str = "ngày";
    if part.len() > GLUED.len()
        && part.is_char_boundary(part.len() - GLUED.len())
        && part[part.len() - GLUED.len()..]
            .chars()
            .map(lower)
            .eq(GLUED.chars())
    {
        part.truncate(part.len() - GLUED.len());
        i -= GLUED.len();
    }
    Some((part, i))
}

/// Whether a run of letters can be a symbol part: all capitals (`UBND`, `QH14`), mixed
/// case with two capitals (`TTg`, `CTr`, `KTr2`) or a known part typed oddly (`Tu`, `Cp`).
/// `Ngày`, `Sở`, `Trading` are words, not parts. Digits alone may follow a dash only.
fn is_symbol_part(part: &str, first: bool) -> bool {
    let mut chars = part.chars().map(to_latin);
    let Some(lead) = chars.next() else {
        return false;
    };
    let (mut length, mut letters, mut capitals) = (0, 0, 0);
    for c in std::iter::once(lead).chain(chars) {
        length += 1;
        letters += usize::from(c.is_alphabetic());
        capitals += usize::from(c.is_uppercase());
    }
    if length > 16 {
        return false;
    }
    if letters == 0 {
        return !first;
    }
    if (lead.is_alphabetic() && !lead.is_uppercase()) || (first && !lead.is_alphabetic()) {
        return false;
    }
    capitals == letters || capitals >= 2 || parts::is_known_part(&parts::canonical_part(part))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(text: &str) -> Option<NumberToken> {
        let slash = text.find('/')?;
        number_at_slash(text, slash)
    }

    #[test]
    fn numbers_and_symbols() {
        /// (input, expected (number, year, parts)).
        type Row<'a> = (&'a str, Option<(&'a str, Option<&'a str>, &'a [&'a str])>);
        let cases: &[Row] = &[
            ("125/2021/NĐ-CP", Some(("125", Some("2021"), &["NĐ", "CP"]))),
            ("3565 /QĐ -UBND", Some(("3565", None, &["QĐ", "UBND"]))),
            ("45/2023/NĐ-\nCP", Some(("45", Some("2023"), &["NĐ", "CP"]))),
            ("318/SLĐTBXH – BTXH", Some(("318", None, &["SLĐTBXH", "BTXH"]))),
            ("**48** /KH-UBND", Some(("48", None, &["KH", "UBND"]))),
            ("66.16/2026/NQ-CP", Some(("66.16", Some("2026"), &["NQ", "CP"]))),
            (
                "02/2025/ \nTT- BLĐTBXH",
                Some(("02", Some("2025"), &["TT", "BLĐTBXH"])),
            ),
            ("23/2024/NĐ-Cpngày 1", Some(("23", Some("2024"), &["NĐ", "Cp"]))),
            ("403/BTXH - Sở", Some(("403", None, &["BTXH"]))),
            ("số12/KH-UBND", Some(("12", None, &["KH", "UBND"]))),
            ("67/1998/Q%C4%90-TTg", Some(("67", Some("1998"), &["QĐ", "TTg"]))),
            ("4347/QĐ-BVHTT&DL ngày", Some(("4347", None, &["QĐ", "BVHTTDL"]))),
            (
                "01/2026/TT-\n\nCÔNG BÁO/Số 298/Ngày 01-06-2026 \n31\n \nBNNMT ngày",
                Some(("01", Some("2026"), &["TT", "BNNMT"])),
            ),
            ("12/QĐ-UBND&id=3", None),
            ("28/12/2021", None),
            ("113 nam/100 nữ", None),
            ("55/100.000", None),
            ("15 đồng/tháng", None),
            ("199 + 200/Ngày 02", None),
            ("1/ Họ và tên", None),
            ("%2046/2015/QĐ-TTg", None),
            ("501-502/PCTNXH", None),
            ("QCVN 06:2012/BLĐTBXH", None),
            ("125\n/2021/NĐ-CP", Some(("125", Some("2021"), &["NĐ", "CP"]))),
            ("QCVN 01 - 2008/BLĐTBXH", None),
            ("12/QĐ-UBND.html", None),
            ("Số:    /QĐ-UBND", None),
        ];
        for (input, expected) in cases {
            let got = token(input).map(|t| (t.number, t.year, t.parts));
            let want = expected.map(|(n, y, p)| {
                (
                    n.to_string(),
                    y.map(str::to_string),
                    p.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                )
            });
            assert_eq!(got, want, "input {input:?}");
        }
    }

    #[test]
    fn party_numbers() {
        let t = token("Nghị quyết 11-NQ/TW ngày").expect("party number");
        assert_eq!(t.shape, NumberShape::Party);
        assert_eq!((t.number.as_str(), t.party_type.as_deref()), ("11", Some("NQ")));
        assert_eq!(t.parts, ["TW"]);
        let t = token("Thông tri số 04-TT/Tu ngày").expect("party number");
        assert_eq!(t.parts, ["Tu"]);
        assert!(token("COVID-19/2020").is_none());
        assert!(token("V/v hướng dẫn").is_none());
    }
}

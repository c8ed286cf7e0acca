//! The header's number and symbol on its `Số:` line, read with cite's scanner and
//! written as its canonical key (`Số: 48 /KH-UBND` → `48/KH-UBND`, `NÐ-CP` → `NĐ-CP`), so
//! that the header, the document's own number and the citations of it are one key; a
//! symbol broken after its hyphen is joined to the next line, a blank template
//! (`Số: /QĐ-UBND`) refused. Also the closing `XÁC THỰC VĂN BẢN HỢP NHẤT` block of a consolidated text,
//! whose number and date are the text's own, and the year a symbol states (`34/2025/…`).

use std::sync::LazyLock;

use regex::Regex;

use super::date_place::{DateLine, find_date_line};
use crate::cite::{canonical_key, numbers_in};
use crate::understand::number::only_marks;

static NUMBER_LINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:Số|SỐ)\s*(:|：)?\s*(.*)$").unwrap());

static YEAR_IN_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"/((?:19|20)\d{2})/").unwrap());

/// The text after `Số:` when the line is a number line (`Số: 70/KH-UBND`, `Số:` alone,
/// the template `Số:    /QĐ-UBND`), else None. Without a colon the rest must be one
/// number (`Số 12/KH-UBND`): `Số 1, Hoàng Hoa Thám` is an address.
pub(super) fn number_line_rest(line: &str) -> Option<&str> {
    let caps = NUMBER_LINE.captures(line)?;
    let rest = caps.get(2).map_or("", |m| m.as_str());
    let colon = caps.get(1).is_some();
    let starts_like_number =
        rest.starts_with(|c: char| c.is_ascii_digit() || c == '/' || c == '.' || c == '…');
    let ok = if colon {
        rest.is_empty() || starts_like_number
    } else {
        canonical_key(rest).is_some()
    };
    ok.then_some(rest)
}

pub(super) fn read_number_at(lines: &[&str], i: usize) -> Option<String> {
    let rest = number_line_rest(lines[i])?;
    let next = (i + 1..lines.len().min(i + 4))
        .map(|j| lines[j])
        .find(|l| !l.is_empty());
    if rest.is_empty() {
        // `Số:` with the number on the next line (tvpl tables).
        let next = next?;
        let after = (i + 2..lines.len().min(i + 5))
            .map(|j| lines[j])
            .find(|l| !l.is_empty());
        return clean_number(next, after);
    }
    clean_number(rest, next)
}

/// The number at the start of `text`, read with cite's scanner and written as its
/// canonical key, as citations of it are (`48 /KH-UBND` → `48/KH-UBND`, `NÐ` → `NĐ`); a
/// symbol broken after its hyphen takes its tail from `next`; a blank template number
/// (`/QĐ-UBND`) is None.
pub(super) fn clean_number(text: &str, next: Option<&str>) -> Option<String> {
    let joined;
    let text = match next {
        Some(next) if text.trim_end().ends_with(['-', '–', '—', '/']) => {
            joined = format!("{}\n{next}", text.trim_end());
            joined.as_str()
        }
        _ => text,
    };
    let first = numbers_in(text, 0..text.len()).into_iter().next()?;
    only_marks(&text[..first.start]).then_some(first.key)
}

pub(super) fn year_in_number(number: &str) -> Option<i32> {
    YEAR_IN_NUMBER.captures(number)?.get(1)?.as_str().parse().ok()
}

pub(super) struct Vbhn {
    pub(super) number: String,
    pub(super) number_line: usize,
    pub(super) date: Option<DateLine>,
}

/// The closing block of a consolidated text: `Số: 12/VBHN-BTC`, `XÁC THỰC VĂN BẢN HỢP
/// NHẤT`, `Hà Nội, ngày 22 tháng 4 năm 2026`, in either order.
pub(super) fn find_vbhn_block(lines: &[&str]) -> Option<Vbhn> {
    let at = lines
        .iter()
        .position(|l| l.starts_with("XÁC THỰC VĂN BẢN HỢP NHẤT"))?;
    let from = at.saturating_sub(8);
    let to = lines.len().min(at + 8);
    let (number_line, number) = (from..to)
        .filter_map(|i| read_number_at(lines, i).map(|n| (i, n)))
        .find(|(_, n)| n.contains("VBHN"))?;
    Some(Vbhn {
        number,
        number_line,
        date: find_date_line(lines, from, to),
    })
}

#[cfg(test)]
mod tests {
    use crate::understand::header::tests::header;

    #[test]
    fn number_as_a_table() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Số: 70/KH-UBND\n", Some("70/KH-UBND")),
            ("Số:1016/CTr-BCĐ\n", Some("1016/CTr-BCĐ")),
            ("Số: **48** /KH-UBND\n", Some("48/KH-UBND")),
            ("Số: 01 /BVSTBPN-VP\n", Some("01/BVSTBPN-VP")),
            ("Số:\n34/2025/NQ-HĐND\n", Some("34/2025/NQ-HĐND")),
            (
                "Số: 01/2022/TTLT-VKSNDTC-\nTANDTC-BCA-BQP-BLĐTBXH\n",
                Some("01/2022/TTLT-VKSNDTC-TANDTC-BCA-BQP-BLĐTBXH"),
            ),
            ("Số: 318/SLĐTBXH – BTXH\n", Some("318/SLĐTBXH-BTXH")),
            ("Số: 12/2022/NÐ-CP\n", Some("12/2022/NĐ-CP")),
            ("Số: 66.16/2026/NQ-CP\n", Some("66.16/2026/NQ-CP")),
            ("Số:    /QĐ-UBND\n", None),
            ("Số: ........ /QĐ-UBND\n", None),
            ("Số 1, Hoàng Hoa Thám, Ba Đình\n", None),
            (
                "Số hiệu:\n\n4014/QĐ-BTC\n\nLoại văn bản:\n\nQuyết định\n",
                Some("4014/QĐ-BTC"),
            ),
            ("", None),
        ];
        for (input, want) in cases {
            assert_eq!(header(input).number.as_deref(), *want, "{input:?}");
        }
    }
}

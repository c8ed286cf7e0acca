//! The subject line (trích yếu): the rest of the type line and the lines under it up to a
//! blank line, the enacting authority or the body; for a letter, its `V/v …` subject.
//! Titles are kept as written (an all-caps title stays all caps).

use std::sync::LazyLock;

use regex::Regex;

use super::date_place::PLACE_COMMA;
use super::doc_type::TypeLine;
use super::lines::{BODY_OPENER, LIST_MARKER, TITLE_BREAKER, is_caps, is_national_motto};
use super::number_line::number_line_rest;

static SUBJECT_LINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[Vv]/[Vv]\s*[:.]?\s*(.*)$").unwrap());

/// Lines that name the enacting authority under the title (`CHỦ TỊCH ỦY BAN NHÂN DÂN …`).
const AUTHORITIES: &[&str] = &[
    "CHỦ TỊCH",
    "BỘ TRƯỞNG",
    "THỦ TƯỚNG",
    "CHÍNH PHỦ",
    "HỘI ĐỒNG NHÂN DÂN",
    "ỦY BAN NHÂN DÂN",
    "UỶ BAN NHÂN DÂN",
    "ỦY BAN THƯỜNG VỤ",
    "BAN THƯỜNG VỤ",
    "CỤC TRƯỞNG",
    "TỔNG CỤC TRƯỞNG",
    "GIÁM ĐỐC",
    "TỔNG GIÁM ĐỐC",
    "VIỆN TRƯỞNG",
    "CHÁNH ÁN",
    "TRƯỞNG BAN",
    "THỐNG ĐỐC",
    "QUỐC HỘI",
];

/// The trích yếu: the rest of the type line and the lines after it, up to a blank line,
/// the authority line or the first body line.
pub(super) fn read_title(lines: &[&str], t: &TypeLine) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    if !t.rest.is_empty() {
        parts.push(&t.rest);
    }
    for &l in lines.iter().skip(t.line + 1).take(14) {
        if l.is_empty() {
            if parts.is_empty() {
                continue;
            }
            break;
        }
        let prev_ends_open = parts.last().is_some_and(|p| {
            let last = p.split_whitespace().last().unwrap_or("");
            matches!(
                last,
                "CỦA" | "VÀ" | "VỀ" | "CHO" | "TẠI" | "TRONG" | "THUỘC" | "-"
            ) || p.ends_with(',')
        });
        let authority = AUTHORITIES.iter().any(|a| l.starts_with(a)) && !prev_ends_open;
        // A title may itself start `Thực hiện …` (seed 001); only a basis, an address or
        // an outline item ends it before it has begun.
        let opener = if parts.is_empty() {
            TITLE_BREAKER.is_match(l)
        } else {
            BODY_OPENER.is_match(l)
        };
        if authority || l == "#" || opener || LIST_MARKER.is_match(l) {
            break;
        }
        parts.push(l);
        if parts.len() >= 10 {
            break;
        }
    }
    let title = parts.join(" ");
    let title = title.trim().trim_end_matches(':').trim();
    (!title.is_empty()).then(|| title.to_string())
}

/// The subject of a letter: `V/v …` (or `Về …` right under the number), joined over its
/// lines, without the `V/v`.
pub(super) fn find_subject(
    lines: &[&str],
    from: usize,
    to: usize,
    number_line: Option<usize>,
) -> Option<String> {
    let to = to.min(lines.len());
    let after_number = number_line.and_then(|n| (n + 1..to).find(|&j| !lines[j].is_empty()));
    let (at, first) = (from..to).find_map(|i| {
        if let Some(c) = SUBJECT_LINE.captures(lines[i]) {
            return Some((i, c.get(1).map_or("", |m| m.as_str()).to_string()));
        }
        let ve = lines[i].strip_prefix("Về ").filter(|_| Some(i) == after_number)?;
        Some((i, ve.to_string()))
    })?;
    let mut parts = vec![first];
    for &l in lines.iter().skip(at + 1).take(4) {
        let stop = l.is_empty()
            || PLACE_COMMA.captures(l).is_some_and(|c| {
                c.get(2)
                    .is_some_and(|r| r.as_str().to_lowercase().starts_with("ngày") || r.as_str().is_empty())
                    && !l.ends_with('.')
            })
            || l.starts_with("Kính")
            || number_line_rest(l).is_some()
            || is_national_motto(l)
            || is_caps(l)
            || BODY_OPENER.is_match(l);
        if stop {
            break;
        }
        parts.push(l.to_string());
    }
    let s = parts.join(" ");
    let s = s.trim().trim_end_matches(['.', ';']).trim();
    (!s.is_empty()).then(|| s.to_string())
}

#[cfg(test)]
mod tests {
    use crate::understand::header::tests::header;

    #[test]
    fn title_as_a_table() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "Số: 1/KH-UBND\nHà Nội, ngày 1 tháng 1 năm 2022\n\nKẾ HOẠCH\nTHỰC HIỆN CÔNG TÁC\nNĂM 2022\nThực hiện Kế hoạch số 131\n",
                Some("THỰC HIỆN CÔNG TÁC NĂM 2022"),
            ),
            (
                "Số: 1/KH-UBND\n\nKẾ HOẠCH\n\nTriển khai công tác năm 2022\n\nThực hiện\n",
                Some("Triển khai công tác năm 2022"),
            ),
            (
                "Số:1016/CTr-BCĐ\n\nCHƯƠNG TRÌNH Công tác năm 2017\n\nCăn cứ Công văn\n",
                Some("Công tác năm 2017"),
            ),
            (
                "Số: 397/SLĐTBXH-TEBĐG\nV/v hướng dẫn thực hiện công tác bình\nđẳng giới năm 2020\n\nThanh Hóa, ngày 20 tháng 02 năm 2020\n",
                Some("hướng dẫn thực hiện công tác bình đẳng giới năm 2020"),
            ),
            (
                "Số: 1/QĐ-UBND\nHuế, ngày 1 tháng 1 năm 2025\nQUYẾT ĐỊNH\nSỬA ĐỔI QUYẾT ĐỊNH CỦA\nCHỦ TỊCH UBND THÀNH PHỐ VỀ VIỆC X\nCHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ\nCăn cứ\n",
                Some("SỬA ĐỔI QUYẾT ĐỊNH CỦA CHỦ TỊCH UBND THÀNH PHỐ VỀ VIỆC X"),
            ),
            ("Số: 1/KH-UBND\n", None),
        ];
        for (input, want) in cases {
            assert_eq!(header(input).title.as_deref(), *want, "{input:?}");
        }
    }
}

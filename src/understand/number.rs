//! A document's own number and symbol, read with the citation scanner
//! ([`crate::cite::numbers_in`]) so that the plan and every citation of it meet on one
//! canonical key, and so that the document's own number, wherever it appears again
//! (`Số: 175/NQ-CP` in the header, `Kèm theo Nghị quyết số 175/NQ-CP` over an annex,
//! the closing block of a consolidated text), is known to be its own and not a citation.
//!
//! Where the number is looked for, first found wins:
//!
//! 1. a consolidated text (văn bản hợp nhất): the `VBHN` number of its closing
//!    `XÁC THỰC VĂN BẢN HỢP NHẤT` block (its header reprints the original's);
//! 2. a labelled line in the header: `Số: 70/KH-UBND`, `Luật số: 51/2024/QH15`,
//!    `Nghị quyết số: 78/2025/UBTVQH15`, a label alone on its line with the number on
//!    the next (`Số hiệu:` tables); then, before the body starts, the unlabelled
//!    `Thông tư số 102/2018/TT-BTC ngày …` heading a Gazette continuation;
//! 3. the parent named over the annexes (`ban hành kèm theo Nghị quyết số 99/NQ-CP`),
//!    the one named most often, for a text that is only its annexes;
//! 4. the file name, when it is a Gazette or vbpl address (`nghi-quyet-so-99-nq-cp-469343`):
//!    some Gazette PDFs carry their first page only as an image.
//!
//! This module reads text and a file name only; it does not decide what the number
//! means for the citations (`understand` drops those that are the document itself).

use std::collections::HashMap;
use std::ops::Range;

use crate::cite::{NumberAt, canonical_key, is_consolidated, numbers_in};

/// How far into the text a header number is looked for.
const HEADER_BYTES: usize = 8_000;

/// Where a document's own number was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberSource {
    /// The closing block of a consolidated text.
    ConsolidatedBlock,
    /// A labelled line of the header.
    Header,
    /// The parent the annexes name.
    Annex,
    /// The file's name.
    FileName,
}

/// A document's own number and where it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnNumber {
    /// Canonical key, as for citations: `125/2021/NĐ-CP`.
    pub key: String,
    pub source: NumberSource,
}

/// The number of the document `file` whose decoded text is `text`, or `None`.
///
/// ```
/// use plancite::understand::number::{own_number, NumberSource};
/// let text = "QUỐC HỘI\nLuật số: 51/2024/QH15\nLUẬT\nCăn cứ Hiến pháp;\n";
/// let own = own_number("a.txt", text).unwrap();
/// assert_eq!((own.key.as_str(), own.source), ("51/2024/QH15", NumberSource::Header));
/// let annex = "Phụ lục I\n(Ban hành kèm theo Nghị quyết số 99/NQ-CP ngày 1/4/2026)\n";
/// assert_eq!(own_number("a.txt", annex).unwrap().key, "99/NQ-CP");
/// let image_only = own_number("hd/nghi-quyet-so-115-nq-cp-469452.txt", "TM. CHÍNH PHỦ\n");
/// assert_eq!(image_only.unwrap().key, "115/NQ-CP");
/// ```
pub fn own_number(file: &str, text: &str) -> Option<OwnNumber> {
    let found = |key: String, source| OwnNumber { key, source };
    let consolidated = is_consolidated(text);
    if consolidated {
        if let Some(key) = consolidated_block_number(text) {
            return Some(found(key, NumberSource::ConsolidatedBlock));
        }
    } else {
        if let Some(key) = header_number(text) {
            return Some(found(key, NumberSource::Header));
        }
        if let Some(key) = annex_parent(text) {
            return Some(found(key, NumberSource::Annex));
        }
    }
    file_name_number(file).map(|key| found(key, NumberSource::FileName))
}

/// The `…/VBHN-…` number near the closing `XÁC THỰC VĂN BẢN HỢP NHẤT` block.
fn consolidated_block_number(text: &str) -> Option<String> {
    let at = text.rfind("XÁC THỰC VĂN BẢN HỢP NHẤT")?;
    let window = floor(text, at.saturating_sub(1_200))..floor(text, at + 1_200);
    numbers_in(text, window)
        .into_iter()
        .map(|n| n.key)
        .find(|key| key.contains("/VBHN-"))
}

/// The number on a labelled header line: first one with a colon (`Số:`, `Luật số:`)
/// anywhere in the header, else one without (`Số 12/KH-UBND`, `Thông tư số …`) on a
/// line before the body opens.
fn header_number(text: &str) -> Option<String> {
    let lines = header_lines(text);
    let mut unlabelled_colon = None;
    for (i, line) in lines.iter().enumerate() {
        let label = line_label(text, line.range.clone());
        match label {
            Label::Alone => {
                // `Số:` alone, the number at the start of the next non-blank line.
                let Some(next) = lines[i + 1..].iter().find(|l| !l.blank) else {
                    continue;
                };
                let first = numbers_in(text, next.range.clone()).into_iter().next();
                if let Some(n) = first.filter(|n| only_marks(&text[next.range.start..n.start])) {
                    return Some(n.key);
                }
            }
            Label::WithColon(n) => return Some(n.key),
            Label::WithoutColon(n) if !line.in_body && unlabelled_colon.is_none() => {
                unlabelled_colon = Some(n.key);
            }
            _ => {}
        }
    }
    unlabelled_colon
}

struct Line {
    range: Range<usize>,
    blank: bool,
    /// The body has opened at or before this line (`Căn cứ …`, `Điều 1.`).
    in_body: bool,
}

/// The lines of the first [`HEADER_BYTES`] of `text`.
fn header_lines(text: &str) -> Vec<Line> {
    let limit = floor(text, HEADER_BYTES);
    let mut lines = Vec::new();
    let mut in_body = false;
    let mut start = 0;
    while start < limit {
        let end = text[start..limit].find('\n').map_or(limit, |i| start + i);
        let head = text[start..end].trim_start_matches(|c: char| c.is_whitespace() || "*|#>-+".contains(c));
        in_body = in_body || opens_body(head);
        lines.push(Line {
            range: start..end,
            blank: !head.chars().any(char::is_alphanumeric),
            in_body,
        });
        start = end + 1;
    }
    lines
}

/// Whether a line opens the body of a document.
fn opens_body(head: &str) -> bool {
    const OPENERS: &[&str] = &[
        "Căn cứ",
        "CĂN CỨ",
        "Điều 1",
        "Chương I",
        "Thực hiện",
        "Kính gửi",
        "Theo đề nghị",
        "Xét đề nghị",
    ];
    OPENERS.iter().any(|w| head.starts_with(w))
}

enum Label {
    None,
    /// `Số:` or `Số hiệu:` alone on the line.
    Alone,
    WithColon(NumberAt),
    WithoutColon(NumberAt),
}

/// What labels the first number of a line: `Số:`, `<type> số:`, `Số` …
fn line_label(text: &str, line: Range<usize>) -> Label {
    let first = numbers_in(text, line.clone()).into_iter().next();
    let before_end = first.as_ref().map_or(line.end, |n| n.start);
    let before = text[line.start..before_end].trim_matches(|c: char| c.is_whitespace() || "*|#>".contains(c));
    let (label, colon) = match before.strip_suffix([':', '：']) {
        Some(label) => (
            label.trim_end_matches(|c: char| c.is_whitespace() || c == '*'),
            true,
        ),
        None => (before, false),
    };
    let lower = label.to_lowercase();
    let Some(head) = lower.strip_suffix("số hiệu").or_else(|| lower.strip_suffix("số")) else {
        return Label::None;
    };
    let head = head.trim();
    if !head.is_empty() && !is_type_word(head) {
        return Label::None;
    }
    match (first, colon) {
        (None, true) if head.is_empty() => Label::Alone,
        (None, _) => Label::None,
        (Some(n), true) => Label::WithColon(n),
        (Some(n), false) if !head.is_empty() || before.len() == label.len() => Label::WithoutColon(n),
        (Some(_), false) => Label::None,
    }
}

/// A document type written before `số` on a number line: `Luật`, `Nghị quyết`.
fn is_type_word(lower: &str) -> bool {
    const TYPES: &[&str] = &[
        "luật",
        "bộ luật",
        "pháp lệnh",
        "lệnh",
        "nghị quyết",
        "nghị quyết liên tịch",
        "nghị định",
        "quyết định",
        "thông tư",
        "thông tư liên tịch",
        "chỉ thị",
        "thông báo",
        "văn bản hợp nhất",
        "kế hoạch",
        "công văn",
    ];
    TYPES.contains(&lower)
}

/// Whether `s` holds only spaces and layout marks (`*`, `|`, `#`, `>`): what may stand
/// between a label and its number.
pub(crate) fn only_marks(s: &str) -> bool {
    s.chars().all(|c| c.is_whitespace() || "*|#>".contains(c))
}

/// The document that `kèm theo …` names most often (ties: the first named), for a text
/// that is the annexes of its parent.
fn annex_parent(text: &str) -> Option<String> {
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    for needle in ["kèm theo", "Kèm theo", "KÈM THEO"] {
        for (at, _) in text.match_indices(needle) {
            let window = at + needle.len()..floor(text, at + needle.len() + 80);
            if let Some(n) = numbers_in(text, window).into_iter().next() {
                let entry = counts.entry(n.key).or_insert((0, at));
                entry.0 += 1;
                entry.1 = entry.1.min(at);
            }
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)))
        .map(|(key, _)| key)
}

/// The number in a Gazette or vbpl file name: `…-so-158-2025-nd-cp-45240` →
/// `158/2025/NĐ-CP`, `…-so-99-nq-cp-469343` → `99/NQ-CP`. The trailing page id is
/// required, so that a name merely containing `so` is not read.
pub fn file_name_number(file: &str) -> Option<String> {
    let name = file.rsplit(['/', '\\']).next()?;
    let stem = name.split('.').next()?;
    let words: Vec<&str> = stem.split('-').collect();
    let so = words.iter().rposition(|w| *w == "so")?;
    let rest = &words[so + 1..];
    let (page_id, rest) = rest.split_last()?;
    if page_id.len() < 4 || !page_id.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (number, rest) = rest.split_first()?;
    if !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (year, parts) = match rest.split_first() {
        Some((year, parts))
            if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) && !parts.is_empty() =>
        {
            (Some(*year), parts)
        }
        _ => (None, rest),
    };
    if parts.is_empty()
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_alphanumeric()))
    {
        return None;
    }
    let symbol = parts.join("-").to_ascii_uppercase();
    let written = match year {
        Some(year) => format!("{number}/{year}/{symbol}"),
        None => format!("{number}/{symbol}"),
    };
    canonical_key(&written)
}

fn floor(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (file, text) → (key, source). Real header shapes from `../shared/realarchive`.
    #[test]
    fn table() {
        use NumberSource::*;
        type Row<'a> = (&'a str, &'a str, Option<(&'a str, NumberSource)>);
        let rows: &[Row] = &[
            (
                "a.txt",
                "BỘ NỘI VỤ\nSố: 07/2026/TT-BNV\nHà Nội, ngày 05 tháng 5 năm 2026",
                Some(("07/2026/TT-BNV", Header)),
            ),
            (
                "a.txt",
                " QUỐC HỘI \n\nLuật số: 51/2024/QH15 \n\nLUẬT\nCăn cứ Hiến pháp;",
                Some(("51/2024/QH15", Header)),
            ),
            (
                "a.txt",
                "ỦY BAN THƯỜNG VỤ QUỐC HỘI\nNghị quyết số: 78/2025/UBTVQH15\nNGHỊ QUYẾT\nVề việc … trước ngày\nLuật Bảo hiểm xã hội số 41/2024/QH15 có hiệu lực",
                Some(("78/2025/UBTVQH15", Header)),
            ),
            (
                "a.txt",
                "BỘ TÀI CHÍNH\nThông tư số 102/2018/TT-BTC ngày 14 tháng 11 năm 2018\nhướng dẫn kế toán\n(Tiếp theo Công báo số 201 + 202)\nPhụ lục số 04",
                Some(("102/2018/TT-BTC", Header)),
            ),
            (
                "a.txt",
                "Số hiệu:\n\n34/2025/NQ-HĐND\nLoại văn bản:",
                Some(("34/2025/NQ-HĐND", Header)),
            ),
            (
                "a.txt",
                "CÔNG BÁO/Số 1523 + 1524/Ngày 29-12-2024\nSố: 38/2022/ND-CP\n",
                Some(("38/2022/NĐ-CP", Header)),
            ),
            // The body's `Luật số …` is not a header.
            ("a.txt", "LUẬT\nCăn cứ Hiến pháp;\nLuật số 46/2014/QH13,\n", None),
            (
                "a.txt",
                "LUẬT\nLuật An toàn, vệ sinh lao động số 84/2015/QH13 ngày 25 tháng 6 năm 2015, được sửa đổi, bổ sung bởi:\n\
                 Căn cứ Hiến pháp;\n…\nBỘ LAO ĐỘNG\nSố: 12/VBHN-BLĐTBXH\nXÁC THỰC VĂN BẢN HỢP NHẤT\nHà Nội, ngày 1",
                Some(("12/VBHN-BLĐTBXH", ConsolidatedBlock)),
            ),
            (
                "bhxh/van-ban-hop-nhat-so-14-vbhn-vpqh-42949.txt",
                "LUẬT\nLuật An toàn số 84/2015/QH13, được sửa đổi, bổ sung bởi:\nLuật số 41/2024/QH15\nCăn cứ Hiến pháp;",
                Some(("14/VBHN-VPQH", FileName)),
            ),
            (
                "a.txt",
                "Phụ lục II\n(Kèm theo Nghị quyết số 175/NQ-CP ngày 1/4/2026)\nmẫu theo Thông tư số 12/2020/TT-BTC\nPhụ lục III\n(Kèm theo Nghị quyết số 175/NQ-CP)",
                Some(("175/NQ-CP", Annex)),
            ),
            (
                "x/quyet-dinh-so-109-qd-btc-468842.txt",
                "",
                Some(("109/QĐ-BTC", FileName)),
            ),
            (
                "x/nghi-dinh-so-158-2025-nd-cp-45240.txt",
                "",
                Some(("158/2025/NĐ-CP", FileName)),
            ),
            ("seeds/000_hai-phong-so-ke-hoach.txt", "", None),
        ];
        for (file, text, want) in rows {
            let got = own_number(file, text).map(|n| (n.key, n.source));
            let want = want.map(|(k, s)| (k.to_string(), s));
            assert_eq!(got, want, "{file}: {text:?}");
        }
    }
}

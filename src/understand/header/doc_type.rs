//! The document type: the upper-case type line under the header (`KẾ HOẠCH`,
//! `QUYẾT\nĐỊNH` joined), else the type code of the symbol (`70/KH-UBND` → Kế hoạch; a
//! symbol with no type part is a Công văn's). Also splits a symbol into its type and
//! issuer codes, which [`super::issuer_code`] reads too.

/// Type lines as they stand in headers, longest first so `THÔNG TƯ LIÊN TỊCH` wins.
const TYPE_LINES: &[(&str, &str)] = &[
    ("THÔNG TƯ LIÊN TỊCH", "Thông tư liên tịch"),
    ("NGHỊ QUYẾT LIÊN TỊCH", "Nghị quyết liên tịch"),
    ("VĂN BẢN HỢP NHẤT", "Văn bản hợp nhất"),
    ("CHƯƠNG TRÌNH", "Chương trình"),
    ("QUYẾT ĐỊNH", "Quyết định"),
    ("NGHỊ QUYẾT", "Nghị quyết"),
    ("NGHỊ ĐỊNH", "Nghị định"),
    ("THÔNG BÁO", "Thông báo"),
    ("HƯỚNG DẪN", "Hướng dẫn"),
    ("CÔNG ĐIỆN", "Công điện"),
    ("PHÁP LỆNH", "Pháp lệnh"),
    ("THÔNG TƯ", "Thông tư"),
    ("KẾ HOẠCH", "Kế hoạch"),
    ("CÔNG VĂN", "Công văn"),
    ("BÁO CÁO", "Báo cáo"),
    ("TỜ TRÌNH", "Tờ trình"),
    ("CHỈ THỊ", "Chỉ thị"),
    ("KẾT LUẬN", "Kết luận"),
    ("QUY CHẾ", "Quy chế"),
    ("QUY ĐỊNH", "Quy định"),
    ("ĐỀ ÁN", "Đề án"),
    ("LUẬT", "Luật"),
];

/// Type codes in symbols (`70/KH-UBND`), including the forms without Vietnamese letters.
const TYPE_CODES: &[(&str, &str)] = &[
    ("KH", "Kế hoạch"),
    ("CTr", "Chương trình"),
    ("CTR", "Chương trình"),
    ("QĐ", "Quyết định"),
    ("QD", "Quyết định"),
    ("NQ", "Nghị quyết"),
    ("NĐ", "Nghị định"),
    ("ND", "Nghị định"),
    ("TTLT", "Thông tư liên tịch"),
    ("TT", "Thông tư"),
    ("CT", "Chỉ thị"),
    ("BC", "Báo cáo"),
    ("HD", "Hướng dẫn"),
    ("TB", "Thông báo"),
    ("TTr", "Tờ trình"),
    ("VBHN", "Văn bản hợp nhất"),
    ("CĐ", "Công điện"),
    ("KL", "Kết luận"),
];

pub(super) struct TypeLine {
    pub(super) doc_type: &'static str,
    /// Line of the type word, and the rest of that line (`CHƯƠNG TRÌNH Công tác …`).
    pub(super) line: usize,
    pub(super) rest: String,
}

/// The upper-case type line within a few lines after `anchor`; a type word broken over
/// two lines (`QUYẾT\nĐỊNH`) is joined.
pub(super) fn find_type_line(lines: &[&str], anchor: usize, end: usize) -> Option<TypeLine> {
    let end = end.min(lines.len());
    let candidates: Vec<usize> = (anchor + 1..end)
        .filter(|&i| !lines[i].is_empty() && lines[i] != "#")
        .take(4)
        .collect();
    for (k, &i) in candidates.iter().enumerate() {
        if let Some((t, rest)) = match_type(lines[i]) {
            return Some(TypeLine {
                doc_type: t,
                line: i,
                rest,
            });
        }
        if let Some(&j) = candidates.get(k + 1) {
            let joined = format!("{} {}", lines[i], lines[j]);
            if let Some((t, rest)) = match_type(&joined).filter(|(t, _)| t.len() > lines[i].len()) {
                return Some(TypeLine {
                    doc_type: t,
                    line: j,
                    rest,
                });
            }
        }
    }
    None
}

fn match_type(line: &str) -> Option<(&'static str, String)> {
    TYPE_LINES.iter().find_map(|(caps, name)| {
        let rest = line.strip_prefix(caps)?;
        // `THÔNG TƯ1` carries a footnote mark; `LUẬT SƯ` is another word.
        let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
        (rest.is_empty() || rest.starts_with([' ', ':']))
            .then(|| (*name, rest.trim_start_matches(':').trim().to_string()))
    })
}

pub(super) fn doc_type_from_symbol(number: &str) -> Option<String> {
    let (code, _) = symbol_codes(number);
    match code {
        Some(c) => TYPE_CODES
            .iter()
            .find(|(k, _)| *k == c)
            .map(|(_, v)| v.to_string()),
        // A symbol with no type part (`397/SLĐTBXH-TEBĐG`) is a letter's.
        None => Some("Công văn".to_string()),
    }
}

/// (type code, issuer code) of a symbol: `70/KH-UBND` → (KH, UBND),
/// `397/SLĐTBXH-TEBĐG` → (None, SLĐTBXH), `11-NQ/TW` → (NQ, TW).
pub(super) fn symbol_codes(number: &str) -> (Option<&str>, Option<&str>) {
    let mut slash = number.split('/');
    let head = slash.next().unwrap_or("");
    let tail = number.rsplit('/').next().unwrap_or("");
    if let Some((_, code)) = head.split_once('-') {
        return (
            Some(code),
            Some(tail.split('-').next().unwrap_or(tail)).filter(|s| !s.is_empty()),
        );
    }
    let mut parts = tail.split('-');
    let first = parts.next().filter(|s| !s.is_empty());
    match first {
        Some(f) if TYPE_CODES.iter().any(|(k, _)| *k == f) => {
            (Some(f), parts.next().filter(|s| !s.is_empty()))
        }
        other => (None, other),
    }
}

#[cfg(test)]
mod tests {
    use crate::understand::header::tests::header;

    #[test]
    fn doc_type_as_a_table() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "Số: 1/KH-UBND\n\nHà Nội, ngày 1 tháng 1 năm 2022\n\nKẾ HOẠCH\nTHỰC HIỆN\n",
                Some("Kế hoạch"),
            ),
            (
                "Số:1016/CTr-BCĐ\n\nHải Phòng, ngày 06 tháng 3 năm 2017\n\nCHƯƠNG TRÌNH Công tác năm 2017\n",
                Some("Chương trình"),
            ),
            (
                "Số: 397/SLĐTBXH-TEBĐG\nV/v hướng dẫn\n\nThanh Hóa, ngày 20 tháng 02 năm 2020\n",
                Some("Công văn"),
            ),
            (
                "Số: 1/QĐ-UBND\n\nHà Tĩnh, ngày 1 tháng 12 năm 2025\n\nQUYẾT\nĐỊNH\nCÔNG BỐ\n",
                Some("Quyết định"),
            ),
            (
                "Số: 2/2022/TTLT-BCA\nHà Nội, ngày 18 tháng 02 năm 2022\n\nTHÔNG TƯ LIÊN TỊCH\nQuy định\n",
                Some("Thông tư liên tịch"),
            ),
            (
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nTHÔNG TƯ1\nHướng dẫn\n",
                Some("Thông tư"),
            ),
            // No type line: the symbol's type part, or a letter when it has none.
            (
                "Số: 5/NQ-CP\n\nHà Nội, ngày 1 tháng 1 năm 2022\n",
                Some("Nghị quyết"),
            ),
            ("Số: 5/VBHN-BTC\n", Some("Văn bản hợp nhất")),
            // A consolidated text reprints the original's type line; the symbol tells.
            (
                "Số: 92/VBHN-BQP\nHà Nội, ngày 24 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\nVỀ X\n",
                Some("Văn bản hợp nhất"),
            ),
            ("Số: 397/SLĐTBXH-TEBĐG\n", Some("Công văn")),
            ("Không có gì\n", None),
        ];
        for (input, want) in cases {
            assert_eq!(header(input).doc_type.as_deref(), *want, "{input:?}");
        }
    }
}

//! Files that are not administrative documents at all: a folder's README, SOURCE or
//! LICENSE, notes. They have no header — no number, type, issuer or date — and none of
//! the marks every Vietnamese administrative text carries near its top (the national
//! name and motto, `Số:`, a document type in capitals, the Gazette's running head).
//! Indexed, such a file would be a plan of nothing, and the documents its prose names
//! would count as cited; the pipeline skips it with
//! [`SkipReason::Headerless`](crate::error::SkipReason::Headerless).
//!
//! A real document whose header plancite cannot read (a Gazette continuation that
//! starts with an appendix) still has those marks and is indexed.

use crate::model::Plan;
use crate::vi::boundary::floor_boundary;

/// How much of the text's start is looked at for the marks.
const HEAD_BYTES: usize = 4096;

/// Marks of an administrative document, as they stand in the text.
const MARKS: &[&str] = &[
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Độc lập – Tự do – Hạnh phúc",
    "CÔNG BÁO",
];

/// Document types as a line of capitals on their own (`KẾ HOẠCH`).
const TYPE_LINES: &[&str] = &[
    "KẾ HOẠCH",
    "QUYẾT ĐỊNH",
    "NGHỊ ĐỊNH",
    "NGHỊ QUYẾT",
    "THÔNG TƯ",
    "CHỈ THỊ",
    "CÔNG VĂN",
    "THÔNG BÁO",
    "CHƯƠNG TRÌNH",
    "BÁO CÁO",
    "LUẬT",
    "BỘ LUẬT",
    "HƯỚNG DẪN",
    "TỜ TRÌNH",
    "ĐỀ ÁN",
    "PHÁP LỆNH",
];

/// Whether `plan`, understood from the decoded `text` (before cleaning, which removes
/// the Gazette's running head), is no administrative document at all.
pub fn is_headerless(plan: &Plan, text: &str) -> bool {
    let header = [&plan.number, &plan.doc_type, &plan.issuer, &plan.date];
    header.iter().all(|field| field.is_none()) && !has_marks(text)
}

fn has_marks(text: &str) -> bool {
    let head = &text[..floor_boundary(text, HEAD_BYTES)];
    // Marks open a line: prose that names them (a README quoting "CÔNG BÁO") is not one.
    head.lines().map(str::trim).any(|line| {
        MARKS.iter().any(|m| line.starts_with(m))
            || line.starts_with("Số:")
            || line.starts_with("Số :")
            || TYPE_LINES.contains(&line.trim_end_matches(|c: char| !c.is_alphabetic()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::understand::understand;

    #[test]
    fn readme_and_licence_files_are_headerless_and_documents_are_not() {
        // (text, headerless)
        let cases = [
            (
                "# A real archive\n\nLaws and decrees from the Official Gazette, 2012–2026. See Nghị định 125/2021/NĐ-CP.\n",
                true,
            ),
            (
                "# Notes\nextracted from PDFs: page headers (\"CÔNG BÁO/Số …\")\nblank numbers (`Số:   /QĐ-UBND`)\n",
                true,
            ),
            (
                "MIT License\n\nCopyright (c) 2024\n\nPermission is hereby granted, free of charge…\n",
                true,
            ),
            ("Ghi chú họp tổ\n- rà soát kế hoạch năm\n", true),
            (
                "2\nCÔNG BÁO/Số 203 + 204/Ngày 18-02-2019\nPhụ lục số 04\nHỆ THỐNG BÁO CÁO\n",
                false,
            ),
            (
                "ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nKẾ HOẠCH\nvề việc x\n",
                false,
            ),
            (
                "Số: 70/KH-UBND\nHải Phòng, ngày 22 tháng 3 năm 2022\nKẾ HOẠCH\n",
                false,
            ),
            ("KẾ HOẠCH\nTriển khai công tác năm 2024\n", false),
        ];
        for (text, want) in cases {
            let plan = understand("x.md", text);
            assert_eq!(is_headerless(&plan, text), want, "{text}");
        }
    }
}

//! The document type: the upper-case type line under the header (`KẾ HOẠCH`,
//! `QUYẾT\nĐỊNH` joined), else the type code of the symbol (`70/KH-UBND` → Kế hoạch; a
//! symbol with no type part is a Công văn's). Also splits a symbol into its type and
//! issuer codes, which [`super::issuer_code`] reads too. The names and codes are those of
//! [`crate::vocab::doc_types`] (`resources/document_types.tsv`).

use crate::vocab::doc_types;

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
    doc_types::headings().iter().find_map(|(caps, name)| {
        let rest = line.strip_prefix(caps.as_str())?;
        // `THÔNG TƯ1` carries a footnote mark; `LUẬT SƯ` is another word.
        let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
        (rest.is_empty() || rest.starts_with([' ', ':']))
            .then(|| (*name, rest.trim_start_matches(':').trim().to_string()))
    })
}

/// The type a symbol's type code names (`70/KH-UBND` → Kế hoạch; a Party number's code
/// in the Party's table: `11-TT/TW` → Thông tri); a symbol with no type part
/// (`397/SLĐTBXH-TEBĐG`) is a letter's, a Công văn.
pub(super) fn doc_type_from_symbol(number: &str) -> Option<String> {
    let codes = symbol_codes(number);
    let name = match codes.doc_type {
        Some(code) if codes.party => doc_types::by_party_code(code),
        Some(code) => doc_types::by_spelt_code(code),
        None => Some("Công văn"),
    };
    name.map(str::to_string)
}

/// The parts of a symbol that name its type and its issuer.
#[derive(Debug, PartialEq)]
pub(super) struct SymbolCodes<'a> {
    pub(super) doc_type: Option<&'a str>,
    pub(super) issuer: Option<&'a str>,
    /// A Party number (`11-NQ/TW`), whose type codes are the Party's.
    pub(super) party: bool,
}

/// The type and issuer codes of a symbol: `70/KH-UBND` → (KH, UBND),
/// `397/SLĐTBXH-TEBĐG` → (none, SLĐTBXH), `11-NQ/TW` → (NQ, TW, a Party number).
pub(super) fn symbol_codes(number: &str) -> SymbolCodes<'_> {
    fn non_empty(s: Option<&str>) -> Option<&str> {
        s.filter(|s| !s.is_empty())
    }
    let head = number.split('/').next().unwrap_or("");
    let tail = number.rsplit('/').next().unwrap_or("");
    if let Some((_, code)) = head.split_once('-') {
        return SymbolCodes {
            doc_type: Some(code),
            issuer: non_empty(tail.split('-').next()),
            party: true,
        };
    }
    let mut parts = tail.split('-');
    let first = non_empty(parts.next());
    match first {
        Some(f) if doc_types::by_spelt_code(f).is_some() => SymbolCodes {
            doc_type: Some(f),
            issuer: non_empty(parts.next()),
            party: false,
        },
        other => SymbolCodes {
            doc_type: None,
            issuer: other,
            party: false,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::understand::header::tests::header;

    /// The type a symbol states, through `resources/document_types.tsv`: state codes in
    /// their canonical spelling or typed without Vietnamese letters, the Party's own
    /// codes for a Party number, a letter for a symbol without a type part.
    #[test]
    fn type_from_symbol_as_a_table() {
        let cases: &[(&str, Option<&str>)] = &[
            ("70/KH-UBND", Some("Kế hoạch")),
            ("1016/CTr-BCĐ", Some("Chương trình")),
            ("5/CTR-UBND", Some("Chương trình")),
            ("12/2022/NĐ-CP", Some("Nghị định")),
            ("12/2022/ND-CP", Some("Nghị định")),
            ("01/2022/TTLT-VKSNDTC-TANDTC", Some("Thông tư liên tịch")),
            ("92/VBHN-BQP", Some("Văn bản hợp nhất")),
            // In the table of document types, not in the header's old list.
            ("03/2019/NQLT-CP-UBTWMTTQVN", Some("Nghị quyết liên tịch")),
            ("01/2020/PL-UBTVQH14", Some("Pháp lệnh")),
            ("12/L-CTN", Some("Lệnh")),
            // Party numbers: `TT` is a thông tri there, not a thông tư.
            ("11-NQ/TW", Some("Nghị quyết")),
            ("04-TT/TU", Some("Thông tri")),
            ("15-QĐi/TW", Some("Quy định")),
            // No type part: a letter.
            ("397/SLĐTBXH-TEBĐG", Some("Công văn")),
            ("5/XYZ-ABC", Some("Công văn")),
            // A Party code the table does not know: no guess.
            ("7-ZZ/TW", None),
        ];
        for (number, want) in cases {
            assert_eq!(doc_type_from_symbol(number).as_deref(), *want, "{number}");
        }
        assert_eq!(
            symbol_codes("70/KH-UBND"),
            SymbolCodes {
                doc_type: Some("KH"),
                issuer: Some("UBND"),
                party: false
            }
        );
        assert_eq!(
            symbol_codes("11-NQ/TW"),
            SymbolCodes {
                doc_type: Some("NQ"),
                issuer: Some("TW"),
                party: true
            }
        );
    }

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

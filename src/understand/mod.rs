//! Understanding: from a decoded document's text to a [`Plan`].
//!
//! [`header`] reads the header and the signature block; [`crate::cite`] finds what the
//! text cites. `understand` only composes them; it reads no files and knows no index.
//!
//! ```
//! let text = "Số: 70/KH-UBND\nHải Phòng, ngày 22 tháng 3 năm 2022\nKẾ HOẠCH\nThực hiện Nghị định số 125/2021/NĐ-CP.\n";
//! let plan = plancite::understand::understand("a.txt", text);
//! assert_eq!(plan.number.as_deref(), Some("70/KH-UBND"));
//! assert_eq!(plan.citations[0].key, "125/2021/NĐ-CP");
//! ```

pub mod context;
pub mod header;
pub mod headerless;
pub mod number;
pub mod sections;

use crate::ingest::clean;
use crate::model::Plan;

/// Understands one document. `decoded` is the text as [`crate::ingest::read::decode`]
/// returns it; citation offsets refer to it.
pub fn understand(file: &str, decoded: &str) -> Plan {
    understand_laid_out(file, decoded, &clean::layout(decoded))
}

/// [`understand`] for a caller that already has `clean::layout(decoded)`.
pub fn understand_laid_out(file: &str, decoded: &str, layout: &str) -> Plan {
    let header = header::read_header(layout);
    // The number is read with the citation scanner, so that it and the citations of it
    // share one key: the header reader's (the same scanner, on the `Số:` line it found)
    // counts only when the own-number reader finds none.
    let number = number::own_number(file, decoded)
        .map(|own| own.key)
        .or(header.number);
    let mut citations = crate::cite::extract(decoded);
    // A consolidated text speaks at the date of the text it consolidates.
    let speaks_at = citations
        .iter()
        .find(|c| c.relation == crate::model::Relation::Consolidates)
        .and_then(|c| c.date.clone())
        .or(header.date.clone())
        // A law's date stands at its end, where the header reader may miss it: the end of
        // the year in its number is as late as it can be.
        .or_else(|| {
            let year = number.as_deref()?.split('/').nth(1)?;
            (year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit())).then(|| format!("{year}-12-31"))
        });
    crate::cite::identity::identify(decoded, &mut citations, speaks_at.as_deref());
    // The document's own number, wherever it comes back (annex headers, the closing block
    // of a consolidated text, its own name), is not a citation.
    if let Some(own) = &number {
        citations.retain(|c| &c.key != own);
    }
    Plan {
        file: file.to_string(),
        number,
        doc_type: header.doc_type,
        issuer: header.issuer,
        place: header.place,
        date: header.date,
        year: header.year,
        title: header.title,
        signer: header.signer,
        recipients: header
            .recipients
            .into_iter()
            .filter(|r| !is_brace_note(r))
            .collect(),
        citations,
        sections: sections::outline(decoded),
    }
}

/// A line of the recipients list that is the note of a brace drawn beside several
/// recipients in the original (`} (để báo cáo)`): a purpose, not a recipient.
fn is_brace_note(recipient: &str) -> bool {
    recipient.trim_start().starts_with(['}', ']', ')'])
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_brace_note_is_not_a_recipient() {
        let text = "Số: 1/SLĐTBXH\nThanh Hóa, ngày 20 tháng 02 năm 2020\nV/v x\n\nNơi nhận:\n- Như trên;\n - Vụ Bình đẳng giới;\n - UBND tỉnh;\n - Lưu: VT.\n- } (để báo cáo)\n\nGIÁM ĐỐC\n";
        let plan = super::understand("a.txt", text);
        assert_eq!(
            plan.recipients,
            ["Như trên", "Vụ Bình đẳng giới", "UBND tỉnh", "Lưu: VT"]
        );
    }

    /// The index stores `plan.number` as the plan's key without canonicalising it again:
    /// whichever reader found it, it must be its own canonical key.
    #[test]
    fn the_number_is_its_canonical_key() {
        let cases: &[(&str, &str)] = &[
            ("Số: 12/2022/NÐ-CP\n", "12/2022/NĐ-CP"),
            ("Số: 318/SLĐTBXH – BTXH\n", "318/SLĐTBXH-BTXH"),
            ("Số: 1016/CTr-BCĐ\n", "1016/CTr-BCĐ"),
            ("Số: 5/QD-UBND\n", "5/QĐ-UBND"),
            // The header reader's number, where the own-number reader finds none: a
            // consolidated text whose closing block is split over two lines.
            (
                "Số hiệu:\n92/VBHN-BQP\nSố: 92/VBHN-BQP\nHà Nội, ngày 24 tháng 11 năm 2025\nQUYẾT ĐỊNH\nVỀ X\n\nXÁC THỰC VĂN BẢN\nHỢP NHẤT\n",
                "92/VBHN-BQP",
            ),
        ];
        for (text, want) in cases {
            let number = super::understand("a.txt", text).number;
            assert_eq!(number.as_deref(), Some(*want), "{text:?}");
            assert_eq!(crate::cite::canonical_key(want).as_deref(), Some(*want));
        }
        for (name, text) in super::header::tests::SEEDS {
            let number = super::understand(name, text).number.expect("a seed has a number");
            assert_eq!(crate::cite::canonical_key(&number), Some(number), "{name}");
        }
    }
}

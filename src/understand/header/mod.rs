//! Header fields: what a document's header and signature block say about it — its
//! number and symbol (`Số: 70/KH-UBND`), type, issuer, place and date of issue, subject
//! line (trích yếu), signer, and recipients (`Kính gửi`, `Nơi nhận`).
//!
//! The input is [`crate::ingest::clean::layout`] text: line breaks stay where the file
//! had them, so a header arrives split (`Hải\nPhòng, ngày 22 tháng 3 năm 2022`,
//! `ỦY\nBAN NHÂN DÂN`) and this module puts the pieces back together. Two sources are
//! read: the document's own header and signature block first, then — for pages converted
//! from thuvienphapluat — the metadata table at the top (`Số hiệu:`, `Loại văn bản:`,
//! `Nơi ban hành:`, `Người ký:`, `Ngày ban hành:`). A field that neither gives is `None`.
//! What the symbol itself states is read from it: the type when there is no type line
//! (`KH` → Kế hoạch; no type part, as in `397/SLĐTBXH-TEBĐG`, → Công văn), the year when
//! there is no date (`34/2025/NQ-HĐND`), and the issuer of a header that names none,
//! rebuilt with the place (`01/BVSTBPN-VP` + Lai Châu → `Ban Vì sự tiến bộ của phụ nữ
//! tỉnh Lai Châu`) — only for codes and provinces in the tables of [`issuer_code`].
//!
//! A consolidated text (văn bản hợp nhất) reprints the header of the text it
//! consolidates; its own number, date and issuer are those of the closing `XÁC THỰC VĂN
//! BẢN HỢP NHẤT` block, and its type is Văn bản hợp nhất.
//!
//! Conventions of the output: places without their `Thành phố`/`Tỉnh`/`TP.` prefix (`Huế`,
//! `Hồ Chí Minh`) so they compare and count; issuers in Vietnamese sentence case with
//! proper nouns capitalised; a header naming a parent and a child body gives the child
//! with the parent's place (`Ban Vì sự tiến bộ của phụ nữ thành phố Hải Phòng`); titles
//! as written (an all-caps title stays all caps — lower-casing it would also lower-case
//! the symbols and names inside it); numbers read with cite's scanner and written as
//! their canonical key ([`crate::cite::canonical_key`]: no spaces, look-alike letters
//! such as Cyrillic `С` and Icelandic `Ð` replaced, `ND` → `NĐ`, `CTr` and `TTg` kept), the
//! key citations of the document use. This module does not read the body: sections and
//! citations are other modules' work, and a date in the body is never the header's date.
//!
//! ```
//! use plancite::understand::header::read_header;
//! let h = read_header("Số: 48 /KH-UBND\n\nBuôn Ma Thuột, ngày 23 tháng 3 năm 2022\n\nKẾ HOẠCH\n");
//! assert_eq!(h.number.as_deref(), Some("48/KH-UBND"));
//! assert_eq!(h.date.as_deref(), Some("2022-03-23"));
//! assert_eq!(h.doc_type.as_deref(), Some("Kế hoạch"));
//! ```

mod date_place;
mod doc_type;
mod issuer;
mod issuer_code;
mod lines;
mod metadata;
mod number_line;
mod recipients;
mod signer;
mod title;
mod window;

use self::date_place::{find_date_line, parse_dmy, strip_place_prefix};
use self::doc_type::{doc_type_from_symbol, find_type_line, symbol_codes};
use self::issuer::{issuer_case, issuer_text, starts_with_body_head};
use self::issuer_code::issuer_from_symbol;
use self::metadata::read_metadata;
use self::number_line::{clean_number, find_vbhn_block, number_line_rest, read_number_at, year_in_number};
use self::recipients::find_recipients;
use self::signer::{find_signer, is_person_name};
use self::title::{find_subject, read_title};
use self::window::header_window;

/// What the header and the signature block say. None = not found, never a guess.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Header {
    /// Number and symbol as a canonical citation key: `70/KH-UBND`.
    pub number: Option<String>,
    /// `Kế hoạch`, `Công văn`, `Quyết định` … in sentence case.
    pub doc_type: Option<String>,
    /// The issuing body: `Ủy ban nhân dân thành phố Hải Phòng`.
    pub issuer: Option<String>,
    /// Place of issue without `Thành phố`/`Tỉnh`: `Hải Phòng`, `Huế`.
    pub place: Option<String>,
    /// Date of issue, `YYYY-MM-DD`.
    pub date: Option<String>,
    pub year: Option<i32>,
    /// Subject line (trích yếu) as written; for a Công văn the `V/v` subject.
    pub title: Option<String>,
    pub signer: Option<String>,
    /// `Kính gửi` then `Nơi nhận` entries, in order.
    pub recipients: Vec<String>,
}

/// Reads the header fields of one document's layout text.
pub fn read_header(layout: &str) -> Header {
    let lines: Vec<&str> = layout.lines().map(str::trim).collect();
    let meta = read_metadata(&lines);
    let win = header_window(&lines, meta.end);

    let number_line = (win.start..win.end).find(|&i| number_line_rest(lines[i]).is_some());
    let header_number = number_line.and_then(|i| read_number_at(&lines, i));
    let vbhn = find_vbhn_block(&lines);
    let date_line = find_date_line(&lines, win.start, win.end);

    let mut h = Header::default();
    // A consolidated text (VBHN) reprints the original's header (type line included);
    // its own number and date are in the closing "XÁC THỰC VĂN BẢN HỢP NHẤT" block.
    let (number, date_found) = match &vbhn {
        Some(v) => (Some(v.number.clone()), v.date.clone().or(date_line.clone())),
        None => (header_number, date_line.clone()),
    };
    h.number = number.or_else(|| meta.number.as_deref().and_then(|n| clean_number(n, None)));

    if let Some(d) = &date_found {
        h.place = d.place.clone();
        h.date = d.date.clone();
        h.year = d.year;
    }
    if h.date.is_none() {
        h.date = meta.date.as_deref().and_then(parse_dmy);
    }
    if h.year.is_none() {
        h.year = h
            .date
            .as_deref()
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse().ok())
            .or_else(|| h.number.as_deref().and_then(year_in_number));
    }
    if h.place.is_none() {
        h.place = meta
            .place
            .as_deref()
            .filter(|p| !starts_with_body_head(p))
            .map(strip_place_prefix);
    }

    // The type line and the title follow the last of number, motto and date lines.
    let motto = (win.start..win.end).find(|&i| lines[i].contains("Độc lập"));
    let anchor = [
        number_line,
        motto,
        date_line.as_ref().map(|d| d.last_line),
        win.marker,
    ]
    .into_iter()
    .flatten()
    .max()
    .unwrap_or(win.start);
    let type_line = find_type_line(&lines, anchor, win.end);
    let subject = find_subject(&lines, win.start, win.end, number_line);

    let symbol_is_vbhn = h
        .number
        .as_deref()
        .is_some_and(|n| symbol_codes(n).doc_type == Some("VBHN"));
    h.doc_type = if vbhn.is_some() || symbol_is_vbhn {
        Some("Văn bản hợp nhất".to_string())
    } else if let Some(t) = &type_line {
        Some(t.doc_type.to_string())
    } else if subject.is_some() {
        Some("Công văn".to_string())
    } else {
        meta.doc_type
            .clone()
            .or_else(|| h.number.as_deref().and_then(doc_type_from_symbol))
    };
    h.title = match (&type_line, subject) {
        (Some(t), _) => read_title(&lines, t),
        (None, Some(s)) => Some(s),
        (None, None) => None,
    };

    // A consolidated text is issued by the body that authenticates it, named above its
    // closing number; the header above is the original's.
    let issuer_block = match &vbhn {
        Some(v) => Some((v.number_line.saturating_sub(6), v.number_line)),
        None => win.marker.map(|m| (win.start, m)),
    };
    h.issuer = issuer_block
        .and_then(|(from, m)| issuer_text(&lines, from, m))
        .and_then(|caps| issuer_case(&caps))
        .or_else(|| {
            h.number
                .as_deref()
                .and_then(|n| issuer_from_symbol(n, h.place.as_deref()))
        })
        .or_else(|| meta.place.clone().filter(|p| starts_with_body_head(p)));

    // Without a header the signature block may be anywhere.
    let body_start = if win.marker.is_some() { win.end } else { win.start };
    let signature = find_signer(&lines, body_start);
    h.recipients = find_recipients(&lines, win.start, win.end, signature.as_ref().map(|(i, _)| *i));
    h.signer = signature
        .map(|(_, name)| name)
        .or_else(|| meta.signer.clone().filter(|s| is_person_name(s)));
    h
}

#[cfg(test)]
pub(crate) mod tests {
    use super::issuer::issuer_case;
    use super::*;
    use crate::ingest::clean;

    pub(crate) fn header(text: &str) -> Header {
        read_header(&clean::layout(text))
    }

    #[test]
    fn never_panics_on_odd_input() {
        let inputs = [
            "",
            "\n\n\n",
            "Số:",
            "Số:\n",
            "Hải\n",
            ", ngày",
            "Kính",
            "Kính\n",
            "Nơi nhận:",
            "CỘNG",
            "ỦY BAN CỘNG HÒA",
            "Số: 1/\n",
            "Số: -/",
            "V/v",
            "KT.\n",
            "ngày 1 tháng 1 năm 99999999999",
            "Hà Nội, ngày 99 tháng 99 năm 2022",
            "CỘNG HÒA\nĐộc lập\nÁ, ngày",
            "QUYẾT",
            "Ð\u{301}",
            "ỦY BAN NHÂN DÂN -",
            "- - -",
            "BỘ",
            "THÀNH PHỐ",
        ];
        for input in inputs {
            let _ = header(input);
            let _ = read_header(input);
            let _ = issuer_case(input);
        }
    }

    #[derive(Debug)]
    struct Golden {
        file: &'static str,
        number: &'static str,
        doc_type: &'static str,
        place: &'static str,
        date: &'static str,
        signer: &'static str,
        issuer: Option<&'static str>,
    }

    /// The five seed plans of `corpus/`, compiled in: the unit tests need nothing
    /// outside the repository.
    pub(crate) const SEEDS: &[(&str, &str)] = &[
        (
            "2022-hai-phong-70-KH-UBND",
            include_str!("../../../corpus/2022-hai-phong-70-KH-UBND.txt"),
        ),
        (
            "2023-lai-chau-01-BVSTBPN-VP",
            include_str!("../../../corpus/2023-lai-chau-01-BVSTBPN-VP.txt"),
        ),
        (
            "2022-buon-ma-thuot-48-KH-UBND",
            include_str!("../../../corpus/2022-buon-ma-thuot-48-KH-UBND.txt"),
        ),
        (
            "2020-thanh-hoa-397-SLDTBXH-TEBDG",
            include_str!("../../../corpus/2020-thanh-hoa-397-SLDTBXH-TEBDG.txt"),
        ),
        (
            "2017-hai-phong-1016-CTr-BCD",
            include_str!("../../../corpus/2017-hai-phong-1016-CTr-BCD.txt"),
        ),
    ];

    fn seed(name: &str) -> &'static str {
        SEEDS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, text)| *text)
            .unwrap_or_else(|| panic!("no seed {name} in corpus/"))
    }

    #[test]
    fn the_five_seeds() {
        let golden = [
            Golden {
                file: "2022-hai-phong-70-KH-UBND",
                number: "70/KH-UBND",
                doc_type: "Kế hoạch",
                place: "Hải Phòng",
                date: "2022-03-22",
                signer: "Lê Khắc Nam",
                issuer: Some("Ủy ban nhân dân thành phố Hải Phòng"),
            },
            Golden {
                file: "2023-lai-chau-01-BVSTBPN-VP",
                number: "01/BVSTBPN-VP",
                doc_type: "Kế hoạch",
                place: "Lai Châu",
                date: "2023-03-23",
                signer: "Tổng Thanh Hải",
                issuer: Some("Ban Vì sự tiến bộ của phụ nữ tỉnh Lai Châu"),
            },
            Golden {
                file: "2022-buon-ma-thuot-48-KH-UBND",
                number: "48/KH-UBND",
                doc_type: "Kế hoạch",
                place: "Buôn Ma Thuột",
                date: "2022-03-23",
                signer: "Phạm Tiến Hưng",
                issuer: Some("Ủy ban nhân dân thành phố Buôn Ma Thuột"),
            },
            Golden {
                file: "2020-thanh-hoa-397-SLDTBXH-TEBDG",
                number: "397/SLĐTBXH-TEBĐG",
                doc_type: "Công văn",
                place: "Thanh Hóa",
                date: "2020-02-20",
                signer: "Lê Minh Hành",
                issuer: Some("Sở Lao động - Thương binh và Xã hội tỉnh Thanh Hóa"),
            },
            Golden {
                file: "2017-hai-phong-1016-CTr-BCD",
                number: "1016/CTr-BCĐ",
                doc_type: "Chương trình",
                place: "Hải Phòng",
                date: "2017-03-06",
                signer: "Lê Khắc Nam",
                issuer: None,
            },
        ];
        for g in &golden {
            let h = header(seed(g.file));
            assert_eq!(h.number.as_deref(), Some(g.number), "{g:?}");
            assert_eq!(h.doc_type.as_deref(), Some(g.doc_type), "{g:?}");
            assert_eq!(h.place.as_deref(), Some(g.place), "{g:?}");
            assert_eq!(h.date.as_deref(), Some(g.date), "{g:?}");
            assert_eq!(
                h.year.map(|y| y.to_string()),
                g.date.get(..4).map(str::to_string),
                "{g:?}"
            );
            assert_eq!(h.signer.as_deref(), Some(g.signer), "{g:?}");
            if let Some(issuer) = g.issuer {
                assert_eq!(h.issuer.as_deref(), Some(issuer), "{g:?}");
            }
        }
    }

    #[test]
    fn the_seed_titles_and_recipients() {
        let read = |f: &str| header(seed(f));
        let cases: &[(&str, &str)] = &[
            (
                "2022-hai-phong-70-KH-UBND",
                "THỰC HIỆN CÔNG TÁC BÌNH ĐẲNG GIỚI TRÊN ĐỊA BÀN THÀNH PHỐ NĂM 2022",
            ),
            (
                "2023-lai-chau-01-BVSTBPN-VP",
                "Thực hiện công tác bình đẳng giới và hoạt động Vì sự tiến bộ của phụ nữ trên địa bàn tỉnh Lai Châu năm 2023",
            ),
            (
                "2022-buon-ma-thuot-48-KH-UBND",
                "Triển khai công tác Bình đẳng giới năm 2022",
            ),
            (
                "2020-thanh-hoa-397-SLDTBXH-TEBDG",
                "hướng dẫn thực hiện công tác bình đẳng giới năm 2020",
            ),
            (
                "2017-hai-phong-1016-CTr-BCD",
                "Công tác vì sự tiến bộ của Phụ nữ thành phố năm 2017",
            ),
        ];
        for (file, title) in cases {
            assert_eq!(read(file).title.as_deref(), Some(*title), "{file}");
        }
        let r0 = read("2022-hai-phong-70-KH-UBND").recipients;
        assert_eq!(r0.first().map(String::as_str), Some("Bộ LĐTBXH"));
        assert_eq!(r0.last().map(String::as_str), Some("Lưu: VT"));
        assert_eq!(r0.len(), 12);
        let r3 = read("2020-thanh-hoa-397-SLDTBXH-TEBDG").recipients;
        assert_eq!(
            r3.first().map(String::as_str),
            Some("Các sở, ban, ngành, đoàn thể cấp tỉnh")
        );
        assert!(r3.iter().any(|r| r == "Vụ Bình đẳng giới"), "{r3:?}");
        assert_eq!(
            read("2017-hai-phong-1016-CTr-BCD").issuer.as_deref(),
            Some("Ban Vì sự tiến bộ của phụ nữ thành phố Hải Phòng")
        );
    }
}

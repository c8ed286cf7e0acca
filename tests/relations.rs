//! Real sentences from `../shared/realarchive` and `../shared/realdocs` → the citations
//! plancite reads in them: (key, relation, resolution), and the relation a sentence
//! states between two cited documents. One table; every relation and every way a law
//! named without its number is settled has a row.

use plancite::cite::{extract, identity::identify};
use plancite::model::{Relation, Resolution};

use Relation::*;
use Resolution::*;

/// (sentence, citing document's date, expected (key, relation, resolution) in order).
type Row<'a> = (&'a str, &'a str, &'a [(&'a str, Relation, Resolution)]);

const ROWS: &[Row] = &[
    // basis, by number (bhxh/nghi-dinh-so-158-2025-nd-cp).
    (
        "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\nĐiều 1. Phạm vi",
        "2025-06-29",
        &[("63/2025/QH15", Basis, Number)],
    ),
    // basis, by name and date (the same Gazette decrees).
    (
        "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nĐiều 1. Phạm vi",
        "2025-06-29",
        &[("63/2025/QH15", Basis, NameAndDate)],
    ),
    // implements (seed plans): `Thực hiện` in the preamble.
    (
        "Thực hiện Kế hoạch số 131/KH-UBND ngày 31/5/2021 của Ủy ban nhân dân thành phố;\nI. MỤC ĐÍCH",
        "2022-03-22",
        &[("131/KH-UBND", Implements, Number)],
    ),
    // guides: a decree's title (bhxh/nghi-dinh-so-158-2025-nd-cp), the law named bare,
    // settled to the latest version issued by the decree's date (in force two days later).
    (
        "NGHỊ ĐỊNH\nQuy định chi tiết và hướng dẫn thi hành một số điều của Luật Bảo hiểm xã hội về bảo hiểm xã hội bắt buộc\nCăn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\nĐiều 1.",
        "2025-06-29",
        &[("41/2024/QH15", Guides, InForce), ("63/2025/QH15", Basis, Number)],
    ),
    // amends: a title (tvpl2025-0beedb7bdb363a85).
    (
        "QUYẾT ĐỊNH\nSỬA ĐỔI, BỔ SUNG QUYẾT ĐỊNH SỐ 3470/QĐ-UBND NGÀY 10 THÁNG 11 NĂM 2025 CỦA CHỦ TỊCH UBND THÀNH PHỐ\nCăn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT ĐỊNH:",
        "2025-11-21",
        &[
            ("3470/QĐ-UBND", Amends, Number),
            ("Luật Tổ chức chính quyền địa phương", Basis, Unresolved),
        ],
    ),
    // replaces (chinh_sach_dn/van-ban-hop-nhat-so-2651-vbhn-bldtbxh, quoting the decree).
    (
        "Nghị định này thay thế Nghị định số 50/2013/NĐ-CP ngày 14 tháng 5 năm 2013 của Chính phủ quy định quản lý lao động.",
        "2016-06-13",
        &[("50/2013/NĐ-CP", Replaces, Number)],
    ),
    // repeals, the act written after a list (congbao-hdld__thong-tu-so-44-2022-tt-btc).
    (
        "2. Thông tư số 101/2018/TT-BTC ngày 14 tháng 11 năm 2018 của Bộ Tài chính và Thông tư số 148/2015/TT-BTC ngày 15 tháng 9 năm 2015 của Bộ Tài chính hết hiệu lực thi hành kể từ ngày Thông tư này có hiệu lực.",
        "2022-07-21",
        &[
            ("101/2018/TT-BTC", Repeals, Number),
            ("148/2015/TT-BTC", Repeals, Number),
        ],
    ),
    // repeals, a clause opening with the act (bhxh Gazette decrees of 2025).
    (
        "2. Bãi bỏ các văn bản sau đây từ ngày 15 tháng 8 năm 2025: a) Nghị định số 146/2018/NĐ-CP ngày 17 tháng 10 năm 2018 của Chính phủ",
        "2025-07-01",
        &[("146/2018/NĐ-CP", Repeals, Number)],
    ),
    // consolidates: the opening list of a consolidated text (bhxh/van-ban-hop-nhat-so-14-vbhn-vpqh).
    (
        "LUẬT\nLuật An toàn, vệ sinh lao động số 84/2015/QH13 ngày 25 tháng 6 năm 2015 của Quốc hội, được sửa đổi, bổ sung bởi:\nLuật Bảo hiểm xã hội số 41/2024/QH15 ngày 29 tháng 6 năm 2024 của Quốc hội.\nCăn cứ Hiến pháp;\nChương I",
        "2024-10-29",
        &[
            ("84/2015/QH13", Consolidates, Number),
            ("41/2024/QH15", Consolidates, Number),
        ],
    ),
    // corrects: a title (congbao-thue_tncn__quyet-dinh-so-372-qd-btc); the document it
    // corrects amends another, which is only mentioned.
    (
        "QUYẾT ĐỊNH\nVề việc đính chính Thông tư số 138/2025/TT-BTC sửa đổi, bổ sung một số điều của Thông tư 95/2020/TT-BTC\nCăn cứ Nghị định số 30/2020/NĐ-CP;\nQUYẾT ĐỊNH:",
        "2026-03-17",
        &[
            ("138/2025/TT-BTC", Corrects, Number),
            ("95/2020/TT-BTC", Mention, Number),
            ("30/2020/NĐ-CP", Basis, Number),
        ],
    ),
    // mention, and a law by name and year.
    (
        "I. NỘI DUNG\nTuyên truyền các quy định của Bộ luật Lao động năm 2019 và Quyết định số 2282/QĐ-TTg.",
        "2022-03-22",
        &[
            ("45/2019/QH14", Mention, NameAndDate),
            ("2282/QĐ-TTg", Mention, Number),
        ],
    ),
    // A bare name the document gives a number for elsewhere.
    (
        "Căn cứ Luật Doanh nghiệp số 59/2020/QH14;\nĐiều 1. Doanh nghiệp thành lập theo Luật Doanh nghiệp.",
        "2021-03-01",
        &[("59/2020/QH14", Basis, Number), ("59/2020/QH14", Mention, Number)],
    ),
    // Passive: the law named is amended by another, not by the citing circular
    // (thong-tu-so-06-2021-tt-bldtbxh).
    (
        "theo khoản 3 Điều 54 của Luật Bảo hiểm xã hội được sửa đổi, bổ sung tại điểm a khoản 1 Điều 219 của Bộ luật Lao động năm 2019. Thông tư này quy định.",
        "2021-07-07",
        &[
            ("58/2014/QH13", Mention, InForce),
            ("45/2019/QH14", Mention, NameAndDate),
        ],
    ),
];

#[test]
fn real_sentences_give_key_relation_and_resolution() {
    for (text, date, want) in ROWS {
        let mut found = extract(text);
        identify(text, &mut found, Some(date));
        let got: Vec<(String, Relation, Resolution)> = found
            .iter()
            .map(|c| (c.key.clone(), c.relation, c.resolution))
            .collect();
        let want: Vec<(String, Relation, Resolution)> =
            want.iter().map(|(k, r, s)| (k.to_string(), *r, *s)).collect();
        assert_eq!(got, want, "{text:?}");
    }
    // Every relation and every resolution has a row.
    for relation in Relation::ALL {
        assert!(
            ROWS.iter()
                .any(|(_, _, w)| w.iter().any(|(_, r, _)| *r == relation)),
            "no row for {relation:?}"
        );
    }
    for resolution in [Number, NameAndDate, InForce, Unresolved] {
        assert!(
            ROWS.iter()
                .any(|(_, _, w)| w.iter().any(|(_, _, r)| *r == resolution)),
            "no row for {resolution:?}"
        );
    }
}

/// `Căn cứ Nghị định số 12/2022/NĐ-CP sửa đổi, bổ sung … Nghị định số 145/2020/NĐ-CP`:
/// basis to both, and the statement that the first amends the second kept on the second.
#[test]
fn relations_stated_between_cited_documents() {
    let rows: &[(&str, &str, &str, Relation)] = &[
        (
            "Căn cứ Nghị định số 12/2022/NĐ-CP ngày 17 tháng 01 năm 2022 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 145/2020/NĐ-CP;\nĐiều 1.",
            "145/2020/NĐ-CP",
            "12/2022/NĐ-CP",
            Amends,
        ),
        // congbao-thue_tncn__quyet-dinh-so-372-qd-btc: passive, the second acts on the first.
        (
            "Căn cứ Nghị định số 29/2025/NĐ-CP ngày 24 tháng 02 năm 2025 của Chính phủ quy định chức năng của Bộ Tài chính được sửa đổi, bổ sung bởi Nghị định số 166/2025/NĐ-CP ngày 30 tháng 6 năm 2025;\nĐiều 1.",
            "29/2025/NĐ-CP",
            "166/2025/NĐ-CP",
            Amends,
        ),
        // congbao-hdld__thong-tu-so-44-2022-tt-btc: a decree guiding a law.
        (
            "Căn cứ Nghị định số 163/2016/NĐ-CP ngày 21 tháng 12 năm 2016 của Chính phủ quy định chi tiết thi hành một số điều của Luật ngân sách nhà nước;\nĐiều 1.",
            "Luật Ngân sách nhà nước",
            "163/2016/NĐ-CP",
            Guides,
        ),
    ];
    for (text, on, by, relation) in rows {
        let mut found = extract(text);
        identify(text, &mut found, Some("2023-01-01"));
        assert!(found.iter().all(|c| c.relation == Basis), "{text:?}: {found:?}");
        let target = found
            .iter()
            .find(|c| c.key == *on || c.name.as_deref() == Some(*on));
        let stated = target.and_then(|c| c.stated.as_ref());
        assert_eq!(
            stated.map(|s| (s.by.as_str(), s.relation)),
            Some((*by, *relation)),
            "{text:?}: {found:?}"
        );
    }
}

//! The issuer a header leaves out, rebuilt from the symbol's issuer code and the place of
//! issue (`01/BVSTBPN-VP` in Lai Châu → `Ban Vì sự tiến bộ của phụ nữ tỉnh Lai Châu`) —
//! only for the codes of `resources/issuer_codes.tsv` and the provinces and cities of
//! `resources/provinces.tsv` ([`crate::vocab`]); anything else stays None.

use super::doc_type::symbol_codes;
use crate::vocab::{issuers, places};

/// The issuer a header leaves out, from the symbol's issuer code and the place:
/// `01/BVSTBPN-VP` in Lai Châu → `Ban Vì sự tiến bộ của phụ nữ tỉnh Lai Châu`.
pub(super) fn issuer_from_symbol(number: &str, place: Option<&str>) -> Option<String> {
    let issuer = issuers::by_code(symbol_codes(number).issuer?)?;
    if !issuer.provincial {
        return Some(issuer.name.to_string());
    }
    let place = place?;
    let unit = places::find(place)?.unit;
    Some(format!("{} {unit} {place}", issuer.name))
}

#[cfg(test)]
mod tests {
    use crate::understand::header::tests::header;

    #[test]
    fn issuer_as_a_table() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "ỦY\nBAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG\n-------\n|\nCỘNG\nHÒA XÃ HỘI\n",
                Some("Ủy ban nhân dân thành phố Hải Phòng"),
            ),
            (
                "**ỦY BAN NHÂN DÂN      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  \nTHÀNH PHỐ BUÔN MA THUỘT      Độc lập- Tự do- Hạnh phúc**\n",
                Some("Ủy ban nhân dân thành phố Buôn Ma Thuột"),
            ),
            (
                "ỦY BAN NHÂN DÂN\n\nTỈNH ĐỒNG NAI\n\nCỘNG HÒA XÃ HỘI\n",
                Some("Ủy ban nhân dân tỉnh Đồng Nai"),
            ),
            (
                "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\n\nBỘ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI\n\nSố: 02/2025/TT-BLĐTBXH\n",
                Some("Bộ Lao động - Thương binh và Xã hội"),
            ),
            // No issuer in the header: from the symbol and the place.
            (
                "Số: 01 /BVSTBPN-VP\n\nLai Châu, ngày 23 tháng 3 năm 2023\n",
                Some("Ban Vì sự tiến bộ của phụ nữ tỉnh Lai Châu"),
            ),
            (
                "Số: 397/SLĐTBXH-TEBĐG\n\nThanh Hóa, ngày 20 tháng 02 năm 2020\n",
                Some("Sở Lao động - Thương binh và Xã hội tỉnh Thanh Hóa"),
            ),
            (
                "Số: 5/KH-UBND\n\nĐà Nẵng, ngày 2 tháng 3 năm 2020\n",
                Some("Ủy ban nhân dân thành phố Đà Nẵng"),
            ),
            (
                "Số: 5/NĐ-CP\n\nHà Nội, ngày 2 tháng 3 năm 2020\n",
                Some("Chính phủ"),
            ),
            // A place that is no province, or a code not in the table: not guessed.
            ("Số: 5/KH-UBND\n\nBuôn Ma Thuột, ngày 2 tháng 3 năm 2020\n", None),
            ("Số: 5/KH-XYZ\n\nLai Châu, ngày 2 tháng 3 năm 2020\n", None),
        ];
        for (input, want) in cases {
            assert_eq!(header(input).issuer.as_deref(), *want, "{input:?}");
        }
    }
}

//! The issuer a header leaves out, rebuilt from the symbol's issuer code and the place of
//! issue (`01/BVSTBPN-VP` in Lai Châu → `Ban Vì sự tiến bộ của phụ nữ tỉnh Lai Châu`) —
//! only for the codes and provinces in the tables here; anything else stays None.

use super::doc_type::symbol_codes;

/// Issuer codes of symbols. `true`: a provincial body, named with its province.
const ISSUER_CODES: &[(&str, &str, bool)] = &[
    ("UBND", "Ủy ban nhân dân", true),
    ("HĐND", "Hội đồng nhân dân", true),
    ("SLĐTBXH", "Sở Lao động - Thương binh và Xã hội", true),
    ("BVSTBPN", "Ban Vì sự tiến bộ của phụ nữ", true),
    ("BVSTBCPN", "Ban Vì sự tiến bộ của phụ nữ", true),
    ("SYT", "Sở Y tế", true),
    ("SGDĐT", "Sở Giáo dục và Đào tạo", true),
    ("STC", "Sở Tài chính", true),
    ("SNV", "Sở Nội vụ", true),
    ("STP", "Sở Tư pháp", true),
    ("SXD", "Sở Xây dựng", true),
    ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", true),
    ("BCĐ", "Ban Chỉ đạo", true),
    ("CP", "Chính phủ", false),
    ("TTg", "Thủ tướng Chính phủ", false),
    ("VPCP", "Văn phòng Chính phủ", false),
    ("QH", "Quốc hội", false),
    ("BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội", false),
    ("BTC", "Bộ Tài chính", false),
    ("BNV", "Bộ Nội vụ", false),
    ("BTP", "Bộ Tư pháp", false),
    ("BQP", "Bộ Quốc phòng", false),
    ("BCA", "Bộ Công an", false),
    ("BYT", "Bộ Y tế", false),
    ("BGDĐT", "Bộ Giáo dục và Đào tạo", false),
    ("BKHĐT", "Bộ Kế hoạch và Đầu tư", false),
    ("BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch", false),
    ("CHQ", "Cục Hải quan", false),
];

/// Cities under central government: `thành phố X`; every other province is `tỉnh X`.
const CENTRAL_CITIES: &[&str] = &["Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"];
const PROVINCES: &[&str] = &[
    "An Giang",
    "Bà Rịa - Vũng Tàu",
    "Bắc Giang",
    "Bắc Kạn",
    "Bạc Liêu",
    "Bắc Ninh",
    "Bến Tre",
    "Bình Định",
    "Bình Dương",
    "Bình Phước",
    "Bình Thuận",
    "Cà Mau",
    "Cao Bằng",
    "Đắk Lắk",
    "Đắk Nông",
    "Điện Biên",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
    "Hà Giang",
    "Hà Nam",
    "Hà Tĩnh",
    "Hải Dương",
    "Hậu Giang",
    "Hòa Bình",
    "Hưng Yên",
    "Khánh Hòa",
    "Kiên Giang",
    "Kon Tum",
    "Lai Châu",
    "Lâm Đồng",
    "Lạng Sơn",
    "Lào Cai",
    "Long An",
    "Nam Định",
    "Nghệ An",
    "Ninh Bình",
    "Ninh Thuận",
    "Phú Thọ",
    "Phú Yên",
    "Quảng Bình",
    "Quảng Nam",
    "Quảng Ngãi",
    "Quảng Ninh",
    "Quảng Trị",
    "Sóc Trăng",
    "Sơn La",
    "Tây Ninh",
    "Thái Bình",
    "Thái Nguyên",
    "Thanh Hóa",
    "Thừa Thiên Huế",
    "Tiền Giang",
    "Trà Vinh",
    "Tuyên Quang",
    "Vĩnh Long",
    "Vĩnh Phúc",
    "Yên Bái",
];

/// Old-style tone placement (`Thanh Hoá`) read as the new style (`Thanh Hóa`) for lookups.
fn tone_key(s: &str) -> String {
    s.replace("oá", "óa")
        .replace("oà", "òa")
        .replace("oả", "ỏa")
        .replace("oã", "õa")
        .replace("oạ", "ọa")
        .replace("uỷ", "ủy")
}

/// The issuer a header leaves out, from the symbol's issuer code and the place:
/// `01/BVSTBPN-VP` in Lai Châu → `Ban Vì sự tiến bộ của phụ nữ tỉnh Lai Châu`.
pub(super) fn issuer_from_symbol(number: &str, place: Option<&str>) -> Option<String> {
    let (_, code) = symbol_codes(number);
    let code = code?;
    let (_, name, local) = ISSUER_CODES.iter().find(|(c, _, _)| *c == code)?;
    if !local {
        return Some(name.to_string());
    }
    let place = place?;
    let key = tone_key(place);
    let unit = if CENTRAL_CITIES.iter().any(|c| tone_key(c) == key) {
        "thành phố"
    } else if PROVINCES.iter().any(|p| tone_key(p) == key) {
        "tỉnh"
    } else {
        return None;
    };
    Some(format!("{name} {unit} {place}"))
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

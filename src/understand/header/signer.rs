//! The signer: the name under the first signature block after the header, whose
//! upper-case lines above hold a title (`KT. CHỦ TỊCH`, `PHÓ CHỦ TỊCH`, typos seen in real
//! documents included). A name broken over two lines is joined; digital-signature
//! trailers (`Ký bởi:`) are not signers.

use std::sync::LazyLock;

use regex::Regex;

use super::lines::{is_caps, is_title_word};

/// A signature-image placeholder left by conversion: `[daky]`, the `y]` of `TƯỚNGy]`.
static SIGNATURE_ARTEFACT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[?[a-z]*\]$").unwrap());

/// Words of the titles in a signature block, typos seen in real documents included.
const SIGNATURE_TITLES: &[&str] = &[
    "CHỦ TỊCH",
    "CHỮ TỊCH",
    "TRƯỞNG",
    "TRƯỜNG",
    "THỦNG",
    "GIÁM ĐỐC",
    "THỦ TƯỚNG",
    "CHÁNH",
    "PHÓ",
    "ỦY VIÊN",
    "THƯ KÝ",
    "CHỦ NHIỆM",
    "THỐNG ĐỐC",
    "KIỂM TOÁN",
    "BÍ THƯ",
    "TM.",
    "KT.",
    "TL.",
    "Q.",
    "T/M",
    "TUQ.",
];

pub(super) fn is_signature_line(l: &str) -> bool {
    ["TM.", "KT.", "TL.", "Q.", "T/M", "TUQ."]
        .iter()
        .any(|p| l.starts_with(p))
        || (is_caps(l) && SIGNATURE_TITLES.iter().any(|t| l.contains(t)))
}

/// 2–5 capitalised words, not all caps, no digits: `Lê Khắc Nam`.
pub(super) fn is_person_name(s: &str) -> bool {
    // Word by word, stopping at the first that rules it out: most lines are long prose.
    let mut words = 0;
    for word in s.split_whitespace() {
        words += 1;
        if words > 5 || !is_title_word(word) {
            return false;
        }
    }
    words >= 2
}

/// The name under the first signature block after the header: a name line whose
/// upper-case lines above include a title (`KT. CHỦ TỊCH`, `PHÓ CHỦ TỊCH`, `THỦNG BAN`).
pub(super) fn find_signer(lines: &[&str], from: usize) -> Option<(usize, String)> {
    for i in from..lines.len() {
        let l = lines[i];
        if l.is_empty() || l.contains(':') {
            continue;
        }
        // A name broken after its first word (`Bùi\nXuân Cường`).
        let name = if is_title_word(l) {
            match lines.get(i + 1) {
                Some(n) if is_person_name(&format!("{l} {n}")) => format!("{l} {n}"),
                _ => continue,
            }
        } else if is_person_name(l) {
            // `Nguyễn Quỳnh\nThiện`: a last syllable alone on the next line.
            let tail = lines.get(i + 1).filter(|t| is_title_word(t));
            let ends_after = lines.get(i + 2).is_none_or(|n| n.is_empty());
            match tail {
                Some(t) if ends_after && is_person_name(&format!("{l} {t}")) => format!("{l} {t}"),
                _ => l.to_string(),
            }
        } else {
            continue;
        };
        if signed_above(lines, i) {
            return Some((i, name));
        }
    }
    None
}

/// Whether the lines just above `i` are a signature block: upper-case lines (and
/// `(Đã ký)`-like notes), at least one with a title.
fn signed_above(lines: &[&str], i: usize) -> bool {
    let mut seen_title = false;
    let mut caps_lines = 0;
    let mut j = i;
    while j > 0 && i - j < 10 {
        j -= 1;
        let l = SIGNATURE_ARTEFACT.replace(lines[j], "");
        let l = l.trim();
        if l.is_empty() || (l.starts_with('(') && l.ends_with(')')) {
            continue;
        }
        if !is_caps(l) && !is_signature_line(l) {
            break;
        }
        caps_lines += 1;
        seen_title |= is_signature_line(l);
        if caps_lines >= 6 {
            break;
        }
    }
    seen_title
}

#[cfg(test)]
mod tests {
    use crate::understand::header::tests::header;

    #[test]
    fn signer_as_a_table() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "Nơi nhận:\n- Lưu: VT.\n|\nTM.\nỦY BAN NHÂN DÂN THÀNH PHỐ\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Khắc Nam\n|",
                Some("Lê Khắc Nam"),
            ),
            (
                "TRƯỜNG BAN\n\nTHỦNG BAN\n\nPHÓ CHỮ TỊCH UBND THANH PHỐ\n\nLê Khắc Nam\n",
                Some("Lê Khắc Nam"),
            ),
            (
                "**KT. CHỦ TỊCH  \nPHÓ CHỦ TỊCH**\n\n**Phạm Tiến Hưng**",
                Some("Phạm Tiến Hưng"),
            ),
            (
                "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nBùi\nXuân Cường\n",
                Some("Bùi Xuân Cường"),
            ),
            (
                "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Quỳnh\nThiện\n\nPHỤ LỤC I\n",
                Some("Nguyễn Quỳnh Thiện"),
            ),
            (
                "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n(Đã ký)\nLê Tấn Dũng\n",
                Some("Lê Tấn Dũng"),
            ),
            (
                "TM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNGy]\n\nHồ Quốc Dũng\n",
                Some("Hồ Quốc Dũng"),
            ),
            (
                "KT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n[daky]\nLê Minh Khái\n",
                Some("Lê Minh Khái"),
            ),
            // Digital-signature trailers and plain text are not signers.
            (
                "Người ký: Cổng Thông tin điện tử Chính phủ\nEmail: a@b.vn\nCơ quan: Văn phòng Chính phủ\n",
                None,
            ),
            ("Ký bởi: Hoàng Văn Lãng\n", None),
            ("Đẩy mạnh công tác\nLê Khắc Nam\n", None),
            (
                "Số hiệu:\n\n1/QĐ-BTC\n\nNgười ký:\n\nNguyễn Đức Tâm\n\nTình trạng:\n\nĐã biết\n",
                Some("Nguyễn Đức Tâm"),
            ),
        ];
        for (input, want) in cases {
            assert_eq!(header(input).signer.as_deref(), *want, "{input:?}");
        }
    }
}

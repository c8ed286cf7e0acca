//! Recipients: the `Kính gửi` entries near the header, then the `Nơi nhận` list beside the
//! signature block — `- ` items, an item running on over lines until it ends in `;`,
//! `.` or `,`, the list ending at a signature line, a body line or after a blank line.

use std::sync::LazyLock;

use regex::Regex;

use super::lines::{BODY_OPENER, LIST_MARKER};
use super::signer::is_signature_line;

/// `Nơi nhận:` (also `Noi nhận`, `NƠI NHẬN`), not `nơi nhận trợ cấp …` in a sentence.
static NOI_NHAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^N(?i:[ơo]i\s+nh[ậa]n)\s*(?::\s*(.*)|$)").unwrap());

static KINH_GUI: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^Kính\s+gửi\s*:?\s*(.*)$").unwrap());

/// `Kính gửi` entries (near the header), then `Nơi nhận` entries.
pub(super) fn find_recipients(
    lines: &[&str],
    from: usize,
    header_end: usize,
    signature: Option<usize>,
) -> Vec<String> {
    let mut out = Vec::new();
    let kinh_to = lines.len().min(header_end + 30);
    for i in from..kinh_to {
        let l = lines[i];
        // `Kính\ngửi: …` broken after its first word.
        let joined;
        let l = if l == "Kính" && lines.get(i + 1).is_some_and(|n| n.starts_with("gửi")) {
            joined = format!("Kính {}", lines[i + 1]);
            joined.as_str()
        } else {
            l
        };
        if let Some(c) = KINH_GUI.captures(l) {
            let skip = if lines[i] == "Kính" { 2 } else { 1 };
            out.extend(read_list(
                lines,
                i + skip,
                c.get(1).map_or("", |m| m.as_str()),
                true,
            ));
            break;
        }
    }
    // The `Nơi nhận` beside the signature block, not one in an appended form.
    let range = match signature {
        Some(s) => s.saturating_sub(80).max(from)..lines.len().min(s + 60),
        None => from..lines.len(),
    };
    let noi_nhan = range.into_iter().find_map(|i| {
        NOI_NHAN
            .captures(lines[i])
            .map(|c| (i, c.get(1).map_or("", |m| m.as_str()).to_string()))
    });
    if let Some((i, rest)) = noi_nhan {
        out.extend(read_list(lines, i + 1, &rest, false));
    }
    out
}

/// A list after `Kính gửi:` / `Nơi nhận:`: `- ` items, an item running on over lines
/// until it ends in `;`, `.` or `,`. It ends at a signature line, a body line, or a
/// non-item line after a blank line. `single`: a lone unmarked entry is allowed
/// (`Kính gửi: Thuế tỉnh Quảng Trị.`).
fn read_list(lines: &[&str], start: usize, first: &str, single: bool) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    let mut cur: Option<String> = None;
    let mut continuations = 0;
    let first = first.trim();
    if !first.is_empty() {
        cur = Some(LIST_MARKER.replace(first, "").to_string());
    }
    let ends_item = |s: &str| s.ends_with([';', '.', ',']);
    // A wrapped entry goes on in lower case or on a short line; a capitalised sentence
    // is the body starting (`Kính gửi: Độc\ngiả …\nCục Thuế nhận được đơn …`) and an
    // upper-case line a form's signature caption.
    let runs_on = |l: &str, marked: bool| {
        let words = l.split_whitespace().count();
        let letters: Vec<char> = l.chars().filter(|c| c.is_alphabetic()).collect();
        let upper = letters.iter().filter(|c| c.is_uppercase()).count();
        let mostly_caps = words >= 3 && upper * 3 >= letters.len() * 2;
        !mostly_caps
            && (l.starts_with(char::is_lowercase) || words <= 6 || (marked && l.chars().count() <= 60))
    };
    let mut marked = false;
    let mut after_blank = false;
    for &l in lines.iter().skip(start).take(200) {
        if items.len() >= 60 {
            break;
        }
        if l.is_empty() {
            after_blank = true;
            continue;
        }
        if is_signature_line(l)
            || BODY_OPENER.is_match(l)
            || l.starts_with("Người ký:")
            || l.starts_with("Ký bởi:")
        {
            break;
        }
        if LIST_MARKER.is_match(l) {
            items.extend(cur.take());
            cur = Some(LIST_MARKER.replace(l, "").to_string());
            continuations = 0;
            marked = true;
        } else if cur.is_none() && items.is_empty() && single {
            cur = Some(l.to_string());
        } else if !after_blank
            && continuations < 3
            && cur.as_deref().is_some_and(|c| !ends_item(c))
            && runs_on(l, marked)
        {
            if let Some(c) = cur.as_mut() {
                c.push(' ');
                c.push_str(l);
            }
            continuations += 1;
        } else {
            break;
        }
        after_blank = false;
    }
    items.extend(cur);
    items
        .into_iter()
        .map(|s| {
            s.trim()
                .trim_end_matches([';', '.', ',', ':', ' '])
                .trim()
                .to_string()
        })
        .filter(|s| s.chars().any(char::is_alphabetic))
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::understand::header::tests::header;

    #[test]
    fn recipients_as_a_table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Nơi nhận:\n- Bộ LĐTBXH;\n- Vụ BĐG-Bộ LĐTBXH;\n- Lưu: VT.\n|\nTM.\nỦY BAN NHÂN DÂN\n",
                &["Bộ LĐTBXH", "Vụ BĐG-Bộ LĐTBXH", "Lưu: VT"],
            ),
            (
                "*Noi nhận:*\n\n- Sở Lao động- TBXH (b/c);\n- Lưu VT.\n\n\n\n**KT. CHỦ TỊCH**",
                &["Sở Lao động- TBXH (b/c)", "Lưu VT"],
            ),
            (
                "Kính gửi:\n\n- Các sở, ban, ngành;\n- UBND các huyện.\n\nThực hiện Công văn",
                &["Các sở, ban, ngành", "UBND các huyện"],
            ),
            (
                "Kính gửi: Thuế tỉnh Quảng Trị.\nCục Thuế nhận được",
                &["Thuế tỉnh Quảng Trị"],
            ),
            (
                "Kính\ngửi: Công ty TNHH\nTokokosen.\n(Địa chỉ: Phòng 11)\n",
                &["Công ty TNHH Tokokosen"],
            ),
            (
                "Nơi nhận:\n- Công ty TNHH Suhil\nVina (đ/c: KCN Long\nThành);\n- Lưu: VT.\n\nTL.\nCỤC TRƯỞNG\n",
                &["Công ty TNHH Suhil Vina (đ/c: KCN Long Thành)", "Lưu: VT"],
            ),
            (
                "Nơi nhận:\n- Như trên;\n- Lưu: VT, CS\n\nTL. CỤC TRƯỞNG\nPHÓ TRƯỞNG BAN\n",
                &["Như trên", "Lưu: VT, CS"],
            ),
            (
                "Kính gửi: Độc\ngiả Hoàng Văn Trung\nCục Thuế nhận được đơn phản ánh kiến nghị của Độc giả Hoàng Văn Trung qua hệ thống\n",
                &["Độc giả Hoàng Văn Trung"],
            ),
            ("đăng ký nơi nhận trợ cấp thất nghiệp (2):\n- Tiền\n", &[]),
            (
                "Nơi nhận:\n- Như trên;\n- Lưu: \nCHỮ KÝ NGƯỜI ĐẠI DIỆN THEO PHÁP LUẬT (Ký tên, đóng dấu)\n",
                &["Như trên", "Lưu"],
            ),
            ("Không có\n", &[]),
        ];
        for (input, want) in cases {
            assert_eq!(header(input).recipients, *want, "{input:?}");
        }
    }
}

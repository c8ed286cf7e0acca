//! The issuing body as the header's upper-case block names it, in Vietnamese sentence
//! case (`ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG` → `Ủy ban nhân dân thành phố Hải Phòng`).
//! A two-column header flattened into rows gives its left column; a parent and a child
//! body give the child with the parent's place; bodies joined by ` - ` are a joint issue.

use super::lines::{is_caps, is_national_motto};
use super::number_line::number_line_rest;

/// Gazette section headings that stand above a header and are no part of it.
fn is_gazette_heading(line: &str) -> bool {
    line.starts_with("VĂN BẢN QUY PHẠM PHÁP LUẬT")
        || line.starts_with("VĂN BẢN PHÁP LUẬT KHÁC")
        || (line.starts_with("VĂN BẢN HỢP NHẤT") && line.ends_with('-'))
}

/// The upper-case header lines before the motto or number line at `marker`, as one
/// string. A two-column header flattened into rows (`ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI …`
/// / `THÀNH PHỐ X Độc lập - …`) gives its left column.
pub(super) fn issuer_text(lines: &[&str], start: usize, marker: usize) -> Option<String> {
    let m = lines[marker];
    let cut = |l: &str| -> Option<usize> {
        ["CỘNG HÒA", "CỘNG HOÀ", "Độc lập"]
            .iter()
            .filter_map(|k| l.find(k))
            .min()
    };
    let mut parts: Vec<String> = Vec::new();
    if let Some(pos) = cut(m).filter(|&p| p > 0) {
        // Two columns in one row: keep the left, and the left of the rows below.
        parts.push(m.get(..pos).unwrap_or("").trim().to_string());
        if !m.contains("Độc lập") {
            for l in lines.iter().skip(marker + 1).take(3) {
                let left = match cut(l) {
                    Some(p) => l.get(..p).unwrap_or("").trim(),
                    None => l,
                };
                if !left.is_empty() && is_caps(left) {
                    parts.push(left.to_string());
                }
                if l.contains("Độc lập") || !is_caps(left) {
                    break;
                }
            }
        }
    }
    // Walk up from the marker over upper-case lines. A blank line ends the block once
    // it names a body (the gazette repeats the issuer above a blank line).
    let mut above: Vec<&str> = Vec::new();
    let mut j = marker;
    let mut blanks = 0;
    while j > start {
        j -= 1;
        let l = lines[j];
        if l.is_empty() {
            blanks += 1;
            let named = {
                let mut v = above.clone();
                v.reverse();
                starts_with_body_head(&v.join(" "))
            };
            if (!above.is_empty() && named) || blanks > 3 {
                break;
            }
            continue;
        }
        blanks = 0;
        if is_gazette_heading(l) || !is_caps(l) || number_line_rest(l).is_some() || is_national_motto(l) {
            break;
        }
        above.push(l);
    }
    above.reverse();
    let mut all: Vec<String> = above.into_iter().map(str::to_string).collect();
    all.extend(parts);
    let text = all.join(" ").split_whitespace().collect::<Vec<_>>().join(" ");
    let text = text.trim_end_matches(['-', ' ']).to_string();
    (text.chars().filter(|c| c.is_alphabetic()).count() >= 4).then_some(text)
}

const BODY_HEADS: &[&str] = &[
    "ỦY BAN",
    "UỶ BAN",
    "HỘI ĐỒNG",
    "BỘ ",
    "SỞ ",
    "BAN ",
    "CỤC ",
    "TỔNG CỤC",
    "CHI CỤC",
    "CHÍNH PHỦ",
    "THỦ TƯỚNG",
    "VĂN PHÒNG",
    "TRUNG TÂM",
    "VIỆN ",
    "TÒA ",
    "TOÀ ",
    "QUỐC HỘI",
    "KHO BẠC",
    "PHÒNG ",
    "KIỂM TOÁN",
    "THANH TRA",
];

pub(super) fn starts_with_body_head(s: &str) -> bool {
    let u = s.to_uppercase();
    BODY_HEADS.iter().any(|h| u.starts_with(h) || u == h.trim())
}

/// Bodies whose whole name is fixed: rendered as given.
const FIXED_BODIES: &[&str] = &[
    "Viện Kiểm sát nhân dân",
    "Tòa án nhân dân",
    "Toà án nhân dân",
    "Ủy ban nhân dân",
    "Hội đồng nhân dân",
    "Thủ tướng Chính phủ",
    "Văn phòng Chính phủ",
    "Thanh tra Chính phủ",
    "Kiểm toán Nhà nước",
    "Kho bạc Nhà nước",
    "Chính phủ",
    "Quốc hội",
];
/// Words with a fixed case wherever they stand.
const FIXED_WORDS: &[&str] = &["Việt Nam", "Trung ương", "tối cao", "Chính phủ", "Nhà nước"];
/// Heads followed by the body's field, whose first word is capitalised (`Bộ Tài chính`),
/// and whether the head can also start a second body in the middle of a header
/// (`… HẢI PHÒNG BAN VÌ …`) rather than only at its start.
const FIELD_HEADS: &[(&str, bool)] = &[
    ("tổng cục", true),
    ("chi cục", true),
    ("văn phòng", true),
    ("trung tâm", true),
    ("kho bạc", false),
    ("học viện", false),
    ("ủy ban", true),
    ("hội đồng", true),
    ("cục", true),
    ("bộ", true),
    ("sở", true),
    ("ban", true),
    ("vụ", false),
    ("viện", false),
    ("phòng", false),
];
/// Words before which a head word is part of another word (`tiến bộ`, `Quốc phòng`).
const HEAD_STOP_BEFORE: &[&str] = &[
    "tiến",
    "toàn",
    "cán",
    "cơ",
    "quốc",
    "văn",
    "nội",
    "nhiệm",
    "dịch",
    "phục",
    "thường",
    "ủy",
    "tổng",
    "chi",
    "trưởng",
    "phó",
];
const PLACE_UNITS: &[&str] = &[
    "thành phố",
    "thị xã",
    "thị trấn",
    "tỉnh",
    "huyện",
    "quận",
    "phường",
    "xã",
    "tp.",
];

#[derive(Default)]
struct Body {
    name: Vec<String>,
    place: Vec<String>,
    /// Joined to the body before it by ` - ` (a joint issue), not under it.
    joint: bool,
}

#[derive(PartialEq, Clone, Copy)]
enum Mode {
    /// After a head: the field (`Lao động - Thương binh và Xã hội`).
    Field,
    /// After a place unit: every word capitalised.
    Place,
    /// After a fixed body name: plain lower case (`tối cao`).
    After,
}

fn cap_first(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Does `phrase` (lower case, space separated) start at `words[i]`? Returns its length.
fn phrase_at(words: &[String], i: usize, phrase: &str) -> Option<usize> {
    let n = phrase.split(' ').count();
    let slice = words.get(i..i + n)?;
    (slice.iter().map(String::as_str).eq(phrase.split(' '))).then_some(n)
}

/// An upper-case issuer in Vietnamese sentence case: the head word and the first word of
/// its field capitalised (`Bộ Tài chính`, `Sở Giáo dục và Đào tạo`), place names
/// capitalised (`thành phố Hải Phòng`). A parent and a child body give the child with
/// the parent's place; bodies joined by ` - ` are all kept (a joint issue).
pub(super) fn issuer_case(caps: &str) -> Option<String> {
    let raw: Vec<String> = caps
        .replace("UỶ", "ỦY")
        .replace("Uỷ", "Ủy")
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let words: Vec<String> = raw
        .iter()
        .map(|w| w.to_lowercase().replace(['–', '—'], "-"))
        .collect();
    let mut bodies: Vec<Body> = Vec::new();
    let mut mode = Mode::Field;
    let mut cap_next = false;
    let mut joint_next = false;
    let mut i = 0;
    while i < words.len() {
        let w = words[i].as_str();
        let at_start = bodies.is_empty() || joint_next;
        let prev = i.checked_sub(1).map(|p| words[p].as_str()).unwrap_or("");
        let may_split = at_start || (mode != Mode::Field || !HEAD_STOP_BEFORE.contains(&prev));
        // A fixed body name.
        let fixed = FIXED_BODIES
            .iter()
            .find_map(|b| phrase_at(&words, i, &b.to_lowercase()).map(|n| (b, n)));
        if let Some((b, n)) = fixed.filter(|_| at_start || mode != Mode::Field) {
            bodies.push(Body {
                name: vec![b.to_string()],
                joint: joint_next,
                ..Body::default()
            });
            (mode, joint_next, cap_next) = (Mode::After, false, false);
            i += n;
            continue;
        }
        // A head with a field.
        let head = FIELD_HEADS
            .iter()
            .filter(|(_, mid)| at_start || *mid)
            .find_map(|(h, _)| phrase_at(&words, i, h).map(|n| (h, n)));
        if let Some((h, n)) = head
            .filter(|_| may_split && !(mode == Mode::Field && HEAD_STOP_BEFORE.contains(&prev) && !at_start))
        {
            bodies.push(Body {
                name: vec![cap_first(h)],
                joint: joint_next,
                ..Body::default()
            });
            (mode, joint_next, cap_next) = (Mode::Field, false, true);
            i += n;
            continue;
        }
        if bodies.is_empty() {
            // Something not in the tables (`CÔNG TY …`): keep it, capitalised once.
            bodies.push(Body::default());
            cap_next = true;
        }
        let Some(body) = bodies.last_mut() else { break };
        // Fixed-case words.
        if let Some((f, n)) = FIXED_WORDS
            .iter()
            .find_map(|f| phrase_at(&words, i, &f.to_lowercase()).map(|n| (f, n)))
        {
            let target = if mode == Mode::Place {
                &mut body.place
            } else {
                &mut body.name
            };
            target.push(f.to_string());
            i += n;
            cap_next = false;
            continue;
        }
        if w == "-" {
            // ` - ` between two bodies is a joint issue; inside a field it is part of
            // the name (`Lao động - Thương binh`).
            let next_is_body = FIXED_BODIES
                .iter()
                .any(|b| phrase_at(&words, i + 1, &b.to_lowercase()).is_some())
                || FIELD_HEADS
                    .iter()
                    .any(|(h, _)| phrase_at(&words, i + 1, h).is_some());
            if next_is_body {
                joint_next = true;
            } else {
                body.name.push("-".to_string());
                cap_next = true;
            }
            i += 1;
            continue;
        }
        // A place unit, but not the `xã` of `xã hội`.
        let unit = PLACE_UNITS
            .iter()
            .find_map(|u| phrase_at(&words, i, u).map(|n| (u, n)));
        if let Some((u, n)) =
            unit.filter(|(u, _)| !(**u == "xã" && words.get(i + 1).is_some_and(|x| x == "hội")))
        {
            body.place.push(u.to_string());
            mode = Mode::Place;
            i += n;
            continue;
        }
        match mode {
            Mode::Place => body.place.push(cap_first(w)),
            Mode::After => body.name.push(w.to_string()),
            Mode::Field => {
                body.name
                    .push(if cap_next { cap_first(w) } else { w.to_string() });
                cap_next = w == "và" || w.ends_with(',');
            }
        }
        i += 1;
    }
    let render = |b: &Body, place: &[String]| {
        let mut s = b.name.join(" ");
        if !place.is_empty() {
            s.push(' ');
            s.push_str(&place.join(" "));
        }
        s
    };
    let first = bodies.first()?;
    let out = if bodies.iter().skip(1).all(|b| b.joint) {
        let all: Vec<String> = bodies.iter().map(|b| render(b, &b.place)).collect();
        all.join(" - ")
    } else {
        // Parent and child: the child issues; it takes the parent's place if it has none.
        let last = bodies.last().unwrap_or(first);
        let place = if last.place.is_empty() {
            bodies
                .iter()
                .rev()
                .find(|b| !b.place.is_empty())
                .map_or(&last.place, |b| &b.place)
        } else {
            &last.place
        };
        render(last, place)
    };
    let out = out.trim().trim_end_matches(['-', ' ']).to_string();
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issuer_case_as_a_table() {
        let cases: &[(&str, &str)] = &[
            (
                "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG",
                "Ủy ban nhân dân thành phố Hải Phòng",
            ),
            (
                "UỶ BAN NHÂN DÂN TỈNH QUẢNG NINH",
                "Ủy ban nhân dân tỉnh Quảng Ninh",
            ),
            (
                "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG BAN VÌ SỰ TIẾN BỘ CỦA PHỤ NỮ",
                "Ban Vì sự tiến bộ của phụ nữ thành phố Hải Phòng",
            ),
            (
                "HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HUẾ",
                "Hội đồng nhân dân thành phố Huế",
            ),
            ("CHÍNH PHỦ", "Chính phủ"),
            ("THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ"),
            (
                "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
                "Bộ Lao động - Thương binh và Xã hội",
            ),
            ("BỘ TÀI CHÍNH CỤC THUẾ", "Cục Thuế"),
            ("BỘ TÀI CHÍNH CỤC HẢI QUAN", "Cục Hải quan"),
            ("BỘ NỘI VỤ", "Bộ Nội vụ"),
            ("BỘ QUỐC PHÒNG", "Bộ Quốc phòng"),
            (
                "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
                "Bộ Văn hóa, Thể thao và Du lịch",
            ),
            ("BỘ KẾ HOẠCH VÀ ĐẦU TƯ", "Bộ Kế hoạch và Đầu tư"),
            (
                "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH SỞ GIÁO DỤC VÀ ĐÀO TẠO",
                "Sở Giáo dục và Đào tạo thành phố Hồ Chí Minh",
            ),
            (
                "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI TỈNH THANH HÓA",
                "Sở Lao động - Thương binh và Xã hội tỉnh Thanh Hóa",
            ),
            (
                "VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO - TÒA ÁN NHÂN DÂN TỐI CAO - BỘ CÔNG AN - BỘ QUỐC PHÒNG -",
                "Viện Kiểm sát nhân dân tối cao - Tòa án nhân dân tối cao - Bộ Công an - Bộ Quốc phòng",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(issuer_case(input).as_deref(), Some(*want), "{input:?}");
        }
    }
}

//! Place and date of issue: the `<place>, ngày … tháng … năm …` line, put back together
//! when conversion split it (`Hải\nPhòng, ngày …`, `…năm\n2025`), a date line with no
//! place, and the metadata table's `dd/mm/yyyy`. A date that is no calendar day
//! (`31 tháng 2`, checked by [`crate::vi::date::Date`]) is None, its year kept; places
//! lose their `Thành phố`/`Tỉnh` prefix.

use std::sync::LazyLock;

use regex::Regex;

use super::lines::is_title_word;
use crate::vi::date::{ARCHIVE_YEARS, Date};

pub(super) static PLACE_COMMA: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([^\d,;:()/.]{1,60}?)\s*,\s*(.*)$").unwrap());
static DATE_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^ngày\s*(\d{1,2})?[\s.…]*tháng\s*(\d{1,2})?[\s.…]*năm\s*(\d{4})").unwrap()
});
static BARE_DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})\s*\.?$").unwrap()
});

#[derive(Clone)]
pub(super) struct DateLine {
    pub(super) place: Option<String>,
    pub(super) date: Option<String>,
    pub(super) year: Option<i32>,
    pub(super) last_line: usize,
}

/// The first `<place>, ngày … tháng … năm …` line in `from..to`, put back together when
/// it is split (`Hải\nPhòng, ngày …`, `Thành phố Huế,\nngày …`, `…năm\n2025`).
pub(super) fn find_date_line(lines: &[&str], from: usize, to: usize) -> Option<DateLine> {
    let to = to.min(lines.len());
    for i in from..to {
        let Some(caps) = PLACE_COMMA.captures(lines[i]) else {
            continue;
        };
        let (place, rest) = (caps[1].trim(), caps.get(2).map_or("", |m| m.as_str()));
        if !(rest.is_empty() || rest.to_lowercase().starts_with("ngày")) {
            continue;
        }
        // The date may run on over the next lines.
        let mut text = rest.to_string();
        let mut last = i;
        for (j, l) in (i + 1..lines.len().min(i + 5)).map(|j| (j, lines[j])) {
            if DATE_TEXT.is_match(&text) {
                break;
            }
            if l.is_empty() {
                continue;
            }
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(l);
            last = j;
        }
        let Some(d) = DATE_TEXT.captures(&text) else {
            continue;
        };
        let Some(place) = full_place(lines, i, place) else {
            continue;
        };
        let year: Option<i32> = d[3].parse().ok().filter(|y| ARCHIVE_YEARS.contains(y));
        let date = match (d.get(1), d.get(2), year) {
            (Some(dd), Some(mm), Some(_)) => Date::from_parts(dd.as_str(), mm.as_str(), &d[3]).map(Date::iso),
            _ => None,
        };
        return Some(DateLine {
            place: Some(strip_place_prefix(&place)),
            date,
            year,
            last_line: last,
        });
    }
    // A date line with no place in front of it.
    (from..to).find_map(|i| {
        let d = BARE_DATE_LINE.captures(lines[i])?;
        let y: i32 = d[3].parse().ok().filter(|y| ARCHIVE_YEARS.contains(y))?;
        Some(DateLine {
            place: None,
            date: Date::from_parts(&d[1], &d[2], &d[3]).map(Date::iso),
            year: Some(y),
            last_line: i,
        })
    })
}

/// The place before the comma, with a fragment on the line above joined back
/// (`Hải` + `Phòng`, `Thành` + `phố Hồ Chí Minh`). None when it does not look like a place.
fn full_place(lines: &[&str], i: usize, place: &str) -> Option<String> {
    let prev = i.checked_sub(1).map(|p| lines[p]).unwrap_or("");
    let prev_is_fragment = !prev.is_empty()
        && prev.split_whitespace().count() <= 2
        && prev.split_whitespace().all(is_title_word)
        && place.split_whitespace().count() <= 4;
    let place = if prev_is_fragment {
        format!("{prev} {place}")
    } else {
        place.to_string()
    };
    let words = place.split_whitespace().count();
    let starts_upper = place.chars().next().is_some_and(char::is_uppercase);
    (starts_upper && (1..=6).contains(&words) && !place.to_lowercase().contains("ngày")).then_some(place)
}

/// The metadata table's `dd/mm/yyyy` as `yyyy-mm-dd`, if it is a calendar day.
pub(super) fn parse_dmy(s: &str) -> Option<String> {
    Date::parse_dmy(s).map(Date::iso)
}

/// `Thành phố Huế` → `Huế`, `Tỉnh Vĩnh Long` → `Vĩnh Long`: places are compared and counted.
pub(super) fn strip_place_prefix(place: &str) -> String {
    let p = place.trim().trim_end_matches(',');
    for prefix in [
        "Thành phố ",
        "thành phố ",
        "THÀNH PHỐ ",
        "TP. ",
        "Tp. ",
        "TP.",
        "TP ",
        "Tỉnh ",
        "tỉnh ",
        "TỈNH ",
    ] {
        if let Some(rest) = p.strip_prefix(prefix) {
            return rest.trim().to_string();
        }
    }
    p.to_string()
}

#[cfg(test)]
mod tests {
    use crate::understand::header::tests::header;

    #[test]
    fn place_and_date_as_a_table() {
        // input → (place, date, year)
        type Row = (
            &'static str,
            Option<&'static str>,
            Option<&'static str>,
            Option<i32>,
        );
        let cases: &[Row] = &[
            (
                "Số: 70/KH-UBND\n|\nHải\nPhòng, ngày 22 tháng 3 năm 2022\n",
                Some("Hải Phòng"),
                Some("2022-03-22"),
                Some(2022),
            ),
            (
                "Buôn Ma Thuột, ngày **23** tháng 3 năm 2022\n",
                Some("Buôn Ma Thuột"),
                Some("2022-03-23"),
                Some(2022),
            ),
            (
                "Số:\n34/2025/NQ-HĐND\n\nThành phố Huế,\nngày 18 tháng 11 năm 2025\n",
                Some("Huế"),
                Some("2025-11-18"),
                Some(2025),
            ),
            (
                "Số: 1/UBND\n\nThành\nphố Hồ Chí Minh, ngày 25 tháng 11 năm 2025\n",
                Some("Hồ Chí Minh"),
                Some("2025-11-25"),
                Some(2025),
            ),
            (
                "Số: 1/QĐ-UBND\n\nHà Tĩnh, ngày\n01 tháng12 năm 2025\n",
                Some("Hà Tĩnh"),
                Some("2025-12-01"),
                Some(2025),
            ),
            (
                "Số: 1/QĐ-UBND\n\nVĩnh Long, ngày 16 tháng 11 năm\n2025\n",
                Some("Vĩnh Long"),
                Some("2025-11-16"),
                Some(2025),
            ),
            (
                "Số: 1/QĐ-UBND\n\nHà Nội, ngày 12 tháng 6 năm 2022\n",
                Some("Hà Nội"),
                Some("2022-06-12"),
                Some(2022),
            ),
            (
                "Số: 372 /QĐ-BTC\nHà Nội, ngày       tháng      năm 2026\n",
                Some("Hà Nội"),
                None,
                Some(2026),
            ),
            (
                "Số: 1/QĐ-UBND\n\nHà Nội, ngày 31 tháng 2 năm 2022\n",
                Some("Hà Nội"),
                None,
                Some(2022),
            ),
            (
                "Số: 1/QĐ-UBND\n\nHà Nội, ngày 1 tháng 13 năm 2022\n",
                Some("Hà Nội"),
                None,
                Some(2022),
            ),
            (
                "Số: 1/QĐ-UBND\n\nHà Nội, ngày 29 tháng 2 năm 2024\n",
                Some("Hà Nội"),
                Some("2024-02-29"),
                Some(2024),
            ),
            // The metadata table's `dd/mm/yyyy`, only when it is a calendar day.
            (
                "Số hiệu:\n1/QĐ-BTC\nNgày ban hành:\n29/02/2024\n",
                None,
                Some("2024-02-29"),
                Some(2024),
            ),
            (
                "Số hiệu:\n1/QĐ-BTC\nNgày ban hành:\n29/02/2023\n",
                None,
                None,
                None,
            ),
            (
                "Số hiệu:\n1/QĐ-BTC\nNgày ban hành:\n31/04/2023\n",
                None,
                None,
                None,
            ),
            // A body date is not the header's.
            (
                "Số: 1/KH-UBND\n\nKẾ HOẠCH\nThực hiện Kế hoạch số 131/KH-UBND ngày 31 tháng 5 năm 2021\n",
                None,
                None,
                None,
            ),
        ];
        for (input, place, date, year) in cases {
            let h = header(input);
            assert_eq!(
                (h.place.as_deref(), h.date.as_deref(), h.year),
                (*place, *date, *year),
                "{input:?}"
            );
        }
    }
}

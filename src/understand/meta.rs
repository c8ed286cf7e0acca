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
//! tỉnh Lai Châu`) — only for codes and provinces in the tables below.
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
//! the symbols and names inside it); numbers without spaces and with look-alike letters
//! (Cyrillic `С`, Icelandic `Ð`) replaced by the Vietnamese ones they stand for, otherwise
//! as written (`CTr`, `TTg`). This module does not read the body: sections and
//! citations are other modules' work, and a date in the body is never the header's date.
//!
//! ```
//! use plancite::understand::meta::read_header;
//! let h = read_header("Số: 48 /KH-UBND\n\nBuôn Ma Thuột, ngày 23 tháng 3 năm 2022\n\nKẾ HOẠCH\n");
//! assert_eq!(h.number.as_deref(), Some("48/KH-UBND"));
//! assert_eq!(h.date.as_deref(), Some("2022-03-23"));
//! assert_eq!(h.doc_type.as_deref(), Some("Kế hoạch"));
//! ```

use std::sync::LazyLock;

use regex::Regex;

/// What the header and the signature block say. None = not found, never a guess.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Header {
    /// Number and symbol without spaces: `70/KH-UBND`.
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
        .is_some_and(|n| symbol_codes(n).0 == Some("VBHN"));
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

// ---------------------------------------------------------------------------------------
// Regexes, compiled once.

static NUMBER_LINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:Số|SỐ)\s*(:|：)?\s*(.*)$").unwrap());
static NUMBER_TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d+(?:[.,]\d+)?(?:[/-][\p{L}\p{N}&.]+)*/[\p{L}\p{N}&.]+(?:-[\p{L}\p{N}&.]*)*$").unwrap()
});
static AROUND_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s*([/\-–—])\s*").unwrap());
static PLACE_COMMA: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([^\d,;:()/.]{1,60}?)\s*,\s*(.*)$").unwrap());
static DATE_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^ngày\s*(\d{1,2})?[\s.…]*tháng\s*(\d{1,2})?[\s.…]*năm\s*(\d{4})").unwrap()
});
static BARE_DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})\s*\.?$").unwrap()
});
static DMY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{1,2})/(\d{1,2})/(\d{4})$").unwrap());
static YEAR_IN_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"/((?:19|20)\d{2})/").unwrap());
/// Lines that start the body: the title and the header end before them.
static BODY_OPENER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:Căn cứ|Căn$|Thực hiện|Kính gửi|Kính$|Theo đề nghị|Xét đề nghị|Trả lời|Tiếp nhận|Điều \d|Điều 1\b|Chương [IVX\d]+\b|Phần [IVX\d]+\b|[IVX]+\.\s|\d+\.\s|[a-zđ]\)\s)",
    )
    .unwrap()
});
/// Lines that end a header even where a title is due.
static TITLE_BREAKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Căn cứ|Căn$|Kính gửi|Kính$|Điều \d|Chương [IVX\d]+\b|Phần [IVX\d]+\b|[IVX]+\.\s|\d+\.\s|[a-zđ]\)\s)").unwrap()
});
static LIST_MARKER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[-+•–*]\s*").unwrap());
static SUBJECT_LINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[Vv]/[Vv]\s*[:.]?\s*(.*)$").unwrap());
/// `Nơi nhận:` (also `Noi nhận`, `NƠI NHẬN`), not `nơi nhận trợ cấp …` in a sentence.
static NOI_NHAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^N(?i:[ơo]i\s+nh[ậa]n)\s*(?::\s*(.*)|$)").unwrap());
/// A signature-image placeholder left by conversion: `[daky]`, the `y]` of `TƯỚNGy]`.
static SIGNATURE_ARTEFACT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[?[a-z]*\]$").unwrap());
static KINH_GUI: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^Kính\s+gửi\s*:?\s*(.*)$").unwrap());

// ---------------------------------------------------------------------------------------
// The thuvienphapluat metadata table.

#[derive(Default)]
struct Metadata {
    number: Option<String>,
    doc_type: Option<String>,
    /// `Nơi ban hành`: a place (`Thành phố Huế`) or a body (`Bộ Tài chính`).
    place: Option<String>,
    signer: Option<String>,
    /// `Ngày ban hành`, `dd/mm/yyyy`.
    date: Option<String>,
    /// First line after the table (0 when there is none).
    end: usize,
}

const META_LABELS: &[&str] = &[
    "Số hiệu:",
    "Loại văn bản:",
    "Nơi ban hành:",
    "Người ký:",
    "Ngày ban hành:",
    "Ngày hiệu lực:",
    "Ngày công báo:",
    "Số công báo:",
    "Tình trạng:",
];

/// The table is a label alone on its line, its value on the next non-blank line.
fn read_metadata(lines: &[&str]) -> Metadata {
    let mut m = Metadata::default();
    if !lines.iter().take(15).any(|l| *l == "Số hiệu:") {
        return m;
    }
    let limit = lines.len().min(80);
    let mut i = 0;
    while i < limit {
        let label = lines[i];
        if !META_LABELS.contains(&label) {
            i += 1;
            continue;
        }
        let value_at = (i + 1..limit.min(i + 5)).find(|&j| !lines[j].is_empty());
        let Some(j) = value_at.filter(|&j| !META_LABELS.contains(&lines[j])) else {
            i += 1;
            continue;
        };
        let value = Some(lines[j].to_string());
        match label {
            "Số hiệu:" => m.number = value,
            "Loại văn bản:" => m.doc_type = value,
            "Nơi ban hành:" => m.place = value,
            "Người ký:" => m.signer = value,
            "Ngày ban hành:" => m.date = value,
            _ => {}
        }
        m.end = j + 1;
        i = j + 1;
    }
    m
}

// ---------------------------------------------------------------------------------------
// Where the header is.

struct Window {
    start: usize,
    end: usize,
    /// First line of the national motto (`CỘNG HÒA …`) or the number line: the issuer
    /// block ends just before it.
    marker: Option<usize>,
}

fn is_national_motto(line: &str) -> bool {
    line == "CỘNG" || line.contains("CỘNG HÒA") || line.contains("CỘNG HOÀ")
}

/// The header runs from a little before the national motto or number line to the first
/// body line after it. Gazette furniture and a summary before it are outside.
fn header_window(lines: &[&str], start: usize) -> Window {
    let search_end = lines.len().min(start + 300);
    let marker =
        (start..search_end).find(|&i| is_national_motto(lines[i]) || number_line_rest(lines[i]).is_some());
    let from = marker.unwrap_or(start);
    let cap = lines.len().min(from + 45);
    let end = (from + 1..cap)
        .find(|&i| BODY_OPENER.is_match(lines[i]))
        .unwrap_or(cap);
    Window {
        start: marker.map_or(start, |m| m.saturating_sub(15).max(start)),
        end,
        marker,
    }
}

// ---------------------------------------------------------------------------------------
// Number and symbol.

/// The text after `Số:` when the line is a number line (`Số: 70/KH-UBND`, `Số:` alone,
/// the template `Số:    /QĐ-UBND`), else None. `Số 1, Hoàng Hoa Thám` is an address.
fn number_line_rest(line: &str) -> Option<&str> {
    let caps = NUMBER_LINE.captures(line)?;
    let rest = caps.get(2).map_or("", |m| m.as_str());
    let colon = caps.get(1).is_some();
    let starts_like_number =
        rest.starts_with(|c: char| c.is_ascii_digit() || c == '/' || c == '.' || c == '…');
    let ok = if colon {
        rest.is_empty() || starts_like_number
    } else {
        NUMBER_TOKEN.is_match(&squeeze(rest))
    };
    ok.then_some(rest)
}

fn read_number_at(lines: &[&str], i: usize) -> Option<String> {
    let rest = number_line_rest(lines[i])?;
    let next = (i + 1..lines.len().min(i + 4))
        .map(|j| lines[j])
        .find(|l| !l.is_empty());
    if rest.is_empty() {
        // `Số:` with the number on the next line (tvpl tables).
        let next = next?;
        let after = (i + 2..lines.len().min(i + 5))
            .map(|j| lines[j])
            .find(|l| !l.is_empty());
        return clean_number(next, after);
    }
    clean_number(rest, next)
}

/// Spaces around `/` and `-` removed, dashes made ASCII.
fn squeeze(s: &str) -> String {
    AROUND_SEPARATOR.replace_all(s, "$1").replace(['–', '—'], "-")
}

/// `48 /KH-UBND` → `48/KH-UBND`; a symbol broken after its hyphen takes its tail from
/// `next`; a blank template number (`/QĐ-UBND`) is None.
fn clean_number(text: &str, next: Option<&str>) -> Option<String> {
    let mut s = squeeze(&fix_lookalikes(text));
    if s.ends_with(['-', '/'])
        && let Some(n) = next
    {
        s.push_str(&squeeze(&fix_lookalikes(n)));
    }
    let token = s.split_whitespace().next()?;
    let token = token.trim_end_matches(['.', ',', ';', ':', '-', '/', ')']);
    NUMBER_TOKEN.is_match(token).then(|| token.to_string())
}

/// Letters that only look Latin (Cyrillic С Р Т …, Icelandic Ð for Đ) come from bad
/// conversions; symbols compare only once they are the real letters.
fn fix_lookalikes(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'Ð' => 'Đ',
            'ð' => 'đ',
            'А' => 'A',
            'В' => 'B',
            'С' => 'C',
            'Е' => 'E',
            'Н' => 'H',
            'К' => 'K',
            'М' => 'M',
            'О' => 'O',
            'Р' => 'P',
            'Т' => 'T',
            'Х' => 'X',
            'г' => 'r',
            _ => c,
        })
        .collect()
}

fn year_in_number(number: &str) -> Option<i32> {
    YEAR_IN_NUMBER.captures(number)?.get(1)?.as_str().parse().ok()
}

struct Vbhn {
    number: String,
    number_line: usize,
    date: Option<DateLine>,
}

/// The closing block of a consolidated text: `Số: 12/VBHN-BTC`, `XÁC THỰC VĂN BẢN HỢP
/// NHẤT`, `Hà Nội, ngày 22 tháng 4 năm 2026`, in either order.
fn find_vbhn_block(lines: &[&str]) -> Option<Vbhn> {
    let at = lines
        .iter()
        .position(|l| l.starts_with("XÁC THỰC VĂN BẢN HỢP NHẤT"))?;
    let from = at.saturating_sub(8);
    let to = lines.len().min(at + 8);
    let (number_line, number) = (from..to)
        .filter_map(|i| read_number_at(lines, i).map(|n| (i, n)))
        .find(|(_, n)| n.contains("VBHN"))?;
    Some(Vbhn {
        number,
        number_line,
        date: find_date_line(lines, from, to),
    })
}

// ---------------------------------------------------------------------------------------
// Place and date.

#[derive(Clone)]
struct DateLine {
    place: Option<String>,
    date: Option<String>,
    year: Option<i32>,
    last_line: usize,
}

/// The first `<place>, ngày … tháng … năm …` line in `from..to`, put back together when
/// it is split (`Hải\nPhòng, ngày …`, `Thành phố Huế,\nngày …`, `…năm\n2025`).
fn find_date_line(lines: &[&str], from: usize, to: usize) -> Option<DateLine> {
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
        let year: Option<i32> = d[3].parse().ok().filter(|y| (1900..=2100).contains(y));
        let date = match (d.get(1), d.get(2), year) {
            (Some(dd), Some(mm), Some(y)) => valid_date(y, mm.as_str(), dd.as_str()),
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
        let y: i32 = d[3].parse().ok().filter(|y| (1900..=2100).contains(y))?;
        Some(DateLine {
            place: None,
            date: valid_date(y, &d[2], &d[1]),
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

fn valid_date(year: i32, month: &str, day: &str) -> Option<String> {
    let (m, d): (u32, u32) = (month.parse().ok()?, day.parse().ok()?);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days)
        .contains(&d)
        .then(|| format!("{year:04}-{m:02}-{d:02}"))
}

fn parse_dmy(s: &str) -> Option<String> {
    let c = DMY.captures(s.trim())?;
    valid_date(c[3].parse().ok()?, &c[2], &c[1])
}

/// `Thành phố Huế` → `Huế`, `Tỉnh Vĩnh Long` → `Vĩnh Long`: places are compared and counted.
fn strip_place_prefix(place: &str) -> String {
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

// ---------------------------------------------------------------------------------------
// Type and title.

/// Type lines as they stand in headers, longest first so `THÔNG TƯ LIÊN TỊCH` wins.
const TYPE_LINES: &[(&str, &str)] = &[
    ("THÔNG TƯ LIÊN TỊCH", "Thông tư liên tịch"),
    ("NGHỊ QUYẾT LIÊN TỊCH", "Nghị quyết liên tịch"),
    ("VĂN BẢN HỢP NHẤT", "Văn bản hợp nhất"),
    ("CHƯƠNG TRÌNH", "Chương trình"),
    ("QUYẾT ĐỊNH", "Quyết định"),
    ("NGHỊ QUYẾT", "Nghị quyết"),
    ("NGHỊ ĐỊNH", "Nghị định"),
    ("THÔNG BÁO", "Thông báo"),
    ("HƯỚNG DẪN", "Hướng dẫn"),
    ("CÔNG ĐIỆN", "Công điện"),
    ("PHÁP LỆNH", "Pháp lệnh"),
    ("THÔNG TƯ", "Thông tư"),
    ("KẾ HOẠCH", "Kế hoạch"),
    ("CÔNG VĂN", "Công văn"),
    ("BÁO CÁO", "Báo cáo"),
    ("TỜ TRÌNH", "Tờ trình"),
    ("CHỈ THỊ", "Chỉ thị"),
    ("KẾT LUẬN", "Kết luận"),
    ("QUY CHẾ", "Quy chế"),
    ("QUY ĐỊNH", "Quy định"),
    ("ĐỀ ÁN", "Đề án"),
    ("LUẬT", "Luật"),
];

/// Type codes in symbols (`70/KH-UBND`), including the forms without Vietnamese letters.
const TYPE_CODES: &[(&str, &str)] = &[
    ("KH", "Kế hoạch"),
    ("CTr", "Chương trình"),
    ("CTR", "Chương trình"),
    ("QĐ", "Quyết định"),
    ("QD", "Quyết định"),
    ("NQ", "Nghị quyết"),
    ("NĐ", "Nghị định"),
    ("ND", "Nghị định"),
    ("TTLT", "Thông tư liên tịch"),
    ("TT", "Thông tư"),
    ("CT", "Chỉ thị"),
    ("BC", "Báo cáo"),
    ("HD", "Hướng dẫn"),
    ("TB", "Thông báo"),
    ("TTr", "Tờ trình"),
    ("VBHN", "Văn bản hợp nhất"),
    ("CĐ", "Công điện"),
    ("KL", "Kết luận"),
];

struct TypeLine {
    doc_type: &'static str,
    /// Line of the type word, and the rest of that line (`CHƯƠNG TRÌNH Công tác …`).
    line: usize,
    rest: String,
}

/// The upper-case type line within a few lines after `anchor`; a type word broken over
/// two lines (`QUYẾT\nĐỊNH`) is joined.
fn find_type_line(lines: &[&str], anchor: usize, end: usize) -> Option<TypeLine> {
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
    TYPE_LINES.iter().find_map(|(caps, name)| {
        let rest = line.strip_prefix(caps)?;
        // `THÔNG TƯ1` carries a footnote mark; `LUẬT SƯ` is another word.
        let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
        (rest.is_empty() || rest.starts_with([' ', ':']))
            .then(|| (*name, rest.trim_start_matches(':').trim().to_string()))
    })
}

/// Lines that name the enacting authority under the title (`CHỦ TỊCH ỦY BAN NHÂN DÂN …`).
const AUTHORITIES: &[&str] = &[
    "CHỦ TỊCH",
    "BỘ TRƯỞNG",
    "THỦ TƯỚNG",
    "CHÍNH PHỦ",
    "HỘI ĐỒNG NHÂN DÂN",
    "ỦY BAN NHÂN DÂN",
    "UỶ BAN NHÂN DÂN",
    "ỦY BAN THƯỜNG VỤ",
    "BAN THƯỜNG VỤ",
    "CỤC TRƯỞNG",
    "TỔNG CỤC TRƯỞNG",
    "GIÁM ĐỐC",
    "TỔNG GIÁM ĐỐC",
    "VIỆN TRƯỞNG",
    "CHÁNH ÁN",
    "TRƯỞNG BAN",
    "THỐNG ĐỐC",
    "QUỐC HỘI",
];

/// The trích yếu: the rest of the type line and the lines after it, up to a blank line,
/// the authority line or the first body line.
fn read_title(lines: &[&str], t: &TypeLine) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    if !t.rest.is_empty() {
        parts.push(&t.rest);
    }
    for &l in lines.iter().skip(t.line + 1).take(14) {
        if l.is_empty() {
            if parts.is_empty() {
                continue;
            }
            break;
        }
        let prev_ends_open = parts.last().is_some_and(|p| {
            let last = p.split_whitespace().last().unwrap_or("");
            matches!(
                last,
                "CỦA" | "VÀ" | "VỀ" | "CHO" | "TẠI" | "TRONG" | "THUỘC" | "-"
            ) || p.ends_with(',')
        });
        let authority = AUTHORITIES.iter().any(|a| l.starts_with(a)) && !prev_ends_open;
        // A title may itself start `Thực hiện …` (seed 001); only a basis, an address or
        // an outline item ends it before it has begun.
        let opener = if parts.is_empty() {
            TITLE_BREAKER.is_match(l)
        } else {
            BODY_OPENER.is_match(l)
        };
        if authority || l == "#" || opener || LIST_MARKER.is_match(l) {
            break;
        }
        parts.push(l);
        if parts.len() >= 10 {
            break;
        }
    }
    let title = parts.join(" ");
    let title = title.trim().trim_end_matches(':').trim();
    (!title.is_empty()).then(|| title.to_string())
}

/// The subject of a letter: `V/v …` (or `Về …` right under the number), joined over its
/// lines, without the `V/v`.
fn find_subject(lines: &[&str], from: usize, to: usize, number_line: Option<usize>) -> Option<String> {
    let to = to.min(lines.len());
    let after_number = number_line.and_then(|n| (n + 1..to).find(|&j| !lines[j].is_empty()));
    let (at, first) = (from..to).find_map(|i| {
        if let Some(c) = SUBJECT_LINE.captures(lines[i]) {
            return Some((i, c.get(1).map_or("", |m| m.as_str()).to_string()));
        }
        let ve = lines[i].strip_prefix("Về ").filter(|_| Some(i) == after_number)?;
        Some((i, ve.to_string()))
    })?;
    let mut parts = vec![first];
    for &l in lines.iter().skip(at + 1).take(4) {
        let stop = l.is_empty()
            || PLACE_COMMA.captures(l).is_some_and(|c| {
                c.get(2)
                    .is_some_and(|r| r.as_str().to_lowercase().starts_with("ngày") || r.as_str().is_empty())
                    && !l.ends_with('.')
            })
            || l.starts_with("Kính")
            || number_line_rest(l).is_some()
            || is_national_motto(l)
            || is_caps(l)
            || BODY_OPENER.is_match(l);
        if stop {
            break;
        }
        parts.push(l.to_string());
    }
    let s = parts.join(" ");
    let s = s.trim().trim_end_matches(['.', ';']).trim();
    (!s.is_empty()).then(|| s.to_string())
}

fn doc_type_from_symbol(number: &str) -> Option<String> {
    let (code, _) = symbol_codes(number);
    match code {
        Some(c) => TYPE_CODES
            .iter()
            .find(|(k, _)| *k == c)
            .map(|(_, v)| v.to_string()),
        // A symbol with no type part (`397/SLĐTBXH-TEBĐG`) is a letter's.
        None => Some("Công văn".to_string()),
    }
}

/// (type code, issuer code) of a symbol: `70/KH-UBND` → (KH, UBND),
/// `397/SLĐTBXH-TEBĐG` → (None, SLĐTBXH), `11-NQ/TW` → (NQ, TW).
fn symbol_codes(number: &str) -> (Option<&str>, Option<&str>) {
    let mut slash = number.split('/');
    let head = slash.next().unwrap_or("");
    let tail = number.rsplit('/').next().unwrap_or("");
    if let Some((_, code)) = head.split_once('-') {
        return (
            Some(code),
            Some(tail.split('-').next().unwrap_or(tail)).filter(|s| !s.is_empty()),
        );
    }
    let mut parts = tail.split('-');
    let first = parts.next().filter(|s| !s.is_empty());
    match first {
        Some(f) if TYPE_CODES.iter().any(|(k, _)| *k == f) => {
            (Some(f), parts.next().filter(|s| !s.is_empty()))
        }
        other => (None, other),
    }
}

// ---------------------------------------------------------------------------------------
// Issuer.

/// Gazette section headings that stand above a header and are no part of it.
fn is_gazette_heading(line: &str) -> bool {
    line.starts_with("VĂN BẢN QUY PHẠM PHÁP LUẬT")
        || line.starts_with("VĂN BẢN PHÁP LUẬT KHÁC")
        || (line.starts_with("VĂN BẢN HỢP NHẤT") && line.ends_with('-'))
}

fn is_caps(line: &str) -> bool {
    line.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !line.chars().any(char::is_lowercase)
}

/// The upper-case header lines before the motto or number line at `marker`, as one
/// string. A two-column header flattened into rows (`ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI …`
/// / `THÀNH PHỐ X Độc lập - …`) gives its left column.
fn issuer_text(lines: &[&str], start: usize, marker: usize) -> Option<String> {
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

fn starts_with_body_head(s: &str) -> bool {
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
/// Heads followed by the body's field, whose first word is capitalised (`Bộ Tài chính`).
const FIELD_HEADS: &[&str] = &[
    "tổng cục",
    "chi cục",
    "văn phòng",
    "trung tâm",
    "kho bạc",
    "học viện",
    "ủy ban",
    "hội đồng",
    "cục",
    "bộ",
    "sở",
    "ban",
    "vụ",
    "viện",
    "phòng",
];
/// Heads that can start a second body in the middle of a header (`… HẢI PHÒNG BAN VÌ …`).
const MID_HEADS: &[&str] = &[
    "tổng cục",
    "chi cục",
    "văn phòng",
    "trung tâm",
    "ủy ban",
    "hội đồng",
    "cục",
    "bộ",
    "sở",
    "ban",
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
fn issuer_case(caps: &str) -> Option<String> {
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
        let heads = if at_start { FIELD_HEADS } else { MID_HEADS };
        let head = heads.iter().find_map(|h| phrase_at(&words, i, h).map(|n| (h, n)));
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
                || FIELD_HEADS.iter().any(|h| phrase_at(&words, i + 1, h).is_some());
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
fn issuer_from_symbol(number: &str, place: Option<&str>) -> Option<String> {
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

// ---------------------------------------------------------------------------------------
// Signer.

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

fn is_signature_line(l: &str) -> bool {
    ["TM.", "KT.", "TL.", "Q.", "T/M", "TUQ."]
        .iter()
        .any(|p| l.starts_with(p))
        || (is_caps(l) && SIGNATURE_TITLES.iter().any(|t| l.contains(t)))
}

fn is_title_word(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(|f| f.is_uppercase() && f.is_alphabetic())
        && c.all(|x| x.is_alphabetic() && x.is_lowercase())
}

/// 2–5 capitalised words, not all caps, no digits: `Lê Khắc Nam`.
fn is_person_name(s: &str) -> bool {
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
fn find_signer(lines: &[&str], from: usize) -> Option<(usize, String)> {
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

// ---------------------------------------------------------------------------------------
// Recipients.

/// `Kính gửi` entries (near the header), then `Nơi nhận` entries.
fn find_recipients(lines: &[&str], from: usize, header_end: usize, signature: Option<usize>) -> Vec<String> {
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
    use super::*;
    use crate::ingest::clean;

    fn header(text: &str) -> Header {
        read_header(&clean::layout(text))
    }

    #[test]
    fn number_as_a_table() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Số: 70/KH-UBND\n", Some("70/KH-UBND")),
            ("Số:1016/CTr-BCĐ\n", Some("1016/CTr-BCĐ")),
            ("Số: **48** /KH-UBND\n", Some("48/KH-UBND")),
            ("Số: 01 /BVSTBPN-VP\n", Some("01/BVSTBPN-VP")),
            ("Số:\n34/2025/NQ-HĐND\n", Some("34/2025/NQ-HĐND")),
            (
                "Số: 01/2022/TTLT-VKSNDTC-\nTANDTC-BCA-BQP-BLĐTBXH\n",
                Some("01/2022/TTLT-VKSNDTC-TANDTC-BCA-BQP-BLĐTBXH"),
            ),
            ("Số: 318/SLĐTBXH – BTXH\n", Some("318/SLĐTBXH-BTXH")),
            ("Số: 12/2022/NÐ-CP\n", Some("12/2022/NĐ-CP")),
            ("Số: 66.16/2026/NQ-CP\n", Some("66.16/2026/NQ-CP")),
            ("Số:    /QĐ-UBND\n", None),
            ("Số: ........ /QĐ-UBND\n", None),
            ("Số 1, Hoàng Hoa Thám, Ba Đình\n", None),
            (
                "Số hiệu:\n\n4014/QĐ-BTC\n\nLoại văn bản:\n\nQuyết định\n",
                Some("4014/QĐ-BTC"),
            ),
            ("", None),
        ];
        for (input, want) in cases {
            assert_eq!(header(input).number.as_deref(), *want, "{input:?}");
        }
    }

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

    #[test]
    fn title_as_a_table() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "Số: 1/KH-UBND\nHà Nội, ngày 1 tháng 1 năm 2022\n\nKẾ HOẠCH\nTHỰC HIỆN CÔNG TÁC\nNĂM 2022\nThực hiện Kế hoạch số 131\n",
                Some("THỰC HIỆN CÔNG TÁC NĂM 2022"),
            ),
            (
                "Số: 1/KH-UBND\n\nKẾ HOẠCH\n\nTriển khai công tác năm 2022\n\nThực hiện\n",
                Some("Triển khai công tác năm 2022"),
            ),
            (
                "Số:1016/CTr-BCĐ\n\nCHƯƠNG TRÌNH Công tác năm 2017\n\nCăn cứ Công văn\n",
                Some("Công tác năm 2017"),
            ),
            (
                "Số: 397/SLĐTBXH-TEBĐG\nV/v hướng dẫn thực hiện công tác bình\nđẳng giới năm 2020\n\nThanh Hóa, ngày 20 tháng 02 năm 2020\n",
                Some("hướng dẫn thực hiện công tác bình đẳng giới năm 2020"),
            ),
            (
                "Số: 1/QĐ-UBND\nHuế, ngày 1 tháng 1 năm 2025\nQUYẾT ĐỊNH\nSỬA ĐỔI QUYẾT ĐỊNH CỦA\nCHỦ TỊCH UBND THÀNH PHỐ VỀ VIỆC X\nCHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ\nCăn cứ\n",
                Some("SỬA ĐỔI QUYẾT ĐỊNH CỦA CHỦ TỊCH UBND THÀNH PHỐ VỀ VIỆC X"),
            ),
            ("Số: 1/KH-UBND\n", None),
        ];
        for (input, want) in cases {
            assert_eq!(header(input).title.as_deref(), *want, "{input:?}");
        }
    }

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

    const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds/");

    /// A file of ../shared, which CI puts beside the checkout.
    fn read_shared(path: &str) -> String {
        std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("{path}: {e} (is ../shared beside the checkout?)"))
    }

    #[test]
    fn the_five_seeds() {
        let golden = [
            Golden {
                file: "000_22ff0527028ddd90.txt",
                number: "70/KH-UBND",
                doc_type: "Kế hoạch",
                place: "Hải Phòng",
                date: "2022-03-22",
                signer: "Lê Khắc Nam",
                issuer: Some("Ủy ban nhân dân thành phố Hải Phòng"),
            },
            Golden {
                file: "001_49dad59465524c23.txt",
                number: "01/BVSTBPN-VP",
                doc_type: "Kế hoạch",
                place: "Lai Châu",
                date: "2023-03-23",
                signer: "Tổng Thanh Hải",
                issuer: Some("Ban Vì sự tiến bộ của phụ nữ tỉnh Lai Châu"),
            },
            Golden {
                file: "002_d37a6b45a8fe748a.txt",
                number: "48/KH-UBND",
                doc_type: "Kế hoạch",
                place: "Buôn Ma Thuột",
                date: "2022-03-23",
                signer: "Phạm Tiến Hưng",
                issuer: Some("Ủy ban nhân dân thành phố Buôn Ma Thuột"),
            },
            Golden {
                file: "003_687ffbf7fb29e5dc.txt",
                number: "397/SLĐTBXH-TEBĐG",
                doc_type: "Công văn",
                place: "Thanh Hóa",
                date: "2020-02-20",
                signer: "Lê Minh Hành",
                issuer: Some("Sở Lao động - Thương binh và Xã hội tỉnh Thanh Hóa"),
            },
            Golden {
                file: "004_ae9f6c5b0b129bd7.txt",
                number: "1016/CTr-BCĐ",
                doc_type: "Chương trình",
                place: "Hải Phòng",
                date: "2017-03-06",
                signer: "Lê Khắc Nam",
                issuer: None,
            },
        ];
        for g in &golden {
            let text = read_shared(&format!("{SEEDS}{}", g.file));
            let h = header(&text);
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
        let read = |f: &str| header(&read_shared(&format!("{SEEDS}{f}")));
        let cases: &[(&str, &str)] = &[
            (
                "000_22ff0527028ddd90.txt",
                "THỰC HIỆN CÔNG TÁC BÌNH ĐẲNG GIỚI TRÊN ĐỊA BÀN THÀNH PHỐ NĂM 2022",
            ),
            (
                "001_49dad59465524c23.txt",
                "Thực hiện công tác bình đẳng giới và hoạt động Vì sự tiến bộ của phụ nữ trên địa bàn tỉnh Lai Châu năm 2023",
            ),
            (
                "002_d37a6b45a8fe748a.txt",
                "Triển khai công tác Bình đẳng giới năm 2022",
            ),
            (
                "003_687ffbf7fb29e5dc.txt",
                "hướng dẫn thực hiện công tác bình đẳng giới năm 2020",
            ),
            (
                "004_ae9f6c5b0b129bd7.txt",
                "Công tác vì sự tiến bộ của Phụ nữ thành phố năm 2017",
            ),
        ];
        for (file, title) in cases {
            assert_eq!(read(file).title.as_deref(), Some(*title), "{file}");
        }
        let r0 = read("000_22ff0527028ddd90.txt").recipients;
        assert_eq!(r0.first().map(String::as_str), Some("Bộ LĐTBXH"));
        assert_eq!(r0.last().map(String::as_str), Some("Lưu: VT"));
        assert_eq!(r0.len(), 12);
        let r3 = read("003_687ffbf7fb29e5dc.txt").recipients;
        assert_eq!(
            r3.first().map(String::as_str),
            Some("Các sở, ban, ngành, đoàn thể cấp tỉnh")
        );
        assert!(r3.iter().any(|r| r == "Vụ Bình đẳng giới"), "{r3:?}");
        assert_eq!(
            read("004_ae9f6c5b0b129bd7.txt").issuer.as_deref(),
            Some("Ban Vì sự tiến bộ của phụ nữ thành phố Hải Phòng")
        );
    }

    const REALDOCS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/realdocs/");

    /// MANIFEST.tsv truncates two numbers (`01/2022/TTLT-VKSNDTC-`, `372`): a found
    /// number that extends such a stub counts.
    fn number_matches(found: &str, want: &str) -> bool {
        let want: String = want.split_whitespace().collect();
        found == want || ((want.ends_with('-') || !want.contains('/')) && found.starts_with(&want))
    }

    #[test]
    fn realdocs_against_the_manifest() {
        let manifest = read_shared(&format!("{REALDOCS}MANIFEST.tsv"));
        let (mut total, mut numbers, mut dates) = (0, 0, 0);
        for row in manifest.lines().skip(1) {
            let cols: Vec<&str> = row.split('\t').collect();
            let [id, _, _, number, _, _, date] = cols[..] else {
                continue;
            };
            let text = read_shared(&format!("{REALDOCS}{id}.txt"));
            let h = header(&text);
            total += 1;
            if h.number.as_deref().is_some_and(|n| number_matches(n, number)) {
                numbers += 1;
            } else {
                eprintln!("number {id}: found {:?}, manifest {number:?}", h.number);
            }
            let date_ok = match parse_dmy(date) {
                Some(d) => h.date.as_deref() == Some(d.as_str()),
                None => h.year.map(|y| y.to_string()).as_deref() == Some(date.trim()),
            };
            if date_ok {
                dates += 1;
            } else {
                eprintln!("date {id}: found {:?}/{:?}, manifest {date:?}", h.date, h.year);
            }
        }
        // At the time of writing 80/81 and 74/81. Every miss is a MANIFEST disagreement:
        // for consolidated texts it gives the original's number or year, not the VBHN's
        // own, and for 372/QĐ-BTC (dated `ngày … tháng … năm 2026`, day left blank) 2020.
        println!("number found {numbers}/{total}, date found {dates}/{total}");
        assert_eq!(total, 81);
        assert!(numbers >= 79, "number found {numbers}/{total}");
        assert!(dates >= 73, "date found {dates}/{total}");
    }
}

//! Cleaning: remove the artefacts that conversion leaves in a document's text, as a
//! sequence of named steps.
//!
//! Two results come out of cleaning. [`layout`] keeps the line structure (a header
//! parser needs to know where a line ends: `Hải\nPhòng, ngày …`); [`body`] goes one step
//! further and joins hard line wraps inside a sentence, which is what gets indexed and
//! shown. Cleaning never adds or reorders words; it only drops artefacts and whitespace.
//!
//! ```
//! use plancite::ingest::clean;
//! let text = "Số: **48** /KH-UBND\n|\nĐẩy mạnh các\nhoạt động\u{a0}\u{a0}tuyên truyền.\n";
//! assert_eq!(clean::layout(text), "Số: 48 /KH-UBND\n\nĐẩy mạnh các\nhoạt động tuyên truyền.\n");
//! assert_eq!(clean::body(text), "Số: 48 /KH-UBND\n\nĐẩy mạnh các hoạt động tuyên truyền.\n");
//! ```

use std::sync::LazyLock;

use regex::Regex;

use crate::vi::space::{is_inline_space, is_invisible};

/// One cleaning step: a name for logs and tests, the function, and a quick test of
/// whether the text has anything for it to do (most texts have nothing for most steps,
/// and the test, a SIMD scan, costs far less than a pass that copies the text).
pub struct Step {
    pub name: &'static str,
    pub apply: fn(&str) -> String,
    pub needed: fn(&str) -> bool,
}

/// The steps that keep lines as they are, in the order they run.
pub const LAYOUT_STEPS: &[Step] = &[
    Step {
        name: "strip_markdown",
        apply: strip_markdown,
        needed: |text| memchr::memchr3(b'*', b'\\', b'#', text.as_bytes()).is_some(),
    },
    Step {
        name: "split_table_cells",
        apply: split_table_cells,
        needed: |text| memchr::memchr(b'|', text.as_bytes()).is_some(),
    },
    Step {
        name: "drop_rules",
        apply: drop_rules,
        needed: may_hold_a_rule,
    },
    Step {
        name: "drop_gazette_page_furniture",
        apply: drop_gazette_page_furniture,
        needed: |text| memchr::memmem::find(text.as_bytes(), "CÔNG BÁO".as_bytes()).is_some(),
    },
    Step {
        name: "collapse_spaces",
        apply: collapse_spaces,
        needed: has_space_work,
    },
];

/// The text with artefacts removed and lines kept.
pub fn layout(text: &str) -> String {
    let mut text = text.to_string();
    for step in LAYOUT_STEPS {
        if (step.needed)(&text) {
            text = (step.apply)(&text);
        }
    }
    text
}

/// Whether a rule line (three or more of `-`, `_`, `=`, `–`, `—`) may be in the text:
/// two rule characters in a row somewhere.
fn may_hold_a_rule(text: &str) -> bool {
    let bytes = text.as_bytes();
    let ascii_pair = [&b"--"[..], b"__", b"==", b"-_", b"_-", b"-=", b"=-", b"_=", b"=_"]
        .iter()
        .any(|pair| memchr::memmem::find(bytes, pair).is_some());
    // `–` and `—` are E2 80 93 and E2 80 94.
    ascii_pair
        || memchr::memmem::find_iter(bytes, b"\xE2\x80").any(|at| {
            matches!(bytes.get(at + 2), Some(0x93 | 0x94))
                && matches!(bytes.get(at + 3), Some(b'-' | b'_' | b'=' | 0xE2))
                || at > 0 && matches!(bytes[at - 1], b'-' | b'_' | b'=' | 0x93 | 0x94)
        })
}

/// Whether [`collapse_spaces`] would change the text: a space at either end of a line,
/// two in a row, a tab, or a Unicode space or invisible character.
fn has_space_work(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') || memchr::memchr(b'\t', bytes).is_some() {
        return true;
    }
    if [&b"  "[..], b" \n", b"\n "]
        .iter()
        .any(|pattern| memchr::memmem::find(bytes, pattern).is_some())
    {
        return true;
    }
    // U+00A0, U+00AD; U+2000–U+200D, U+202F, U+205F; U+3000; U+FEFF.
    memchr::memchr3_iter(0xC2, 0xE2, 0xE3, bytes).any(|at| {
        let next = (bytes.get(at + 1).copied(), bytes.get(at + 2).copied());
        match bytes[at] {
            0xC2 => matches!(next.0, Some(0xA0 | 0xAD)),
            0xE2 => matches!(
                next,
                (Some(0x80), Some(0x80..=0x8D | 0xAF)) | (Some(0x81), Some(0x9F))
            ),
            _ => next == (Some(0x80), Some(0x80)),
        }
    }) || memchr::memmem::find(bytes, "\u{feff}".as_bytes()).is_some()
}

/// The text with artefacts removed and hard line wraps joined: what is indexed and shown.
pub fn body(text: &str) -> String {
    join_wrapped_lines(&layout(text))
}

/// Removes Markdown emphasis (`**48**`, `*Nơi nhận:*`, emphasis spread over lines),
/// heading marks (`### `) and backslash escapes. A `* ` bullet becomes `- `.
pub fn strip_markdown(text: &str) -> String {
    if !text.bytes().any(|b| matches!(b, b'*' | b'\\' | b'#')) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let mut line = line;
        let heading = line.trim_start_matches('#');
        if heading.len() < line.len() && heading.starts_with(' ') {
            line = heading.trim_start_matches(' ');
        }
        if let Some(rest) = line.strip_prefix("* ") {
            out.push_str("- ");
            line = rest;
        }
        if !line.contains(['*', '\\']) {
            out.push_str(line);
            continue;
        }
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                // Keep the footnote mark `(*)`; every other asterisk is emphasis.
                '*' if !out.ends_with('(') => {}
                '\\' if chars.peek().is_some_and(|n| n.is_ascii_punctuation()) => {}
                _ => out.push(c),
            }
        }
    }
    out
}

/// Turns table rows left by conversion into plain lines: a line of only `|` becomes a
/// blank line (it separated two cells), a separator row (`|---|:--|`) goes, and a row
/// `| a | b |` becomes one line per non-empty cell.
pub fn split_table_cells(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        if !line.contains('|') {
            out.push_str(line);
        } else if line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t')) {
            // pipe-only line or separator row: keep the cell boundary as a paragraph break
        } else {
            let cells: Vec<&str> = line.split('|').map(str::trim).filter(|c| !c.is_empty()).collect();
            out.push_str(&cells.join("\n"));
        }
        out.push('\n');
    }
    keep_final_newline(text, out)
}

/// Drops horizontal rules (`-------`, `___`, `===`) that underline header blocks.
pub fn drop_rules(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let t = line.trim();
        let is_rule = t.chars().count() >= 3 && t.chars().all(|c| matches!(c, '-' | '_' | '=' | '–' | '—'));
        if !is_rule {
            out.push_str(line);
        }
        out.push('\n');
    }
    keep_final_newline(text, out)
}

static GAZETTE_HEADER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*CÔNG BÁO\s*/\s*Số\s+[\d\s+]+/\s*Ngày\s+[\d\-/]+\s*$").unwrap());

/// Drops the Official Gazette's running page headers (`CÔNG BÁO/Số 447 + 448/Ngày
/// 25-6-2022`) and the page numbers standing alone next to them.
pub fn drop_gazette_page_furniture(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let is_header = |i: usize| lines.get(i).is_some_and(|l| GAZETTE_HEADER.is_match(l));
    let is_page_number = |l: &str| {
        let t = l.trim();
        !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit())
    };
    // A page number sits within two (possibly blank) lines of a running header.
    let near_header = |i: usize| (i.saturating_sub(2)..=i + 2).any(|j| j != i && is_header(j));
    let mut out = String::with_capacity(text.len());
    for (i, line) in lines.iter().enumerate() {
        if is_header(i) || (is_page_number(line) && near_header(i)) {
            out.push('\n');
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    keep_final_newline(text, out)
}

/// Whether a line has anything [`collapse_spaces`] would change: a tab, two spaces in a
/// row, a space at either end, or the UTF-8 lead bytes of a Unicode space or zero-width
/// character (U+00A0, U+00AD, U+2000–U+205F, U+3000, U+FEFF). Checked on bytes, as most
/// lines have none and can be copied whole.
fn needs_space_work(line: &str) -> bool {
    let bytes = line.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return true;
    }
    let mut previous = 0u8;
    for &b in bytes {
        let pair = matches!(
            (previous, b),
            (b' ', b' ')
                | (_, b'\t')
                | (0xC2, 0xA0 | 0xAD)
                | (0xE2, 0x80 | 0x81)
                | (0xE3, 0x80)
                | (0xEF, 0xBB)
        );
        if pair {
            return true;
        }
        previous = b;
    }
    false
}

/// Collapses runs of spaces, tabs, no-break and other Unicode spaces into one space,
/// removes zero-width characters, and trims each line.
pub fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        if !needs_space_work(line) {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let mut pending_space = false;
        for c in line.chars() {
            if is_invisible(c) {
                continue;
            }
            if is_inline_space(c) {
                pending_space = true;
                continue;
            }
            if pending_space && !out.is_empty() && !out.ends_with('\n') {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        }
        out.push('\n');
    }
    keep_final_newline(text, out)
}

static OUTLINE_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.?\s|[a-zđ]\)|[-+•–*]\s|\(\w{1,4}\)|Điều\s+\d|Chương\s+[IVXLC\d]|Mục\s+\d)")
        .unwrap()
});

/// Joins a line to the next when the break falls inside a sentence: the line does not
/// end a sentence or a clause, and the next line is no outline item and either starts
/// in lower case or follows a line that ends in a lower-case word or a comma. Blank
/// lines (paragraph breaks) are kept.
pub fn join_wrapped_lines(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = String::with_capacity(text.len());
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        let joins = lines.get(i + 1).is_some_and(|next| wraps_into(line, next));
        out.push(if joins { ' ' } else { '\n' });
    }
    keep_final_newline(text, out)
}

/// Lines at least this long were likely wrapped by a converter.
const WRAPPED_LINE_CHARS: usize = 50;

fn wraps_into(line: &str, next: &str) -> bool {
    let (Some(last), Some(first)) = (line.chars().last(), next.chars().next()) else {
        return false;
    };
    if matches!(last, '.' | ':' | ';' | '!' | '?') {
        return false;
    }
    // `Sở Lao động\n- Thương binh và Xã hội` is one name broken before its dash.
    if next.starts_with("- Thương binh") || next.starts_with("– Thương binh") {
        return true;
    }
    if OUTLINE_MARKER.is_match(next) {
        return false;
    }
    // A capital after a break is a wrap only in a long line (a short one is a heading
    // or a header field) that is not itself all capitals.
    let line_is_shouting = !line.chars().any(char::is_lowercase);
    let long = line.chars().count() >= WRAPPED_LINE_CHARS;
    first.is_lowercase() || (long && !line_is_shouting && (last.is_lowercase() || last == ','))
}

/// A passage on one line, in one pass: Markdown `*`, `#` and table pipes dropped, every
/// run of whitespace (line breaks included) one space. For short texts shown or matched
/// as a whole (a task's text), where the line structure no longer matters.
pub fn one_line(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    // Runs of ordinary bytes are copied whole; only the bytes that may start a mark, a
    // space or an invisible character are looked at one by one.
    let mut run_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let (len, what) = match bytes[i] {
            b'*' | b'#' | b'|' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => (1, Some(true)),
            0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF => {
                let c = text[i..].chars().next().unwrap_or(' ');
                let what = if is_invisible(c) {
                    Some(false)
                } else {
                    (c.is_whitespace() || is_inline_space(c)).then_some(true)
                };
                (c.len_utf8(), what)
            }
            _ => (1, None),
        };
        let Some(is_space) = what else {
            i += len;
            continue;
        };
        if run_start < i {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push_str(&text[run_start..i]);
        }
        pending_space |= is_space;
        i += len;
        run_start = i;
    }
    if run_start < bytes.len() {
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&text[run_start..]);
    }
    out
}

/// Cleaning steps work line by line; this keeps "ends with a newline" as it was.
fn keep_final_newline(original: &str, mut out: String) -> String {
    if !original.ends_with('\n') && out.ends_with('\n') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A step skipped because `needed` said no must be one that would change nothing.
    #[test]
    fn steps_are_skipped_only_when_they_would_change_nothing() {
        let mut texts: Vec<String> = [
            "a\n---\nb",
            "a -_- b\n–––\n",
            "x\u{a0}y",
            "x\u{200b}y",
            "x\u{2003}y “z” – …",
            "\u{feff}x",
            "x \ny",
            " x",
            "x\t y",
            "CÔNG BÁO/Số 1/Ngày 1-1-2022\n3\nx",
            "| a | b |",
            "**x** \\. # y",
            "Plain text, one line.\nAnother – with a dash.",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for dir in [root.join("corpus"), root.join("tests/fixtures/realdocs")] {
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                if let Ok(text) = std::fs::read_to_string(entry.path()) {
                    texts.push(text.replace("\r\n", "\n"));
                }
            }
        }
        assert!(texts.len() > 13, "the corpus is read too");
        for text in &texts {
            let mut current = text.clone();
            for step in LAYOUT_STEPS {
                let next = (step.apply)(&current);
                if !(step.needed)(&current) {
                    assert_eq!(
                        next, current,
                        "{} skipped but would change {current:?}",
                        step.name
                    );
                }
                current = next;
            }
            assert_eq!(layout(text), current);
        }
    }

    #[test]
    fn each_step_as_a_table() {
        type Row = (&'static str, fn(&str) -> String, &'static str, &'static str);
        let cases: &[Row] = &[
            (
                "strip_markdown",
                strip_markdown,
                "Số: **48** /KH-UBND",
                "Số: 48 /KH-UBND",
            ),
            (
                "strip_markdown",
                strip_markdown,
                "**HỘI ĐỒNG NHÂN\nDÂN **",
                "HỘI ĐỒNG NHÂN\nDÂN ",
            ),
            (
                "strip_markdown",
                strip_markdown,
                "### **8. Đài Truyền thanh**",
                "8. Đài Truyền thanh",
            ),
            (
                "strip_markdown",
                strip_markdown,
                "*Noi nhận:*\n* Lưu VT.",
                "Noi nhận:\n- Lưu VT.",
            ),
            (
                "strip_markdown",
                strip_markdown,
                "chỉ tiêu (*) 5\\.",
                "chỉ tiêu (*) 5.",
            ),
            (
                "split_table_cells",
                split_table_cells,
                "Số: 70/KH-UBND\n|\nHải",
                "Số: 70/KH-UBND\n\nHải",
            ),
            (
                "split_table_cells",
                split_table_cells,
                "| a | b |\n|---|---|\n| c |  |",
                "a\nb\n\nc",
            ),
            (
                "drop_rules",
                drop_rules,
                "HẢI PHÒNG\n-------\nx",
                "HẢI PHÒNG\n\nx",
            ),
            (
                "drop_gazette_page_furniture",
                drop_gazette_page_furniture,
                "a\n \nCÔNG BÁO/Số 447 + 448/Ngày 25-6-2022 \n3 \nb",
                "a\n \n\n\nb",
            ),
            (
                "one_line",
                one_line,
                "**a**  b\n| c |\u{a0}d\u{200b}e\u{2003}ạ\u{3000}",
                "a b c de ạ",
            ),
            ("one_line", one_line, " # Mục\u{ad}tiêu:\tx ", "Mụctiêu: x"),
            (
                "collapse_spaces",
                collapse_spaces,
                "  a\u{a0}\u{a0} b\t\u{200b}c  \n",
                "a b c\n",
            ),
            (
                "join_wrapped_lines",
                join_wrapped_lines,
                "về Bình đẳng giới thành\nphố giai đoạn",
                "về Bình đẳng giới thành phố giai đoạn",
            ),
            (
                "join_wrapped_lines",
                join_wrapped_lines,
                "Thực hiện Công văn số 418/LĐTBXH-BĐG ngày 23/02/2022 của Bộ\nLao động",
                "Thực hiện Công văn số 418/LĐTBXH-BĐG ngày 23/02/2022 của Bộ Lao động",
            ),
            (
                "join_wrapped_lines",
                join_wrapped_lines,
                "1. Mục đích\nĐẩy mạnh",
                "1. Mục đích\nĐẩy mạnh",
            ),
            (
                "join_wrapped_lines",
                join_wrapped_lines,
                "KẾ HOẠCH\nTHỰC HIỆN CÔNG TÁC",
                "KẾ HOẠCH\nTHỰC HIỆN CÔNG TÁC",
            ),
            (
                "join_wrapped_lines",
                join_wrapped_lines,
                "như sau:\nI. MỤC ĐÍCH",
                "như sau:\nI. MỤC ĐÍCH",
            ),
            (
                "join_wrapped_lines",
                join_wrapped_lines,
                "giới, đặc\nbiệt là",
                "giới, đặc biệt là",
            ),
            (
                "join_wrapped_lines",
                join_wrapped_lines,
                "hội thảo, toạ\n\nđàm",
                "hội thảo, toạ\n\nđàm",
            ),
            (
                "join_wrapped_lines",
                join_wrapped_lines,
                "Nơi nhận:\n- Bộ LĐTBXH;\n- Lưu: VT.",
                "Nơi nhận:\n- Bộ LĐTBXH;\n- Lưu: VT.",
            ),
            (
                "join_wrapped_lines",
                join_wrapped_lines,
                "phát triển,\na) Tiếp tục",
                "phát triển,\na) Tiếp tục",
            ),
        ];
        for (name, step, input, want) in cases {
            assert_eq!(step(input), *want, "{name} on {input:?}");
        }
    }

    #[test]
    fn hai_phong_2022_header_keeps_its_lines() {
        let text = "ỦY\nBAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\nSố: 70/KH-UBND\n|\nHải\nPhòng, ngày 22 tháng 3 năm 2022\n";
        let want = "ỦY\nBAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG\n\n\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 70/KH-UBND\n\nHải\nPhòng, ngày 22 tháng 3 năm 2022\n";
        assert_eq!(layout(text), want);
    }
}

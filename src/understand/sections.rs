//! Sections: the outline of a plan — Roman numerals (`I.`), numbers (`1.`, `1.1.`),
//! letters (`a)`, `đ)`), bullets (`-`, `+`, `•`) and, in legal texts, `Chương`/`Điều` —
//! as a flat list of [`Section`]s in document order, each with its path in the tree
//! (`II.2.b`), heading, level and byte range.
//!
//! It reads the decoded text line by line, so offsets refer to the same text as
//! citation offsets. Headings split over lines (`1. Đẩy mạnh các\nhoạt động …`,
//! `II. CÁC NHIỆM VỤ\nCHỦ YẾU`) are joined; Markdown marks around them (`## **2. …**`)
//! are dropped. A section ends where the next section of the same or a higher level
//! starts. It does not decide what a "task" is; callers pick levels.
//!
//! ```
//! let text = "I. MỤC ĐÍCH\nNội dung.\nII. NHIỆM VỤ\n1. Tuyên truyền\na) Tổ chức hội thảo.\n";
//! let paths: Vec<String> = plancite::understand::sections::outline(text).into_iter().map(|s| s.path).collect();
//! assert_eq!(paths, ["I", "II", "II.1", "II.1.a"]);
//! ```

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::model::Section;
use crate::vi::boundary::floor_boundary;

/// Longest heading kept, in characters; longer ones end at a word with `…`.
const MAX_HEADING_CHARS: usize = 160;

/// Kinds of outline markers, from the outermost in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Marker {
    Chapter,
    Roman,
    Article,
    /// A number with `depth` parts (`1.` is 1, `1.2.` is 2).
    Number(usize),
    Letter,
    Bullet,
    Plus,
}

/// The line's leading decoration: spaces, Markdown `#`/`*`, table pipes.
const DECORATION: &str = r"^[\s|#*]*";

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"{DECORATION}(?:(?P<chapter>Chương\s+[IVXLC\d]+)|(?P<article>Điều\s+\d+)\.|(?P<roman>[IVX]{{1,5}})\.|(?:[-–]\s*)?(?P<number>\d{{1,2}}(?:\.\d{{1,2}}){{0,3}})\.|(?P<letter>[a-zđ])\)|(?P<bullet>[-–•])|(?P<plus>\+))(?:\s+|\*)"
    ))
    .unwrap()
});

static ENDS_BODY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\s|#*]*(?:Nơi|Noi|NƠI) (?:nhận|NHẬN)").unwrap());

/// One line with its byte range in the text.
struct Line<'t> {
    start: usize,
    text: &'t str,
}

/// A cheap look at a line's first character, so the marker regex only runs on lines that
/// could start an outline item.
fn could_be_marker(line: &str) -> bool {
    let rest = line.trim_start_matches([' ', '\t', '|', '#', '*']);
    let mut chars = rest.chars();
    match chars.next() {
        Some(c) if c.is_ascii_digit() || matches!(c, 'I' | 'V' | 'X' | '-' | '–' | '•' | '+') => true,
        Some(c) if c.is_lowercase() => chars.next() == Some(')'),
        Some('C') => rest.starts_with("Chương"),
        Some('Đ') => rest.starts_with("Điều"),
        _ => false,
    }
}

/// The start of a line, where a marker can stand: captures cost time in proportion to
/// the text they are given, and an item's line may be a whole paragraph.
fn marker_zone(line: &str) -> &str {
    &line[..floor_boundary(line, 80)]
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        out.push(Line {
            start,
            text: piece.trim_end_matches('\n'),
        });
        start += piece.len();
    }
    out
}

/// Longest stretch of a line read for a heading, in bytes: [`short`] keeps at most
/// [`MAX_HEADING_CHARS`] characters of it, and a list item may be a long paragraph.
const MAX_HEADING_BYTES: usize = 8 * MAX_HEADING_CHARS;

fn heading_text(raw: &str) -> String {
    let raw = &raw[..floor_boundary(raw, MAX_HEADING_BYTES)];
    let cleaned = crate::ingest::clean::collapse_spaces(&crate::ingest::clean::strip_markdown(raw));
    cleaned.trim().trim_end_matches(':').trim().to_string()
}

/// Whether `next` carries on a heading that ended without punctuation.
fn continues_heading(heading: &str, next: &str) -> bool {
    let next = next.trim_start_matches(['#', '*', ' ']);
    let Some(first) = next.chars().next() else {
        return false;
    };
    if heading.ends_with(['.', ':', ';', '!', '?']) {
        return false;
    }
    // `Sở Lao động\n- Thương binh và Xã hội` is one name, not a bullet.
    if next.starts_with("- Thương binh") || next.starts_with("– Thương binh") {
        return true;
    }
    if could_be_marker(next) && MARKER.is_match(next) {
        return false;
    }
    let shouting = |s: &str| !s.chars().any(char::is_lowercase) && s.chars().any(char::is_uppercase);
    if shouting(heading) {
        // An all-capitals heading goes on only in capitals (`CÁC NHIỆM VỤ\nCHỦ YẾU`).
        return shouting(next) && next.chars().count() < 60;
    }
    first.is_lowercase()
}

fn short(heading: String) -> String {
    // A long item's heading is its first sentence.
    let first_sentence = match heading.find(['.', ';', ':']) {
        Some(i) if i > 0 => heading[..i].to_string(),
        _ => heading,
    };
    if first_sentence.chars().count() <= MAX_HEADING_CHARS {
        return first_sentence;
    }
    let cut: String = first_sentence.chars().take(MAX_HEADING_CHARS).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{at_word}…")
}

/// Where the body starts: after the header's type line, or at the first Roman section.
/// Lines before it (header fields, `Số:`) are not outline items.
fn body_start(lines: &[Line]) -> usize {
    lines
        .iter()
        .position(|l| {
            could_be_marker(l.text)
                && MARKER.captures(l.text).is_some_and(|c| {
                    c.name("roman").is_some() || c.name("chapter").is_some() || c.name("article").is_some()
                })
        })
        .unwrap_or(0)
}

/// The outline of `text`.
pub fn outline(text: &str) -> Vec<Section> {
    let lines = lines(text);
    let mut sections: Vec<Section> = Vec::new();
    // Open sections, outermost first: (marker, label, index in `sections`).
    let mut open: Vec<(Marker, String, usize)> = Vec::new();
    // Bullets have no label of their own: they are numbered `-1`, `-2` … within their
    // parent (index 0 counts bullets at the top level, index k+1 those under open[k]).
    let mut bullets_under: Vec<usize> = vec![0];
    let mut i = body_start(&lines);
    // The outline ends where the recipients list and the signature block begin.
    let body_end = lines[i.min(lines.len())..]
        .iter()
        .position(|l| ENDS_BODY.is_match(l.text))
        .map(|k| i + k);
    let text_end = body_end.map_or(text.len(), |k| lines[k].start);
    while i < body_end.unwrap_or(lines.len()) {
        let line = &lines[i];
        let Some(caps) = could_be_marker(line.text)
            .then(|| MARKER.captures(marker_zone(line.text)))
            .flatten()
        else {
            i += 1;
            continue;
        };
        let (marker, label) = if let Some(m) = caps.name("chapter") {
            (
                Marker::Chapter,
                m.as_str().split_whitespace().last().unwrap_or("").to_string(),
            )
        } else if let Some(m) = caps.name("roman") {
            (Marker::Roman, m.as_str().to_string())
        } else if let Some(m) = caps.name("article") {
            (
                Marker::Article,
                format!("Đ{}", m.as_str().split_whitespace().last().unwrap_or("")),
            )
        } else if let Some(m) = caps.name("number") {
            (
                Marker::Number(m.as_str().split('.').count()),
                m.as_str().to_string(),
            )
        } else if let Some(m) = caps.name("letter") {
            (Marker::Letter, m.as_str().to_string())
        } else if caps.name("bullet").is_some() {
            (Marker::Bullet, String::new())
        } else {
            (Marker::Plus, String::new())
        };
        let rest = caps.get(0).map_or("", |m| &line.text[m.end()..]);
        if rest.trim_matches(['*', ' ']).is_empty() && matches!(marker, Marker::Bullet | Marker::Plus) {
            i += 1;
            continue;
        }
        // Close what this marker ends.
        while open.last().is_some_and(|(m, _, _)| *m >= marker) {
            let (_, _, at) = open.pop().unwrap_or((marker, String::new(), 0));
            sections[at].end = line.start;
        }
        bullets_under.truncate(open.len() + 1);
        let label = if label.is_empty() {
            bullets_under[open.len()] += 1;
            format!("-{}", bullets_under[open.len()])
        } else {
            // `1.2` under `1` is written in full; keep only its own last part in the path.
            label.rsplit('.').next().unwrap_or(&label).to_string()
        };
        let mut heading = heading_text(rest);
        while let Some(next) = lines.get(i + 1) {
            if heading.len() >= MAX_HEADING_BYTES || !continues_heading(&heading, next.text) {
                break;
            }
            heading = format!("{heading} {}", heading_text(next.text));
            i += 1;
        }
        let mut path: Vec<&str> = open.iter().map(|(_, l, _)| l.as_str()).collect();
        path.push(&label);
        sections.push(Section {
            path: path.join("."),
            heading: short(heading),
            level: open.len() as u32 + 1,
            start: line.start,
            end: text_end,
        });
        open.push((marker, label, sections.len() - 1));
        bullets_under.push(0);
        i += 1;
    }
    sections
}

fn is_roman(segment: &str) -> bool {
    !segment.is_empty() && segment.chars().all(|c| "IVXLC".contains(c))
}

/// Whether a path segment is a plain number (`2`) or an article (`Đ5`).
fn is_numbered(segment: &str) -> bool {
    let digits = segment.strip_prefix('Đ').unwrap_or(segment);
    !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
}

/// The sections that are tasks: the first numbered level under the Roman parts
/// (`II.2`, or `2` in a plan without Roman parts), and Roman parts with no numbered
/// item of their own (`III. KINH PHÍ`). Letters and bullets belong to their task.
pub fn tasks(sections: &[Section]) -> Vec<&Section> {
    sections
        .iter()
        .filter(|s| {
            let segments: Vec<&str> = s.path.split('.').collect();
            let (last, parents) = segments.split_last().unwrap_or((&"", &[]));
            if is_numbered(last) {
                // An article is a task wherever it stands (under a chapter numbered `1` too).
                return last.starts_with('Đ') || parents.iter().all(|p| is_roman(p));
            }
            let roman = parents.is_empty() && is_roman(last);
            let prefix = format!("{}.", s.path);
            roman
                && !sections
                    .iter()
                    .any(|child| child.path.strip_prefix(&prefix).is_some_and(is_numbered))
        })
        .collect()
}

/// One task with its text on one line (see [`tasks`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskText {
    pub path: String,
    pub heading: String,
    pub level: u32,
    pub text: String,
}

/// The tasks of an outline with their text, cut from `text` (the text the outline was
/// read from) and put on one line.
pub fn task_texts(sections: &[Section], text: &str) -> Vec<TaskText> {
    tasks(sections)
        .into_iter()
        .map(|s| TaskText {
            path: s.path.clone(),
            heading: s.heading.clone(),
            level: s.level,
            text: crate::ingest::clean::one_line(text.get(s.start..s.end).unwrap_or_default()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths_and_headings(text: &str) -> Vec<(String, String)> {
        outline(text).into_iter().map(|s| (s.path, s.heading)).collect()
    }

    #[test]
    fn outline_table() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "I. MỤC ĐÍCH\nx\nII. CÁC NHIỆM VỤ\nCHỦ YẾU\n1. Đẩy mạnh các\nhoạt động tuyên truyền.\na) Tiếp tục đẩy mạnh truyền thông về\ncác chủ trương; còn nữa.\nđ) Thực hiện chế độ báo cáo.\n",
                &[
                    ("I", "MỤC ĐÍCH"),
                    ("II", "CÁC NHIỆM VỤ CHỦ YẾU"),
                    ("II.1", "Đẩy mạnh các hoạt động tuyên truyền"),
                    ("II.1.a", "Tiếp tục đẩy mạnh truyền thông về các chủ trương"),
                    ("II.1.đ", "Thực hiện chế độ báo cáo"),
                ],
            ),
            (
                "**I. MỤC ĐÍCH, YÊU CẦU**\n\n**1. Mục đích**\n\n## **2. Triển khai thực hiện Chiến lược**\n",
                &[
                    ("I", "MỤC ĐÍCH, YÊU CẦU"),
                    ("I.1", "Mục đích"),
                    ("I.2", "Triển khai thực hiện Chiến lược"),
                ],
            ),
            (
                "II. NỘI DUNG\n1. Tuyên truyền\n1.1. Truyền thông\n1.2. Hoạt động\n2. Năng lực\n",
                &[
                    ("II", "NỘI DUNG"),
                    ("II.1", "Tuyên truyền"),
                    ("II.1.1", "Truyền thông"),
                    ("II.1.2", "Hoạt động"),
                    ("II.2", "Năng lực"),
                ],
            ),
            (
                "IV. TỔ CHỨC THỰC\nHIỆN\n1. Sở Lao động\n- Thương binh và Xã hội\na) Phối hợp\n",
                &[
                    ("IV", "TỔ CHỨC THỰC HIỆN"),
                    ("IV.1", "Sở Lao động - Thương binh và Xã hội"),
                    ("IV.1.a", "Phối hợp"),
                ],
            ),
            (
                "III. TỔ CHỨC\n- 1. Các ngành thành viên\n- 2. Ban Vì sự tiến bộ\n",
                &[
                    ("III", "TỔ CHỨC"),
                    ("III.1", "Các ngành thành viên"),
                    ("III.2", "Ban Vì sự tiến bộ"),
                ],
            ),
            (
                "I. NỘI DUNG\n- Xây dựng kế hoạch.\n- Nội dung: tuyên truyền.\n+ chi tiết\n",
                &[
                    ("I", "NỘI DUNG"),
                    ("I.-1", "Xây dựng kế hoạch"),
                    ("I.-2", "Nội dung"),
                    ("I.-2.-1", "chi tiết"),
                ],
            ),
            ("Số: 70/KH-UBND\n1. không phải mục\n", &[("1", "không phải mục")]),
            ("", &[]),
        ];
        for (input, want) in cases {
            let want: Vec<(String, String)> =
                want.iter().map(|(p, h)| (p.to_string(), h.to_string())).collect();
            assert_eq!(paths_and_headings(input), want, "{input:?}");
        }
    }

    #[test]
    fn tasks_are_the_numbered_items_under_the_roman_parts() {
        let text = "I. MỤC ĐÍCH\n1. Mục đích\n2. Yêu cầu\nII. NHIỆM VỤ\n1. Tuyên truyền\n1.1. Báo chí\na) Hội thảo\n- x\n2. Kiểm tra\nIII. KINH PHÍ\nTheo quy định.\n";
        let sections = outline(text);
        let paths: Vec<&str> = tasks(&sections).into_iter().map(|s| s.path.as_str()).collect();
        assert_eq!(paths, ["I.1", "I.2", "II.1", "II.2", "III"]);
        let flat = outline("1. Một\na) x\n2. Hai\n");
        let paths: Vec<&str> = tasks(&flat).into_iter().map(|s| s.path.as_str()).collect();
        assert_eq!(paths, ["1", "2"]);
    }

    #[test]
    fn sections_nest_by_offsets() {
        let text = "I. A\nx\nII. B\n1. C\ny\n2. D\n";
        let sections = outline(text);
        let by_path = |p: &str| sections.iter().find(|s| s.path == p).unwrap();
        assert_eq!(&text[by_path("I").start..by_path("I").end], "I. A\nx\n");
        assert_eq!(&text[by_path("II.1").start..by_path("II.1").end], "1. C\ny\n");
        assert_eq!(by_path("II").end, text.len());
        assert_eq!(by_path("II.2").level, 2);
    }
}

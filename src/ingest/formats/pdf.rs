//! `.pdf` with a text layer: the text of each page in the order the page draws it, then
//! the page furniture taken out — lines repeated at the top or bottom of most pages (a
//! gazette's `CÔNG BÁO/Số 1091 + 1092/Ngày 03-11-2023`, compared with their digits
//! masked) and bare page numbers — and words split by a hyphen at a line end joined.
//!
//! A PDF without a text layer (a scan) is skipped: OCR is out of scope. Encrypted PDFs
//! with an empty user password are read; others are skipped.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::error::SkipReason;

/// How many lines at each end of a page are looked at as possible headers and footers.
const EDGE_LINES: usize = 3;

/// The text of a PDF, one page after another.
pub fn text(bytes: &[u8]) -> Result<String, SkipReason> {
    let pages = pages(bytes)?;
    let text = join_pages(&pages);
    if text.trim().is_empty() {
        return Err(SkipReason::new(
            "no text layer (scanned document?); OCR is not supported",
        ));
    }
    Ok(text)
}

/// Each page's raw text.
pub fn pages(bytes: &[u8]) -> Result<Vec<String>, SkipReason> {
    // The PDF library panics on some malformed files; that must cost this file only.
    let result = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem_by_pages(bytes));
    match result {
        Ok(Ok(pages)) => Ok(pages),
        Ok(Err(e)) => Err(SkipReason::new(format!("damaged or unsupported PDF ({e})"))),
        Err(_) => Err(SkipReason::new(
            "PDF the reader could not handle (unsupported font or structure); save it as .docx",
        )),
    }
}

fn mask_digits(line: &str) -> String {
    line.chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_page_number(line: &str) -> bool {
    static PAGE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)^(trang\s+)?[-–—\s]*\d{1,4}([-–—\s]*|\s*/\s*\d{1,4})$").unwrap());
    PAGE.is_match(line.trim())
}

/// Joins pages, dropping repeated headers and footers and joining hyphenated words.
pub fn join_pages(pages: &[String]) -> String {
    let page_lines: Vec<Vec<&str>> = pages
        .iter()
        .map(|p| p.lines().filter(|l| !l.trim().is_empty()).collect())
        .collect();
    // Masked edge lines that recur on at least 40% of the pages (and at least two): odd
    // and even pages may carry different headers.
    let mut counts: HashMap<String, usize> = HashMap::new();
    for lines in &page_lines {
        let mut seen: Vec<String> = edges(lines).map(|(_, l)| mask_digits(l)).collect();
        seen.sort();
        seen.dedup();
        for l in seen {
            *counts.entry(l).or_default() += 1;
        }
    }
    let needed = (page_lines.len() * 2).div_ceil(5).max(2);
    let mut out = String::new();
    for lines in &page_lines {
        let edge: Vec<usize> = edges(lines).map(|(i, _)| i).collect();
        for (i, line) in lines.iter().enumerate() {
            let furniture = edge.contains(&i)
                && (is_page_number(line) || counts.get(&mask_digits(line)).is_some_and(|&n| n >= needed));
            if !furniture {
                out.push_str(line.trim_end());
                out.push('\n');
            }
        }
    }
    join_hyphenated(&out)
}

fn edges<'a>(lines: &'a [&'a str]) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    let n = lines.len();
    lines
        .iter()
        .enumerate()
        .filter(move |(i, _)| *i < EDGE_LINES || *i + EDGE_LINES >= n)
        .map(|(i, l)| (i, *l))
}

/// `phân bi-\nệt` → `phân biệt\n`; `70/KH-\nUBND` → `70/KH-UBND\n` (the hyphen of a
/// symbol stays). Only lowercase letter – hyphen – line end – lowercase letter drops it.
fn join_hyphenated(text: &str) -> String {
    static SPLIT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(\w)-\n[ \t]*(\S+)(?:[ \t]+|\n|$)").unwrap());
    SPLIT
        .replace_all(text, |c: &regex::Captures| {
            let (before, after) = (&c[1], &c[2]);
            let lower = |s: &str| s.chars().next().is_some_and(char::is_lowercase);
            if lower(before) && lower(after) {
                format!("{before}{after}\n")
            } else {
                format!("{before}-{after}\n")
            }
        })
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_furniture_goes_and_text_stays() {
        let pages: Vec<String> = vec![
            "CÔNG BÁO/Số 1091 + 1092/Ngày 03-11-2023\nSố: 70/KH-\nUBND\nphân bi-\nệt đối xử\n1\n".into(),
            "CÔNG BÁO/Số 1093 + 1094/Ngày 03-11-2023\nNội dung trang hai\n- 2 -\n".into(),
            "CÔNG BÁO/Số 1095 + 1096/Ngày 03-11-2023\nTrang ba có chữ\nTrang 3\n".into(),
        ];
        assert_eq!(
            join_pages(&pages),
            "Số: 70/KH-UBND\nphân biệt\nđối xử\nNội dung trang hai\nTrang ba có chữ\n"
        );
    }

    #[test]
    fn alternating_headers_go_too() {
        let words = ["một", "hai", "ba", "bốn", "năm"];
        let pages: Vec<String> = (1..=5)
            .map(|n| {
                let header = if n % 2 == 0 {
                    "CÔNG BÁO/Số 12/Ngày 03-11-2023"
                } else {
                    "Quyết định 125/2021/NĐ-CP"
                };
                format!("{header}\nNội dung {}\n", words[n - 1])
            })
            .collect();
        assert_eq!(
            join_pages(&pages),
            "Nội dung một\nNội dung hai\nNội dung ba\nNội dung bốn\nNội dung năm\n"
        );
    }

    #[test]
    fn page_numbers() {
        let cases = [
            ("12", true),
            ("- 3 -", true),
            ("Trang 4", true),
            ("2/10", true),
            ("Điều 3", false),
            ("2022", true),
        ];
        for (line, want) in cases {
            assert_eq!(is_page_number(line), want, "{line}");
        }
    }
}

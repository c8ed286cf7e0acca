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

use super::pdf_budget;
use crate::error::SkipReason;
use crate::ingest::limits::Limits;

/// How many lines at each end of a page are looked at as possible headers and footers.
const EDGE_LINES: usize = 3;

/// The text of a PDF, one page after another.
pub fn text(bytes: &[u8], limits: &Limits) -> Result<String, SkipReason> {
    pdf_budget::check(bytes, limits.max_decompressed_bytes)?;
    let pages = pages_within(bytes, limits.max_text_bytes, limits.max_decompressed_bytes)?;
    let text = join_pages(&pages);
    if text.trim().is_empty() {
        return Err(SkipReason::PdfNoText);
    }
    Ok(text)
}

/// Each page's raw text (no limit on the text; the inflated streams within the default).
pub fn pages(bytes: &[u8]) -> Result<Vec<String>, SkipReason> {
    let max_inflated = Limits::default().max_decompressed_bytes;
    pdf_budget::check(bytes, max_inflated)?;
    pages_within(bytes, u64::MAX, max_inflated)
}

/// Each page's raw text, at most `max_text` bytes in all.
fn pages_within(bytes: &[u8], max_text: u64, max_inflated: u64) -> Result<Vec<String>, SkipReason> {
    // The PDF library panics on some malformed files; that must cost this file only.
    let result = crate::panics::quietly(|| extract_pages(bytes, max_text, max_inflated));
    match result {
        Ok(Ok(pages)) => Ok(pages),
        Ok(Err(Extraction::TooLong)) => Err(SkipReason::TextTooLongSoFar {
            limit_mib: max_text >> 20,
        }),
        Ok(Err(Extraction::Skip(reason))) => Err(reason),
        Ok(Err(Extraction::PageTreeLoop)) => Err(SkipReason::PdfPageTreeLoop),
        Ok(Err(Extraction::Damaged(e))) => Err(SkipReason::PdfDamaged(e)),
        Err(_) => Err(SkipReason::PdfUnhandled),
    }
}

enum Extraction {
    TooLong,
    PageTreeLoop,
    Skip(SkipReason),
    Damaged(String),
}

/// Text written by the PDF library, refused past a budget (the library then stops).
struct Bounded {
    text: Vec<u8>,
    room: u64,
    over: bool,
}

impl std::io::Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if buf.len() as u64 > self.room {
            self.over = true;
            return Err(std::io::Error::other("text limit"));
        }
        self.room -= buf.len() as u64;
        self.text.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn extract_pages(bytes: &[u8], max_text: u64, max_inflated: u64) -> Result<Vec<String>, Extraction> {
    let damaged = |e: &dyn std::fmt::Display| Extraction::Damaged(e.to_string());
    let mut doc = pdf_extract::Document::load_mem(bytes).map_err(|e| damaged(&e))?;
    if doc.is_encrypted() {
        doc.decrypt("").map_err(|e| damaged(&e))?;
        // The streams could not be counted before they were decrypted.
        let streams = doc
            .objects
            .values()
            .filter_map(|o| o.as_stream().ok())
            .filter(|s| {
                s.filters().is_ok_and(|f| f.contains(&&b"FlateDecode"[..]))
                    && !s
                        .dict
                        .get(b"Subtype")
                        .and_then(pdf_extract::Object::as_name)
                        .is_ok_and(|n| n == b"Image")
            });
        pdf_budget::check_decrypted(streams.map(|s| &s.content[..]), max_inflated)
            .map_err(Extraction::Skip)?;
    }
    let pages = doc.get_pages();
    // The library looks attributes up the page tree recursively: a loop would never end.
    for &id in pages.values() {
        let mut seen = std::collections::HashSet::new();
        let mut node = doc.get_dictionary(id).ok();
        while let Some(dict) = node {
            let Ok(parent) = dict.get(b"Parent").and_then(pdf_extract::Object::as_reference) else {
                break;
            };
            if !seen.insert(parent) || seen.len() > 256 {
                return Err(Extraction::PageTreeLoop);
            }
            node = doc.get_dictionary(parent).ok();
        }
    }
    let mut out = Vec::with_capacity(pages.len());
    let mut room = max_text;
    for &number in pages.keys() {
        let mut page = Bounded {
            text: Vec::new(),
            room,
            over: false,
        };
        let result = {
            let writer: &mut dyn std::io::Write = &mut page;
            let mut output = pdf_extract::PlainTextOutput::new(writer);
            pdf_extract::output_doc_page(&doc, &mut output, number)
        };
        if page.over {
            return Err(Extraction::TooLong);
        }
        if result.is_err() {
            break; // as the library's own page loop: the pages read so far
        }
        room -= page.text.len() as u64;
        out.push(String::from_utf8_lossy(&page.text).into_owned());
    }
    Ok(out)
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

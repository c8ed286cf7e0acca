//! Citations over all 81 real documents of `../shared/realdocs` (outside the repository,
//! so an integration test): nothing panics on any slice of them, and every number in a
//! `Căn cứ` line is found. The snapshots of a few of them, with their texts inside the
//! repository, are the unit tests of `src/cite/golden.rs`.

use std::fs;
use std::path::{Path, PathBuf};

use plancite::cite::extract;
use plancite::vi::boundary::floor_boundary;
use regex::Regex;

const REALDOCS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/realdocs");

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| {
        panic!(
            "cannot read {} ({e}); the tests need ../shared beside the repository",
            path.display()
        )
    })
}

/// Slices of every real document at pseudo-random char boundaries, and each one in
/// NFD: nothing may panic (finding, settling names), and every citation's text is its
/// slice. (`tests/realdocs_understand.rs` does the same through all of `understand`.)
#[test]
fn realdocs_survive_arbitrary_cuts() {
    use unicode_normalization::UnicodeNormalization;
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |bound: usize| {
        // xorshift: reproducible without a dependency.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        usize::try_from(state % (bound.max(1) as u64)).unwrap_or(0)
    };
    let mut paths: Vec<PathBuf> = fs::read_dir(REALDOCS)
        .unwrap_or_else(|e| panic!("cannot list {REALDOCS} ({e}); ../shared is needed"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    for path in paths.iter().step_by(4) {
        let text = read(path);
        for _ in 0..16 {
            let a = floor_boundary(&text, next(text.len()));
            let len = next(4000);
            let b = floor_boundary(&text, a + len);
            let piece = &text[a..b.max(a)];
            let mut found = extract(piece);
            for c in &found {
                assert_eq!(piece.get(c.start..c.end), Some(c.text.as_str()));
            }
            // The later stages on the same slices: nothing may panic.
            plancite::cite::identity::identify(piece, &mut found, Some("2024-01-01"));
            let decomposed: String = piece.nfd().collect();
            for c in extract(&decomposed) {
                assert_eq!(decomposed.get(c.start..c.end), Some(c.text.as_str()));
            }
        }
    }
}

/// The `Căn cứ` lines of a text: each from its line start through the line that
/// holds its `;` (or ends in `.` / `:`), at most 8 lines. Byte ranges.
fn can_cu_regions(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        lines.push(start..start + line.len());
        start += line.len();
    }
    let mut regions = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = &text[lines[i].clone()];
        let head = line.trim_start_matches(|c: char| " \t*-+|#>".contains(c));
        if !head.starts_with("Căn cứ") {
            i += 1;
            continue;
        }
        let mut j = i;
        loop {
            let current = text[lines[j].clone()].trim_end_matches(['\n', ' ', '*']);
            let closes = current.contains(';') || current.ends_with(['.', ':']);
            if closes || j + 1 >= lines.len() || j - i >= 7 {
                break;
            }
            j += 1;
        }
        regions.push(lines[i].start..lines[j].end);
        i = j + 1;
    }
    regions
}

#[test]
fn realdocs_never_panic_and_every_can_cu_number_is_found() {
    // Independent of the scanners: digits, `/`, an optional year, a capital letter;
    // or a Party number `11-NQ/TW`.
    let number = Regex::new(
        r"\d+(?:\.\d+)?\**\s*/\s*(?:(?:19|20)\d\d\s*/\s*)?[A-ZĐÐ\p{Cyrillic}]|\d+\s*-\s*[A-ZĐ][A-Za-zĐđ]{0,3}\s*/\s*[A-ZĐ]",
    )
    .expect("valid regex");
    let mut files = 0;
    let mut checked = 0;
    let mut blank_templates = 0;
    let mut missed = Vec::new();
    let mut entries: Vec<PathBuf> = fs::read_dir(REALDOCS)
        .unwrap_or_else(|e| panic!("cannot list {REALDOCS} ({e}); ../shared is needed"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    entries.sort();
    for path in &entries {
        let text = read(path);
        let found = extract(&text);
        files += 1;
        for region in can_cu_regions(&text) {
            for m in number.find_iter(&text[region.clone()]) {
                let at = region.start + m.start();
                // `…/2026/NQ-CP`, `Số:     /2025/QĐ-UBND`: a blank template number
                // (its year read as the number) is not a citation.
                let before = text[..at].trim_end_matches([' ', '.', '…', '*']);
                if before.ends_with('/') {
                    blank_templates += 1;
                    continue;
                }
                checked += 1;
                if !found.iter().any(|c| c.start <= at && at < c.end) {
                    let context_end = floor_boundary(&text, at + 40);
                    missed.push(format!(
                        "{}: {:?}",
                        path.file_name().and_then(|n| n.to_str()).unwrap_or("?"),
                        &text[at..context_end]
                    ));
                }
            }
        }
    }
    println!(
        "realdocs: {files} files, {checked} numbers in `Căn cứ` lines checked \
         ({blank_templates} blank template numbers skipped)"
    );
    assert!(files >= 80, "expected the 81 realdocs, found {files}");
    assert!(checked > 0);
    assert!(
        missed.is_empty(),
        "{} of {checked} `Căn cứ` numbers not found:\n{}",
        missed.len(),
        missed.join("\n")
    );
}

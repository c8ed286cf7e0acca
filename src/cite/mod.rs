//! Citations: which documents a plan cites, each under one canonical key, and why.
//!
//! Three stages, each a plain function of the one before:
//!
//! 1. **find** ([`extract`], `find.rs`): scan the decoded text for every number and
//!    symbol (`Nghị định số 125/2021/NĐ-CP`, `Kế hoạch 131/KH-UBND`, `Nghị quyết
//!    11-NQ/TW`) and every law cited by name (`Luật Bình đẳng giới`), with the type,
//!    date and issuer the text gives, and mark those in the preamble's `Căn cứ …` /
//!    `Thực hiện …` sentences as the plan's `basis`. The text is raw: line breaks, `**`,
//!    look-alike letters and stray spaces are read through, and offsets point into it.
//!    The scanners it runs live one per file: `number.rs` (number and symbol),
//!    `before_number.rs` (type word, own number, form code), `date.rs`, `issuer.rs`,
//!    `law.rs` (laws by name); `window.rs` is their view of raw text, `outline.rs` the
//!    layout shapes, `parts.rs` the spelling of symbol parts.
//! 2. **key** ([`canonical_key`], [`parse_key`], `key.rs`): write each number one way
//!    (`125/2021/ND-CP` → `125/2021/NĐ-CP`) so that citations and plans meet on one
//!    index term; [`parse_key`] does the same for what a person types.
//!    Along the way `relation.rs` reads the citing document's own act on each document
//!    it cites (`replaces`, `amends` …, from `resources/relation_words.tsv`) and what the
//!    text states between two cited documents.
//! 3. **identity** ([`identity::identify`]): a law cited by name becomes the version it
//!    means, under that version's numbered key (`resources/laws.tsv`), saying how.
//! 4. **resolve** ([`resolve::pick`]): choose which archived plan a citation means when
//!    several share its key.
//!
//! The module knows nothing of files or of the index.
//!
//! ```
//! use plancite::cite::{extract, parse_key};
//! use plancite::model::Relation;
//!
//! let text = "Thực hiện Kế hoạch số 131/KH-UBND\nngày 31/5/2021 của Ủy ban nhân dân thành phố;\n\
//!             I. NỘI DUNG\nTuyên truyền Nghị định số 125/2021/ND-CP và Luật Bình đẳng giới.";
//! let found = extract(text);
//! let keys: Vec<&str> = found.iter().map(|c| c.key.as_str()).collect();
//! assert_eq!(keys, ["131/KH-UBND", "125/2021/NĐ-CP", "Luật Bình đẳng giới"]);
//! assert_eq!(found[0].relation, Relation::Implements);
//! assert_eq!(found[0].date.as_deref(), Some("2021-05-31"));
//! assert_eq!(found[1].relation, Relation::Mention);
//! assert_eq!(parse_key("nghị định 125/2021/nđ-cp").as_deref(), Some(found[1].key.as_str()));
//! ```

mod before_number;
mod date;
mod find;
pub mod identity;
mod issuer;
mod key;
mod law;
mod number;
mod outline;
mod parts;
mod relation;
pub mod resolve;
mod window;

pub use find::extract;
pub use key::{canonical_key, parse_key};
pub use relation::is_consolidated;

/// A number and symbol found in a text by the citation scanner: where it stands and its
/// canonical key. The header reader uses it so that a plan's own number and the
/// citations of it meet on the same key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberAt {
    /// Byte offset of its first digit.
    pub start: usize,
    /// Just past its last symbol part.
    pub end: usize,
    pub key: String,
}

/// Every number and symbol in `text[range]`, in order, read as [`extract`] reads them
/// (look-alike letters, broken lines and stray spaces included). Offsets are into `text`.
pub fn numbers_in(text: &str, range: std::ops::Range<usize>) -> Vec<NumberAt> {
    let end = crate::vi::boundary::floor_boundary(text, range.end.min(text.len()));
    let mut found: Vec<NumberAt> = Vec::new();
    let mut from = range.start.min(end);
    while let Some(offset) = text.get(from..end).and_then(|rest| rest.find('/')) {
        let slash = from + offset;
        from = slash + 1;
        if found.last().is_some_and(|last| slash < last.end) {
            continue;
        }
        if let Some(token) = number::number_at_slash(text, slash) {
            found.push(NumberAt {
                start: token.start,
                end: token.end,
                key: key::number_key(&token),
            });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    //! Whole documents: the five seed plans and the real documents beside the repository
    //! (`../shared`), against golden files and the acceptance lists.

    use std::collections::BTreeSet;
    use std::fs;
    use std::path::{Path, PathBuf};

    use regex::Regex;

    use super::extract;
    use crate::model::Citation;

    const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");
    const REALDOCS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/realdocs");
    const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/citations");

    /// (file name prefix in `seeds/`, golden name).
    const SEED_FILES: &[(&str, &str)] = &[
        ("000_", "seed-000-hai-phong-2022"),
        ("001_", "seed-001-lai-chau-2023"),
        ("002_", "seed-002-buon-ma-thuot-2022"),
        ("003_", "seed-003-thanh-hoa-2020"),
        ("004_", "seed-004-hai-phong-2017"),
    ];

    /// Real documents kept as golden files for their mess.
    const REALDOC_FILES: &[&str] = &[
        // Cyrillic `BKHĐТ`, `BTС`, `CР`; dates split by `**`.
        "tvpl2025-ca83e7689c9fc610",
        // Cyrillic `BТС`; header `Số:  372 /QĐ-BTC`.
        "congbao-thue_tncn__quyet-dinh-so-372-qd-btc-469041",
        // Lists (`Các Quyết định: số 290/2005/QĐ-TTg, số …`), symbols split by line breaks.
        "congbao-hdld__thong-tu-so-44-2022-tt-btc-37701",
        // Spaces around `/` and `-` (`3565 /QĐ -UBND`), the tvpl metadata table.
        "tvpl2025-0beedb7bdb363a85",
    ];

    fn read(path: &Path) -> String {
        fs::read_to_string(path).unwrap_or_else(|e| {
            panic!(
                "cannot read {} ({e}); the tests need ../shared beside the repository",
                path.display()
            )
        })
    }

    fn seed_path(prefix: &str) -> PathBuf {
        let dir =
            fs::read_dir(SEEDS).unwrap_or_else(|e| panic!("cannot list {SEEDS} ({e}); ../shared is needed"));
        dir.filter_map(Result::ok)
            .map(|entry| entry.path())
            .find(|path| {
                path.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(prefix))
            })
            .unwrap_or_else(|| panic!("no seed {prefix}* in {SEEDS}"))
    }

    fn seed_text(prefix: &str) -> String {
        read(&seed_path(prefix))
    }

    fn numbered_keys(found: &[Citation]) -> BTreeSet<&str> {
        found
            .iter()
            .filter(|c| !c.key.starts_with("Luật ") && !c.key.starts_with("Bộ luật "))
            .map(|c| c.key.as_str())
            .collect()
    }

    fn named_keys(found: &[Citation]) -> BTreeSet<&str> {
        found
            .iter()
            .filter(|c| c.key.starts_with("Luật ") || c.key.starts_with("Bộ luật "))
            .map(|c| c.key.as_str())
            .collect()
    }

    #[test]
    fn seeds_cite_exactly_the_accepted_numbers() {
        let accepted: &[(&str, &[&str], &[&str])] = &[
            (
                "000_",
                &[
                    "131/KH-UBND",
                    "418/LĐTBXH-BĐG",
                    "125/2021/NĐ-CP",
                    "117/KH-UBND",
                    "53/KH-UBND",
                    "2282/QĐ-TTg",
                    "59/KH-UBND",
                    "7875/UBND-VX",
                ],
                &["Luật Bình đẳng giới"],
            ),
            (
                "001_",
                &[
                    "1415/KH-UBND",
                    "03/UBQG-VP",
                    "11-NQ/TW",
                    "21-CT/TW",
                    "2282/QĐ-TTg",
                ],
                &[],
            ),
            (
                "002_",
                &[
                    "1522/UBND-KGVX",
                    "318/SLĐTBXH-BTXH",
                    "3447/KH-UBND",
                    "1036/KH-UBND",
                ],
                &["Luật Bình đẳng giới", "Bộ luật Lao động năm 2019"],
            ),
            (
                "003_",
                &[
                    "458/LĐTBXH-BĐG",
                    "1721/UBND-VX",
                    "11-NQ/TW",
                    "4071/QĐ-UBND",
                    "3345/QĐ-UBND",
                    "10/KH-UBND",
                    "71/KH-UBND",
                    "165/KH-UBND",
                ],
                &["Bộ luật Lao động năm 2019"],
            ),
            (
                "004_",
                &["06/UBQG-VP", "11-NQ/TW", "57/NQ-CP", "178/QĐ-TTg", "04-TT/TU"],
                &["Luật Bình đẳng giới"],
            ),
        ];
        for (prefix, numbers, laws) in accepted {
            let found = extract(&seed_text(prefix));
            let want: BTreeSet<&str> = numbers.iter().copied().collect();
            assert_eq!(numbered_keys(&found), want, "numbered citations of seed {prefix}");
            let want: BTreeSet<&str> = laws.iter().copied().collect();
            assert_eq!(named_keys(&found), want, "named laws of seed {prefix}");
        }
    }

    fn check_golden(name: &str, text: &str) {
        let found = extract(text);
        let mut json = serde_json::to_string_pretty(&found).expect("citations serialise");
        json.push('\n');
        let path = Path::new(GOLDEN).join(format!("{name}.json"));
        if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
            fs::create_dir_all(GOLDEN).expect("golden folder can be made");
            fs::write(&path, &json).expect("golden file can be written");
            return;
        }
        let golden = fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {} ({e}); run with UPDATE_GOLDEN=1", path.display()));
        assert!(
            golden == json,
            "{name}: citations differ from {}; if the change is right, rerun with \
             UPDATE_GOLDEN=1 and review the diff\n--- now ---\n{json}",
            path.display()
        );
    }

    #[test]
    fn golden_seeds() {
        for (prefix, name) in SEED_FILES {
            check_golden(name, &seed_text(prefix));
        }
    }

    #[test]
    fn golden_realdocs() {
        for name in REALDOC_FILES {
            let text = read(&Path::new(REALDOCS).join(format!("{name}.txt")));
            check_golden(name, &text);
        }
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
                let a = crate::vi::boundary::floor_boundary(&text, next(text.len()));
                let len = next(4000);
                let b = crate::vi::boundary::floor_boundary(&text, a + len);
                let piece = &text[a..b.max(a)];
                let mut found = extract(piece);
                for c in &found {
                    assert_eq!(piece.get(c.start..c.end), Some(c.text.as_str()));
                }
                // The later stages on the same slices: nothing may panic.
                super::identity::identify(piece, &mut found, Some("2024-01-01"));
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
                        let context_end = crate::vi::boundary::floor_boundary(&text, at + 40);
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
}

//! Whole documents, with every fixture inside the repository: the five seed plans
//! (`corpus/`) cite exactly the accepted numbers and laws, and the citations of the seeds
//! and of four messy real documents (`tests/fixtures/realdocs/`) stay as their insta
//! snapshots (`src/cite/snapshots/`). After a change that is right, review and accept
//! the new snapshots with `cargo insta review` (or `INSTA_UPDATE=always cargo test --lib
//! cite::golden` and read the diff). The tests over all 81 real documents of
//! `../shared/realdocs` are the integration test `tests/realdocs_citations.rs`.

use std::collections::BTreeSet;

use super::extract;
use crate::model::Citation;

/// (snapshot name, file stem in `corpus/`, text): the five seed plans.
const SEEDS: &[(&str, &str, &str)] = &[
    (
        "seed-000-hai-phong-2022",
        "2022-hai-phong-70-KH-UBND",
        include_str!("../../corpus/2022-hai-phong-70-KH-UBND.txt"),
    ),
    (
        "seed-001-lai-chau-2023",
        "2023-lai-chau-01-BVSTBPN-VP",
        include_str!("../../corpus/2023-lai-chau-01-BVSTBPN-VP.txt"),
    ),
    (
        "seed-002-buon-ma-thuot-2022",
        "2022-buon-ma-thuot-48-KH-UBND",
        include_str!("../../corpus/2022-buon-ma-thuot-48-KH-UBND.txt"),
    ),
    (
        "seed-003-thanh-hoa-2020",
        "2020-thanh-hoa-397-SLDTBXH-TEBDG",
        include_str!("../../corpus/2020-thanh-hoa-397-SLDTBXH-TEBDG.txt"),
    ),
    (
        "seed-004-hai-phong-2017",
        "2017-hai-phong-1016-CTr-BCD",
        include_str!("../../corpus/2017-hai-phong-1016-CTr-BCD.txt"),
    ),
];

/// Real documents kept as snapshots for their mess (see `tests/fixtures/realdocs/SOURCE.md`).
const REALDOCS: &[(&str, &str)] = &[
    // Cyrillic `BKHĐТ`, `BTС`, `CР`; dates split by `**`.
    (
        "tvpl2025-ca83e7689c9fc610",
        include_str!("../../tests/fixtures/realdocs/tvpl2025-ca83e7689c9fc610.txt"),
    ),
    // Cyrillic `BТС`; header `Số:  372 /QĐ-BTC`.
    (
        "congbao-thue_tncn__quyet-dinh-so-372-qd-btc-469041",
        include_str!("../../tests/fixtures/realdocs/congbao-thue_tncn__quyet-dinh-so-372-qd-btc-469041.txt"),
    ),
    // Lists (`Các Quyết định: số 290/2005/QĐ-TTg, số …`), symbols split by line breaks.
    (
        "congbao-hdld__thong-tu-so-44-2022-tt-btc-37701",
        include_str!("../../tests/fixtures/realdocs/congbao-hdld__thong-tu-so-44-2022-tt-btc-37701.txt"),
    ),
    // Spaces around `/` and `-` (`3565 /QĐ -UBND`), the tvpl metadata table.
    (
        "tvpl2025-0beedb7bdb363a85",
        include_str!("../../tests/fixtures/realdocs/tvpl2025-0beedb7bdb363a85.txt"),
    ),
];

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

/// The accepted citations of each seed, as `tests/citations.rs` checks them through the
/// binary: (file stem, numbered keys, laws by name).
fn accepted_citations() -> Vec<(&'static str, BTreeSet<&'static str>, BTreeSet<&'static str>)> {
    include_str!("../../tests/fixtures/seed_citations.tsv")
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let mut fields = line.split('\t');
            let mut next = || fields.next().unwrap_or("");
            let (stem, numbered, named) = (next(), next(), next());
            let named = named.split(';').map(str::trim).filter(|n| !n.is_empty());
            (stem, numbered.split_whitespace().collect(), named.collect())
        })
        .collect()
}

#[test]
fn seeds_cite_exactly_the_accepted_numbers() {
    let accepted = accepted_citations();
    assert_eq!(accepted.len(), SEEDS.len(), "one row per seed");
    for (stem, numbers, laws) in accepted {
        let (_, _, text) = SEEDS
            .iter()
            .find(|(_, seed, _)| *seed == stem)
            .unwrap_or_else(|| panic!("{stem}: not a seed of corpus/"));
        let found = extract(text);
        assert_eq!(numbered_keys(&found), numbers, "numbered citations of {stem}");
        assert_eq!(named_keys(&found), laws, "named laws of {stem}");
    }
}

/// The citations of `text` as pretty JSON, the snapshot `name`.
fn assert_citations_snapshot(name: &str, text: &str) {
    let json = serde_json::to_string_pretty(&extract(text)).expect("citations serialise");
    insta::assert_snapshot!(name, json);
}

#[test]
fn seed_citations_snapshots() {
    for (name, _, text) in SEEDS {
        assert_citations_snapshot(name, text);
    }
}

#[test]
fn realdoc_citations_snapshots() {
    for (name, text) in REALDOCS {
        assert_citations_snapshot(name, text);
    }
}

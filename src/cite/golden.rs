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

/// (golden name, text): the five seed plans.
const SEEDS: &[(&str, &str)] = &[
    (
        "seed-000-hai-phong-2022",
        include_str!("../../corpus/2022-hai-phong-70-KH-UBND.txt"),
    ),
    (
        "seed-001-lai-chau-2023",
        include_str!("../../corpus/2023-lai-chau-01-BVSTBPN-VP.txt"),
    ),
    (
        "seed-002-buon-ma-thuot-2022",
        include_str!("../../corpus/2022-buon-ma-thuot-48-KH-UBND.txt"),
    ),
    (
        "seed-003-thanh-hoa-2020",
        include_str!("../../corpus/2020-thanh-hoa-397-SLDTBXH-TEBDG.txt"),
    ),
    (
        "seed-004-hai-phong-2017",
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

fn seed_text(prefix: &str) -> &'static str {
    let index: usize = prefix
        .trim_end_matches('_')
        .parse()
        .expect("a seed prefix is a number");
    SEEDS[index].1
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
        let found = extract(seed_text(prefix));
        let want: BTreeSet<&str> = numbers.iter().copied().collect();
        assert_eq!(numbered_keys(&found), want, "numbered citations of seed {prefix}");
        let want: BTreeSet<&str> = laws.iter().copied().collect();
        assert_eq!(named_keys(&found), want, "named laws of seed {prefix}");
    }
}

/// The citations of `text` as pretty JSON, the snapshot `name`.
fn assert_citations_snapshot(name: &str, text: &str) {
    let json = serde_json::to_string_pretty(&extract(text)).expect("citations serialise");
    insta::assert_snapshot!(name, json);
}

#[test]
fn seed_citations_snapshots() {
    for (name, text) in SEEDS {
        assert_citations_snapshot(name, text);
    }
}

#[test]
fn realdoc_citations_snapshots() {
    for (name, text) in REALDOCS {
        assert_citations_snapshot(name, text);
    }
}

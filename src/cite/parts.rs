//! Symbol parts in their canonical spelling: `ND` → `NĐ`, `TTG` → `TTg`, `Tu` → `TU`,
//! `BТС` (Cyrillic) → `BTC`, `NĐCP` → `NĐ`, `CP`. The parts are data
//! (`resources/symbol_parts.tsv`, through [`crate::vocab::symbol_parts`]); this file is
//! the rule that spells a part found in a text as one of them. The number scanner
//! (`number.rs`) asks it whether a run of letters is a known part, and the keys
//! (`key.rs`) are written with it.

use std::sync::LazyLock;

use crate::vi::lookalike::to_latin;
use crate::vocab::symbol_parts;

/// Upper case with `Đ` read as `D`: the form in which parts are looked up.
fn fold_part(upper: &str) -> String {
    upper.chars().map(|c| if c == 'Đ' { 'D' } else { c }).collect()
}

fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    s.chars().map(to_latin).flat_map(char::to_uppercase).collect()
}

/// The known parts by their folded form, sorted for binary search.
static PART_BY_FOLD: LazyLock<Vec<(String, &'static str)>> = LazyLock::new(|| {
    let mut table: Vec<(String, &'static str)> = symbol_parts::known()
        .iter()
        .map(|part| (fold_part(&upper(part)), *part))
        .collect();
    table.sort();
    table
});

/// The known parts sorted for binary search.
static PART_SET: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut parts = symbol_parts::known().to_vec();
    parts.sort_unstable();
    parts
});

fn part_by_fold(folded: &str) -> Option<&'static str> {
    let table = &*PART_BY_FOLD;
    table
        .binary_search_by(|(key, _)| key.as_str().cmp(folded))
        .ok()
        .map(|i| table[i].1)
}

/// The canonical spelling of one symbol part: `ND` → `NĐ`, `TTG` → `TTg`, `Tu` → `TU`,
/// `BТС` (Cyrillic) → `BTC`, `QH14` → `QH14`.
pub(crate) fn canonical_part(raw: &str) -> String {
    let mut upper = upper(raw);
    // OCR reads the `Q` of `QH15` as `O`; no symbol part is `OH` and two digits.
    if upper.len() == 4 && upper.starts_with("OH1") && upper[3..].bytes().all(|b| b.is_ascii_digit()) {
        upper.replace_range(..1, "Q");
    }
    let found = if upper.contains('Đ') {
        part_by_fold(&fold_part(&upper))
    } else {
        part_by_fold(&upper)
    };
    match found {
        // A `Đ` typed in the text is never taken away.
        Some(spelling) if !upper.contains('Đ') || self::upper(spelling) == upper => spelling.to_string(),
        _ => upper,
    }
}

/// Whether a canonical part is one of the known parts.
pub(crate) fn is_known_part(canonical: &str) -> bool {
    PART_SET.binary_search(&canonical).is_ok()
}

/// Canonical parts of a symbol, glued parts split: `["NĐCP"]` → `["NĐ", "CP"]`.
pub(crate) fn canonical_parts(raw: &[String]) -> Vec<String> {
    let mut parts = Vec::with_capacity(raw.len() + 1);
    for part in raw {
        let canonical = canonical_part(part);
        let glued = symbol_parts::glued_pairs().iter().find(|(glued, _)| {
            canonical
                .chars()
                .map(|c| if c == 'Đ' { 'D' } else { c.to_ascii_uppercase() })
                .eq(glued.chars())
        });
        match glued {
            Some((_, split)) => parts.extend(split.iter().map(|p| p.to_string())),
            None => parts.push(canonical),
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_parts_do_not_clash() {
        let mut seen = std::collections::HashMap::new();
        for part in symbol_parts::known() {
            let folded = fold_part(&upper(part));
            assert!(
                seen.insert(folded.clone(), *part).is_none(),
                "{part} clashes with {:?}",
                seen.get(&folded)
            );
        }
    }

    #[test]
    fn parts_as_a_table() {
        let cases = [
            ("ND", "NĐ"),
            ("TTG", "TTg"),
            ("Tu", "TU"),
            ("BТС", "BTC"),
            ("OH15", "QH15"),
            ("HDND", "HĐND"),
            ("Xyz", "XYZ"),
        ];
        for (raw, want) in cases {
            assert_eq!(canonical_part(raw), want, "{raw}");
        }
        let glued = canonical_parts(&["NĐCP".to_string(), "UBND".to_string()]);
        assert_eq!(glued, ["NĐ", "CP", "UBND"]);
    }
}

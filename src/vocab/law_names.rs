//! Laws and codes by their official names (`resources/law_names.tsv`), without the word
//! `Luật` or `Bộ luật`: what a law cited by name is spelt as once recognised
//! (`Luật bình đẳng giới` → `Luật Bình đẳng giới`). Recognising is cite's job
//! (`cite/law.rs`); this is the list.
//!
//! ```
//! use plancite::vocab::law_names;
//! assert!(law_names::laws().contains(&"Bình đẳng giới"));
//! assert!(law_names::codes().contains(&"Lao động"));
//! assert!(!law_names::laws().contains(&"Lao động"));
//! ```

use std::sync::LazyLock;

use super::rows;

const FILE: &str = "resources/law_names.tsv";

/// (laws, codes), in the order of the table.
static NAMES: LazyLock<(Vec<&'static str>, Vec<&'static str>)> = LazyLock::new(|| {
    let (mut laws, mut codes) = (Vec::new(), Vec::new());
    for f in rows(FILE, include_str!("../../resources/law_names.tsv"), 2) {
        match f[1] {
            "luật" => laws.push(f[0]),
            "bộ luật" => codes.push(f[0]),
            other => panic!("{FILE}: `luật` or `bộ luật` expected, not {other:?}"),
        }
    }
    (laws, codes)
});

/// Laws (`Luật …`) by their official names.
pub fn laws() -> &'static [&'static str] {
    &NAMES.0
}

/// Codes (`Bộ luật …`) by their official names.
pub fn codes() -> &'static [&'static str] {
    &NAMES.1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_counted() {
        for names in [laws(), codes()] {
            let mut sorted = names.to_vec();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), names.len());
        }
        assert_eq!((laws().len(), codes().len()), (179, 6));
    }
}

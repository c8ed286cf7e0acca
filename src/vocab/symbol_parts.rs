//! Parts of a document's symbol in their canonical spelling (`resources/symbol_parts.tsv`):
//! type codes (`NĐ`, `KH`), organs (`UBND`, `BLĐTBXH`), Party organs (`TW`, `TU`), and
//! the pairs OCR glues together without their dash (`NDCP` → `NĐ`, `CP`). Spelling a part
//! found in a text is cite's job (`cite/parts.rs`); this is the list.
//!
//! ```
//! use plancite::vocab::symbol_parts;
//! assert!(symbol_parts::known().contains(&"LĐTBXH"));
//! assert!(symbol_parts::known().contains(&"TTg"));
//! assert_eq!(symbol_parts::glued("QDTTG"), Some(&["QĐ", "TTg"][..]));
//! ```

use std::sync::LazyLock;

use super::rows;

const FILE: &str = "resources/symbol_parts.tsv";

/// Known parts in table order, and glued pairs with their split.
type Parts = (Vec<&'static str>, Vec<(&'static str, Vec<&'static str>)>);

static PARTS: LazyLock<Parts> = LazyLock::new(|| {
    let (mut known, mut glued) = (Vec::new(), Vec::new());
    for f in rows(FILE, include_str!("../../resources/symbol_parts.tsv"), 3) {
        match f[1] {
            "type" | "organ" | "party" => known.push(f[0]),
            "glued" => glued.push((f[0], f[2].split_whitespace().collect())),
            other => panic!("{FILE}: unknown kind {other:?}"),
        }
    }
    (known, glued)
});

/// Every known part (not the glued pairs), canonical spelling, in the order of the table.
pub fn known() -> &'static [&'static str] {
    &PARTS.0
}

/// Every glued pair (upper case, `Đ` read as `D`) with the parts it stands for.
pub fn glued_pairs() -> &'static [(&'static str, Vec<&'static str>)] {
    &PARTS.1
}

/// The parts a glued pair stands for, `glued` in upper case with `Đ` read as `D`
/// (`NDCP` → `NĐ`, `CP`).
pub fn glued(glued: &str) -> Option<&'static [&'static str]> {
    PARTS
        .1
        .iter()
        .find(|(g, _)| *g == glued)
        .map(|(_, split)| split.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glued_pairs_split_into_known_parts() {
        assert_eq!(PARTS.1.len(), 4);
        for (pair, split) in &PARTS.1 {
            assert_eq!(split.len(), 2, "{pair}");
            assert!(split.iter().all(|p| known().contains(p)), "{pair}");
        }
        assert_eq!(glued("NDCP"), Some(&["NĐ", "CP"][..]));
        assert_eq!(glued("ND"), None);
        assert_eq!(known().len(), 89);
    }
}

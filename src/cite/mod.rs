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
mod golden;

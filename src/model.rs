//! The values that flow between plancite's stages, shared by the indexer and the
//! query side: a [`Plan`] as understood from one file, the [`Citation`]s found in it and
//! the [`Section`]s of its outline.
//!
//! These are plain serde types with no behaviour of their own. Their JSON field names are
//! a public contract (`plancite extract --json` prints them and other tools read them), so
//! renaming a field here is a breaking change.
//!
//! ```
//! use plancite::model::{Citation, Relation};
//! let c = Citation::new("125/2021/NĐ-CP", Relation::Basis, "Nghị định số 125/2021/NĐ-CP", 0, 29);
//! assert_eq!(serde_json::to_value(&c).unwrap()["relation"], "basis");
//! ```

use serde::{Deserialize, Serialize};

/// What plancite understands of one document. A field that could not be found is `None`
/// (JSON `null`), never a guess.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// The path of the file as it was given or found.
    pub file: String,
    /// Number and symbol as written in the header, e.g. `70/KH-UBND`.
    pub number: Option<String>,
    /// Kind of document: `Kế hoạch`, `Chương trình`, `Công văn`, `Quyết định` …
    pub doc_type: Option<String>,
    /// The issuing body, e.g. `Ủy ban nhân dân thành phố Hải Phòng`.
    pub issuer: Option<String>,
    /// Place of issue, from the `<place>, ngày … tháng … năm …` line.
    pub place: Option<String>,
    /// Date of issue as `YYYY-MM-DD`.
    pub date: Option<String>,
    pub year: Option<i32>,
    /// The subject line (trích yếu).
    pub title: Option<String>,
    /// The name of the person who signed.
    pub signer: Option<String>,
    /// `Nơi nhận` / `Kính gửi` entries, in order.
    pub recipients: Vec<String>,
    /// Every document this one cites, in the order they appear.
    pub citations: Vec<Citation>,
    /// The outline of the document.
    pub sections: Vec<Section>,
}

/// Why a document cites another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// The plan is issued under it or to carry it out (`Căn cứ …`, `Thực hiện …`).
    Basis,
    /// Cited anywhere else.
    Mention,
}

/// One citation of another document, found in a document's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    /// Canonical key: `125/2021/NĐ-CP`, `2282/QĐ-TTg`, `11-NQ/TW`, or for a named law
    /// without a number its name (`Luật Bình đẳng giới`).
    pub key: String,
    /// Type of the cited document when the text names it (`Nghị định`, `Quyết định` …).
    pub doc_type: Option<String>,
    /// Date of the cited document as `YYYY-MM-DD` when the text gives it.
    pub date: Option<String>,
    /// Issuer of the cited document when the text gives it (`Thủ tướng Chính phủ`).
    pub issuer: Option<String>,
    pub relation: Relation,
    /// The citation as it stands in the text.
    pub text: String,
    /// Byte offsets of `text` in the decoded document text.
    pub start: usize,
    pub end: usize,
}

impl Citation {
    /// A citation with only its key, relation and place in the text known.
    pub fn new(key: &str, relation: Relation, text: &str, start: usize, end: usize) -> Self {
        Citation {
            key: key.to_string(),
            doc_type: None,
            date: None,
            issuer: None,
            relation,
            text: text.to_string(),
            start,
            end,
        }
    }
}

/// One node of a document's outline (`II.2.b`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Path from the root, e.g. `II.2.b`.
    pub path: String,
    pub heading: String,
    /// Depth, 1 for the top level.
    pub level: u32,
    /// Byte offsets of the section in the decoded document text.
    pub start: usize,
    pub end: usize,
}

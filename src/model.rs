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
    /// Number and symbol as a canonical citation key, e.g. `70/KH-UBND`, read with the
    /// citation scanner (see `understand::number`).
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

/// A plan as a list shows it: the file it was read from, its number and type, where and
/// when it was issued. Search hits and tasks carry it flattened (`#[serde(flatten)]`), so
/// their JSON keeps these fields at the top level, in this order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PlanSummary {
    pub file: String,
    pub number: Option<String>,
    pub doc_type: Option<String>,
    pub place: Option<String>,
    pub date: Option<String>,
    pub year: Option<i32>,
}

impl Plan {
    /// The fields a list shows of this plan.
    pub fn summary(&self) -> PlanSummary {
        PlanSummary {
            file: self.file.clone(),
            number: self.number.clone(),
            doc_type: self.doc_type.clone(),
            place: self.place.clone(),
            date: self.date.clone(),
            year: self.year,
        }
    }
}

/// Why a document cites another: the citing document's own act, as the legal databases
/// show it in a document's "Lược đồ".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// Issued under it (`Căn cứ …`).
    Basis,
    /// Issued to carry it out (`Thực hiện …`, `Triển khai …` in the preamble).
    Implements,
    /// Details or guides it (`quy định chi tiết`, `hướng dẫn`).
    Guides,
    /// Amends it (`sửa đổi, bổ sung`).
    Amends,
    /// Replaces it (`Nghị định này thay thế …`).
    Replaces,
    /// Repeals it or ends its force (`bãi bỏ`, `… hết hiệu lực`).
    Repeals,
    /// A consolidated text of it (văn bản hợp nhất).
    Consolidates,
    /// Corrects it (`đính chính`).
    Corrects,
    /// Cited anywhere else.
    Mention,
}

impl Relation {
    /// Every relation, in the order a "Lược đồ" lists them.
    pub const ALL: [Relation; 9] = [
        Relation::Basis,
        Relation::Implements,
        Relation::Guides,
        Relation::Amends,
        Relation::Replaces,
        Relation::Repeals,
        Relation::Consolidates,
        Relation::Corrects,
        Relation::Mention,
    ];

    /// The lowercase name used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Basis => "basis",
            Relation::Implements => "implements",
            Relation::Guides => "guides",
            Relation::Amends => "amends",
            Relation::Replaces => "replaces",
            Relation::Repeals => "repeals",
            Relation::Consolidates => "consolidates",
            Relation::Corrects => "corrects",
            Relation::Mention => "mention",
        }
    }

    /// Which of two relations a link of many citations shows: the citing document's acts
    /// first (replaces, repeals, amends, corrects, consolidates, guides), then implements,
    /// basis, mention. Lower is stronger.
    pub fn strength(self) -> u8 {
        match self {
            Relation::Replaces => 0,
            Relation::Repeals => 1,
            Relation::Amends => 2,
            Relation::Corrects => 3,
            Relation::Consolidates => 4,
            Relation::Guides => 5,
            Relation::Implements => 6,
            Relation::Basis => 7,
            Relation::Mention => 8,
        }
    }

    /// The relation named `name` (`replaces`), if any.
    pub fn parse(name: &str) -> Option<Relation> {
        Relation::ALL
            .into_iter()
            .find(|r| r.as_str() == name.trim().to_ascii_lowercase())
    }
}

/// How a citation's key was settled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// The text gives the number (or, for a law named without one, the same document
    /// gives that law's number elsewhere).
    #[default]
    Number,
    /// A law named with its date or year (`Bộ luật Lao động năm 2019`): that version.
    NameAndDate,
    /// A law named bare: the version in force on the citing document's date.
    InForce,
    /// A law named bare that could not be settled: the key is its name.
    Unresolved,
    /// A law named bare, not in the built-in table, settled at question time to the
    /// version another plan of the archive writes with its number, the latest issued on
    /// or before the citing plan's date (`refs`; see [`crate::query::learned`]). Never
    /// stored: the stored citation stays `unresolved`.
    Learned,
}

impl Resolution {
    /// The lowercase name used in JSON and in graph exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Resolution::Number => "number",
            Resolution::NameAndDate => "name_and_date",
            Resolution::InForce => "in_force",
            Resolution::Unresolved => "unresolved",
            Resolution::Learned => "learned",
        }
    }
}

/// A relation between two cited documents that the citing document states:
/// `Căn cứ Nghị định số 12/2022/NĐ-CP sửa đổi, bổ sung … Nghị định số 145/2020/NĐ-CP`
/// puts on the citation of 145/2020 `{by: "12/2022/NĐ-CP", relation: amends}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stated {
    /// The document that acts on the cited one.
    pub by: String,
    pub relation: Relation,
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
    /// How the key was settled.
    #[serde(default)]
    pub resolution: Resolution,
    /// For a law cited by name and settled to a version (`resolution` other than
    /// `unresolved`, key `45/2019/QH14`): the name as found (`Bộ luật Lao động năm 2019`);
    /// for a law's number written with its name (`Luật Đấu thầu số 22/2023/QH15`): that
    /// name (`Luật Đấu thầu`), the pair the archive learns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What the citing document says another cited document does to this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated: Option<Stated>,
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
            resolution: Resolution::Number,
            name: None,
            stated: None,
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

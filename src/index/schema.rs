//! The index schema: every field name in one place.
//!
//! One tantivy document per plan, and beside it one that holds only its stored text
//! (`kind` `text`, same `id` and `path`): a document is read back whole, and the text
//! is most of a plan's bytes, which questions about citations never look at. Metadata fields are stored for display and, where a
//! user filters or counts by them, indexed as raw keys (`place_key`, `type_key`) and
//! as facets (`/year/2022`, `/place/Hải Phòng`, `/doc_type/Kế hoạch`). The body is
//! indexed folded with positions (`body_folded`, what every query matches), its distinct
//! marked words once each (`marked`, what a query typed with marks prefers; see
//! [`crate::analysis`]). The text is stored once, as decoded (`text`): citation and
//! section offsets refer to it, and the cleaned body shown is made from it again when
//! asked for. Each citation key is an indexed `cites` term; the citations themselves,
//! with their contexts, are stored in the plan's `record` (JSON), so the graph lives in
//! the same commit as the documents; the outline is stored beside it (`outline`). Tasks (sections) are not
//! documents here: they are cut from the stored text and searched when a question asks
//! for them (see [`crate::query::tasks`]). The abbreviations a plan defines (`Bình đẳng giới (BĐG)`)
//! are `abbrevs` terms, read back at query time (see [`crate::analysis::abbrev`]).

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

use crate::analysis;

/// `plan` for a plan in the archive's index, `task` for one task (section) of a plan in
/// the small index a task search builds (see [`crate::query::tasks`]).
pub const KIND: &str = "kind";
pub const KIND_PLAN: &str = "plan";
pub const KIND_TASK: &str = "task";
/// The document that holds a plan's text (same `id` and `path` as the plan).
pub const KIND_TEXT: &str = "text";
pub const ID: &str = "id";
pub const FILE: &str = "file";
/// Absolute path of the source file: identity for incremental indexing.
pub const PATH: &str = "path";
/// Content hash of the source file.
pub const HASH: &str = "hash";
/// The plan's own number as a canonical citation key, so citations can be resolved.
pub const NUMBER_KEY: &str = "number_key";
pub const YEAR: &str = "year";
/// The plan's date as `yyyymmdd` (`yyyy0000` when only the year is known, `i64::MAX`
/// when neither is): a fast field for "oldest first".
pub const DATE_KEY: &str = "date_key";
pub const PLACE_KEY: &str = "place_key";
pub const TYPE_KEY: &str = "type_key";
pub const FACETS: &str = "facets";
pub const TITLE: &str = "title";
pub const MARKED: &str = "marked";
pub const BODY_FOLDED: &str = "body_folded";
/// The text as decoded (in a plan's text document), or a task's text (in a task
/// index), stored as UTF-8 bytes: tantivy checks every stored string again when it
/// reads a document back.
pub const TEXT: &str = "text";
pub const CITES: &str = "cites";
/// Abbreviation definitions the plan makes, as terms (see [`crate::analysis::abbrev`]).
pub const ABBREVS: &str = "abbrevs";
/// The [`crate::model::Plan`] as JSON (without its text).
pub const RECORD: &str = "record";
/// The plan's outline ([`crate::model::Section`]s) as JSON, apart from the record: few
/// questions need it, and it is the longest part to parse.
pub const OUTLINE: &str = "outline";

/// Handles to the fields, resolved once.
#[derive(Debug, Clone)]
pub struct Fields {
    pub kind: Field,
    pub id: Field,
    pub file: Field,
    pub path: Field,
    pub hash: Field,
    pub number_key: Field,
    pub year: Field,
    pub date_key: Field,
    pub place_key: Field,
    pub type_key: Field,
    pub facets: Field,
    pub title: Field,
    pub marked: Field,
    pub body_folded: Field,
    pub text: Field,
    pub cites: Field,
    pub abbrevs: Field,
    pub record: Field,
    pub outline: Field,
}

fn analysed(tokenizer: &str) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    )
}

pub fn build() -> Schema {
    let mut builder = Schema::builder();
    builder.add_text_field(KIND, STRING | FAST);
    builder.add_text_field(ID, STRING | STORED | FAST);
    builder.add_text_field(FILE, STRING | STORED);
    builder.add_text_field(PATH, STRING | STORED | FAST);
    builder.add_text_field(HASH, STRING | STORED | FAST);
    builder.add_text_field(NUMBER_KEY, STRING | STORED);
    builder.add_i64_field(YEAR, INDEXED | STORED | FAST);
    builder.add_i64_field(DATE_KEY, FAST);
    builder.add_text_field(PLACE_KEY, STRING);
    builder.add_text_field(TYPE_KEY, STRING);
    builder.add_facet_field(FACETS, tantivy::schema::FacetOptions::default());
    builder.add_text_field(TITLE, analysed(analysis::FOLDED));
    builder.add_text_field(
        MARKED,
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(analysis::MARKED)
                .set_index_option(IndexRecordOption::Basic),
        ),
    );
    builder.add_text_field(BODY_FOLDED, analysed(analysis::FOLDED));
    builder.add_bytes_field(TEXT, STORED);
    // One term per citation, with term frequencies: how many times a plan cites a key is
    // read from the postings, without opening any document.
    builder.add_text_field(
        CITES,
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("raw")
                .set_index_option(IndexRecordOption::WithFreqs),
        ),
    );
    builder.add_text_field(ABBREVS, STRING);
    builder.add_text_field(RECORD, STORED);
    builder.add_text_field(OUTLINE, STORED);
    builder.build()
}

impl Fields {
    pub fn resolve(schema: &Schema) -> tantivy::Result<Fields> {
        let f = |name: &str| schema.get_field(name);
        Ok(Fields {
            kind: f(KIND)?,
            id: f(ID)?,
            file: f(FILE)?,
            path: f(PATH)?,
            hash: f(HASH)?,
            number_key: f(NUMBER_KEY)?,
            year: f(YEAR)?,
            date_key: f(DATE_KEY)?,
            place_key: f(PLACE_KEY)?,
            type_key: f(TYPE_KEY)?,
            facets: f(FACETS)?,
            title: f(TITLE)?,
            marked: f(MARKED)?,
            body_folded: f(BODY_FOLDED)?,
            text: f(TEXT)?,
            cites: f(CITES)?,
            abbrevs: f(ABBREVS)?,
            record: f(RECORD)?,
            outline: f(OUTLINE)?,
        })
    }
}

//! The Vietnamese analyzer, registered with tantivy and used for documents and queries
//! alike so that the two can never drift apart.
//!
//! - [`normalize`]: one Unicode form (NFC), one tone-mark placement (`hòa` = `hoà`),
//!   lower case, `Ð` read as `Đ`, Unicode spaces as spaces; and the folded form
//!   without marks (`bình đẳng` → `binh dang`).
//! - [`tokenizer`]: syllables and whole document numbers, in exact or folded form. The
//!   body of each plan is indexed folded ([`FOLDED`]) with positions, and its distinct
//!   marked words ([`MARKED`]) once each, without positions: enough for a query typed
//!   with marks to prefer the plans that have those forms. [`EXACT`] is registered for
//!   tools and benchmarks that want every exact token.
//! - [`segment`]: lindera 6 over a Vietnamese lexicon groups a query's syllables into
//!   words, which the search looks for as adjacent syllables. Documents are not
//!   segmented; [`segment`] says why. Its tantivy adapter is registered as [`WORDS`].
//! - [`abbrev`]: abbreviations a plan defines (`Bình đẳng giới (BĐG)`) and a built-in
//!   list, expanded at query time in both directions.
//! - [`query`]: a query's words with their alternatives, ready for
//!   `crate::query::search` to turn into tantivy queries.
//!
//! This module reads no index and builds no query: `crate::index` stores what it
//! extracts and `crate::query` searches with what it analyses.
//!
//! ```
//! let index = tantivy::Index::create_in_ram(tantivy::schema::Schema::builder().build());
//! plancite::analysis::register(&index);
//! assert!(index.tokenizers().get(plancite::analysis::FOLDED).is_some());
//! ```

pub mod abbrev;
pub mod normalize;
pub mod query;
pub mod segment;
pub mod tokenizer;

use tantivy::tokenizer::TextAnalyzer;

use segment::WordTokenizer;
use tokenizer::{Form, MarkedWordsTokenizer, VietTokenizer};

/// Name of the exact-form tokenizer in tantivy's registry.
pub const EXACT: &str = "vi_exact";
/// Name of the folded-form tokenizer in tantivy's registry.
pub const FOLDED: &str = "vi_folded";
/// Name of the tokenizer of a text's distinct marked words
/// ([`tokenizer::MarkedWordsTokenizer`]).
pub const MARKED: &str = "vi_marked";
/// Name of the word (lindera) tokenizer in tantivy's registry; no plancite field uses
/// it (see [`segment`]).
pub const WORDS: &str = "vi_words";

/// Registers the tokenizers on an index. Must be called on every index opened.
pub fn register(index: &tantivy::Index) {
    let tokenizers = index.tokenizers();
    tokenizers.register(EXACT, TextAnalyzer::from(VietTokenizer::new(Form::Exact)));
    tokenizers.register(FOLDED, TextAnalyzer::from(VietTokenizer::new(Form::Folded)));
    tokenizers.register(MARKED, TextAnalyzer::from(MarkedWordsTokenizer::default()));
    tokenizers.register(WORDS, TextAnalyzer::from(WordTokenizer));
}

/// A short key for filtering by place or type regardless of case and marks:
/// `Hải Phòng`, `hai phong` and `HẢI PHÒNG` all give `hai phong`.
pub fn filter_key(value: &str) -> String {
    let words = VietTokenizer::new(Form::Folded).words(value);
    words.join(" ")
}

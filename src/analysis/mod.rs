//! The Vietnamese analyzer, registered with tantivy and used for documents and queries
//! alike so that the two can never drift apart.
//!
//! Two tokenizers are registered: [`EXACT`] (lower case, one tone-mark style, `Ð` read
//! as `Đ`) and [`FOLDED`] (no marks at all). The body of each plan is indexed under both;
//! see [`tokenizer`] for how words and document numbers are cut.
//!
//! ```
//! let index = tantivy::Index::create_in_ram(tantivy::schema::Schema::builder().build());
//! plancite::analysis::register(&index);
//! assert!(index.tokenizers().get(plancite::analysis::FOLDED).is_some());
//! ```

pub mod normalize;
pub mod tokenizer;

use tantivy::tokenizer::TextAnalyzer;

use tokenizer::{Form, VietTokenizer};

/// Name of the exact-form tokenizer in tantivy's registry.
pub const EXACT: &str = "vi_exact";
/// Name of the folded-form tokenizer in tantivy's registry.
pub const FOLDED: &str = "vi_folded";

/// Registers both tokenizers on an index. Must be called on every index opened.
pub fn register(index: &tantivy::Index) {
    let tokenizers = index.tokenizers();
    tokenizers.register(EXACT, TextAnalyzer::from(VietTokenizer::new(Form::Exact)));
    tokenizers.register(FOLDED, TextAnalyzer::from(VietTokenizer::new(Form::Folded)));
}

/// A short key for filtering by place or type regardless of case and marks:
/// `Hải Phòng`, `hai phong` and `HẢI PHÒNG` all give `hai phong`.
pub fn filter_key(value: &str) -> String {
    let words = VietTokenizer::new(Form::Folded).words(value);
    words.join(" ")
}

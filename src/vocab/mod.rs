//! The vocabulary of Vietnamese documents as data: tables of names in `resources/*.tsv`,
//! compiled in with `include_str!` and parsed once, on first use. Code asks questions
//! (which type does the code `NĐ` stand for? is `Thanh Hoá` a province?) and never holds
//! a copy of a table.
//!
//! - [`doc_types`] — `resources/document_types.tsv`: document types, the type word before
//!   a number, the type line of a header, state and Party type codes;
//! - [`places`] — `resources/provinces.tsv`: provinces and centrally-run cities;
//! - [`issuers`] — `resources/issuer_codes.tsv`: the organ a symbol's code names;
//! - [`symbol_parts`] — `resources/symbol_parts.tsv`: symbol parts in canonical spelling;
//! - [`law_names`] — `resources/law_names.tsv`: laws and codes by their official names.
//!
//! Every table is read by [`rows`] (cite's `resources/laws.tsv` and
//! `resources/relation_words.tsv` too): tab-separated, `#` starts a comment line, `-` or
//! nothing is an empty field, spaces around a field are not part of it. A malformed row is a bug in the resource, caught by each module's tests
//! (the tables are compiled in, there is no user input here). `vocab` uses only
//! [`crate::vi`].
//!
//! ```
//! use plancite::vocab::{doc_types, issuers, places};
//! assert_eq!(doc_types::by_state_code("NĐ"), Some("Nghị định"));
//! assert_eq!(doc_types::by_party_code("TT"), Some("Thông tri"));
//! assert_eq!(places::find("Thanh Hoá").map(|p| p.unit), Some("tỉnh"));
//! assert_eq!(issuers::by_code("UBND").map(|i| i.name), Some("Ủy ban nhân dân"));
//! ```

pub mod doc_types;
pub mod issuers;
pub mod law_names;
pub mod places;
pub mod symbol_parts;

/// The rows of a table: its lines that are neither blank nor comments, split at tabs
/// into exactly `columns` fields (`-` read as empty). Panics, naming the file and the
/// line, on a row with another number of fields.
pub fn rows(file: &'static str, text: &'static str, columns: usize) -> Vec<Vec<&'static str>> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.starts_with('#') && !line.trim().is_empty())
        .map(|(i, line)| {
            let fields: Vec<&str> = line
                .split('\t')
                .map(|f| if f.trim() == "-" { "" } else { f.trim() })
                .collect();
            assert!(
                fields.len() == columns,
                "{file}:{}: {} fields, {columns} expected: {line:?}",
                i + 1,
                fields.len()
            );
            fields
        })
        .collect()
}

/// A `yes`/`no` field; panics, naming the file, on anything else.
pub(crate) fn yes_no(file: &str, field: &str) -> bool {
    match field {
        "yes" => true,
        "no" => false,
        other => panic!("{file}: `yes` or `no` expected, not {other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_skip_comments_and_read_dashes_as_empty() {
        let rows = rows("test.tsv", "# a\tb\n\nx\t-\n y \tz\n", 2);
        assert_eq!(rows, [vec!["x", ""], vec!["y", "z"]]);
    }

    #[test]
    #[should_panic(expected = "test.tsv:2: 1 fields, 2 expected")]
    fn a_short_row_names_its_line() {
        rows("test.tsv", "# a\tb\nx\n", 2);
    }
}

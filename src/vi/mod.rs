//! The rules of Vietnamese text, each written once: the bottom layer every other module
//! of plancite may use, and which uses none of them (only `std`, `unicode-normalization`
//! and `regex`).
//!
//! One concept per file:
//! - [`boundary`] — byte offsets moved onto char boundaries, the char before or at an offset;
//! - [`space`] — what a space is: any space, a space inside a line, invisible characters;
//! - [`lookalike`] — Cyrillic and Greek letters (and `Ð`) that imitate Latin ones;
//! - [`fold`] — lower case without diacritics (`Bình đẳng` → `binh dang`);
//! - [`tone`] — where the tone mark stands in `oa`, `oe`, `uy` (`hòa` / `hoà`);
//! - [`syllable`] — the shape of one Vietnamese syllable;
//! - [`date`] — a calendar date, validated (month lengths, leap years).
//!
//! The tables of names (document types, symbol codes, provinces, issuers) are data, in
//! `resources/*.tsv`, read by the `vocab` module above this one.
//!
//! ```
//! use plancite::vi::{date::Date, fold, lookalike, tone};
//! assert_eq!(fold::folded_form("Bình Đẳng"), "binh dang");
//! assert_eq!(lookalike::to_latin_str("NĐ-СР"), "NĐ-CP");
//! assert_eq!(tone::new_style("Thanh Hóa"), "Thanh Hoá");
//! assert!(Date::new(2024, 2, 29).is_some() && Date::new(2023, 2, 29).is_none());
//! ```

pub mod boundary;
pub mod date;
pub mod fold;
pub mod lookalike;
pub mod space;
pub mod syllable;
pub mod tone;

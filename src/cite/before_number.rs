//! What stands before a number: the type word that names it (`Nghị định số 125/…`,
//! `Kế\n\nhoạch 10/…`, `công văn số 324/…`), the `Số:` label of the document's own
//! number in its header, and the `Mẫu số` of a form code. Type words come from
//! `resources/document_types.tsv` ([`crate::vocab::doc_types`]).

use super::window::{
    Cleaned, ends_with_words, is_any_gap, is_dash, is_inline_gap, skip_backward, skip_forward,
};
use crate::vi::boundary::{char_at, char_before, floor_boundary};
use crate::vocab::doc_types;

/// The generic word for a document, before a number of any type: `văn bản số 16495/…`.
const GENERIC_TYPE_WORD: &str = "văn bản";

/// Type words, lower case, with the document type they name (`None` for the generic
/// `văn bản`) and whether they count only when written with a capital (`Quy định` yes,
/// `quy định` is a verb). A word comes before any shorter word it ends with (`bộ luật`
/// before `luật`), since the first that fits wins.
pub(crate) fn type_words() -> impl Iterator<Item = (&'static str, Option<&'static str>, bool)> {
    doc_types::type_words()
        .iter()
        .map(|w| (w.word.as_str(), Some(w.doc_type), w.capital_only))
        .chain(std::iter::once((GENERIC_TYPE_WORD, None, false)))
}

/// A type word in front of a number: `Nghị định số`, `Kế hoạch`, `công văn số`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TypeWordToken {
    /// Where the type word starts (or the number, when the word is not right before it).
    pub start: usize,
    /// Canonical document type, `None` for the generic `văn bản`.
    pub doc_type: Option<&'static str>,
}

/// The type word in front of the number starting at `number_start`:
/// `Nghị định số 125/…`, `Kế\n\nhoạch 10/…`, `Các Quyết định: số 290/…`,
/// `công văn số 324/…`, `văn bản số 16495/…`. For `Luật Doanh nghiệp số 59/2020/QH14`
/// the type is `Luật` but the token starts at the number (the name is not part of it).
pub(crate) fn type_word_before(text: &str, number_start: usize) -> Option<TypeWordToken> {
    let window = Cleaned::new(text, number_start.saturating_sub(96)..number_start);
    let mut s = window.text.trim_end();
    s = s.strip_suffix(':').unwrap_or(s).trim_end();
    let mut had_so = false;
    if let Some(at) = ends_with_words(s, "số") {
        s = s[..at].trim_end();
        s = s.strip_suffix(':').unwrap_or(s).trim_end();
        had_so = true;
    }
    for (words, doc_type, needs_capital) in type_words() {
        if let Some(at) = ends_with_words(s, words) {
            let capital = s[at..].chars().next().is_some_and(char::is_uppercase);
            if needs_capital && !capital {
                continue;
            }
            return Some(TypeWordToken {
                start: window.origin(at),
                doc_type,
            });
        }
    }
    if had_so {
        // `Luật Quản lý thuế số 38/2019/QH14`: the law's name stands between.
        let clause_start = s.rfind([';', '.', ':', '(', ')']).map_or(0, |i| i + 1);
        let clause = &s[clause_start..];
        let from_law = clause.rfind("Luật ").or_else(|| clause.rfind("luật "));
        if let Some(at) = from_law {
            let is_code = ends_with_words(&clause[..at + 1], "bộ l").is_some();
            let capital_l = clause[at..].starts_with('L');
            if capital_l || is_code {
                return Some(TypeWordToken {
                    start: number_start,
                    doc_type: Some(if is_code { "Bộ luật" } else { "Luật" }),
                });
            }
        }
    }
    None
}

/// Whether the number at `number_start` is the document's own number in its header:
/// `Số: 70/KH-UBND`, `Số:1016/CTr-BCĐ`, `Số: **48** /KH-UBND`, the tvpl table
/// `**Số hiệu:**\n|\n34/2025/NQ-HĐND`. `Số` must open a line or a table cell.
pub(crate) fn is_own_number(text: &str, number_start: usize) -> bool {
    let p = skip_backward(text, number_start, |c| is_any_gap(c) || c == '|', 24);
    let Some((colon, ':')) = char_before(text, p) else {
        return false;
    };
    let q = skip_backward(text, colon, is_inline_gap, 6);
    let window = &text[floor_boundary(text, q.saturating_sub(16))..q];
    let label_len = ["Số hiệu", "SỐ HIỆU", "Số", "SỐ"]
        .iter()
        .find(|label| window.ends_with(*label))
        .map(|label| label.len());
    let Some(label_len) = label_len else {
        return false;
    };
    let label_start = q - label_len;
    let r = skip_backward(text, label_start, is_inline_gap, 64);
    match char_before(text, r) {
        None | Some((_, '\n' | '\r' | '|')) => true,
        // Header laid out on one line: `UBND TỈNH X        Số: 12/KH-UBND`.
        Some(_) => text[r..label_start].starts_with("  "),
    }
}

/// Whether the number is a form code rather than a document: `Mẫu số 01/TK-SDDPNN`,
/// `Biểu số 201/GDDN`, or in a table of forms `406/BTXH -Sở` (a dash and a word after
/// the symbol: the form's name).
pub(crate) fn is_form_code(text: &str, number_start: usize, number_end: usize) -> bool {
    let dash_at = skip_forward(text, number_end, is_inline_gap, 4);
    if let Some(c) = char_at(text, dash_at).filter(|c| is_dash(*c)) {
        let word_at = skip_forward(text, dash_at + c.len_utf8(), is_inline_gap, 4);
        let mut word = text[word_at..].chars();
        let named =
            word.next().is_some_and(char::is_uppercase) && word.next().is_some_and(char::is_lowercase);
        if named {
            return true;
        }
    }
    let window = Cleaned::new(text, number_start.saturating_sub(24)..number_start);
    let mut s = window.text.trim_end();
    if let Some(at) = ends_with_words(s, "số") {
        s = s[..at].trim_end();
    }
    ends_with_words(s, "mẫu").is_some() || ends_with_words(s, "biểu").is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_words() {
        let cases: &[(&str, Option<Option<&str>>)] = &[
            ("Nghị định số ", Some(Some("Nghị định"))),
            ("Kế\n\nhoạch ", Some(Some("Kế hoạch"))),
            ("- Các Quyết định: số ", Some(Some("Quyết định"))),
            ("nhận được công văn số ", Some(Some("Công văn"))),
            ("tại văn bản số ", Some(None)),
            ("Căn cứ Luật Quản lý thuế số\n", Some(Some("Luật"))),
            ("theo quy định ", None),
            ("thành phố: số ", None),
        ];
        for (before, expected) in cases {
            let text = format!("{before}12/KH-UBND");
            let got = type_word_before(&text, before.len()).map(|t| t.doc_type);
            assert_eq!(got, *expected, "before {before:?}");
        }
    }

    #[test]
    fn own_numbers_and_forms() {
        let own = [
            "Số: 70/KH-UBND",
            "|\nSố:1016/CTr-BCĐ",
            "Số: **48** /KH-UBND",
            "**Số hiệu:**\n|\n34/2025/NQ-HĐND",
            "UBND TỈNH    Số: 12/KH-UBND",
        ];
        for text in own {
            let start = text.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
            assert!(is_own_number(text, start), "{text:?}");
        }
        let cited = "Công văn số: 12/UBND-VX";
        assert!(!is_own_number(cited, cited.find('1').unwrap_or(0)));
        // (text, number, symbol end)
        let forms = [
            ("theo Mẫu số 01/TK-SDDPNN", "01/", "TK-SDDPNN"),
            ("32\n406/BTXH -Sở Lao động", "406/", "BTXH"),
        ];
        for (form, number, symbol) in forms {
            let start = form.find(number).unwrap_or(0);
            let end = form.find(symbol).map_or(0, |i| i + symbol.len());
            assert!(is_form_code(form, start, end), "{form:?}");
        }
        let cited = "Công văn số 12/UBND-VX - ";
        let start = cited.find("12").unwrap_or(0);
        let end = cited.find(" - ").unwrap_or(0);
        assert!(!is_form_code(cited, start, end));
    }
}

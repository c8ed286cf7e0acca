//! The law scanner: a law cited by name, without a number (`Luật Bình đẳng giới`, `Bộ
//! luật Lao động năm 2019`, `Luật Viễn thông về …`). A known law (`resources/law_names.tsv`,
//! [`crate::vocab::law_names`]) is matched without case or diacritics and spelt
//! officially; another runs to the first stop word.

use std::sync::LazyLock;

use regex::Regex;

use super::window::{Cleaned, is_any_gap, skip_backward, skip_forward};
use crate::vi::boundary::{ceil_boundary, char_at, char_before};
use crate::vi::fold::fold_char;
use crate::vocab::law_names;

/// A named law without a number: `Luật Bình đẳng giới`, `Bộ luật Lao động năm 2019`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LawToken {
    /// Offset of `Luật` or of `Bộ` in `Bộ luật`.
    pub start: usize,
    /// Just past the name, or past `năm 2019` when the year is written.
    pub end: usize,
    /// `Bộ luật` (a code) rather than `Luật`.
    pub code: bool,
    /// The name as written, spaces normalised (`Bình đẳng giới`), or its spelling in
    /// the known laws when it is a known law.
    pub name: String,
    /// `2019` from `năm 2019` written right after the name.
    pub year: Option<String>,
}

/// Words that end a law name not in the known laws (`Luật Viễn thông về …` → `Viễn
/// thông`). Matched only in lower case: a capitalised word belongs to the name.
const LAW_NAME_STOP_WORDS: &[&str] = &[
    "bị", "các", "cho", "có", "của", "cũng", "do", "đã", "đang", "để", "đến", "đối", "được", "gồm", "hành",
    "hiện", "hoặc", "hướng", "khi", "không", "là", "lần", "mà", "này", "năm", "ngày", "nhằm", "những", "như",
    "phải", "qua", "quy", "sau", "số", "sẽ", "tại", "theo", "thì", "thuộc", "trên", "trong", "từ", "và",
    "vào", "về", "với",
];

/// Capitalised words that may stand inside a law name not in the known laws (proper
/// nouns: `Nhà nước`, `Việt Nam`, `Quốc hội`); any other capital starts a new sentence
/// (`Luật Dầu khí \nKhoản 2` → `Dầu khí`).
const LAW_NAME_CAPITALS: &[&str] = &[
    "Chính", "Cơ", "Cộng", "Đảng", "Đô", "Hội", "Mặt", "Nam", "Nhà", "Quốc", "Thủ", "Tòa", "Toà", "Tổ",
    "Việt", "Viện",
];

/// First words after `Luật` that do not start a law name (`Luật sửa đổi, bổ sung …`,
/// `Luật này`), compared without diacritics.
const NOT_A_LAW_NAME: &[&str] = &["sua", "nay"];

/// A year written right after a law name: `Bộ luật Lao động năm 2019`.
static LAW_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ (?:năm|NĂM) ((?:19|20)\d\d)\b").expect("LAW_YEAR is a valid regex"));

/// A number following a law name: `Luật Doanh nghiệp số 59/2020/QH14`, which is cited
/// by its number instead.
static LAW_NUMBER_FOLLOWS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^ ?(?:\(|,)? ?(?:[Ss]ố:? ?)?\d+ ?[/-]").expect("LAW_NUMBER_FOLLOWS is valid")
});

/// Known names folded for comparison, longest first: (folded chars, official spelling).
type FoldedNames = Vec<(Vec<char>, &'static str)>;

fn folded_names(names: &[&'static str]) -> FoldedNames {
    let mut folded: FoldedNames = names
        .iter()
        .map(|name| (name.chars().map(fold_char).collect(), *name))
        .collect();
    folded.sort_by_key(|(chars, _)| std::cmp::Reverse(chars.len()));
    folded
}

static FOLDED_LAWS: LazyLock<FoldedNames> = LazyLock::new(|| folded_names(law_names::laws()));

static FOLDED_CODES: LazyLock<FoldedNames> = LazyLock::new(|| folded_names(law_names::codes()));

/// The official spelling of a known law or code whose folded name `folded` starts with,
/// on a word boundary, and how many chars of `folded` it covers.
pub(crate) fn known_name_prefix(folded: &[char], code: bool) -> Option<(&'static str, usize)> {
    let table = if code { &*FOLDED_CODES } else { &*FOLDED_LAWS };
    table.iter().find_map(|(name, spelling)| {
        let fits = folded.starts_with(name) && folded.get(name.len()).is_none_or(|c| !c.is_alphanumeric());
        fits.then_some((*spelling, name.len()))
    })
}

/// Reads the named law whose `Luật`/`luật` starts at byte `at`:
/// `Luật Bình đẳng giới theo …` → `Bình đẳng giới`; `Bộ Luật Lao động năm 2019` →
/// code, `Lao động`, `2019`; `Luật Viễn thông về …` → `Viễn thông` (not a known law:
/// the name runs to the first lower-case stop word or punctuation). `pháp luật`,
/// `Luật sư` (the profession), `Luật này`, `Luật sửa đổi …` and a law followed by its
/// number (`Luật Doanh nghiệp số 59/2020/QH14`, cited by number) give `None`.
pub(crate) fn law_at(text: &str, at: usize) -> Option<LawToken> {
    let word = text.get(at..)?;
    let lower_l = word.starts_with("luật");
    if !(word.starts_with("Luật") || lower_l) {
        return None;
    }
    let after = at + "Luật".len();
    if !char_at(text, after).is_some_and(is_any_gap) {
        return None;
    }
    // `Bộ luật` / `Bộ Luật`: a code. A lower-case `luật` counts only there.
    let before_gap = skip_backward(text, at, is_any_gap, 8);
    let code_start = (before_gap < at && text[..before_gap].ends_with("Bộ"))
        .then(|| before_gap - "Bộ".len())
        .filter(|&s| !char_before(text, s).is_some_and(|(_, c)| c.is_alphanumeric()));
    if lower_l && code_start.is_none() {
        return None;
    }
    if code_start.is_none() && char_before(text, at).is_some_and(|(_, c)| c.is_alphanumeric()) {
        return None;
    }
    let code = code_start.is_some();
    let start = code_start.unwrap_or(at);

    if !may_start_law_name(text, after) {
        return None;
    }
    let window = Cleaned::new(text, after..ceil_boundary(text, after + 160));
    let body = window.text.strip_prefix(' ')?;
    let body_offset = window.text.len() - body.len();
    // The longest known name is under 96 chars.
    let folded: Vec<char> = body.chars().take(96).map(fold_char).collect();

    let (name, name_len_bytes) = match known_name_prefix(&folded, code) {
        Some((spelling, chars)) => {
            let bytes: usize = body.chars().take(chars).map(char::len_utf8).sum();
            (spelling.to_string(), bytes)
        }
        None => generic_law_name(body)?,
    };
    let name_end = body_offset + name_len_bytes;
    let rest = &window.text[name_end..];
    if LAW_NUMBER_FOLLOWS.is_match(rest) {
        return None;
    }
    let (year, end) = match LAW_YEAR.captures(rest) {
        Some(caps) => {
            let whole = caps.get(0)?;
            (
                caps.get(1).map(|y| y.as_str().to_string()),
                window.origin(name_end + whole.end()),
            )
        }
        None => (None, window.origin(name_end)),
    };
    Some(LawToken {
        start,
        end,
        code,
        name,
        year,
    })
}

/// Folded first words of the known laws and codes (`binh`, `lao` …).
static KNOWN_FIRST_WORDS: LazyLock<std::collections::HashSet<String>> = LazyLock::new(|| {
    law_names::laws()
        .iter()
        .chain(law_names::codes())
        .filter_map(|name| name.split([' ', ',']).next())
        .map(|word| word.chars().map(fold_char).collect())
        .collect()
});

/// A cheap test before a law name is read: the word after `Luật` is capitalised or
/// begins a known law (`Luật bình đẳng giới`); `Luật này`, `Luật sửa đổi` are not names.
fn may_start_law_name(text: &str, after: usize) -> bool {
    let start = skip_forward(text, after, is_any_gap, 16);
    let end = skip_forward(text, start, char::is_alphabetic, 32);
    let word = &text[start..end];
    match word.chars().next() {
        Some(first) if first.is_uppercase() => true,
        Some(_) => {
            let folded: String = word.chars().map(fold_char).collect();
            KNOWN_FIRST_WORDS.contains(&folded)
        }
        None => false,
    }
}

/// A law name not in the table: capitalised first word, then words up to a lower-case
/// stop word, punctuation or a digit, at most 8 words. Returns the name as written and
/// its length in bytes of `body`.
fn generic_law_name(body: &str) -> Option<(String, usize)> {
    let mut len = 0;
    let mut words = 0;
    for word in body.split(' ') {
        let letters_end = word
            .char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(word.len(), |(i, _)| i);
        let letters = &word[..letters_end];
        if letters.is_empty() || words >= 8 {
            break;
        }
        if words == 0 {
            let folded: String = letters.chars().map(fold_char).collect();
            let capital = letters.chars().next().is_some_and(char::is_uppercase);
            if !capital || NOT_A_LAW_NAME.contains(&folded.as_str()) {
                return None;
            }
        } else if LAW_NAME_STOP_WORDS.contains(&letters)
            || (letters.starts_with(char::is_uppercase) && !LAW_NAME_CAPITALS.contains(&letters))
        {
            break;
        }
        let separator = usize::from(words > 0);
        len += separator + letters_end;
        words += 1;
        if letters_end < word.len() {
            break;
        }
    }
    (words > 0).then(|| (body[..len].to_string(), len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn law_names() {
        /// (text, expected (name, code, year)).
        type Row<'a> = (&'a str, Option<(&'a str, bool, Option<&'a str>)>);
        let cases: &[Row] = &[
            (
                "Luật Bình đẳng giới theo hướng dẫn",
                Some(("Bình đẳng giới", false, None)),
            ),
            ("Luật bình đẳng giới**", Some(("Bình đẳng giới", false, None))),
            (
                "Bộ Luật Lao động năm 2019.",
                Some(("Lao động", true, Some("2019"))),
            ),
            (
                "Bộ luật Lao động ngày 20 tháng 11",
                Some(("Lao động", true, None)),
            ),
            ("Luật Viễn thông về quản lý", Some(("Viễn thông", false, None))),
            ("Luật Hàng hải mới \nKhoản 2", Some(("Hàng hải mới", false, None))),
            (
                "Luật Nhà giáo Việt Nam;",
                Some(("Nhà giáo Việt Nam", false, None)),
            ),
            (
                "Luật Phòng, chống bạo lực gia đình;",
                Some(("Phòng, chống bạo lực gia đình", false, None)),
            ),
            ("Luật Doanh nghiệp số 59/2020/QH14", None),
            ("Luật số 52/2019/QH14", None),
            ("Luật sửa đổi, bổ sung", None),
            ("Luật này quy định", None),
            ("Luật sư số 3", None),
            ("pháp luật về", None),
        ];
        for (text, expected) in cases {
            let at = text.find("uật").map_or(0, |u| u - 1);
            let got = law_at(text, at).map(|t| (t.name, t.code, t.year));
            let want = expected.map(|(n, c, y)| (n.to_string(), c, y.map(str::to_string)));
            assert_eq!(got, want, "text {text:?}");
        }
    }

    #[test]
    fn known_names_fit_the_folded_window() {
        // `law_at` folds only the first 96 chars after `Luật`.
        for name in law_names::laws().iter().chain(law_names::codes()) {
            assert!(name.chars().count() < 96, "{name}");
        }
    }
}

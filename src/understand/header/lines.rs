//! The shapes of header lines that several fields look for: the national motto, an
//! upper-case line, a capitalised word, the first line of the body, a list item.
//! Each reader of [`super`] stops or starts on these, so they are defined once here.

use std::sync::LazyLock;

use regex::Regex;

/// The first line of the national motto, `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` (or its first word alone).
pub(super) fn is_national_motto(line: &str) -> bool {
    line == "CỘNG" || line.contains("CỘNG HÒA") || line.contains("CỘNG HOÀ")
}

/// Lines that start the body: the title and the header end before them.
pub(super) static BODY_OPENER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:Căn cứ|Căn$|Thực hiện|Kính gửi|Kính$|Theo đề nghị|Xét đề nghị|Trả lời|Tiếp nhận|Điều \d|Điều 1\b|Chương [IVX\d]+\b|Phần [IVX\d]+\b|[IVX]+\.\s|\d+\.\s|[a-zđ]\)\s)",
    )
    .unwrap()
});
/// Lines that end a header even where a title is due.
pub(super) static TITLE_BREAKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Căn cứ|Căn$|Kính gửi|Kính$|Điều \d|Chương [IVX\d]+\b|Phần [IVX\d]+\b|[IVX]+\.\s|\d+\.\s|[a-zđ]\)\s)").unwrap()
});
/// The mark of a list item: `- `, `+ `, `• `.
pub(super) static LIST_MARKER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[-+•–*]\s*").unwrap());

/// An upper-case line: two letters at least, none lower case.
pub(super) fn is_caps(line: &str) -> bool {
    line.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !line.chars().any(char::is_lowercase)
}

/// A capitalised word: `Nam`, not `NAM` nor `nam`.
pub(super) fn is_title_word(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(|f| f.is_uppercase() && f.is_alphabetic())
        && c.all(|x| x.is_alphabetic() && x.is_lowercase())
}

//! The date scanner: a date right after a number or a law name (`ngày 28/12/2021`,
//! `, ngày 01-10-1997`, `ngày 18 tháng 6 năm 2022`, `ngày** 19 **tháng`), read into a
//! [`Date`] so that an impossible one (`31/02/2021`) is no date.

use std::sync::LazyLock;

use regex::Regex;

use super::window::{Cleaned, word_follows};
use crate::vi::boundary::ceil_boundary;
use crate::vi::date::{ARCHIVE_YEARS, Date};

/// A date right after a number or law name: `ngày 28/12/2021`, `ngày 18 tháng 6 năm 2022`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DateToken {
    /// `YYYY-MM-DD`.
    pub iso: String,
    /// Byte offset just past the date.
    pub end: usize,
}

/// A date right after a citation: `ngày 28/12/2021`, `, ngày 01-10-1997`,
/// `ngày 18 tháng 6 năm 2022`, `ngày 20/ 11 /2025`.
static DATE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^ ?,? ?(?:[Nn]gày|NGÀY) ?(?:(\d{1,2}) ?[/.\-–] ?(\d{1,2}) ?[/.\-–] ?(\d{4})|(\d{1,2}) (?:tháng|THÁNG) (\d{1,2}) (?:năm|NĂM) (\d{4}))",
    )
    .expect("DATE_AFTER is a valid regex")
});

/// The date right after `pos`: `ngày 28/12/2021` → `2021-12-28`,
/// `ngày 18 tháng 6 năm 2022` → `2022-06-18`. Impossible dates (`31/02/2021`, a day the
/// month does not have) and years outside [`ARCHIVE_YEARS`] give `None`.
pub(crate) fn date_after(text: &str, pos: usize) -> Option<DateToken> {
    if !word_follows(text, pos, &["ngày", "Ngày", "NGÀY"]) {
        return None;
    }
    let window = Cleaned::new(text, pos..ceil_boundary(text, pos + 72));
    let caps = DATE_AFTER.captures(&window.text)?;
    let group = |a: usize, b: usize| caps.get(a).or_else(|| caps.get(b));
    let date = Date::from_parts(
        group(1, 4)?.as_str(),
        group(2, 5)?.as_str(),
        group(3, 6)?.as_str(),
    )?;
    if !ARCHIVE_YEARS.contains(&date.year()) {
        return None;
    }
    let end = window.origin(caps.get(0)?.end());
    Some(DateToken { iso: date.iso(), end })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let cases = [
            (" ngày 28/12/2021 của", Some("2021-12-28")),
            (", ngày 25/9/2017 về", Some("2017-09-25")),
            (" ngày 18 tháng 6 năm 2022", Some("2022-06-18")),
            (" ngày** 19 **tháng** 11** năm 2025", Some("2025-11-19")),
            (" ngày 01-10-1997", Some("1997-10-01")),
            (" ngày 20/ 11 /2025", Some("2025-11-20")),
            (" ngày 32/13/2021", None),
            (" ngày 31/02/2021", None),
            (" ngày 30 tháng 4 năm 2021", Some("2021-04-30")),
            (" ngày 31 tháng 4 năm 2021", None),
            (" ngày 29/02/2024", Some("2024-02-29")),
            (" ngày 29/02/2023", None),
            (" ngày 01/01/1899", None),
            (" của Chính phủ", None),
        ];
        for (after, expected) in cases {
            let got = date_after(after, 0).map(|d| d.iso);
            assert_eq!(got.as_deref(), expected, "after {after:?}");
        }
    }
}

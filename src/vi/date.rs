//! A calendar date, valid by construction: month 1–12, a day the month has (30 April,
//! 29 February only in a leap year). Headers and citations write dates as
//! `ngày 28/12/2021` or `ngày 18 tháng 6 năm 2022`; both readers build a [`Date`], so an
//! impossible date (`31/02/2021`) is no date in either.
//!
//! ```
//! use plancite::vi::date::Date;
//! let date = Date::new(2021, 12, 28).unwrap();
//! assert_eq!(date.to_string(), "2021-12-28");
//! assert_eq!(Date::from_parts("29", "2", "2024").map(|d| d.to_string()).as_deref(), Some("2024-02-29"));
//! assert!(Date::from_parts("31", "02", "2021").is_none());
//! assert_eq!(Date::parse_dmy("01/10/1997"), Date::new(1997, 10, 1));
//! ```

use std::fmt;
use std::ops::RangeInclusive;

/// Years a document of the archive may carry; a year outside is a misread number.
pub const ARCHIVE_YEARS: RangeInclusive<i32> = 1900..=2100;

/// A valid date of the Gregorian calendar (years 1–9999).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u32,
    day: u32,
}

impl Date {
    /// The date, if the month has that day.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let days = days_in_month(year, month)?;
        ((1..=9999).contains(&year) && (1..=days).contains(&day)).then_some(Date { year, month, day })
    }

    /// The date from its parts as written (`"28"`, `"12"`, `"2021"`, leading zeros
    /// allowed); `None` when a part is not a number or the date does not exist.
    pub fn from_parts(day: &str, month: &str, year: &str) -> Option<Date> {
        Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
    }

    /// `dd/mm/yyyy` (one or two digits for day and month, four for the year), spaces
    /// around it allowed: `28/12/2021`, `1/6/2022`.
    pub fn parse_dmy(s: &str) -> Option<Date> {
        let mut parts = s.trim().split('/');
        let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
        let digits = |p: &str, len: RangeInclusive<usize>| {
            len.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
        };
        if parts.next().is_some() || !digits(day, 1..=2) || !digits(month, 1..=2) || !digits(year, 4..=4) {
            return None;
        }
        Date::from_parts(day, month, year)
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u32 {
        self.month
    }

    pub fn day(self) -> u32 {
        self.day
    }

    /// `YYYY-MM-DD`, the form stored and shown.
    pub fn iso(self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Whether February has 29 days in `year`.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days of `month` (1–12) in `year`; `None` for a month that is not one.
pub fn days_in_month(year: i32, month: u32) -> Option<u32> {
    Some(match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_a_table() {
        // (year, month, day, valid)
        let cases = [
            (2021, 12, 28, true),
            (2021, 1, 31, true),
            (2021, 2, 28, true),
            (2021, 2, 29, false),
            (2021, 2, 31, false),
            (2024, 2, 29, true),
            (2000, 2, 29, true),
            (1900, 2, 29, false),
            (2100, 2, 29, false),
            (2021, 4, 30, true),
            (2021, 4, 31, false),
            (2021, 6, 31, false),
            (2021, 9, 31, false),
            (2021, 11, 31, false),
            (2021, 7, 31, true),
            (2021, 13, 1, false),
            (2021, 0, 1, false),
            (2021, 1, 0, false),
            (2021, 1, 32, false),
            (0, 1, 1, false),
            (10000, 1, 1, false),
        ];
        for (year, month, day, valid) in cases {
            assert_eq!(
                Date::new(year, month, day).is_some(),
                valid,
                "{year}-{month}-{day}"
            );
        }
    }

    #[test]
    fn written_dates() {
        let cases = [
            ("28/12/2021", Some("2021-12-28")),
            (" 1/6/2022 ", Some("2022-06-01")),
            ("31/02/2021", None),
            ("29/02/2024", Some("2024-02-29")),
            ("28/12/21", None),
            ("128/12/2021", None),
            ("28/12/2021/1", None),
            ("28-12-2021", None),
            ("", None),
        ];
        for (input, want) in cases {
            assert_eq!(
                Date::parse_dmy(input).map(Date::iso).as_deref(),
                want,
                "{input:?}"
            );
        }
    }
}

//! Issuer codes (`resources/issuer_codes.tsv`): the organ a code in a symbol names
//! (`UBND` in `70/KH-UBND`), and whether it is a body of a province or city, named with
//! its place (`Ủy ban nhân dân tỉnh Lai Châu`), or a central one (`Bộ Tài chính`).
//!
//! ```
//! use plancite::vocab::issuers;
//! let ubnd = issuers::by_code("UBND").unwrap();
//! assert_eq!((ubnd.name, ubnd.provincial), ("Ủy ban nhân dân", true));
//! assert_eq!(issuers::by_code("TTg").map(|i| i.name), Some("Thủ tướng Chính phủ"));
//! assert!(issuers::by_code("KH").is_none());
//! ```

use std::sync::LazyLock;

use super::{rows, yes_no};

const FILE: &str = "resources/issuer_codes.tsv";

/// An organ and its code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuerCode {
    /// As in a symbol, canonical spelling: `SLĐTBXH`, `TTg`.
    pub code: &'static str,
    pub name: &'static str,
    /// A body of a province or city, named with its place.
    pub provincial: bool,
}

static CODES: LazyLock<Vec<IssuerCode>> = LazyLock::new(|| {
    rows(FILE, include_str!("../../resources/issuer_codes.tsv"), 3)
        .into_iter()
        .map(|f| IssuerCode {
            code: f[0],
            name: f[1],
            provincial: yes_no(FILE, f[2]),
        })
        .collect()
});

/// Every issuer code, in the order of the table.
pub fn all() -> &'static [IssuerCode] {
    &CODES
}

/// The organ `code` names (exact spelling).
pub fn by_code(code: &str) -> Option<&'static IssuerCode> {
    CODES.iter().find(|i| i.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_as_a_table() {
        let cases = [
            ("UBND", Some(("Ủy ban nhân dân", true))),
            ("SLĐTBXH", Some(("Sở Lao động - Thương binh và Xã hội", true))),
            ("BVSTBCPN", Some(("Ban Vì sự tiến bộ của phụ nữ", true))),
            ("CP", Some(("Chính phủ", false))),
            ("BLĐTBXH", Some(("Bộ Lao động - Thương binh và Xã hội", false))),
            ("CHQ", Some(("Cục Hải quan", false))),
            ("ubnd", None),
            ("", None),
        ];
        for (code, want) in cases {
            assert_eq!(by_code(code).map(|i| (i.name, i.provincial)), want, "{code:?}");
        }
    }

    #[test]
    fn codes_are_unique() {
        let mut codes: Vec<&str> = all().iter().map(|i| i.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all().len());
        assert_eq!(all().len(), 28);
    }
}

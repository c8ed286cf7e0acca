//! Provinces and centrally-run cities (`resources/provinces.tsv`): which places a header's
//! place line or an issuer may name, and the unit word each takes (`tỉnh Lai Châu`,
//! `thành phố Hải Phòng`). Names compare with their tone marks in either style
//! ([`crate::vi::tone::new_style`]): `Thanh Hoá` is `Thanh Hóa`.
//!
//! ```
//! use plancite::vocab::places;
//! assert_eq!(places::find("Hải Phòng").map(|p| p.unit), Some("thành phố"));
//! assert_eq!(places::find("Khánh Hoà").map(|p| p.name), Some("Khánh Hòa"));
//! assert!(places::find("Huế").is_some_and(|p| p.central_city()));
//! assert!(places::find("Paris").is_none());
//! assert_eq!(places::before_2025().count(), 63);
//! ```

use std::collections::HashMap;
use std::sync::LazyLock;

use super::rows;
use crate::vi::tone::new_style;

const FILE: &str = "resources/provinces.tsv";

/// A province or a centrally-run city.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// As a place line writes it: `Bà Rịa - Vũng Tàu`.
    pub name: &'static str,
    /// `thành phố` or `tỉnh`.
    pub unit: &'static str,
    /// The year the unit took this name or rank; `None` for the 63 units as they stood
    /// before 2025.
    pub since: Option<u16>,
}

impl Place {
    /// A city under central government (`thành phố`), not a province.
    pub fn central_city(&self) -> bool {
        self.unit == "thành phố"
    }
}

static PLACES: LazyLock<Vec<Place>> = LazyLock::new(|| {
    rows(FILE, include_str!("../../resources/provinces.tsv"), 3)
        .into_iter()
        .map(|f| Place {
            name: f[0],
            unit: match f[1] {
                unit @ ("thành phố" | "tỉnh") => unit,
                other => panic!("{FILE}: `thành phố` or `tỉnh` expected, not {other:?}"),
            },
            since: (!f[2].is_empty()).then(|| {
                f[2].parse()
                    .unwrap_or_else(|_| panic!("{FILE}: not a year: {:?}", f[2]))
            }),
        })
        .collect()
});

static BY_KEY: LazyLock<HashMap<String, usize>> = LazyLock::new(|| {
    PLACES
        .iter()
        .enumerate()
        .map(|(i, p)| (new_style(p.name), i))
        .collect()
});

/// Every place, in the order of the table (the cities first).
pub fn all() -> &'static [Place] {
    &PLACES
}

/// The 63 provinces and cities as they stood before 2025, in the order of the table.
pub fn before_2025() -> impl Iterator<Item = &'static Place> {
    PLACES.iter().filter(|p| p.since.is_none())
}

/// The place named `name` exactly (tone marks in either style), without a unit word.
pub fn find(name: &str) -> Option<&'static Place> {
    BY_KEY.get(&new_style(name)).map(|&i| &PLACES[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_as_a_table() {
        let cases = [
            ("Hà Nội", Some("thành phố")),
            ("Hồ Chí Minh", Some("thành phố")),
            ("Huế", Some("thành phố")),
            ("Thừa Thiên Huế", Some("tỉnh")),
            ("Thanh Hóa", Some("tỉnh")),
            ("Thanh Hoá", Some("tỉnh")),
            ("Hòa Bình", Some("tỉnh")),
            ("Bà Rịa - Vũng Tàu", Some("tỉnh")),
            ("Lai Châu", Some("tỉnh")),
            ("Thành phố Hà Nội", None),
            ("hà nội", None),
            ("", None),
        ];
        for (name, unit) in cases {
            assert_eq!(find(name).map(|p| p.unit), unit, "{name:?}");
        }
    }

    #[test]
    fn names_are_unique_and_counted() {
        assert_eq!(BY_KEY.len(), all().len());
        assert_eq!(all().iter().filter(|p| p.central_city()).count(), 6);
        assert_eq!(before_2025().filter(|p| p.central_city()).count(), 5);
        assert_eq!(before_2025().count(), 63);
    }
}

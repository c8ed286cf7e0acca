//! TEMPORARY placeholder until the extractor lands.
pub mod resolve;
use crate::model::{Citation, Relation};
pub fn extract(text: &str) -> Vec<Citation> {
    let re = regex::Regex::new(r"\d+/\d{4}/NĐ-CP|\d+/QĐ-TTg|\d+-NQ/TW").unwrap();
    re.find_iter(text)
        .map(|m| Citation::new(m.as_str(), Relation::Mention, m.as_str(), m.start(), m.end()))
        .collect()
}
pub fn canonical_key(s: &str) -> Option<String> {
    Some(
        s.replace("ND", "NĐ")
            .replace("QD", "QĐ")
            .replace("qd", "QĐ")
            .replace("ttg", "TTg"),
    )
}
pub fn parse_key(s: &str) -> Option<String> {
    canonical_key(s.split_whitespace().last()?)
}

//! TEMPORARY placeholder.
use crate::model::Citation;
pub struct Candidate<'a> {
    pub number_key: &'a str,
    pub date: Option<&'a str>,
    pub year: Option<i32>,
    pub place: Option<&'a str>,
}
pub fn pick(_citation: &Citation, _citing_place: Option<&str>, candidates: &[Candidate]) -> Option<usize> {
    if candidates.len() == 1 { Some(0) } else { None }
}

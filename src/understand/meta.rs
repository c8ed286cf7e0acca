//! TEMPORARY placeholder until the header parser lands.
use regex::Regex;
use std::sync::LazyLock;
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Header {
    pub number: Option<String>,
    pub doc_type: Option<String>,
    pub issuer: Option<String>,
    pub place: Option<String>,
    pub date: Option<String>,
    pub year: Option<i32>,
    pub title: Option<String>,
    pub signer: Option<String>,
    pub recipients: Vec<String>,
}
static NUM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"Số:\s*(\S+)").unwrap());
static DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^([^,\n]+), ngày (\d+) tháng (\d+) năm (\d{4})").unwrap());
pub fn read_header(layout: &str) -> Header {
    let mut h = Header::default();
    h.number = NUM.captures(layout).map(|c| c[1].to_string());
    if let Some(c) = DATE.captures(layout) {
        h.place = Some(c[1].to_string());
        let y: i32 = c[4].parse().unwrap();
        h.year = Some(y);
        h.date = Some(format!(
            "{y}-{:02}-{:02}",
            c[3].parse::<u32>().unwrap(),
            c[2].parse::<u32>().unwrap()
        ));
    }
    h.doc_type = Some("Kế hoạch".into());
    h
}

//! The metadata table that pages converted from thuvienphapluat carry at their top
//! (`Số hiệu:`, `Loại văn bản:`, `Nơi ban hành:`, `Người ký:`, `Ngày ban hành:`): a label
//! alone on its line, its value on the next non-blank line. The header reader uses its
//! values only for the fields the document's own header does not give.

#[derive(Default)]
pub(super) struct Metadata {
    pub(super) number: Option<String>,
    pub(super) doc_type: Option<String>,
    /// `Nơi ban hành`: a place (`Thành phố Huế`) or a body (`Bộ Tài chính`).
    pub(super) place: Option<String>,
    pub(super) signer: Option<String>,
    /// `Ngày ban hành`, `dd/mm/yyyy`.
    pub(super) date: Option<String>,
    /// First line after the table (0 when there is none).
    pub(super) end: usize,
}

const META_LABELS: &[&str] = &[
    "Số hiệu:",
    "Loại văn bản:",
    "Nơi ban hành:",
    "Người ký:",
    "Ngày ban hành:",
    "Ngày hiệu lực:",
    "Ngày công báo:",
    "Số công báo:",
    "Tình trạng:",
];

/// The table is a label alone on its line, its value on the next non-blank line.
pub(super) fn read_metadata(lines: &[&str]) -> Metadata {
    let mut m = Metadata::default();
    if !lines.iter().take(15).any(|l| *l == "Số hiệu:") {
        return m;
    }
    let limit = lines.len().min(80);
    let mut i = 0;
    while i < limit {
        let label = lines[i];
        if !META_LABELS.contains(&label) {
            i += 1;
            continue;
        }
        let value_at = (i + 1..limit.min(i + 5)).find(|&j| !lines[j].is_empty());
        let Some(j) = value_at.filter(|&j| !META_LABELS.contains(&lines[j])) else {
            i += 1;
            continue;
        };
        let value = Some(lines[j].to_string());
        match label {
            "Số hiệu:" => m.number = value,
            "Loại văn bản:" => m.doc_type = value,
            "Nơi ban hành:" => m.place = value,
            "Người ký:" => m.signer = value,
            "Ngày ban hành:" => m.date = value,
            _ => {}
        }
        m.end = j + 1;
        i = j + 1;
    }
    m
}

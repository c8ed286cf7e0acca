//! Where the header is: from a little before the national motto or the number line to
//! the first line of the body after it. Gazette furniture and a summary above it lie
//! outside; the issuer block ends just before the motto or number line (the marker).

use super::lines::{BODY_OPENER, is_national_motto};
use super::number_line::number_line_rest;

pub(super) struct Window {
    pub(super) start: usize,
    pub(super) end: usize,
    /// First line of the national motto (`CỘNG HÒA …`) or the number line: the issuer
    /// block ends just before it.
    pub(super) marker: Option<usize>,
}

/// The header runs from a little before the national motto or number line to the first
/// body line after it. Gazette furniture and a summary before it are outside.
pub(super) fn header_window(lines: &[&str], start: usize) -> Window {
    let search_end = lines.len().min(start + 300);
    let marker =
        (start..search_end).find(|&i| is_national_motto(lines[i]) || number_line_rest(lines[i]).is_some());
    let from = marker.unwrap_or(start);
    let cap = lines.len().min(from + 45);
    let end = (from + 1..cap)
        .find(|&i| BODY_OPENER.is_match(lines[i]))
        .unwrap_or(cap);
    Window {
        start: marker.map_or(start, |m| m.saturating_sub(15).max(start)),
        end,
        marker,
    }
}

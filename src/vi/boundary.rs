//! Byte offsets and chars: moving an offset onto a char boundary, and reading the char
//! just before or at an offset. Every slice plancite takes of untrusted text at a
//! computed offset goes through these, so that no input can make it panic.
//!
//! ```
//! use plancite::vi::boundary::{ceil_boundary, char_at, char_before, floor_boundary};
//! let text = "Số 12"; // `ố` takes bytes 1..4
//! assert_eq!(floor_boundary(text, 2), 1);
//! assert_eq!(ceil_boundary(text, 2), 4);
//! assert_eq!(floor_boundary(text, 99), text.len());
//! assert_eq!(char_before(text, 4), Some((1, 'ố')));
//! assert_eq!(char_at(text, 1), Some('ố'));
//! assert_eq!(char_at(text, 2), None);
//! ```

/// The largest char boundary at or before `i` (clamped to the text).
pub fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary at or after `i` (clamped to the text).
pub fn ceil_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The char that ends at `pos`, with its offset; `None` at the start of the text or when
/// `pos` is not a char boundary.
pub fn char_before(text: &str, pos: usize) -> Option<(usize, char)> {
    text.get(..pos)?.char_indices().next_back()
}

/// The char that starts at `pos`; `None` at the end of the text or when `pos` is not a
/// char boundary.
pub fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_offset_lands_on_a_boundary() {
        let text = "Nghị định số 125/2021/NĐ-CP — ngày";
        for i in 0..text.len() + 3 {
            let (f, c) = (floor_boundary(text, i), ceil_boundary(text, i));
            assert!(text.is_char_boundary(f) && text.is_char_boundary(c), "{i}");
            assert!(f <= i.min(text.len()) && c >= i.min(text.len()), "{i}");
            let _ = (char_before(text, i), char_at(text, i));
        }
    }
}

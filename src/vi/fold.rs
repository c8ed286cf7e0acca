//! Folding: lower case without diacritics, `đ` read as `d` — what a person types without
//! a Vietnamese keyboard (`Bình đẳng` → `binh dang`).
//!
//! Two forms, for two uses:
//! - [`folded_form`] / [`folded_into`] fold a word for the index and for queries: every
//!   combining mark removed, invisible characters ([`is_ignorable`]) dropped, letters of
//!   the Latin blocks folded through a table computed once (the tokenizer's hot path).
//!   Look-alike letters stay as written: the index keeps what the text says.
//! - [`fold_char`] / [`fold_str`] fold one char to one char for comparing names however
//!   they were typed (law names, heading words): look-alike letters are read as the
//!   Latin ones first ([`super::lookalike`]), so `Вình` compares equal to `binh`.
//!
//! ```
//! use plancite::vi::fold::{fold_char, fold_str, folded_form};
//! assert_eq!(folded_form("Bình Đẳng"), "binh dang");
//! assert_eq!(folded_form("đẳ\u{00AD}ng"), "dang");
//! assert_eq!(fold_char('Ộ'), 'o');
//! assert_eq!(fold_str("Luật Bình đẳng giới"), "luat binh dang gioi");
//! assert_eq!(fold_str("NĐ-СР"), "nd-cp"); // Cyrillic С Р
//! ```

use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use super::lookalike;
use super::space::is_ignorable;

/// The word with no marks at all: `đường` → `duong`.
pub fn folded_form(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    folded_into(word, &mut out);
    out
}

/// [`folded_form`] appended to `out`.
pub fn folded_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        return;
    }
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(letter) = latin_letter(c) {
            out.push(letter.folded);
        } else if !is_combining_mark(c) && !is_ignorable(c) {
            let lower = c.to_lowercase().filter(|l| !is_combining_mark(*l));
            out.extend(lower.map(fold_lower));
        }
    }
}

/// One char lower case without diacritics, `đ` as `d`, a look-alike read as the Latin
/// letter it imitates: `Ộ` → `o`, `Đ` → `d`, Cyrillic `С` → `c`.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let c = lookalike::to_latin(c);
    let base = std::iter::once(c).nfd().next().unwrap_or(c);
    match base {
        'Đ' | 'đ' => 'd',
        other => other.to_lowercase().next().unwrap_or(other),
    }
}

/// [`fold_char`] over a string: `Bình đẳng` → `binh dang`.
pub fn fold_str(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// A lower-case letter without its marks: `ề` → `e`, `đ` → `d`.
fn fold_lower(lower: char) -> char {
    let mut base = None;
    decompose_canonical(lower, |d| {
        base.get_or_insert(d);
    });
    match base.unwrap_or(lower) {
        'đ' | 'ð' => 'd',
        c => c,
    }
}

/// A letter of the Latin blocks Vietnamese is written in, lower-cased and folded.
#[derive(Debug, Clone, Copy)]
pub struct Letter {
    /// Lower case, marks kept (`Ð` and `ð` read as `đ`): `Ầ` → `ầ`.
    pub lower: char,
    /// Lower case without marks: `Ầ` → `a`.
    pub folded: char,
}

/// Latin-1 Supplement to Latin Extended-B, and Latin Extended Additional (where the
/// letters with two marks live: `ầ`, `ữ`, `ộ` …).
const LATIN_BLOCKS: [(u32, u32); 2] = [(0x00C0, 0x0250), (0x1E00, 0x1F00)];

/// Lower and folded forms of a letter in [`LATIN_BLOCKS`], computed once for the whole
/// blocks: the tokenizer's hot path is a table lookup instead of Unicode decomposition.
/// `None` outside the blocks and for what is not a letter.
pub fn latin_letter(c: char) -> Option<Letter> {
    static TABLE: LazyLock<Vec<Option<Letter>>> = LazyLock::new(|| {
        LATIN_BLOCKS
            .iter()
            .flat_map(|&(from, to)| from..to)
            .map(|code| {
                let c = char::from_u32(code)?;
                if !c.is_alphabetic() {
                    return None;
                }
                let mut lower = c.to_lowercase();
                let lower = match (lower.next(), lower.next()) {
                    (Some(_), None) if matches!(c, 'Ð' | 'ð' | 'Đ') => 'đ',
                    (Some(l), None) => l,
                    _ => return None,
                };
                Some(Letter {
                    lower,
                    folded: fold_lower(lower),
                })
            })
            .collect()
    });
    let code = u32::from(c);
    let mut offset = 0;
    for (from, to) in LATIN_BLOCKS {
        if (from..to).contains(&code) {
            return TABLE[offset + (code - from) as usize];
        }
        offset += (to - from) as usize;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_forms() {
        let cases = [
            ("bình", "binh"),
            ("đẳng", "dang"),
            ("GIỚI", "gioi"),
            ("đường", "duong"),
            ("dương", "duong"),
            ("Ðà", "da"),
            ("ĐÀ", "da"),
            ("hóa", "hoa"),
            ("hoá", "hoa"),
            ("Bi\u{0300}nh", "binh"),
            ("ỨNG", "ung"),
            ("đẳ\u{00AD}ng", "dang"),
            ("125/2021/NĐ-CP", "125/2021/nd-cp"),
        ];
        for (input, want) in cases {
            assert_eq!(folded_form(input), want, "{input:?}");
        }
    }

    #[test]
    fn folded_chars() {
        let cases = [
            ('a', 'a'),
            ('Q', 'q'),
            ('Ộ', 'o'),
            ('ữ', 'u'),
            ('Đ', 'd'),
            ('Ð', 'd'),
            ('С', 'c'),
            ('Ρ', 'p'),
            ('г', 'r'),
            ('1', '1'),
            ('-', '-'),
        ];
        for (input, want) in cases {
            assert_eq!(fold_char(input), want, "{input:?}");
        }
    }

    /// The two forms agree on Vietnamese words written in Latin letters (NFC).
    #[test]
    fn the_two_forms_agree_on_vietnamese_words() {
        for word in [
            "Nghị", "quyết", "ĐẲNG", "người", "Thủ", "tướng", "Ủy", "Chính", "phủ",
        ] {
            assert_eq!(folded_form(word), fold_str(word), "{word}");
        }
    }
}

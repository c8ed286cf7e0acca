//! Abbreviations: `BĐG` for `bình đẳng giới`, `VSTBCPN` for `vì sự tiến bộ của phụ
//! nữ`, learned from the plans that define them and from a built-in list.
//!
//! A plan that writes `Bình đẳng giới (BDG)` or `vì sự tiến bộ của phụ nữ (sau đây
//! gọi tắt là VSTBCPN)` defines an abbreviation; [`definitions`] finds those by
//! matching the abbreviation's letters against the initials of the words before the
//! parenthesis (skipping `và`, `của`, `với`, `về` where the abbreviation does). The
//! index keeps each definition as two terms of the plan's `abbrevs` field
//! ([`index_terms`]): one to look up an abbreviation's expansions, one to look up an
//! expansion's abbreviations. [`built_in`] is the list in
//! `resources/lexicon/abbreviations.tsv` (UBND, HĐND, LĐTBXH, BĐG, VSTBCPN …).
//!
//! Expansion happens at query time, across plans: a query word is looked up in both
//! (see [`Lookup`]), so `VSTBCPN` finds the plans that write it out even when none of
//! them defines it, and `bình đẳng giới` finds a plan that only writes `BĐG`. The
//! index stays the one source of truth, and indexing pays only a scan of each
//! plan's parentheses. Keys are folded (`BĐG`, `BDG` and `bđg` are one key). This
//! module does not touch the index: it encodes and decodes the terms.
//!
//! ```
//! use plancite::analysis::abbrev::{built_in, definitions, Lookup};
//! let found = definitions("các hoạt động về Bình đẳng giới (BDG) trên địa bàn");
//! assert_eq!(found[0].abbreviation, "bdg");
//! assert_eq!(found[0].expansion, "binh dang gioi");
//! assert!(built_in().expansions("vstbcpn").contains(&"vi su tien bo cua phu nu".to_string()));
//! ```

use std::collections::HashMap;
use std::sync::LazyLock;

use super::normalize::folded_form;
use super::tokenizer::Splitter;

/// The built-in list, `ABBREVIATION<TAB>expansion` per line.
const BUILT_IN: &str = include_str!("../../resources/lexicon/abbreviations.tsv");

/// Words an abbreviation may leave out between the words it abbreviates.
const CONNECTORS: [&str; 4] = ["va", "cua", "voi", "ve"];

/// Longest abbreviation considered, in letters.
const MAX_LETTERS: usize = 12;

/// One abbreviation and what it stands for, both folded (`bdg`, `binh dang gioi`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Definition {
    pub abbreviation: String,
    pub expansion: String,
}

/// Where abbreviations are looked up at query time. Keys and values are folded;
/// expansions are syllables joined by single spaces.
pub trait Lookup {
    /// What an abbreviation stands for.
    fn expansions(&self, abbreviation: &str) -> Vec<String>;
    /// The abbreviations of an expansion.
    fn abbreviations(&self, expansion: &str) -> Vec<String>;
}

/// A table of definitions in both directions.
#[derive(Debug, Default, Clone)]
pub struct Table {
    forward: HashMap<String, Vec<String>>,
    reverse: HashMap<String, Vec<String>>,
}

impl Table {
    pub fn insert(&mut self, definition: &Definition) {
        let forward = self.forward.entry(definition.abbreviation.clone()).or_default();
        if !forward.contains(&definition.expansion) {
            forward.push(definition.expansion.clone());
        }
        let reverse = self.reverse.entry(definition.expansion.clone()).or_default();
        if !reverse.contains(&definition.abbreviation) {
            reverse.push(definition.abbreviation.clone());
        }
    }
}

impl Lookup for Table {
    fn expansions(&self, abbreviation: &str) -> Vec<String> {
        self.forward.get(abbreviation).cloned().unwrap_or_default()
    }

    fn abbreviations(&self, expansion: &str) -> Vec<String> {
        self.reverse.get(expansion).cloned().unwrap_or_default()
    }
}

/// The built-in abbreviations.
pub fn built_in() -> &'static Table {
    static TABLE: LazyLock<Table> = LazyLock::new(|| {
        let mut table = Table::default();
        for line in BUILT_IN.lines().filter(|l| !l.starts_with('#')) {
            if let Some((abbreviation, expansion)) = line.split_once('\t') {
                table.insert(&Definition {
                    abbreviation: folded_form(abbreviation.trim()),
                    expansion: fold_phrase(expansion),
                });
            }
        }
        table
    });
    &TABLE
}

/// A phrase as folded syllables joined by single spaces: `Vì sự  tiến-bộ` → `vi su
/// tien bo`.
pub fn fold_phrase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for span in Splitter::new(text) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&folded_form(span.text(text)));
    }
    out
}

/// The two `abbrevs` terms that keep a definition in the index.
pub fn index_terms(definition: &Definition) -> [String; 2] {
    [
        format!(
            "{}{}",
            forward_prefix(&definition.abbreviation),
            definition.expansion
        ),
        format!(
            "{}{}",
            reverse_prefix(&definition.expansion),
            definition.abbreviation
        ),
    ]
}

/// The prefix of the terms that hold an abbreviation's expansions.
pub fn forward_prefix(abbreviation: &str) -> String {
    format!(">{abbreviation}=")
}

/// The prefix of the terms that hold an expansion's abbreviations.
pub fn reverse_prefix(expansion: &str) -> String {
    format!("<{expansion}=")
}

/// Whether a raw token looks like an abbreviation: letters only, two to
/// [`MAX_LETTERS`], starting with a capital and with at least two capitals
/// (`BĐG`, `VSTBCPN`, `TTg`).
fn is_abbreviation(raw: &str) -> bool {
    let letters = raw.chars().count();
    (2..=MAX_LETTERS).contains(&letters)
        && raw.chars().all(char::is_alphabetic)
        && raw.starts_with(char::is_uppercase)
        && raw.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// Characters that end the stretch of text an expansion may come from.
fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '.' | ';' | ':' | '!' | '?' | '(' | ')' | '[' | ']' | '"' | '“' | '”'
    )
}

/// Every abbreviation a text defines, in order of first definition, each once.
pub fn definitions(text: &str) -> Vec<Definition> {
    let mut found: Vec<Definition> = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('(').map(|i| from + i) {
        from = open + 1;
        let Some(close) = text[open..].find(')').map(|i| open + i) else {
            break;
        };
        let inside = &text[open + 1..close];
        if inside.len() > 120 {
            continue;
        }
        let definition =
            abbreviation_after(text, open, inside).or_else(|| abbreviation_before(text, open, inside));
        if let Some(d) = definition
            && !found.contains(&d)
        {
            found.push(d);
        }
    }
    found
}

/// `Bình đẳng giới (BĐG)`, `… (sau đây gọi tắt là BĐG)`: the abbreviation in the
/// parenthesis, the expansion before it.
fn abbreviation_after(text: &str, open: usize, inside: &str) -> Option<Definition> {
    let tokens: Vec<&str> = Splitter::new(inside).map(|s| s.text(inside)).collect();
    let raw = *tokens.last()?;
    let introduced = tokens.len() == 1 || {
        let folded = fold_phrase(inside);
        folded.contains("goi tat") || folded.contains("viet tat")
    };
    if !introduced || !is_abbreviation(raw) {
        return None;
    }
    let letters = letters(raw)?;
    let before = clause_before(text, open);
    let words: Vec<String> = Splitter::new(before)
        .map(|s| folded_form(s.text(before)))
        .collect();
    let taken = match_initials(&letters, words.iter().rev().map(String::as_str))?;
    let expansion = words[words.len() - taken..].join(" ");
    Some(Definition {
        abbreviation: letters,
        expansion,
    })
}

/// `BĐG (bình đẳng giới)`: the abbreviation just before the parenthesis, the
/// expansion in it.
fn abbreviation_before(text: &str, open: usize, inside: &str) -> Option<Definition> {
    let before = text[..open].trim_end();
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let raw = &before[start..];
    if !is_abbreviation(raw) {
        return None;
    }
    let letters = letters(raw)?;
    let words: Vec<String> = Splitter::new(inside)
        .map(|s| folded_form(s.text(inside)))
        .collect();
    let taken = match_initials(&letters, words.iter().rev().map(String::as_str))?;
    (taken == words.len()).then(|| Definition {
        abbreviation: letters,
        expansion: words.join(" "),
    })
}

/// The folded letters of an abbreviation, if they are all ASCII letters.
fn letters(raw: &str) -> Option<String> {
    let folded = folded_form(raw);
    folded.chars().all(|c| c.is_ascii_lowercase()).then_some(folded)
}

/// The text before `open` back to the previous clause break, at most a few hundred
/// bytes.
fn clause_before(text: &str, open: usize) -> &str {
    let start = crate::vi::boundary::ceil_boundary(text, open.saturating_sub(400));
    let window = &text[start..open];
    let cut = window
        .char_indices()
        .rev()
        .find(|(_, c)| is_clause_break(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &window[cut..]
}

/// Matches the letters of an abbreviation, last first, against folded words read
/// backwards from the parenthesis. Returns how many words the expansion takes.
fn match_initials<'w>(letters: &str, words_backwards: impl Iterator<Item = &'w str>) -> Option<usize> {
    let letters: Vec<char> = letters.chars().collect();
    let mut left = letters.len();
    let mut taken = 0;
    for word in words_backwards {
        if left == 0 {
            break;
        }
        if word.starts_with(letters[left - 1]) {
            left -= 1;
            taken += 1;
        } else if taken > 0 && CONNECTORS.contains(&word) {
            taken += 1;
        } else {
            return None;
        }
    }
    (left == 0 && taken >= 2).then_some(taken)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defs(text: &str) -> Vec<(String, String)> {
        definitions(text)
            .into_iter()
            .map(|d| (d.abbreviation, d.expansion))
            .collect()
    }

    #[test]
    fn finds_definitions() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "Đẩy mạnh các hoạt động có mục tiêu về Bình đẳng giới (BDG) trong",
                &[("bdg", "binh dang gioi")],
            ),
            (
                "pháp luật về BĐG; vì sự tiến bộ của phụ nữ (VSTBCPN) và",
                &[("vstbcpn", "vi su tien bo cua phu nu")],
            ),
            (
                "Sở Lao động - Thương binh và Xã hội (LĐTBXH) chủ trì",
                &[("ldtbxh", "lao dong thuong binh va xa hoi")],
            ),
            (
                "Ủy ban nhân\ndân (sau đây gọi tắt là UBND) ban hành",
                &[("ubnd", "uy ban nhan dan")],
            ),
            (
                "thực hiện BĐG (bình đẳng giới) trong",
                &[("bdg", "binh dang gioi")],
            ),
            // Not definitions: a date, a note, initials that do not match, a clause break.
            ("ngày 31/5/2021 (kèm theo)", &[]),
            ("(cơ quan Thường trực Ban VSTBCPN tỉnh)", &[]),
            ("Kế hoạch số 70 (KH) ngày", &[]),
            ("phụ nữ. Bình đẳng (VSTBPN)", &[]),
            ("Hội thảo (HT", &[]),
            ("một (MỘT) hai", &[]),
        ];
        for (input, want) in cases {
            let want: Vec<(String, String)> =
                want.iter().map(|(a, e)| (a.to_string(), e.to_string())).collect();
            assert_eq!(defs(input), want, "{input}");
        }
    }

    #[test]
    fn built_in_both_ways() {
        let table = built_in();
        assert_eq!(table.expansions("bdg"), ["binh dang gioi"]);
        assert_eq!(table.abbreviations("uy ban nhan dan"), ["ubnd"]);
        let vstbpn = table.expansions("vstbpn");
        assert!(vstbpn.contains(&"vi su tien bo phu nu".to_string()));
        assert!(vstbpn.contains(&"vi su tien bo cua phu nu".to_string()));
        assert!(table.expansions("binh").is_empty());
    }

    #[test]
    fn terms_round_trip() {
        let d = Definition {
            abbreviation: "bdg".into(),
            expansion: "binh dang gioi".into(),
        };
        let [forward, reverse] = index_terms(&d);
        assert_eq!(
            forward.strip_prefix(&forward_prefix("bdg")),
            Some("binh dang gioi")
        );
        assert_eq!(
            reverse.strip_prefix(&reverse_prefix("binh dang gioi")),
            Some("bdg")
        );
    }
}

//! The citing document's own act on a document it cites, read from the words around the
//! citation against the table `resources/relation_words.tsv`: `Nghị định này thay thế
//! Nghị định số 50/2013/NĐ-CP` → replaces, a title `Sửa đổi, bổ sung một số điều của
//! Nghị định số 145/2020/NĐ-CP` → amends, `Thông tư số 5/2019/TT-BTC hết hiệu lực kể từ
//! ngày Thông tư này có hiệu lực` → repeals. An act counts only when the document is its
//! subject: the sentence names the document itself (`Nghị định này`), or the citation
//! stands in its title. And a relation between two cited documents that the text states
//! (`Nghị định số 12/2022/NĐ-CP sửa đổi, bổ sung … Nghị định số 145/2020/NĐ-CP`).
//!
//! `find.rs` decides the basis block of the preamble; this module the rest. It reads
//! at most a few hundred bytes around each citation.

use std::sync::LazyLock;

use crate::model::Relation;

/// How far back from a citation its sentence is read.
const LEAD_BYTES: usize = 300;
/// How far after a citation its sentence is read.
const TAIL_BYTES: usize = 300;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Before,
    After,
    Passive,
}

struct Word {
    words: String,
    relation: Relation,
    place: Place,
}

static WORDS: LazyLock<Vec<Word>> = LazyLock::new(|| {
    crate::vocab::rows(
        "resources/relation_words.tsv",
        include_str!("../../resources/relation_words.tsv"),
        3,
    )
    .into_iter()
    .filter_map(|f| {
        let words = f[0].to_string();
        let relation = Relation::parse(f[1])?;
        let place = match f[2] {
            "before" => Place::Before,
            "after" => Place::After,
            "passive" => Place::Passive,
            _ => return None,
        };
        Some(Word {
            words,
            relation,
            place,
        })
    })
    .collect()
});

/// The words by which a document names itself: `Nghị định này`.
const SELF_NAMES: &[&str] = &[
    "nghị định này",
    "thông tư này",
    "thông tư liên tịch này",
    "luật này",
    "nghị quyết này",
    "quyết định này",
    "pháp lệnh này",
    "chỉ thị này",
    "văn bản này",
];

/// The citing document's act on the document cited at `start..end`, when the sentence
/// makes it its subject (or `in_title`); `None` for a mention.
pub(crate) fn own_act(text: &str, start: usize, end: usize, in_title: bool) -> Option<Relation> {
    let from = sentence_start(text, start);
    let to = sentence_end(text, end);
    let imperative = opens_with_an_act(&text[from..start]);
    // Cheap test before any lowering: `này`, a title or a clause opening with the act.
    if !in_title && !imperative && !text[from..to].contains("này") {
        return None;
    }
    let lead = normalize(&text[from..start]);
    let tail = normalize(&text[end..to]);
    if !in_title && !imperative && !SELF_NAMES.iter().any(|n| lead.contains(n) || tail.contains(n)) {
        return None;
    }
    if let Some((_, word)) = closest_before(&lead) {
        return (word.place == Place::Before && word.relation != Relation::Mention).then_some(word.relation);
    }
    WORDS
        .iter()
        .filter(|w| w.place == Place::After)
        .find(|w| tail.contains(w.words.as_str()))
        .map(|w| w.relation)
}

/// Whether a clause opens with the act itself, the document its unwritten subject:
/// `2. Bãi bỏ các văn bản sau đây: a) Nghị định số …`, `Thay thế Phụ lục …`.
fn opens_with_an_act(lead: &str) -> bool {
    const ACTS: &[&str] = &[
        "Bãi bỏ",
        "Thay thế",
        "Sửa đổi",
        "Bổ sung",
        "Đính chính",
        "Hủy bỏ",
        "Huỷ bỏ",
    ];
    let head = lead.trim_start_matches(|c: char| {
        c.is_whitespace() || c.is_ascii_digit() || ".)*-+|".contains(c) || c.is_ascii_lowercase()
    });
    // `Điều 3. Bãi bỏ …`
    let head = match head.strip_prefix("Điều") {
        Some(rest) => {
            rest.trim_start_matches(|c: char| c.is_whitespace() || c.is_ascii_digit() || ".*".contains(c))
        }
        None => head,
    };
    ACTS.iter().any(|act| head.starts_with(act))
}

/// What the words between two citations in one sentence say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Between {
    /// The first acts on the second (`12/2022 sửa đổi, bổ sung … 145/2020`): `true`;
    /// or the second on the first (`25/2008 đã được sửa đổi, bổ sung bởi 32/2013`): `false`.
    Acts(Relation, bool),
    /// A list (`… và`, `…,`): the second stands where the first does.
    List,
    /// Another sentence, or nothing said.
    Nothing,
}

/// What the words between two citations say of them.
pub(crate) fn between(words: &str) -> Between {
    let sentence_ends = words
        .match_indices('.')
        .any(|(at, _)| words[at + 1..].starts_with(char::is_whitespace));
    if words.len() > TAIL_BYTES || words.contains(';') || sentence_ends {
        return Between::Nothing;
    }
    // Most words between two citations are a date and an issuer: no relation word can
    // be there without one of these syllables, so lower-casing is skipped.
    if !may_hold_a_relation_word(words) {
        return if words.contains(',') || rfind_word(words, "và").is_some() {
            Between::List
        } else {
            Between::Nothing
        };
    }
    let normal = normalize(words);
    let Some((at, word)) = closest_before(&normal) else {
        return if is_list_joint(&normal) {
            Between::List
        } else {
            Between::Nothing
        };
    };
    // `… hướng dẫn giám sát … và Thông tư số …`: the verb describes the first; a list
    // goes on after it.
    if is_list_joint(&normal[at + word.words.len()..]) {
        return Between::List;
    }
    match word.place {
        Place::Before if word.relation != Relation::Mention => Between::Acts(word.relation, true),
        Place::Passive => Between::Acts(word.relation, false),
        _ => Between::Nothing,
    }
}

/// Whether `words` hold a syllable of some relation word, in lower or upper case.
fn may_hold_a_relation_word(words: &str) -> bool {
    const SYLLABLES: &[&str] = &[
        "sửa", "Sửa", "SỬA", "sung", "SUNG", "thế", "THẾ", "bỏ", "BỎ", "tiết", "TIẾT", "hướng", "Hướng",
        "HƯỚNG", "hành", "HÀNH", "chính", "CHÍNH", "nhất", "NHẤT", "lực", "LỰC", "theo", "Theo", "THEO",
    ];
    SYLLABLES.iter().any(|s| words.contains(s))
}

/// Whether normalised words join a list: ` và `, `,`, `, số`.
fn is_list_joint(normal: &str) -> bool {
    rfind_word(normal, "và").is_some() || normal.contains(',')
}

/// Whether a text is a consolidated text (văn bản hợp nhất): its closing block
/// `XÁC THỰC VĂN BẢN HỢP NHẤT`, or before the preamble the opening formula `… được sửa
/// đổi, bổ sung bởi:` that lists what it consolidates.
pub fn is_consolidated(text: &str) -> bool {
    const OPENING_BYTES: usize = 6_000;
    if text.contains("XÁC THỰC VĂN BẢN HỢP NHẤT") {
        return true;
    }
    let opening = &text[..crate::vi::boundary::floor_boundary(text, OPENING_BYTES)];
    let preamble = opening.find("Căn cứ").unwrap_or(opening.len());
    let opening = &opening[..preamble];
    // A title may say `… được sửa đổi, bổ sung bởi Thông tư số …`; the formula ends in `:`.
    ["bổ sung bởi", "được sửa đổi bởi"].iter().any(|formula| {
        opening.match_indices(formula).any(|(at, _)| {
            opening[at + formula.len()..]
                .trim_start_matches([' ', '*'])
                .starts_with(':')
        })
    })
}

/// The table word closest before the end of `lead` (the longest when two end together),
/// on word boundaries.
fn closest_before(lead: &str) -> Option<(usize, &'static Word)> {
    let mut best: Option<(usize, usize, usize, &Word)> = None;
    for word in WORDS.iter().filter(|w| w.place != Place::After) {
        let Some(at) = rfind_word(lead, &word.words) else {
            continue;
        };
        let end = at + word.words.len();
        let better = match best {
            None => true,
            Some((best_end, best_len, _, _)) => {
                end > best_end || (end == best_end && word.words.len() > best_len)
            }
        };
        if better {
            best = Some((end, word.words.len(), at, word));
        }
    }
    best.map(|(_, _, at, w)| (at, w))
}

/// The last place `words` stands in `s` as whole words.
fn rfind_word(s: &str, words: &str) -> Option<usize> {
    let mut end = s.len();
    while let Some(at) = s[..end].rfind(words) {
        let before_ok = s[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after_ok = s[at + words.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if before_ok && after_ok {
            return Some(at);
        }
        end = at;
    }
    None
}

/// Lower case, `**` gone, every run of spaces and line breaks one space.
fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() || c == '*' || c == '|' {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    out
}

/// Where the sentence holding `pos` starts: after `. `, `;`, a blank line, or at most
/// [`LEAD_BYTES`] back.
fn sentence_start(text: &str, pos: usize) -> usize {
    let from = crate::vi::boundary::floor_boundary(text, pos.saturating_sub(LEAD_BYTES));
    let bytes = text.as_bytes();
    let mut i = pos;
    while i > from {
        i -= 1;
        match bytes[i] {
            b';' => return i + 1,
            b'.' if bytes.get(i + 1).is_some_and(u8::is_ascii_whitespace) => return i + 1,
            b'\n' if blank_line_before(bytes, i) => return i + 1,
            _ => {}
        }
    }
    crate::vi::boundary::ceil_boundary(text, from)
}

/// Whether the line ending at the `\n` at `i` holds nothing but spaces.
fn blank_line_before(bytes: &[u8], i: usize) -> bool {
    let mut j = i;
    while j > 0 {
        j -= 1;
        match bytes[j] {
            b'\n' => return true,
            b' ' | b'\t' | b'\r' | b'*' => {}
            _ => return false,
        }
    }
    true
}

/// Where the sentence holding `pos` ends: at `. `, `;`, or [`TAIL_BYTES`] on.
fn sentence_end(text: &str, pos: usize) -> usize {
    let to = crate::vi::boundary::floor_boundary(text, pos + TAIL_BYTES);
    let bytes = text.as_bytes();
    let mut i = pos;
    while i < to {
        match bytes[i] {
            b';' => return i,
            b'.' if bytes.get(i + 1).is_none_or(u8::is_ascii_whitespace) => return i,
            _ => {}
        }
        i += 1;
    }
    to
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_reads_whole() {
        let rows = include_str!("../../resources/relation_words.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        assert_eq!(WORDS.len(), rows, "every row of relation_words.tsv parses");
    }

    #[test]
    fn between_two_citations() {
        use Between::*;
        let rows: &[(&str, Between)] = &[
            (
                " ngày 26 tháng 01 năm 2022 của Chính phủ sửa đổi, bổ sung một số điều của ",
                Acts(Relation::Amends, true),
            ),
            (
                " đã được sửa đổi, bổ sung một số điều theo ",
                Acts(Relation::Amends, false),
            ),
            (
                " ngày 14 tháng 11 năm 2008, được sửa đổi, bổ sung bởi ",
                Acts(Relation::Amends, false),
            ),
            (" và ", List),
            (" hướng dẫn thi hành ", Acts(Relation::Guides, true)),
            (
                " ngày 16 tháng 11 năm 2020 hướng dẫn giám sát giao dịch chứng khoán và ",
                List,
            ),
            (" về công tác văn thư;\nCăn cứ ", Nothing),
        ];
        for (words, want) in rows {
            assert_eq!(between(words), *want, "{words:?}");
        }
    }
}

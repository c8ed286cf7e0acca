//! Finding citations in one document's text: every number and symbol, and every law
//! cited by name, with the type, date and issuer the text gives and whether the plan is
//! issued under it (`basis`) or only mentions it.
//!
//! The text comes as decoded (UTF-8, NFC, `\n` line ends) but not cleaned: line breaks,
//! `**`, table pipes and double spaces are all still there, and offsets in the returned
//! [`Citation`]s point into it. The search is two cheap byte scans (for `/` and for
//! `Luật`) with small scanners run only at those spots; no regex ever runs over the whole
//! text. This module does not read files, and it does not decide which archived plan a
//! citation means (`resolve.rs` does).

use std::ops::Range;

use super::before_number::{is_form_code, is_own_number, type_word_before, type_words};
use super::date::{DateToken, date_after};
use super::issuer::issuer_after;
use super::law::law_at;
use super::number::{NumberShape, NumberToken, number_at_slash};
use super::outline::{BASIS_OPENERS, is_list_joint, is_outline_heading};
use super::window::Cleaned;
use super::{key, parts, relation};
use crate::model::{Citation, Relation, Resolution, Stated};
use crate::vi::boundary::floor_boundary;
use crate::vocab::doc_types;

/// How far into a document its preamble (the `Căn cứ …` block) may reach.
const PREAMBLE_LIMIT: usize = 30_000;

/// Every citation in `text`, in order of appearance. A document cited twice is returned
/// twice. Never panics, whatever the input.
///
/// ```
/// use plancite::cite::extract;
/// use plancite::model::Relation;
/// let text = "Căn cứ Nghị định số 125/2021/ND-CP ngày 28/12/2021 của Chính phủ;\nI. NỘI DUNG";
/// let found = extract(text);
/// assert_eq!(found[0].key, "125/2021/NĐ-CP");
/// assert_eq!(found[0].relation, Relation::Basis);
/// assert_eq!(&text[found[0].start..found[0].end], "Nghị định số 125/2021/ND-CP");
/// ```
pub fn extract(text: &str) -> Vec<Citation> {
    let mut found = numbered_citations(text);
    let named = named_law_citations(text, &found);
    found.extend(named);
    found.sort_by_key(|f| f.start);
    let preamble = Preamble::read(text);
    // Before the preamble stand the title (a citation there is the document's own act)
    // or, in a consolidated text, the list of what it consolidates.
    let title_end = preamble.basis.first().map_or(0, |(range, _)| range.start);
    let consolidated = title_end > 0 && relation::is_consolidated(text);
    // The title's verb acts on the first document it names; the others it names
    // follow it through `state_relations` (a list, or a document the first acts on).
    let mut title_named = false;
    let mut citations: Vec<Citation> = found
        .into_iter()
        .map(|f| {
            let in_title = f.start < title_end;
            let relation = match preamble.relation_at(f.start) {
                Some(relation) => relation,
                None if consolidated && in_title => Relation::Consolidates,
                None if in_title && title_named => Relation::Mention,
                None => relation::own_act(text, f.start, f.end, in_title).unwrap_or(Relation::Mention),
            };
            title_named |= in_title;
            f.into_citation(text, relation)
        })
        .collect();
    state_relations(text, &preamble, &mut citations);
    citations
}

/// Two documents cited one after the other in a sentence: `Căn cứ Nghị định số 12/2022/NĐ-CP
/// sửa đổi, bổ sung … Nghị định số 145/2020/NĐ-CP` states that the first amends the
/// second (kept on the second as `stated`); the citing document's own act reaches only
/// the first. In a list (`… và Thông tư số …`) the second stands where the first does.
fn state_relations(text: &str, preamble: &Preamble, citations: &mut [Citation]) {
    for i in 1..citations.len() {
        let (first, second) = (&citations[i - 1], &citations[i]);
        if first.key == second.key {
            continue;
        }
        let in_basis =
            preamble.relation_at(second.start).is_some() || preamble.relation_at(first.start).is_some();
        let Some(words) = text.get(first.end..second.start) else {
            continue;
        };
        match relation::between(words) {
            relation::Between::Acts(relation, forward) => {
                let (by, on) = if forward {
                    (first.key.clone(), i)
                } else {
                    (second.key.clone(), i - 1)
                };
                citations[on].stated = Some(Stated { by, relation });
                if forward && !in_basis {
                    citations[i].relation = Relation::Mention;
                }
            }
            relation::Between::List if !in_basis => {
                // A list takes the relation of its head: `Nghị định này thay thế Nghị định
                // số 50/… và Nghị định số 51/…`. Only an act written after the list reaches
                // back to its head: `Thông tư số 101/… và Thông tư số 148/… hết hiệu lực`.
                if citations[i - 1].relation == Relation::Mention
                    && citations[i].relation == Relation::Repeals
                {
                    citations[i - 1].relation = Relation::Repeals;
                } else {
                    citations[i].relation = citations[i - 1].relation;
                }
                if citations[i].stated.is_none() {
                    citations[i].stated = citations[i - 1].stated.clone();
                }
            }
            _ => {}
        }
    }
}

/// A citation found but not yet finished: its relation is decided once all are found.
struct Found {
    start: usize,
    end: usize,
    key: String,
    doc_type: Option<String>,
    /// The type was written in the text (or carried along a list), not guessed from
    /// the symbol.
    type_written: bool,
    date: Option<DateToken>,
    issuer: Option<String>,
    /// A law cited by its name, without a number.
    by_name: bool,
}

impl Found {
    /// Where a list joint (`, số …`) would start: after the date when there is one.
    fn list_end(&self) -> usize {
        self.date.as_ref().map_or(self.end, |d| d.end)
    }

    fn into_citation(self, text: &str, relation: Relation) -> Citation {
        Citation {
            key: self.key,
            doc_type: self.doc_type,
            date: self.date.map(|d| d.iso),
            issuer: self.issuer,
            relation,
            // A law by name waits for `identity::identify` to learn which version it is.
            resolution: if self.by_name {
                Resolution::Unresolved
            } else {
                Resolution::Number
            },
            name: None,
            stated: None,
            text: text.get(self.start..self.end).unwrap_or_default().to_string(),
            start: self.start,
            end: self.end,
        }
    }
}

/// Citations by number: every `/` that closes a number is a candidate.
fn numbered_citations(text: &str) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    let mut consumed = 0;
    let mut from = 0;
    while let Some(offset) = text.get(from..).and_then(|rest| rest.find('/')) {
        let slash = from + offset;
        from = slash + 1;
        if slash < consumed {
            continue;
        }
        let Some(token) = number_at_slash(text, slash) else {
            continue;
        };
        if token.start < consumed {
            continue;
        }
        consumed = token.end;
        if is_own_number(text, token.start) || is_form_code(text, token.start, token.end) {
            continue;
        }
        let canonical = key::canonical_number(&token);
        let type_code = type_code_of(&token, canonical.first_part.as_deref());
        let type_word = type_word_before(text, token.start);
        let written_type = type_word.as_ref().and_then(|t| t.doc_type);
        // `các Quyết định số 290/…, số 142/… và số 57/…`: the type carries along a list.
        // A type code in the symbol (`TTLT-…`) outranks one carried along the list.
        let carried_type = match (written_type, found.last()) {
            (None, Some(previous))
                if type_code.is_none()
                    && previous.type_written
                    && is_list_joint(text, previous.list_end(), token.start) =>
            {
                previous.doc_type.clone()
            }
            _ => None,
        };
        let type_written = written_type.is_some() || carried_type.is_some();
        let doc_type = written_type
            .map(str::to_string)
            .or(carried_type)
            .or_else(|| type_from_symbol(&token, type_code).map(str::to_string));
        let date = date_after(text, token.end);
        let issuer = issuer_after(text, date.as_ref().map_or(token.end, |d| d.end));
        found.push(Found {
            start: type_word.map_or(token.start, |t| t.start),
            end: token.end,
            key: canonical.key,
            doc_type,
            type_written,
            date,
            issuer,
            by_name: false,
        });
    }
    found
}

/// The type a symbol stands for when the text does not say: `NĐ` → `Nghị định`,
/// `11-NQ/TW` → `Nghị quyết`, and an administrative number without a type code
/// (`418/LĐTBXH-BĐG`) → `Công văn`.
fn type_from_symbol(token: &NumberToken, type_code: Option<&'static str>) -> Option<&'static str> {
    type_code.or(match token.shape {
        NumberShape::NoYear => Some("Công văn"),
        _ => None,
    })
}

/// The type named by the symbol's type code (its first canonical part, or a Party
/// number's type), if it has one.
fn type_code_of(token: &NumberToken, first_part: Option<&str>) -> Option<&'static str> {
    match token.shape {
        NumberShape::Party => doc_types::by_party_code(&parts::canonical_part(token.party_type.as_deref()?)),
        NumberShape::WithYear | NumberShape::NoYear => doc_types::by_state_code(first_part?),
    }
}

/// Laws cited by name: every `Luật` / `Bộ luật` not already inside a numbered citation.
fn named_law_citations(text: &str, numbered: &[Found]) -> Vec<Found> {
    let mut found = Vec::new();
    let mut consumed = 0;
    let mut from = 0;
    while let Some(offset) = text.get(from..).and_then(|rest| rest.find("uật")) {
        let u = from + offset;
        from = u + "uật".len();
        let Some(at) = u.checked_sub(1) else {
            continue;
        };
        if at < consumed || inside_any(numbered, at) {
            continue;
        }
        let Some(law) = law_at(text, at) else {
            continue;
        };
        consumed = law.end;
        let date = date_after(text, law.end);
        let issuer = issuer_after(text, date.as_ref().map_or(law.end, |d| d.end));
        found.push(Found {
            start: law.start,
            end: law.end,
            key: key::law_key(law.code, &law.name, law.year.as_deref()),
            doc_type: Some(if law.code { "Bộ luật" } else { "Luật" }.to_string()),
            type_written: true,
            date,
            issuer,
            by_name: true,
        });
    }
    found
}

/// Whether `pos` falls inside one of `found` (sorted by start, not overlapping).
fn inside_any(found: &[Found], pos: usize) -> bool {
    let after = found.partition_point(|f| f.start <= pos);
    after > 0 && pos < found[after - 1].end
}

// ---------------------------------------------------------------------------------
// Relation: the preamble's basis sentences
// ---------------------------------------------------------------------------------

/// The parts of the preamble that name the plan's basis: sentences opening with
/// `Căn cứ`, `Thực hiện`, `Triển khai` or `Theo`, and list items continuing one
/// (`Căn cứ các văn bản:\n- Nghị định …;`). The preamble ends at the first outline
/// heading (`I.`, `1.`, `Điều 1.`) or at the first sentence after the basis block.
struct Preamble {
    /// Each basis sentence and what it says: `basis`, or `implements` for `Thực hiện …`
    /// and `Triển khai …`.
    basis: Vec<(Range<usize>, Relation)>,
}

impl Preamble {
    fn read(text: &str) -> Preamble {
        let limit = body_start(text);
        let mut basis = Vec::new();
        let mut in_block = false;
        let mut previous_end = '\0';
        let mut block_relation = Relation::Basis;
        let mut pos = 0;
        while pos < limit {
            let (end, terminator) = sentence_end(text, pos, limit);
            let head = SentenceHead::read(text, pos..end);
            if head.is_empty {
                pos = end;
                continue;
            }
            let continues_block = in_block && matches!(previous_end, ';' | ':') && head.continues_a_list;
            if head.opens_basis {
                block_relation = head.opener_relation;
            }
            if head.opens_basis || continues_block {
                basis.push((pos..end, block_relation));
                in_block = true;
                previous_end = terminator;
            } else if in_block {
                break;
            }
            pos = end;
        }
        Preamble { basis }
    }

    fn relation_at(&self, pos: usize) -> Option<Relation> {
        self.basis
            .iter()
            .find(|(range, _)| range.contains(&pos))
            .map(|(_, relation)| *relation)
    }
}

/// What the start of a sentence says about it.
struct SentenceHead {
    is_empty: bool,
    /// Opens with `Căn cứ`, `Thực hiện`, `Triển khai` or `Theo`.
    opens_basis: bool,
    /// A list item: a bullet, or a type word or `số` straight away.
    continues_a_list: bool,
    /// `implements` for `Thực hiện`, `Triển khai`; else `basis`.
    opener_relation: Relation,
}

impl SentenceHead {
    fn read(text: &str, sentence: Range<usize>) -> SentenceHead {
        let end = floor_boundary(text, sentence.end.min(sentence.start + 64));
        let cleaned = Cleaned::new(text, sentence.start..end);
        let trimmed = cleaned.text.trim_start();
        let bulleted = trimmed.starts_with(['-', '+', '•', '–']);
        let head = trimmed.trim_start_matches(|c: char| "-+•–|>#_ ".contains(c));
        let lower = head.to_lowercase();
        let starts_with_word = |word: &str| {
            lower.starts_with(word)
                && !lower[word.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        };
        let capitalised = head.chars().next().is_some_and(char::is_uppercase);
        // `Theo đó` (accordingly) and `Theo dõi` (to follow up) are not `Theo đề nghị …`.
        let not_basis = ["theo đó", "theo dõi"].iter().any(|w| starts_with_word(w));
        SentenceHead {
            is_empty: !head.chars().any(char::is_alphanumeric),
            opens_basis: capitalised && !not_basis && BASIS_OPENERS.iter().any(|w| starts_with_word(w)),
            opener_relation: if starts_with_word("thực hiện") || starts_with_word("triển khai") {
                Relation::Implements
            } else {
                Relation::Basis
            },
            continues_a_list: bulleted
                || starts_with_word("số")
                || type_words().any(|(w, _, _)| starts_with_word(w)),
        }
    }
}

/// Where the body starts: the first outline heading line within [`PREAMBLE_LIMIT`].
fn body_start(text: &str) -> usize {
    let limit = floor_boundary(text, PREAMBLE_LIMIT);
    let mut line_start = 0;
    while line_start < limit {
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i);
        let line = &text[line_start..line_end];
        let stripped = line.trim_start_matches(|c: char| " \t*#|>".contains(c));
        let head = &stripped[..floor_boundary(stripped, 40)];
        if is_outline_heading(head) && !lists_a_document(head) {
            return line_start;
        }
        line_start = line_end + 1;
    }
    limit
}

/// Whether a numbered line lists a document rather than heading a section: in a
/// consolidated text, `1. Thông tư số 08/2023/TT-BLĐTBXH … sửa đổi …` precedes the body.
fn lists_a_document(line: &str) -> bool {
    let Some(rest) = line
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .strip_prefix('.')
    else {
        return false;
    };
    let rest = rest.trim_start().to_lowercase();
    type_words().any(|(word, _, _)| rest.starts_with(word))
}

/// The end of the sentence starting at `pos`, and what ended it: `.` before a space,
/// `;` or `:` at the end of a line, a blank line, or a line opening with a basis word
/// (`\nCăn cứ …`).
fn sentence_end(text: &str, pos: usize, limit: usize) -> (usize, char) {
    let bytes = text.as_bytes();
    let mut i = pos;
    while i < limit {
        match bytes[i] {
            b'.' if bytes.get(i + 1).is_none_or(u8::is_ascii_whitespace) => return (i + 1, '.'),
            b';' | b':' if ends_line(bytes, i + 1) => return (i + 1, bytes[i] as char),
            b'\n' if i + 1 < limit && starts_sentence(text, i + 1) => return (i + 1, '\n'),
            _ => {}
        }
        i += 1;
    }
    (limit, '\0')
}

/// Whether only spaces and `*` stand between `i` and the end of the line.
fn ends_line(bytes: &[u8], mut i: usize) -> bool {
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\n' => return true,
            b' ' | b'\t' | b'*' | b'\r' => i += 1,
            _ => return false,
        }
    }
    true
}

/// Whether the line at `line_start` is blank (or only table pipes) or opens with a
/// capitalised basis word.
fn starts_sentence(text: &str, line_start: usize) -> bool {
    let line_end = text[line_start..]
        .find('\n')
        .map_or(text.len(), |i| line_start + i);
    let line = &text[line_start..line_end];
    let head = line.trim_start_matches(|c: char| " \t*-+•|>#\r".contains(c));
    if !head.chars().any(char::is_alphanumeric) {
        return true;
    }
    [
        "Căn cứ",
        "CĂN CỨ",
        "Thực hiện",
        "THỰC HIỆN",
        "Triển khai",
        "Theo ",
    ]
    .iter()
    .any(|w| head.starts_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    type Row<'a> = (&'a str, &'a [(&'a str, &'a str, Option<&'a str>, Relation)]);

    const BASIS: Relation = Relation::Basis;
    const MENTION: Relation = Relation::Mention;
    const IMPLEMENTS: Relation = Relation::Implements;
    const CONSOLIDATES: Relation = Relation::Consolidates;

    /// Each form of the issue gets its own row; each hazard of real text too.
    const ROWS: &[Row] = &[
        // Normative numbers with a year.
        (
            "Căn cứ Nghị định số 125/2021/NĐ-CP ngày 28/12/2021 của Chính phủ;\nI. NỘI DUNG",
            &[("125/2021/NĐ-CP", "Nghị định", Some("2021-12-28"), BASIS)],
        ),
        (
            "theo Luật số 52/2019/QH14 về",
            &[("52/2019/QH14", "Luật", None, MENTION)],
        ),
        (
            "Thông tư liên tịch số 01/2022/TTLT-VKSNDTC-TANDTC-BCA-BQP-BLĐTBXH ngày 01/3/2022",
            &[(
                "01/2022/TTLT-VKSNDTC-TANDTC-BCA-BQP-BLĐTBXH",
                "Thông tư liên tịch",
                Some("2022-03-01"),
                MENTION,
            )],
        ),
        // Administrative numbers without a year.
        (
            "Kế hoạch số 131/KH-UBND ngày 31/5/2021 của Ủy ban",
            &[("131/KH-UBND", "Kế hoạch", Some("2021-05-31"), MENTION)],
        ),
        (
            "Công văn 1721/UBND-VX ngày 17/02/2020 về việc",
            &[("1721/UBND-VX", "Công văn", Some("2020-02-17"), MENTION)],
        ),
        (
            "theo văn bản 397/SLĐTBXH-TEBĐG",
            &[("397/SLĐTBXH-TEBĐG", "Công văn", None, MENTION)],
        ),
        (
            "thực hiện 418/LĐTBXH-BĐG",
            &[("418/LĐTBXH-BĐG", "Công văn", None, MENTION)],
        ),
        (
            "theo 1016/CTr-BCĐ.",
            &[("1016/CTr-BCĐ", "Chương trình", None, MENTION)],
        ),
        // Party numbers.
        (
            "Nghị quyết 11-NQ/TW ngày 27/4/2007 của Bộ Chính trị",
            &[("11-NQ/TW", "Nghị quyết", Some("2007-04-27"), MENTION)],
        ),
        (
            "Chỉ thị số 21-CT/TW ngày 20/01/2018",
            &[("21-CT/TW", "Chỉ thị", Some("2018-01-20"), MENTION)],
        ),
        (
            "Thông tri số 04-TT/Tu ngày 30/3/2016",
            &[("04-TT/TU", "Thông tri", Some("2016-03-30"), MENTION)],
        ),
        ("và 77-KL/TW", &[("77-KL/TW", "Kết luận", None, MENTION)]),
        // Named laws.
        (
            "thi hành Luật Bình đẳng giới theo hướng dẫn",
            &[("Luật Bình đẳng giới", "Luật", None, MENTION)],
        ),
        (
            "trong Bộ Luật Lao động năm 2019.",
            &[("Bộ luật Lao động năm 2019", "Bộ luật", None, MENTION)],
        ),
        (
            "Căn cứ Bộ luật Lao động ngày 20 tháng 11 năm 2019;\nĐiều 1. Phạm vi",
            &[("Bộ luật Lao động", "Bộ luật", Some("2019-11-20"), BASIS)],
        ),
        // Lists.
        (
            "các Quyết định số 290/2005/QĐ-TTg, số 142/2008/QĐ-TTg và số 57/2013/QĐ-TTg",
            &[
                ("290/2005/QĐ-TTg", "Quyết định", None, MENTION),
                ("142/2008/QĐ-TTg", "Quyết định", None, MENTION),
                ("57/2013/QĐ-TTg", "Quyết định", None, MENTION),
            ],
        ),
        (
            "Quyết định số 62/2011/QĐ-TTg; số 08/2012/TTLT-BLĐTBXH-BNV-BTC và số 12/UBND-VX",
            &[
                ("62/2011/QĐ-TTg", "Quyết định", None, MENTION),
                (
                    "08/2012/TTLT-BLĐTBXH-BNV-BTC",
                    "Thông tư liên tịch",
                    None,
                    MENTION,
                ),
                ("12/UBND-VX", "Công văn", None, MENTION),
            ],
        ),
        (
            "- Các Quyết định: số 290/2005/QĐ-TTg, số 188/2007/QĐ-TTg,\nsố 38/2010/QĐ-TTg;",
            &[
                ("290/2005/QĐ-TTg", "Quyết định", None, MENTION),
                ("188/2007/QĐ-TTg", "Quyết định", None, MENTION),
                ("38/2010/QĐ-TTg", "Quyết định", None, MENTION),
            ],
        ),
        // Hazards of real text, one per row.
        (
            "Quyết định 4071/QĐ-UBND ngày 14/10/2015",
            &[("4071/QĐ-UBND", "Quyết định", Some("2015-10-14"), MENTION)],
        ),
        (
            "Nghị\nđịnh số 48/2013/NĐ-CP và",
            &[("48/2013/NĐ-CP", "Nghị định", None, MENTION)],
        ),
        (
            "Kế\n\nhoạch 10/KH-UBND ngày 17/01/2017",
            &[("10/KH-UBND", "Kế hoạch", Some("2017-01-17"), MENTION)],
        ),
        (
            "Nghị định số 45/2023/NĐ-\nCP ngày 01/7/2023",
            &[("45/2023/NĐ-CP", "Nghị định", Some("2023-07-01"), MENTION)],
        ),
        (
            "Thông tư số 02/2025/ \nTT-BLĐTBXH ngày 10/01/2025",
            &[("02/2025/TT-BLĐTBXH", "Thông tư", Some("2025-01-10"), MENTION)],
        ),
        (
            "Quyết định số 3565 /QĐ -UBND ngày 21 tháng 11 năm 2025",
            &[("3565/QĐ-UBND", "Quyết định", Some("2025-11-21"), MENTION)],
        ),
        (
            "Công văn số 318/SLĐTBXH – BTXH ngày 02/3/2022",
            &[("318/SLĐTBXH-BTXH", "Công văn", Some("2022-03-02"), MENTION)],
        ),
        (
            "Quyết định số** 3303**/QĐ-BTP ngày** 19 **tháng** 11** năm 2025",
            &[("3303/QĐ-BTP", "Quyết định", Some("2025-11-19"), MENTION)],
        ),
        (
            "kế hoạch **48** /KH-UBND",
            &[("48/KH-UBND", "Kế hoạch", None, MENTION)],
        ),
        (
            "Nghị định số 12/2022/ND-CP",
            &[("12/2022/NĐ-CP", "Nghị định", None, MENTION)],
        ),
        (
            "Quyết định số 28/2021/QD-TTg",
            &[("28/2021/QĐ-TTg", "Quyết định", None, MENTION)],
        ),
        (
            "Nghị định số 38/2022/NÐ-CP", // Ð U+00D0
            &[("38/2022/NĐ-CP", "Nghị định", None, MENTION)],
        ),
        (
            "Nghị định số 40/2026/NĐ-СР quy định", // Cyrillic С Р
            &[("40/2026/NĐ-CP", "Nghị định", None, MENTION)],
        ),
        (
            "Thông tư số 06/2022/TT-BТС ngày 08 tháng 02 năm 2022", // Cyrillic Т С
            &[("06/2022/TT-BTC", "Thông tư", Some("2022-02-08"), MENTION)],
        ),
        (
            "Nghị quyết số 66.16/2026/NQ-CP",
            &[("66.16/2026/NQ-CP", "Nghị quyết", None, MENTION)],
        ),
        (
            "Nghị định số 23/2024/NĐ-Cpngày 27/02/2024",
            &[("23/2024/NĐ-CP", "Nghị định", Some("2024-02-27"), MENTION)],
        ),
        (
            "Chỉ thị số 01/CT-TTg ngày 01-10-1997",
            &[("01/CT-TTg", "Chỉ thị", Some("1997-10-01"), MENTION)],
        ),
        (
            "Kế hoạch số 53/KH-UBND ngày 18 tháng 6 năm 2022",
            &[("53/KH-UBND", "Kế hoạch", Some("2022-06-18"), MENTION)],
        ),
        (
            "Văn bản hợp nhất số 156/VBHN-BLĐTBXH",
            &[("156/VBHN-BLĐTBXH", "Văn bản hợp nhất", None, MENTION)],
        ),
        // Relation: the preamble block, then the body.
        (
            "Số: 70/KH-UBND\nThực hiện Kế hoạch số 131/KH-UBND\nngày 31/5/2021; Công văn số \
             418/LĐTBXH-BĐG ngày 23/02/2022, Ủy ban xây dựng Kế hoạch như sau:\n\
             I. MỤC ĐÍCH\nKế hoạch số 131/KH-UBND ngày 31/5/2021",
            &[
                ("131/KH-UBND", "Kế hoạch", Some("2021-05-31"), IMPLEMENTS),
                ("418/LĐTBXH-BĐG", "Công văn", Some("2022-02-23"), IMPLEMENTS),
                ("131/KH-UBND", "Kế hoạch", Some("2021-05-31"), MENTION),
            ],
        ),
        (
            "Căn cứ Công văn số 06/UBQG-VP ngày 10/02/2017;\n\nBan xây dựng Chương trình, \
             theo Quyết định số 178/QĐ-TTg như sau:\n",
            &[
                ("06/UBQG-VP", "Công văn", Some("2017-02-10"), BASIS),
                ("178/QĐ-TTg", "Quyết định", None, MENTION),
            ],
        ),
        (
            "Căn cứ các văn bản sau:\n- Nghị định số 12/2022/NĐ-CP;\n- Quyết định số 8/2022/QĐ-TTg;\nQUYẾT ĐỊNH:\nĐiều 1. Phạm vi",
            &[
                ("12/2022/NĐ-CP", "Nghị định", None, BASIS),
                ("8/2022/QĐ-TTg", "Quyết định", None, BASIS),
            ],
        ),
        (
            "Theo đó, thủ tục tại Quyết định 3303/QĐ-BTP.\nSố: 3303/QĐ-BTP\n*Căn cứ Nghị định \
             số 39/2025/NĐ-CP;*\n*Theo đề nghị của Cục trưởng.*\n**QUYẾT ĐỊNH:**\n**Điều 1.** Công bố",
            &[
                ("3303/QĐ-BTP", "Quyết định", None, MENTION),
                ("39/2025/NĐ-CP", "Nghị định", None, BASIS),
            ],
        ),
        (
            "THÔNG TƯ\nThông tư số 21/2021/TT-BLĐTBXH, được sửa đổi, bổ sung bởi:\n1. Thông tư \
             số 08/2023/TT-BLĐTBXH.\nCăn cứ Nghị định số 14/2017/NĐ-CP;\nChương I\nĐiều 1. Phạm vi",
            &[
                ("21/2021/TT-BLĐTBXH", "Thông tư", None, CONSOLIDATES),
                ("08/2023/TT-BLĐTBXH", "Thông tư", None, CONSOLIDATES),
                ("14/2017/NĐ-CP", "Nghị định", None, BASIS),
            ],
        ),
        (
            "I. NỘI DUNG\n- Căn cứ Kế hoạch số 71/KH-UBND ngày 02/4/2018 của UBND tỉnh",
            &[("71/KH-UBND", "Kế hoạch", Some("2018-04-02"), MENTION)],
        ),
        // Not citations.
        ("Số: 70/KH-UBND\n", &[]),
        ("|\nSố:1016/CTr-BCĐ\n", &[]),
        ("**Số hiệu:**\n|\n34/2025/NQ-HĐND\n|", &[]),
        ("CÔNG BÁO/Số 199 + 200/Ngày 02-02-2022\nSố: 38/2022/NĐ-CP\n", &[]),
        ("Số:    /QĐ-UBND\nSố:     /2025/NQ-HĐND", &[]),
        (
            "giảm xuống 113 nam/100 nữ; 55/100.000 trẻ; dưới 14/100 trẻ em",
            &[],
        ),
        (
            "từ ngày 15/11/2022 đến ngày 15/12/2022 (15/11-15/12), ngày 08/3",
            &[],
        ),
        ("mức 1.500.000 đồng/tháng; ĐT: 0225.3842.123; 24/7", &[]),
        ("theo Mẫu số 01/TK-SDDPNN; Biểu số 201/GDDN - Sở", &[]),
        (
            "V/v hướng dẫn; tranh/ảnh; pháp luật về bình đẳng giới; Luật này",
            &[],
        ),
        ("https://vbpl.vn/van-ban/67/1998/Q%C4%90-TTg_x", &[]),
    ];

    #[test]
    fn table() {
        for (input, expected) in ROWS {
            let found = extract(input);
            let got: Vec<(String, Option<String>, Option<String>, Relation)> = found
                .iter()
                .map(|c| (c.key.clone(), c.doc_type.clone(), c.date.clone(), c.relation))
                .collect();
            let want: Vec<(String, Option<String>, Option<String>, Relation)> = expected
                .iter()
                .map(|(k, t, d, r)| (k.to_string(), Some(t.to_string()), d.map(str::to_string), *r))
                .collect();
            assert_eq!(got, want, "input {input:?}");
            for c in &found {
                assert_eq!(input.get(c.start..c.end), Some(c.text.as_str()), "{input:?}");
            }
        }
    }

    #[test]
    fn issuers_and_text_spans() {
        let text = "Quyết định số\n2282/QĐ-TTg ngày 31/12/2020 của Thủ tướng Chính phủ về\nChương trình";
        let found = extract(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].issuer.as_deref(), Some("Thủ tướng Chính phủ"));
        assert_eq!(found[0].text, "Quyết định số\n2282/QĐ-TTg");
        let text =
            "Công văn số 418/LĐTBXH-BĐG ngày 23/02/2022 của Bộ\nLao động - Thương binh và Xã hội hướng dẫn";
        let found = extract(text);
        assert_eq!(
            found[0].issuer.as_deref(),
            Some("Bộ Lao động - Thương binh và Xã hội")
        );
        let found = extract("theo 1721/UBND-VX ngày 17/02/2020 về việc");
        assert_eq!(found[0].issuer, None);
    }

    #[test]
    fn never_panics_on_odd_input() {
        let odd = [
            "",
            "/",
            "1/",
            "/A",
            "12/",
            "Luật",
            "Bộ luật",
            "uật",
            "ậ/ậ",
            "12/2021/",
            "12 /\n\n\n",
            "Số:",
            "ngày 1/1/",
            "Số: 12/Ð-",
            "11-/TW",
            "-NQ/TW",
            "\u{0301}/\u{0301}",
            "12/%C4%9",
            "12/%C4%90",
            "Luật \u{0301}",
            "Căn cứ",
            "Căn cứ 12/KH-UBND;",
        ];
        for text in odd {
            let _ = extract(text);
        }
        // Every prefix and suffix of a messy sentence, on every char boundary.
        let messy = "Căn cứ Nghị định số** 45/2023/NĐ-\nСР ngày 18 tháng 6 năm 2022 của Bộ; 11-NQ/TW, Luật Bình đẳng giới năm 2006";
        for (i, _) in messy.char_indices() {
            let _ = extract(&messy[i..]);
            let _ = extract(&messy[..i]);
        }
    }
}

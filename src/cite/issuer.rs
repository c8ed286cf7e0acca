//! The issuer scanner: the organ named after `của` (`của Thủ tướng Chính phủ về …` →
//! `Thủ tướng Chính phủ`), with the words that end such a phrase and those that stay
//! inside an organ's name (`nhân dân`, `thành phố`, `Bộ Tài chính`).

use std::sync::LazyLock;

use regex::Regex;

use super::window::{Cleaned, is_dash, word_follows};
use crate::vi::boundary::ceil_boundary;
use crate::vi::lookalike::to_latin_str;
use crate::vi::syllable::is_syllable;

/// Words that end an issuer phrase (`của Chính phủ về …` → `Chính phủ`). Matched only
/// in lower case, as written: organ names are capitalised.
const ISSUER_STOP_WORDS: &[&str] = &[
    "cho", "có", "đã", "để", "đối", "được", "kèm", "nhằm", "số", "tại", "theo", "thì", "trên", "trong", "về",
    "việc",
];

/// Two-word phrases that end an issuer phrase, matched in lower case as written
/// (`của Bộ … hướng dẫn triển khai`): capitalised, some are organs (`Bộ Kế hoạch và Đầu
/// tư`, `Ban Tổ chức Trung ương`).
const ISSUER_STOP_PHRASES: &[&str] = &[
    "bổ sung",
    "hành động",
    "hướng dẫn",
    "kế hoạch",
    "phòng ngừa",
    "thành lập",
    "thay thế",
    "thực hiện",
    "tổ chức",
    "triển khai",
];

/// Two-word phrases that end an issuer phrase in any case: a title line running on
/// (`của Chính phủ\nQuy định chi tiết …`, `… Căn cứ Luật …`).
const ISSUER_STOP_PHRASES_ANY_CASE: &[&str] = &[
    "ban hành",
    "căn cứ",
    "chỉ thị",
    "công văn",
    "nghị định",
    "nghị quyết",
    "phê duyệt",
    "quy định",
    "quy đinh",
    "quyết định",
    "quyết nghị",
    "sửa đổi",
    "thông tư",
];

/// Lower-case words that belong inside an organ's name even after another lower-case
/// word: `Ủy ban nhân dân thành phố Hải Phòng`, `Viện kiểm sát nhân dân tối cao`,
/// `Ủy ban Quốc gia Vì sự tiến bộ của phụ nữ Việt Nam`. Longest first.
const ORGAN_LOWER_PHRASES: &[&str] = &[
    "sự tiến bộ của phụ nữ",
    "sự tiến bộ phụ nữ",
    "nhân dân",
    "quốc gia",
    "nông thôn",
    "thành phố",
    "thị xã",
    "thị trấn",
    "tối cao",
    "kiểm sát",
    "tỉnh",
    "huyện",
    "quận",
    "phường",
    "xã",
    "và",
];

/// Words that head an organ's name: in `Bộ Tài chính` the lower-case `chính` still
/// belongs to the name after two capitals.
const ORGAN_HEADS: &[&str] = &[
    "Ban", "Báo", "Bộ", "Chi", "Công", "Cục", "Đài", "Hội", "Kho", "Ngân", "Phòng", "Sở", "Thuế", "Tòa",
    "Toà", "Tổng", "Trung", "Ủy", "Uỷ", "Văn", "Viện", "Vụ",
];

/// Words of a signature block or a date running into the text.
const HEADER_WORDS: &[&str] = &["KT", "TL", "TM", "TUQ", "Ngày", "NGÀY"];

/// The start of an issuer phrase: `của Thủ tướng Chính phủ`, `, của Bộ Tài chính`.
static ISSUER_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ ?,? ?của ").expect("ISSUER_START is a valid regex"));

/// The issuer named right after `pos`: `của Thủ tướng Chính phủ về …` →
/// `Thủ tướng Chính phủ`; `của Bộ\nLao động - Thương binh và Xã hội hướng dẫn …` →
/// `Bộ Lao động - Thương binh và Xã hội`. The phrase runs over capitalised words, the
/// second syllable of a capitalised word (`Tài chính`), dashes and an organ's lower-case
/// words (`nhân dân`, `tỉnh`, `và`); it ends at punctuation, at a stop word (`về`,
/// `hướng dẫn`, `quy định` …), at a heading in capitals, or after 16 words. `None` when
/// no capitalised phrase follows `của`.
pub(crate) fn issuer_after(text: &str, pos: usize) -> Option<String> {
    if !word_follows(text, pos, &["của"]) {
        return None;
    }
    let window = Cleaned::new(text, pos..ceil_boundary(text, pos + 240));
    let opening = ISSUER_START.find(&window.text)?;
    let words: Vec<&str> = window.text[opening.end()..]
        .split(' ')
        .map(|w| &w[..w.find(PUNCTUATION).unwrap_or(w.len())])
        .collect();
    let whole: Vec<&str> = window.text[opening.end()..].split(' ').collect();
    let mut kept: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < words.len() && kept.len() < 16 {
        let word = words[i];
        let ends_here = word.len() < whole[i].len();
        if ends_issuer(&words[i..]) {
            break;
        }
        let capitalised = word.starts_with(char::is_uppercase);
        if let Some(n) = organ_phrase_len(&words[i..]) {
            kept.extend_from_slice(&words[i..i + n]);
            if whole[i + n - 1].len() > words[i + n - 1].len() {
                break;
            }
            i += n;
            continue;
        }
        if !(capitalised || word.chars().all(is_dash) || second_syllable_fits(&kept)) {
            break;
        }
        kept.push(word);
        if ends_here {
            break;
        }
        i += 1;
    }
    while kept.last().is_some_and(|w| w.chars().all(is_dash) || *w == "và") {
        kept.pop();
    }
    let issuer = kept.join(" ");
    issuer.starts_with(char::is_uppercase).then_some(issuer)
}

/// Punctuation that ends an issuer phrase; what stands before it in the word is kept.
const PUNCTUATION: &[char] = &[',', ';', '.', ':', '(', ')', '"', '“', '”', '|', '[', ']', '/'];

/// Whether the issuer phrase stops before `words[0]`.
fn ends_issuer(words: &[&str]) -> bool {
    let Some(&word) = words.first() else {
        return true;
    };
    if word.is_empty()
        || word.starts_with(|c: char| c.is_ascii_digit())
        || ISSUER_STOP_WORDS.contains(&word)
        || HEADER_WORDS.contains(&word)
        || is_heading_in_capitals(word)
    {
        return true;
    }
    let Some(&next) = words.get(1) else {
        return false;
    };
    let phrase = format!("{word} {next}");
    ISSUER_STOP_PHRASES.contains(&phrase.as_str())
        || ISSUER_STOP_PHRASES_ANY_CASE.contains(&phrase.to_lowercase().as_str())
        // `… Chính phủ và Quyết định số …`: a list goes on, not the organ.
        || (word == "và" && !next.starts_with(char::is_uppercase))
}

/// How many words of an organ's lower-case phrase (`nhân dân`, `thành phố`) start here.
fn organ_phrase_len(words: &[&str]) -> Option<usize> {
    ORGAN_LOWER_PHRASES.iter().find_map(|phrase| {
        let n = phrase.split(' ').count();
        let candidate = words.get(..n)?;
        // `thành phố` or `Thành phố`: the case of the first letter does not matter.
        phrase
            .split(' ')
            .map(str::to_string)
            .eq(candidate.iter().map(|w| w.to_lowercase()))
            .then_some(n)
    })
}

/// Whether a lower-case word may follow `kept` as the second syllable of its last word:
/// after one capitalised word (`Tài chính`), or two when the first heads an organ
/// (`Bộ Lao động`). `Hà Nội phố`, `Nghệ An vướng` end the phrase.
fn second_syllable_fits(kept: &[&str]) -> bool {
    let run: Vec<&str> = kept
        .iter()
        .rev()
        .take_while(|w| w.starts_with(char::is_uppercase))
        .copied()
        .collect();
    match run.as_slice() {
        [_] => true,
        [_, head] => ORGAN_HEADS.contains(head),
        _ => false,
    }
}

/// An upper-case word that reads as one Vietnamese syllable or a Roman numeral (`CỘNG`,
/// `HÒA`, `KINH`, `XII`): a heading or a table running into the text, not an acronym.
fn is_heading_in_capitals(word: &str) -> bool {
    if word.chars().count() < 2 || !word.chars().all(|c| c.is_alphabetic() && c.is_uppercase()) {
        return false;
    }
    let latin = to_latin_str(word);
    is_syllable(&latin) || latin.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issuers() {
        let cases = [
            (
                " của Thủ tướng Chính phủ về Chương trình",
                Some("Thủ tướng Chính phủ"),
            ),
            (
                " của Bộ\nLao động - Thương binh và Xã hội hướng dẫn triển khai",
                Some("Bộ Lao động - Thương binh và Xã hội"),
            ),
            (" của Chính phủ quy định xử", Some("Chính phủ")),
            (" của Bộ Tài chính *(được sửa đổi", Some("Bộ Tài chính")),
            (" của Chính phủ.", Some("Chính phủ")),
            (" của UBND tỉnh về việc", Some("UBND tỉnh")),
            (" của Chính phủ sửa đổi, bổ sung", Some("Chính phủ")),
            (
                " của Thủ tướng Chính phủ thành lập Ban",
                Some("Thủ tướng Chính phủ"),
            ),
            (
                " của Ủy ban quốc gia Vì sự tiến bộ của phụ nữ Việt Nam về việc",
                Some("Ủy ban quốc gia Vì sự tiến bộ của phụ nữ Việt Nam"),
            ),
            (
                " của Viện kiểm sát nhân dân tối cao.",
                Some("Viện kiểm sát nhân dân tối cao"),
            ),
            (
                " của Ủy ban nhân dân thành phố Hà Nội hướng dẫn",
                Some("Ủy ban nhân dân thành phố Hà Nội"),
            ),
            (
                " của Bộ trưởng Bộ Tài chính CỘNG HÒA XÃ",
                Some("Bộ trưởng Bộ Tài chính"),
            ),
            (
                " của Bộ trưởng Bộ LĐTBXH Ngày nhận báo cáo",
                Some("Bộ trưởng Bộ LĐTBXH"),
            ),
            (" của Bộ trưởng Bộ LĐTBXH KINH DOANH", Some("Bộ trưởng Bộ LĐTBXH")),
            (" của Chính phủ XII", Some("Chính phủ")),
            (" của UBND Thành phố về", Some("UBND Thành phố")),
            (" của Bộ LĐTBXH XÃ/PHƯỜNG", Some("Bộ LĐTBXH")),
            (" của Chính phủ và Quyết định số", Some("Chính phủ")),
            (
                " của Chủ tịch UBND tỉnh Lạng Sơn hết hiệu lực",
                Some("Chủ tịch UBND tỉnh Lạng Sơn"),
            ),
            (
                " của UBND tỉnh Quảng Trị\nQuy định chi tiết",
                Some("UBND tỉnh Quảng Trị"),
            ),
            (" của Bộ Kế hoạch và Đầu tư về", Some("Bộ Kế hoạch và Đầu tư")),
            (
                " của Ban Bí thư Trung ương Đảng về",
                Some("Ban Bí thư Trung ương Đảng"),
            ),
            (" của Thanh tra Chính phủ[3]", Some("Thanh tra Chính phủ")),
            (
                " của Công ty TNHH KGL Việt Nam.",
                Some("Công ty TNHH KGL Việt Nam"),
            ),
            (" của các cơ quan", None),
            (" về việc", None),
        ];
        for (after, expected) in cases {
            assert_eq!(issuer_after(after, 0).as_deref(), expected, "after {after:?}");
        }
    }
}

//! The shapes of a plan's layout that tell where citations stand: an outline heading
//! opens the body (`I. MỤC ĐÍCH`, `Điều 1.`), a basis opener starts a preamble sentence
//! (`Căn cứ …`, `Thực hiện …`), and a list joint (`, số …`, `và`) carries one type word
//! over several numbers. `find.rs` reads them; each regex runs on a short window only.

use std::sync::LazyLock;

use regex::Regex;

use super::window::Cleaned;

/// Words that open a preamble sentence naming the plan's basis:
/// `Căn cứ Luật …`, `Thực hiện Kế hoạch số …`, `Triển khai …`, `Theo đề nghị …`.
pub(crate) const BASIS_OPENERS: &[&str] = &["căn cứ", "thực hiện", "triển khai", "theo"];

/// A list joint between two numbers of the same type:
/// `Quyết định số 290/2005/QĐ-TTg, số 142/2008/QĐ-TTg và số 57/2013/QĐ-TTg`.
static LIST_JOINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^ ?(?:,|;|và|hoặc)(?: ?(?:,|và))? ?(?:các )?(?:[Ss]ố ?:? ?)?$")
        .expect("LIST_JOINT is a valid regex")
});

/// An outline heading that starts the body of a plan: `I. MỤC ĐÍCH`, `II- NỘI DUNG`,
/// `1. Mục đích`, `A. MỤC TIÊU`, `Điều 1. Phạm vi`, `Chương I`, `PHẦN I`.
static OUTLINE_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[IVX]{1,5} ?[.)]|[IVX]{1,5} [-–] |\d{1,2}\. ?\p{Lu}|[A-Z]\. \p{Lu}|Điều 1[.:]|(?:Chương|CHƯƠNG|Phần|PHẦN) (?:[IVX]+|1|THỨ|thứ)\b)",
    )
    .expect("OUTLINE_HEADING is a valid regex")
});

/// Whether a line (its first few dozen bytes, markup stripped) is an outline heading.
pub(crate) fn is_outline_heading(line_start: &str) -> bool {
    OUTLINE_HEADING.is_match(line_start)
}

/// Whether the gap between two numbers is a list joint (see [`LIST_JOINT`]).
pub(crate) fn is_list_joint(text: &str, from: usize, to: usize) -> bool {
    if to < from || to - from > 24 {
        return false;
    }
    let gap = Cleaned::new(text, from..to);
    LIST_JOINT.is_match(&gap.text)
}

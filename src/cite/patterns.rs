//! What a citation looks like in Vietnamese administrative text: the tables of type
//! words, symbol parts and law names, the few regular expressions, and the hand-written
//! scanners that turn one spot of raw text into a token (number and symbol, type word,
//! date, issuer phrase, law name). Every pattern carries an example of what it matches.
//!
//! A token says *what matched and where*; it does not say what the match means. Turning
//! tokens into [`Citation`](crate::model::Citation)s (which document type, which
//! relation, which key) is the job of `find.rs` and `key.rs`. Nothing here allocates a
//! regex per call (they are compiled once), and nothing here panics on any input: every
//! slice is taken on a char boundary.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

// ---------------------------------------------------------------------------------
// Tokens: what matched
// ---------------------------------------------------------------------------------

/// The three shapes a document number takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumberShape {
    /// `125/2021/NĐ-CP`: number, year, symbol.
    WithYear,
    /// `131/KH-UBND`: number and symbol, no year (administrative documents).
    NoYear,
    /// `11-NQ/TW`: Party documents, number-type/organ.
    Party,
}

/// A document number and symbol as found in the text, before canonicalisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NumberToken {
    /// Byte offset of the first digit.
    pub start: usize,
    /// Byte offset just past the last symbol part.
    pub end: usize,
    pub shape: NumberShape,
    /// Digits (and dots, `66.16`) as written.
    pub number: String,
    /// Four-digit year for [`NumberShape::WithYear`].
    pub year: Option<String>,
    /// The type code of a Party number (`NQ` in `11-NQ/TW`), as written.
    pub party_type: Option<String>,
    /// Symbol parts as written, `%C4%90` already decoded: `["NĐ", "CP"]`.
    pub parts: Vec<String>,
}

/// A type word in front of a number: `Nghị định số`, `Kế hoạch`, `công văn số`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TypeWordToken {
    /// Where the type word starts (or the number, when the word is not right before it).
    pub start: usize,
    /// Canonical document type, `None` for the generic `văn bản`.
    pub doc_type: Option<&'static str>,
}

/// A date right after a number or law name: `ngày 28/12/2021`, `ngày 18 tháng 6 năm 2022`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DateToken {
    /// `YYYY-MM-DD`.
    pub iso: String,
    /// Byte offset just past the date.
    pub end: usize,
}

/// A named law without a number: `Luật Bình đẳng giới`, `Bộ luật Lao động năm 2019`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LawToken {
    /// Offset of `Luật` or of `Bộ` in `Bộ luật`.
    pub start: usize,
    /// Just past the name, or past `năm 2019` when the year is written.
    pub end: usize,
    /// `Bộ luật` (a code) rather than `Luật`.
    pub code: bool,
    /// The name as written, spaces normalised (`Bình đẳng giới`), or its spelling in
    /// [`KNOWN_LAWS`] when it is a known law.
    pub name: String,
    /// `2019` from `năm 2019` written right after the name.
    pub year: Option<String>,
}

// ---------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------

/// Type words, lower case, with the document type they name and whether they count
/// only when written with a capital (`Quy định` yes, `quy định` is a verb). A word comes
/// before any shorter word it ends with (`bộ luật` before `luật`), since the first that
/// fits wins. Example: `Nghị định số 125/2021/NĐ-CP` → `Nghị định`.
pub(crate) const TYPE_WORDS: &[(&str, Option<&str>, bool)] = &[
    ("nghị quyết liên tịch", Some("Nghị quyết liên tịch"), false),
    ("thông tư liên tịch", Some("Thông tư liên tịch"), false),
    ("văn bản hợp nhất", Some("Văn bản hợp nhất"), false),
    ("chương trình", Some("Chương trình"), false),
    ("nghị quyết", Some("Nghị quyết"), false),
    ("quyết định", Some("Quyết định"), false),
    ("hướng dẫn", Some("Hướng dẫn"), true),
    ("thông báo", Some("Thông báo"), true),
    ("pháp lệnh", Some("Pháp lệnh"), true),
    ("nghị định", Some("Nghị định"), false),
    ("thông tri", Some("Thông tri"), false),
    ("công điện", Some("Công điện"), false),
    ("kế hoạch", Some("Kế hoạch"), false),
    ("công văn", Some("Công văn"), false),
    ("thông tư", Some("Thông tư"), false),
    ("kết luận", Some("Kết luận"), true),
    ("quy định", Some("Quy định"), true),
    ("tờ trình", Some("Tờ trình"), true),
    ("báo cáo", Some("Báo cáo"), true),
    ("bộ luật", Some("Bộ luật"), false),
    ("quy chế", Some("Quy chế"), true),
    ("chỉ thị", Some("Chỉ thị"), false),
    ("văn bản", None, false),
    ("đề án", Some("Đề án"), true),
    ("luật", Some("Luật"), true),
    ("lệnh", Some("Lệnh"), true),
];

/// The type code in a state symbol and the type it stands for: `125/2021/NĐ-CP` →
/// `Nghị định`, `131/KH-UBND` → `Kế hoạch`. Codes are in canonical spelling.
pub(crate) const SYMBOL_TYPE_CODES: &[(&str, &str)] = &[
    ("NĐ", "Nghị định"),
    ("QĐ", "Quyết định"),
    ("NQ", "Nghị quyết"),
    ("NQLT", "Nghị quyết liên tịch"),
    ("TT", "Thông tư"),
    ("TTLT", "Thông tư liên tịch"),
    ("CT", "Chỉ thị"),
    ("KH", "Kế hoạch"),
    ("CTr", "Chương trình"),
    ("HD", "Hướng dẫn"),
    ("TB", "Thông báo"),
    ("BC", "Báo cáo"),
    ("TTr", "Tờ trình"),
    ("CĐ", "Công điện"),
    ("VBHN", "Văn bản hợp nhất"),
    ("KL", "Kết luận"),
    ("PL", "Pháp lệnh"),
    ("L", "Lệnh"),
];

/// The type code of a Party number: `11-NQ/TW` → `Nghị quyết`, `04-TT/TU` → `Thông tri`
/// (in Party numbering `TT` is a *thông tri*, not a *thông tư*).
pub(crate) const PARTY_TYPE_CODES: &[(&str, &str)] = &[
    ("NQ", "Nghị quyết"),
    ("CT", "Chỉ thị"),
    ("TT", "Thông tri"),
    ("KL", "Kết luận"),
    ("QĐ", "Quyết định"),
    ("QĐi", "Quy định"),
    ("HD", "Hướng dẫn"),
    ("TB", "Thông báo"),
    ("BC", "Báo cáo"),
    ("CTr", "Chương trình"),
    ("KH", "Kế hoạch"),
    ("QC", "Quy chế"),
    ("TTr", "Tờ trình"),
    ("CV", "Công văn"),
    ("ĐA", "Đề án"),
];

/// Laws by their official names (without the word `Luật`). A name found in the text is
/// compared with these without case or diacritics, longest first, so `Luật bình đẳng
/// giới` and `luat binh dang gioi` both come out as `Bình đẳng giới`.
pub(crate) const KNOWN_LAWS: &[&str] = &[
    "An ninh dữ liệu",
    "An ninh mạng",
    "An ninh quốc gia",
    "An toàn thông tin mạng",
    "An toàn thực phẩm",
    "An toàn, vệ sinh lao động",
    "Ban hành văn bản quy phạm pháp luật",
    "Báo chí",
    "Bảo hiểm tiền gửi",
    "Bảo hiểm xã hội",
    "Bảo hiểm y tế",
    "Bảo vệ bí mật nhà nước",
    "Bảo vệ dữ liệu cá nhân",
    "Bảo vệ môi trường",
    "Bảo vệ quyền lợi người tiêu dùng",
    "Bảo vệ và kiểm dịch thực vật",
    "Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân",
    "Biên giới quốc gia",
    "Biển Việt Nam",
    "Bình đẳng giới",
    "Bưu chính",
    "Cán bộ, công chức",
    "Cạnh tranh",
    "Căn cước",
    "Căn cước công dân",
    "Chăn nuôi",
    "Chất lượng sản phẩm, hàng hóa",
    "Chứng khoán",
    "Chuyển đổi số",
    "Chuyển giao công nghệ",
    "Các tổ chức tín dụng",
    "Công an nhân dân",
    "Công chứng",
    "Công đoàn",
    "Công nghệ cao",
    "Công nghệ thông tin",
    "Công nghiệp công nghệ số",
    "Cư trú",
    "Dầu khí",
    "Dân quân tự vệ",
    "Dân số",
    "Di sản văn hóa",
    "Du lịch",
    "Dữ liệu",
    "Dự trữ quốc gia",
    "Dược",
    "Đa dạng sinh học",
    "Đất đai",
    "Đấu giá tài sản",
    "Đấu thầu",
    "Đầu tư",
    "Đầu tư công",
    "Đầu tư theo phương thức đối tác công tư",
    "Đê điều",
    "Điện ảnh",
    "Điện lực",
    "Đo lường",
    "Địa chất và khoáng sản",
    "Điều ước quốc tế",
    "Đường bộ",
    "Đường sắt",
    "Giá",
    "Giám định tư pháp",
    "Giao dịch điện tử",
    "Giao thông đường bộ",
    "Giao thông đường thủy nội địa",
    "Giáo dục",
    "Giáo dục đại học",
    "Giáo dục nghề nghiệp",
    "Hải quan",
    "Hàng không dân dụng Việt Nam",
    "Hóa chất",
    "Hòa giải ở cơ sở",
    "Hoạt động giám sát của Quốc hội và Hội đồng nhân dân",
    "Hôn nhân và gia đình",
    "Hộ tịch",
    "Hợp tác xã",
    "Hỗ trợ doanh nghiệp nhỏ và vừa",
    "Khám bệnh, chữa bệnh",
    "Khí tượng thủy văn",
    "Khiếu nại",
    "Khoa học và công nghệ",
    "Khoa học, công nghệ và đổi mới sáng tạo",
    "Khoáng sản",
    "Kiểm toán độc lập",
    "Kiểm toán nhà nước",
    "Kinh doanh bảo hiểm",
    "Kinh doanh bất động sản",
    "Kế toán",
    "Kiến trúc",
    "Lâm nghiệp",
    "Luật sư",
    "Lưu trữ",
    "Lý lịch tư pháp",
    "Mặt trận Tổ quốc Việt Nam",
    "Năng lượng nguyên tử",
    "Ngân hàng Nhà nước Việt Nam",
    "Ngân sách nhà nước",
    "Nghĩa vụ quân sự",
    "Người cao tuổi",
    "Người khuyết tật",
    "Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng",
    "Nhà ở",
    "Nuôi con nuôi",
    "Phá sản",
    "Phí và lệ phí",
    "Phòng thủ dân sự",
    "Phòng cháy và chữa cháy",
    "Phòng cháy, chữa cháy và cứu nạn, cứu hộ",
    "Phòng, chống bạo lực gia đình",
    "Phòng, chống bệnh truyền nhiễm",
    "Phòng, chống ma túy",
    "Phòng, chống rửa tiền",
    "Phòng, chống mua bán người",
    "Phòng, chống tác hại của rượu, bia",
    "Phòng, chống tác hại của thuốc lá",
    "Phòng, chống tham nhũng",
    "Phòng, chống thiên tai",
    "Phổ biến, giáo dục pháp luật",
    "Quảng cáo",
    "Quản lý ngoại thương",
    "Quản lý nợ công",
    "Quản lý thuế",
    "Quản lý, sử dụng tài sản công",
    "Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ",
    "Quốc phòng",
    "Quốc tịch Việt Nam",
    "Quy hoạch",
    "Quy hoạch đô thị",
    "Quy hoạch đô thị và nông thôn",
    "Sở hữu trí tuệ",
    "Sử dụng năng lượng tiết kiệm và hiệu quả",
    "Tài nguyên nước",
    "Tài nguyên, môi trường biển và hải đảo",
    "Tần số vô tuyến điện",
    "Thanh niên",
    "Thanh tra",
    "Thể dục, thể thao",
    "Thi đua, khen thưởng",
    "Thi hành án dân sự",
    "Thi hành án hình sự",
    "Thống kê",
    "Thú y",
    "Thủ đô",
    "Thủy lợi",
    "Thủy sản",
    "Thuế bảo vệ môi trường",
    "Thuế giá trị gia tăng",
    "Thuế thu nhập cá nhân",
    "Thuế thu nhập doanh nghiệp",
    "Thuế tiêu thụ đặc biệt",
    "Thuế xuất khẩu, thuế nhập khẩu",
    "Thư viện",
    "Thương mại",
    "Tiếp cận thông tin",
    "Tiếp công dân",
    "Tiêu chuẩn và quy chuẩn kỹ thuật",
    "Tín ngưỡng, tôn giáo",
    "Tố cáo",
    "Tố tụng hành chính",
    "Tổ chức Chính phủ",
    "Tổ chức chính quyền địa phương",
    "Tổ chức cơ quan điều tra hình sự",
    "Tổ chức Quốc hội",
    "Tổ chức Tòa án nhân dân",
    "Tổ chức Viện kiểm sát nhân dân",
    "Trách nhiệm bồi thường của Nhà nước",
    "Trật tự, an toàn giao thông đường bộ",
    "Trẻ em",
    "Trí tuệ nhân tạo",
    "Trồng trọt",
    "Trợ giúp pháp lý",
    "Viên chức",
    "Viễn thông",
    "Việc làm",
    "Xây dựng",
    "Xuất bản",
    "Xuất cảnh, nhập cảnh của công dân Việt Nam",
    "Xử lý vi phạm hành chính",
];

/// Codes (`Bộ luật …`) by their official names.
pub(crate) const KNOWN_CODES: &[&str] = &[
    "Dân sự",
    "Hàng hải Việt Nam",
    "Hình sự",
    "Lao động",
    "Tố tụng dân sự",
    "Tố tụng hình sự",
];

/// Words that end a law name not in [`KNOWN_LAWS`] (`Luật Viễn thông về …` → `Viễn
/// thông`). Matched only in lower case: a capitalised word belongs to the name.
const LAW_NAME_STOP_WORDS: &[&str] = &[
    "bị", "các", "cho", "có", "của", "cũng", "do", "đã", "đang", "để", "đến", "đối", "được", "gồm", "hành",
    "hiện", "hoặc", "hướng", "khi", "không", "là", "lần", "mà", "này", "năm", "ngày", "nhằm", "những", "như",
    "phải", "qua", "quy", "sau", "số", "sẽ", "tại", "theo", "thì", "thuộc", "trên", "trong", "từ", "và",
    "vào", "về", "với",
];

/// Capitalised words that may stand inside a law name not in [`KNOWN_LAWS`] (proper
/// nouns: `Nhà nước`, `Việt Nam`, `Quốc hội`); any other capital starts a new sentence
/// (`Luật Dầu khí \nKhoản 2` → `Dầu khí`).
const LAW_NAME_CAPITALS: &[&str] = &[
    "Chính", "Cơ", "Cộng", "Đảng", "Đô", "Hội", "Mặt", "Nam", "Nhà", "Quốc", "Thủ", "Tòa", "Toà", "Tổ",
    "Việt", "Viện",
];

/// First words after `Luật` that do not start a law name (`Luật sửa đổi, bổ sung …`,
/// `Luật này`), compared without diacritics.
const NOT_A_LAW_NAME: &[&str] = &["sua", "nay"];

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

/// One Vietnamese syllable, folded (`cộng` → `cong`): an upper-case word that reads as
/// one (`CỘNG`, `HÒA`, `KINH`, `BAN`) is a heading, not an acronym (`UBND`, `LĐTBXH`).
static SYLLABLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?$|^[ivxlc]+$")
        .expect("SYLLABLE is a valid regex")
});

/// Words that open a preamble sentence naming the plan's basis:
/// `Căn cứ Luật …`, `Thực hiện Kế hoạch số …`, `Triển khai …`, `Theo đề nghị …`.
pub(crate) const BASIS_OPENERS: &[&str] = &["căn cứ", "thực hiện", "triển khai", "theo"];

// ---------------------------------------------------------------------------------
// Regular expressions (run on a short [`Cleaned`] window, never on the whole text)
// ---------------------------------------------------------------------------------

/// A date right after a citation: `ngày 28/12/2021`, `, ngày 01-10-1997`,
/// `ngày 18 tháng 6 năm 2022`, `ngày 20/ 11 /2025`.
static DATE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^ ?,? ?(?:[Nn]gày|NGÀY) ?(?:(\d{1,2}) ?[/.\-–] ?(\d{1,2}) ?[/.\-–] ?(\d{4})|(\d{1,2}) (?:tháng|THÁNG) (\d{1,2}) (?:năm|NĂM) (\d{4}))",
    )
    .expect("DATE_AFTER is a valid regex")
});

/// The start of an issuer phrase: `của Thủ tướng Chính phủ`, `, của Bộ Tài chính`.
static ISSUER_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ ?,? ?của ").expect("ISSUER_START is a valid regex"));

/// A year written right after a law name: `Bộ luật Lao động năm 2019`.
static LAW_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ (?:năm|NĂM) ((?:19|20)\d\d)\b").expect("LAW_YEAR is a valid regex"));

/// A number following a law name: `Luật Doanh nghiệp số 59/2020/QH14`, which is cited
/// by its number instead.
static LAW_NUMBER_FOLLOWS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^ ?(?:\(|,)? ?(?:[Ss]ố:? ?)?\d+ ?[/-]").expect("LAW_NUMBER_FOLLOWS is valid")
});

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

// ---------------------------------------------------------------------------------
// Cleaned windows
// ---------------------------------------------------------------------------------

/// A short window of the raw text with every run of whitespace and Markdown emphasis
/// (`*`) collapsed to one space, so that `ngày** 19 **tháng` reads `ngày 19 tháng`.
/// Each byte keeps the offset of the raw character it came from.
pub(crate) struct Cleaned {
    pub text: String,
    origin: Vec<usize>,
}

impl Cleaned {
    /// Cleans `text[range]`; the range is first moved onto char boundaries.
    pub(crate) fn new(text: &str, range: Range<usize>) -> Cleaned {
        let start = floor_boundary(text, range.start);
        let end = floor_boundary(text, range.end.max(start));
        let mut cleaned = Cleaned {
            text: String::with_capacity(end - start),
            origin: Vec::with_capacity(end - start + 1),
        };
        let mut last_was_space = false;
        for (i, c) in text[start..end].char_indices() {
            if is_space_like(c) || c == '*' {
                if !last_was_space {
                    cleaned.text.push(' ');
                    cleaned.origin.push(start + i);
                    last_was_space = true;
                }
            } else {
                cleaned.text.push(c);
                cleaned
                    .origin
                    .extend(std::iter::repeat_n(start + i, c.len_utf8()));
                last_was_space = false;
            }
        }
        cleaned.origin.push(end);
        cleaned
    }

    /// The raw offset of cleaned byte `i` (the end of the window for `i == len`).
    pub(crate) fn origin(&self, i: usize) -> usize {
        self.origin.get(i).or(self.origin.last()).copied().unwrap_or(0)
    }
}

// ---------------------------------------------------------------------------------
// Character helpers
// ---------------------------------------------------------------------------------

/// The largest char boundary at or before `i` (clamped to the text).
pub(crate) fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary at or after `i` (clamped to the text).
pub(crate) fn ceil_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

fn char_before(text: &str, pos: usize) -> Option<(usize, char)> {
    text.get(..pos)?.char_indices().next_back()
}

fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

/// Whitespace, and the invisible characters that pass for it (BOM, zero-width space).
pub(crate) fn is_space_like(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

/// Space inside a line, and Markdown emphasis: what may stand between `3565 /QĐ -UBND`.
fn is_inline_gap(c: char) -> bool {
    c == ' ' || c == '\t' || c == '*' || c == '\u{a0}'
}

/// Any space, line breaks included: what may follow `/` or `-` (`45/2023/NĐ-\nCP`).
fn is_any_gap(c: char) -> bool {
    is_space_like(c) || c == '*'
}

/// A hyphen or any dash typed in its place (`318/SLĐTBXH – BTXH`).
pub(crate) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '−')
}

/// Moves forward over chars matching `keep`, at most `max_bytes`.
fn skip_forward(text: &str, pos: usize, keep: fn(char) -> bool, max_bytes: usize) -> usize {
    let mut i = pos;
    while let Some(c) = char_at(text, i) {
        if !keep(c) || i + c.len_utf8() > pos + max_bytes {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// Moves backward over chars matching `keep`, at most `max_bytes`.
fn skip_backward(text: &str, pos: usize, keep: fn(char) -> bool, max_bytes: usize) -> usize {
    let mut i = pos;
    while let Some((j, c)) = char_before(text, i) {
        if !keep(c) || pos - j > max_bytes {
            break;
        }
        i = j;
    }
    i
}

/// Maps letters that look like Latin ones (Cyrillic `С Р Т`, Greek, `Ð` U+00D0) to the
/// letter they imitate: `NĐ-СР` → `NĐ-CP`, `BТС` → `BTC`.
pub(crate) fn fold_lookalike(c: char) -> char {
    match c {
        'Ð' | 'Ɖ' => 'Đ',
        'ð' | 'ɖ' => 'đ',
        'А' | 'Α' => 'A',
        'В' | 'Β' => 'B',
        'С' | 'Ϲ' => 'C',
        'Е' | 'Ε' => 'E',
        'Н' | 'Η' => 'H',
        'І' | 'Ι' => 'I',
        'Ј' => 'J',
        'К' | 'Κ' => 'K',
        'М' | 'Μ' => 'M',
        'Ν' => 'N',
        'О' | 'Ο' => 'O',
        'Р' | 'Ρ' => 'P',
        'Ѕ' => 'S',
        'Т' | 'Τ' => 'T',
        'Х' | 'Χ' => 'X',
        'У' | 'Υ' => 'Y',
        'Ζ' => 'Z',
        'а' => 'a',
        'с' => 'c',
        'е' => 'e',
        'і' => 'i',
        'ј' => 'j',
        'о' => 'o',
        'р' => 'p',
        'ѕ' => 's',
        'х' => 'x',
        'у' => 'y',
        other => other,
    }
}

/// Lower case without diacritics, `đ` as `d`: `Bình đẳng` → `binh dang`. Used to compare
/// law names however they were typed.
pub(crate) fn fold_diacritics(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let c = fold_lookalike(c);
    let base = std::iter::once(c).nfd().next().unwrap_or(c);
    match base {
        'Đ' | 'đ' => 'd',
        other => other.to_lowercase().next().unwrap_or(other),
    }
}

/// Lower-cases one char (Vietnamese letters lower-case to one char).
fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Whether `s` ends with the words `pattern` (lower case, single spaces), compared without
/// case, on a word boundary. Returns where the match starts in `s`.
fn ends_with_words(s: &str, pattern: &str) -> Option<usize> {
    let mut chars = s.char_indices().rev();
    let mut start = s.len();
    for p in pattern.chars().rev() {
        let (i, c) = chars.next()?;
        if lower(c) != p {
            return None;
        }
        start = i;
    }
    match chars.next() {
        Some((_, c)) if c.is_alphanumeric() => None,
        _ => Some(start),
    }
}

// ---------------------------------------------------------------------------------
// Number and symbol
// ---------------------------------------------------------------------------------

/// Reads the number whose `/` is at byte `slash`: `Nghị định số 125/2021/NĐ-CP` at the
/// first `/` gives `125`, `2021`, `["NĐ", "CP"]`. Also `3565 /QĐ -UBND`, `**48** /KH-UBND`,
/// `45/2023/NĐ-\nCP`, `318/SLĐTBXH – BTXH`, `66.16/2026/NQ-CP` and, at the `/` of a
/// Party number, `11-NQ/TW`. Dates (`28/12/2021`), ratios (`113 nam/100 nữ`,
/// `55/100.000`) and words (`đồng/tháng`) give `None`.
pub(crate) fn number_at_slash(text: &str, slash: usize) -> Option<NumberToken> {
    if text.as_bytes().get(slash) != Some(&b'/') {
        return None;
    }
    // A number may end a line and its `/` open the next (`125\n/2021/NĐ-CP`).
    let digits_end = skip_backward(text, slash, is_any_gap, 8);
    let code_end = skip_backward(text, slash, is_inline_gap, 8);
    match char_before(text, digits_end) {
        Some((_, c)) if c.is_ascii_digit() => state_number(text, slash, digits_end),
        _ => match char_before(text, code_end) {
            Some((_, c)) if c.is_alphabetic() => party_number(text, slash, code_end),
            _ => None,
        },
    }
}

/// `125/2021/NĐ-CP` or `131/KH-UBND`; `digits_end` is just past the number's last digit.
fn state_number(text: &str, slash: usize, digits_end: usize) -> Option<NumberToken> {
    let start = number_start(text, digits_end)?;
    if !number_boundary_ok(text, start) {
        return None;
    }
    let after_slash = skip_forward(text, slash + 1, is_any_gap, 12);
    let (year, symbol_start) = match char_at(text, after_slash) {
        Some(c) if c.is_ascii_digit() => {
            let year_end = skip_forward(text, after_slash, |c| c.is_ascii_digit(), 8);
            let year = &text[after_slash..year_end];
            if year.len() != 4 || !(year.starts_with("19") || year.starts_with("20")) {
                return None;
            }
            let second_slash = skip_forward(text, year_end, is_any_gap, 8);
            if char_at(text, second_slash) != Some('/') {
                return None;
            }
            let after = skip_forward(text, second_slash + 1, is_any_gap, 12);
            (Some(year.to_string()), skip_page_header(text, after))
        }
        _ => (None, after_slash),
    };
    let (parts, end) = symbol_at(text, symbol_start)?;
    Some(NumberToken {
        start,
        end,
        shape: if year.is_some() {
            NumberShape::WithYear
        } else {
            NumberShape::NoYear
        },
        number: text[start..digits_end].to_string(),
        year,
        party_type: None,
        parts,
    })
}

/// `11-NQ/TW`, `04-TT/Tu`; `code_end` is just past the type code, before the `/`.
fn party_number(text: &str, slash: usize, code_end: usize) -> Option<NumberToken> {
    let code_start = skip_backward(text, code_end, char::is_alphabetic, 12);
    let code = &text[code_start..code_end];
    if !is_party_type_code(code) {
        return None;
    }
    let dash_end = skip_backward(text, code_start, is_inline_gap, 4);
    let (dash, c) = char_before(text, dash_end)?;
    if !is_dash(c) {
        return None;
    }
    let digits_end = skip_backward(text, dash, is_inline_gap, 4);
    let start = number_start(text, digits_end)?;
    if text[start..digits_end].contains('.') || !number_boundary_ok(text, start) {
        return None;
    }
    let symbol_start = skip_forward(text, slash + 1, is_any_gap, 8);
    let (parts, end) = symbol_at(text, symbol_start)?;
    Some(NumberToken {
        start,
        end,
        shape: NumberShape::Party,
        number: text[start..digits_end].to_string(),
        year: None,
        party_type: Some(code.to_string()),
        parts,
    })
}

fn is_party_type_code(code: &str) -> bool {
    let Some(first) = code.chars().next() else {
        return false;
    };
    if !fold_lookalike(first).is_uppercase() {
        return false;
    }
    let canonical = crate::cite::key::canonical_part(code);
    PARTY_TYPE_CODES.iter().any(|(c, _)| *c == canonical)
}

/// Start of the digits (and inner dots, `66.16`) that end at `end`; at most 8 digits.
fn number_start(text: &str, end: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = end;
    let mut digits = 0;
    while i > 0 {
        let b = bytes[i - 1];
        if b.is_ascii_digit() {
            digits += 1;
            i -= 1;
        } else if b == b'.' && i >= 2 && i < end && bytes[i - 2].is_ascii_digit() && bytes[i].is_ascii_digit()
        {
            i -= 1;
        } else {
            break;
        }
    }
    (1..=8).contains(&digits).then_some(i)
}

/// A number must stand on its own: not glued to a word (`ABC12/…`; but `số12/…` is
/// fine), a path (`x/12/…`), a URL escape (`%2046/…`) or a range (`501-502/…`).
fn number_boundary_ok(text: &str, start: usize) -> bool {
    let p = skip_backward(text, start, |c| c == '*', 4);
    let Some((_, c)) = char_before(text, p) else {
        return true;
    };
    if c.is_alphanumeric() {
        let word_start = skip_backward(text, p, char::is_alphanumeric, 12);
        let word = &text[word_start..p];
        return word.chars().map(lower).eq("số".chars());
    }
    if matches!(c, '/' | '%' | '_' | '=' | '&' | '\\' | '+' | '#' | '@') {
        return false;
    }
    // `501-502/PCTNXH` (a range), `QCVN 06:2012/BLĐTBXH` and `QCVN 01 - 2008/BLĐTBXH`
    // (technical standards).
    let joint = skip_backward(text, p, is_inline_gap, 3);
    match char_before(text, joint) {
        Some((j, c)) if is_dash(c) || (c == ':' && joint == p) => {
            let digits_end = skip_backward(text, j, is_inline_gap, 3);
            !matches!(char_before(text, digits_end), Some((_, d)) if d.is_ascii_digit())
        }
        _ => true,
    }
}

/// Reads `NĐ-CP`, `SLĐTBXH – BTXH`, `TTLT-VKSNDTC-\nTANDTC-BCA`: parts joined by dashes,
/// spaces allowed around a dash and a line break after it. Returns the parts as written
/// and the offset just past the last one.
fn symbol_at(text: &str, start: usize) -> Option<(Vec<String>, usize)> {
    let (first, mut end) = part_at(text, start)?;
    if !is_symbol_part(&first, true) {
        return None;
    }
    let mut parts = vec![first];
    while parts.len() < 10 {
        let dash_at = skip_forward(text, end, is_inline_gap, 6);
        let Some(c) = char_at(text, dash_at).filter(|c| is_dash(*c)) else {
            break;
        };
        let next_at = skip_page_header(text, skip_forward(text, dash_at + c.len_utf8(), is_any_gap, 8));
        match part_at(text, next_at) {
            Some((part, part_end)) if is_symbol_part(&part, false) => {
                parts.push(part);
                end = part_end;
            }
            _ => break,
        }
    }
    // A symbol glued to `%`, `_`, `=` or `.html` is part of a URL or a file name.
    match char_at(text, end) {
        Some('%' | '_' | '=' | '&' | '@') => return None,
        Some('.') if char_at(text, end + 1).is_some_and(|c| c.is_ascii_lowercase()) => {
            return None;
        }
        _ => {}
    }
    Some((parts, end))
}

/// Skips a Gazette page break that splits a symbol (`TT-\n\nCÔNG BÁO/Số 298/Ngày
/// 01-06-2026 \n31\n \nBNNMT`): header lines and page numbers at `pos`, if `pos` opens a
/// line. Returns `pos` unchanged otherwise.
fn skip_page_header(text: &str, pos: usize) -> usize {
    if !matches!(char_before(text, pos), Some((_, '\n'))) {
        return pos;
    }
    let mut at = pos;
    for _ in 0..6 {
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let line = text[at..line_end].trim();
        let header = line.starts_with("CÔNG BÁO") || line.chars().all(|c| c.is_ascii_digit());
        if !header || line_end >= text.len() {
            break;
        }
        at = line_end + 1;
    }
    if at == pos {
        pos
    } else {
        skip_forward(text, at, is_any_gap, 16)
    }
}

/// One run of letters and digits; `%C4%90` (a URL-escaped `Đ`) reads as `Đ`, an `&`
/// between capitals is skipped (`BVHTT&DL` → `BVHTTDL`), and a
/// `ngày` glued on by OCR (`NĐ-Cpngày`) is left out.
fn part_at(text: &str, start: usize) -> Option<(String, usize)> {
    let mut part = String::new();
    let mut i = start;
    while let Some(rest) = text.get(i..) {
        let escaped_d = rest.as_bytes().get(..6);
        if escaped_d.is_some_and(|b| b.eq_ignore_ascii_case(b"%C4%90")) {
            part.push('Đ');
            i += 6;
            continue;
        }
        let mut chars = rest.chars();
        match chars.next() {
            Some(c) if c.is_alphanumeric() && part.len() < 64 => {
                part.push(c);
                i += c.len_utf8();
            }
            // `BVHTT&DL`: an ampersand between capitals joins, and is left out.
            Some('&')
                if part.chars().last().is_some_and(char::is_uppercase)
                    && chars.next().is_some_and(char::is_uppercase) =>
            {
                i += 1;
            }
            _ => break,
        }
    }
    if part.is_empty() {
        return None;
    }
    const GLUED: &str = "ngày";
    if part.len() > GLUED.len()
        && part.is_char_boundary(part.len() - GLUED.len())
        && part[part.len() - GLUED.len()..]
            .chars()
            .map(lower)
            .eq(GLUED.chars())
    {
        part.truncate(part.len() - GLUED.len());
        i -= GLUED.len();
    }
    Some((part, i))
}

/// Whether a run of letters can be a symbol part: all capitals (`UBND`, `QH14`), mixed
/// case with two capitals (`TTg`, `CTr`, `KTr2`) or a known part typed oddly (`Tu`, `Cp`).
/// `Ngày`, `Sở`, `Trading` are words, not parts. Digits alone may follow a dash only.
fn is_symbol_part(part: &str, first: bool) -> bool {
    let mut chars = part.chars().map(fold_lookalike);
    let Some(lead) = chars.next() else {
        return false;
    };
    let (mut length, mut letters, mut capitals) = (0, 0, 0);
    for c in std::iter::once(lead).chain(chars) {
        length += 1;
        letters += usize::from(c.is_alphabetic());
        capitals += usize::from(c.is_uppercase());
    }
    if length > 16 {
        return false;
    }
    if letters == 0 {
        return !first;
    }
    if (lead.is_alphabetic() && !lead.is_uppercase()) || (first && !lead.is_alphabetic()) {
        return false;
    }
    capitals == letters
        || capitals >= 2
        || crate::cite::key::is_known_part(&crate::cite::key::canonical_part(part))
}

// ---------------------------------------------------------------------------------
// Context before a number
// ---------------------------------------------------------------------------------

/// The type word in front of the number starting at `number_start`:
/// `Nghị định số 125/…`, `Kế\n\nhoạch 10/…`, `Các Quyết định: số 290/…`,
/// `công văn số 324/…`, `văn bản số 16495/…`. For `Luật Doanh nghiệp số 59/2020/QH14`
/// the type is `Luật` but the token starts at the number (the name is not part of it).
pub(crate) fn type_word_before(text: &str, number_start: usize) -> Option<TypeWordToken> {
    let window = Cleaned::new(text, number_start.saturating_sub(96)..number_start);
    let mut s = window.text.trim_end();
    s = s.strip_suffix(':').unwrap_or(s).trim_end();
    let mut had_so = false;
    if let Some(at) = ends_with_words(s, "số") {
        s = s[..at].trim_end();
        s = s.strip_suffix(':').unwrap_or(s).trim_end();
        had_so = true;
    }
    for (words, doc_type, needs_capital) in TYPE_WORDS {
        if let Some(at) = ends_with_words(s, words) {
            let capital = s[at..].chars().next().is_some_and(char::is_uppercase);
            if *needs_capital && !capital {
                continue;
            }
            return Some(TypeWordToken {
                start: window.origin(at),
                doc_type: *doc_type,
            });
        }
    }
    if had_so {
        // `Luật Quản lý thuế số 38/2019/QH14`: the law's name stands between.
        let clause_start = s.rfind([';', '.', ':', '(', ')']).map_or(0, |i| i + 1);
        let clause = &s[clause_start..];
        let from_law = clause.rfind("Luật ").or_else(|| clause.rfind("luật "));
        if let Some(at) = from_law {
            let is_code = ends_with_words(&clause[..at + 1], "bộ l").is_some();
            let capital_l = clause[at..].starts_with('L');
            if capital_l || is_code {
                return Some(TypeWordToken {
                    start: number_start,
                    doc_type: Some(if is_code { "Bộ luật" } else { "Luật" }),
                });
            }
        }
    }
    None
}

/// Whether the number at `number_start` is the document's own number in its header:
/// `Số: 70/KH-UBND`, `Số:1016/CTr-BCĐ`, `Số: **48** /KH-UBND`, the tvpl table
/// `**Số hiệu:**\n|\n34/2025/NQ-HĐND`. `Số` must open a line or a table cell.
pub(crate) fn is_own_number(text: &str, number_start: usize) -> bool {
    let p = skip_backward(text, number_start, |c| is_any_gap(c) || c == '|', 24);
    let Some((colon, ':')) = char_before(text, p) else {
        return false;
    };
    let q = skip_backward(text, colon, is_inline_gap, 6);
    let window = &text[floor_boundary(text, q.saturating_sub(16))..q];
    let label_len = ["Số hiệu", "SỐ HIỆU", "Số", "SỐ"]
        .iter()
        .find(|label| window.ends_with(*label))
        .map(|label| label.len());
    let Some(label_len) = label_len else {
        return false;
    };
    let label_start = q - label_len;
    let r = skip_backward(text, label_start, is_inline_gap, 64);
    match char_before(text, r) {
        None | Some((_, '\n' | '\r' | '|')) => true,
        // Header laid out on one line: `UBND TỈNH X        Số: 12/KH-UBND`.
        Some(_) => text[r..label_start].starts_with("  "),
    }
}

/// Whether the number is a form code rather than a document: `Mẫu số 01/TK-SDDPNN`,
/// `Biểu số 201/GDDN`, or in a table of forms `406/BTXH -Sở` (a dash and a word after
/// the symbol: the form's name).
pub(crate) fn is_form_code(text: &str, number_start: usize, number_end: usize) -> bool {
    let dash_at = skip_forward(text, number_end, is_inline_gap, 4);
    if let Some(c) = char_at(text, dash_at).filter(|c| is_dash(*c)) {
        let word_at = skip_forward(text, dash_at + c.len_utf8(), is_inline_gap, 4);
        let mut word = text[word_at..].chars();
        let named =
            word.next().is_some_and(char::is_uppercase) && word.next().is_some_and(char::is_lowercase);
        if named {
            return true;
        }
    }
    let window = Cleaned::new(text, number_start.saturating_sub(24)..number_start);
    let mut s = window.text.trim_end();
    if let Some(at) = ends_with_words(s, "số") {
        s = s[..at].trim_end();
    }
    ends_with_words(s, "mẫu").is_some() || ends_with_words(s, "biểu").is_some()
}

// ---------------------------------------------------------------------------------
// Context after a number
// ---------------------------------------------------------------------------------

/// Whether one of `words` follows `pos` after spaces, `*` and a comma: a cheap test
/// before a window is cleaned and a regex run.
fn word_follows(text: &str, pos: usize, words: &[&str]) -> bool {
    let at = skip_forward(text, pos, |c| is_any_gap(c) || c == ',', 16);
    text.get(at..)
        .is_some_and(|rest| words.iter().any(|w| rest.starts_with(w)))
}

/// The date right after `pos`: `ngày 28/12/2021` → `2021-12-28`,
/// `ngày 18 tháng 6 năm 2022` → `2022-06-18`. Impossible dates give `None`.
pub(crate) fn date_after(text: &str, pos: usize) -> Option<DateToken> {
    if !word_follows(text, pos, &["ngày", "Ngày", "NGÀY"]) {
        return None;
    }
    let window = Cleaned::new(text, pos..ceil_boundary(text, pos + 72));
    let caps = DATE_AFTER.captures(&window.text)?;
    let group = |a: usize, b: usize| caps.get(a).or_else(|| caps.get(b));
    let day: u32 = group(1, 4)?.as_str().parse().ok()?;
    let month: u32 = group(2, 5)?.as_str().parse().ok()?;
    let year: u32 = group(3, 6)?.as_str().parse().ok()?;
    if !(1..=31).contains(&day) || !(1..=12).contains(&month) || !(1900..=2100).contains(&year) {
        return None;
    }
    let end = window.origin(caps.get(0)?.end());
    Some(DateToken {
        iso: format!("{year:04}-{month:02}-{day:02}"),
        end,
    })
}

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
    let folded: String = word.chars().map(fold_diacritics).collect();
    SYLLABLE.is_match(&folded)
}

// ---------------------------------------------------------------------------------
// Named laws
// ---------------------------------------------------------------------------------

/// Known names folded for comparison, longest first: (folded chars, official spelling).
type FoldedNames = Vec<(Vec<char>, &'static str)>;

fn folded_names(names: &[&'static str]) -> FoldedNames {
    let mut folded: FoldedNames = names
        .iter()
        .map(|name| (name.chars().map(fold_diacritics).collect(), *name))
        .collect();
    folded.sort_by_key(|(chars, _)| std::cmp::Reverse(chars.len()));
    folded
}

static FOLDED_LAWS: LazyLock<FoldedNames> = LazyLock::new(|| folded_names(KNOWN_LAWS));
static FOLDED_CODES: LazyLock<FoldedNames> = LazyLock::new(|| folded_names(KNOWN_CODES));

/// The official spelling of a known law or code whose folded name `folded` starts with,
/// on a word boundary, and how many chars of `folded` it covers.
pub(crate) fn known_name_prefix(folded: &[char], code: bool) -> Option<(&'static str, usize)> {
    let table = if code { &*FOLDED_CODES } else { &*FOLDED_LAWS };
    table.iter().find_map(|(name, spelling)| {
        let fits = folded.starts_with(name) && folded.get(name.len()).is_none_or(|c| !c.is_alphanumeric());
        fits.then_some((*spelling, name.len()))
    })
}

/// Reads the named law whose `Luật`/`luật` starts at byte `at`:
/// `Luật Bình đẳng giới theo …` → `Bình đẳng giới`; `Bộ Luật Lao động năm 2019` →
/// code, `Lao động`, `2019`; `Luật Viễn thông về …` → `Viễn thông` (not a known law:
/// the name runs to the first lower-case stop word or punctuation). `pháp luật`,
/// `Luật sư` (the profession), `Luật này`, `Luật sửa đổi …` and a law followed by its
/// number (`Luật Doanh nghiệp số 59/2020/QH14`, cited by number) give `None`.
pub(crate) fn law_at(text: &str, at: usize) -> Option<LawToken> {
    let word = text.get(at..)?;
    let lower_l = word.starts_with("luật");
    if !(word.starts_with("Luật") || lower_l) {
        return None;
    }
    let after = at + "Luật".len();
    if !char_at(text, after).is_some_and(is_any_gap) {
        return None;
    }
    // `Bộ luật` / `Bộ Luật`: a code. A lower-case `luật` counts only there.
    let before_gap = skip_backward(text, at, is_any_gap, 8);
    let code_start = (before_gap < at && text[..before_gap].ends_with("Bộ"))
        .then(|| before_gap - "Bộ".len())
        .filter(|&s| !char_before(text, s).is_some_and(|(_, c)| c.is_alphanumeric()));
    if lower_l && code_start.is_none() {
        return None;
    }
    if code_start.is_none() && char_before(text, at).is_some_and(|(_, c)| c.is_alphanumeric()) {
        return None;
    }
    let code = code_start.is_some();
    let start = code_start.unwrap_or(at);

    if !may_start_law_name(text, after) {
        return None;
    }
    let window = Cleaned::new(text, after..ceil_boundary(text, after + 160));
    let body = window.text.strip_prefix(' ')?;
    let body_offset = window.text.len() - body.len();
    // The longest known name is under 96 chars.
    let folded: Vec<char> = body.chars().take(96).map(fold_diacritics).collect();

    let (name, name_len_bytes) = match known_name_prefix(&folded, code) {
        Some((spelling, chars)) => {
            let bytes: usize = body.chars().take(chars).map(char::len_utf8).sum();
            (spelling.to_string(), bytes)
        }
        None => generic_law_name(body)?,
    };
    let name_end = body_offset + name_len_bytes;
    let rest = &window.text[name_end..];
    if LAW_NUMBER_FOLLOWS.is_match(rest) {
        return None;
    }
    let (year, end) = match LAW_YEAR.captures(rest) {
        Some(caps) => {
            let whole = caps.get(0)?;
            (
                caps.get(1).map(|y| y.as_str().to_string()),
                window.origin(name_end + whole.end()),
            )
        }
        None => (None, window.origin(name_end)),
    };
    Some(LawToken {
        start,
        end,
        code,
        name,
        year,
    })
}

/// Folded first words of the known laws and codes (`binh`, `lao` …).
static KNOWN_FIRST_WORDS: LazyLock<std::collections::HashSet<String>> = LazyLock::new(|| {
    KNOWN_LAWS
        .iter()
        .chain(KNOWN_CODES)
        .filter_map(|name| name.split([' ', ',']).next())
        .map(|word| word.chars().map(fold_diacritics).collect())
        .collect()
});

/// A cheap test before a law name is read: the word after `Luật` is capitalised or
/// begins a known law (`Luật bình đẳng giới`); `Luật này`, `Luật sửa đổi` are not names.
fn may_start_law_name(text: &str, after: usize) -> bool {
    let start = skip_forward(text, after, is_any_gap, 16);
    let end = skip_forward(text, start, char::is_alphabetic, 32);
    let word = &text[start..end];
    match word.chars().next() {
        Some(first) if first.is_uppercase() => true,
        Some(_) => {
            let folded: String = word.chars().map(fold_diacritics).collect();
            KNOWN_FIRST_WORDS.contains(&folded)
        }
        None => false,
    }
}

/// A law name not in the table: capitalised first word, then words up to a lower-case
/// stop word, punctuation or a digit, at most 8 words. Returns the name as written and
/// its length in bytes of `body`.
fn generic_law_name(body: &str) -> Option<(String, usize)> {
    let mut len = 0;
    let mut words = 0;
    for word in body.split(' ') {
        let letters_end = word
            .char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(word.len(), |(i, _)| i);
        let letters = &word[..letters_end];
        if letters.is_empty() || words >= 8 {
            break;
        }
        if words == 0 {
            let folded: String = letters.chars().map(fold_diacritics).collect();
            let capital = letters.chars().next().is_some_and(char::is_uppercase);
            if !capital || NOT_A_LAW_NAME.contains(&folded.as_str()) {
                return None;
            }
        } else if LAW_NAME_STOP_WORDS.contains(&letters)
            || (letters.starts_with(char::is_uppercase) && !LAW_NAME_CAPITALS.contains(&letters))
        {
            break;
        }
        let separator = usize::from(words > 0);
        len += separator + letters_end;
        words += 1;
        if letters_end < word.len() {
            break;
        }
    }
    (words > 0).then(|| (body[..len].to_string(), len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(text: &str) -> Option<NumberToken> {
        let slash = text.find('/')?;
        number_at_slash(text, slash)
    }

    #[test]
    fn numbers_and_symbols() {
        /// (input, expected (number, year, parts)).
        type Row<'a> = (&'a str, Option<(&'a str, Option<&'a str>, &'a [&'a str])>);
        let cases: &[Row] = &[
            ("125/2021/NĐ-CP", Some(("125", Some("2021"), &["NĐ", "CP"]))),
            ("3565 /QĐ -UBND", Some(("3565", None, &["QĐ", "UBND"]))),
            ("45/2023/NĐ-\nCP", Some(("45", Some("2023"), &["NĐ", "CP"]))),
            ("318/SLĐTBXH – BTXH", Some(("318", None, &["SLĐTBXH", "BTXH"]))),
            ("**48** /KH-UBND", Some(("48", None, &["KH", "UBND"]))),
            ("66.16/2026/NQ-CP", Some(("66.16", Some("2026"), &["NQ", "CP"]))),
            (
                "02/2025/ \nTT- BLĐTBXH",
                Some(("02", Some("2025"), &["TT", "BLĐTBXH"])),
            ),
            ("23/2024/NĐ-Cpngày 1", Some(("23", Some("2024"), &["NĐ", "Cp"]))),
            ("403/BTXH - Sở", Some(("403", None, &["BTXH"]))),
            ("số12/KH-UBND", Some(("12", None, &["KH", "UBND"]))),
            ("67/1998/Q%C4%90-TTg", Some(("67", Some("1998"), &["QĐ", "TTg"]))),
            ("4347/QĐ-BVHTT&DL ngày", Some(("4347", None, &["QĐ", "BVHTTDL"]))),
            (
                "01/2026/TT-\n\nCÔNG BÁO/Số 298/Ngày 01-06-2026 \n31\n \nBNNMT ngày",
                Some(("01", Some("2026"), &["TT", "BNNMT"])),
            ),
            ("12/QĐ-UBND&id=3", None),
            ("28/12/2021", None),
            ("113 nam/100 nữ", None),
            ("55/100.000", None),
            ("15 đồng/tháng", None),
            ("199 + 200/Ngày 02", None),
            ("1/ Họ và tên", None),
            ("%2046/2015/QĐ-TTg", None),
            ("501-502/PCTNXH", None),
            ("QCVN 06:2012/BLĐTBXH", None),
            ("125\n/2021/NĐ-CP", Some(("125", Some("2021"), &["NĐ", "CP"]))),
            ("QCVN 01 - 2008/BLĐTBXH", None),
            ("12/QĐ-UBND.html", None),
            ("Số:    /QĐ-UBND", None),
        ];
        for (input, expected) in cases {
            let got = token(input).map(|t| (t.number, t.year, t.parts));
            let want = expected.map(|(n, y, p)| {
                (
                    n.to_string(),
                    y.map(str::to_string),
                    p.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                )
            });
            assert_eq!(got, want, "input {input:?}");
        }
    }

    #[test]
    fn party_numbers() {
        let t = token("Nghị quyết 11-NQ/TW ngày").expect("party number");
        assert_eq!(t.shape, NumberShape::Party);
        assert_eq!((t.number.as_str(), t.party_type.as_deref()), ("11", Some("NQ")));
        assert_eq!(t.parts, ["TW"]);
        let t = token("Thông tri số 04-TT/Tu ngày").expect("party number");
        assert_eq!(t.parts, ["Tu"]);
        assert!(token("COVID-19/2020").is_none());
        assert!(token("V/v hướng dẫn").is_none());
    }

    #[test]
    fn type_words() {
        let cases: &[(&str, Option<Option<&str>>)] = &[
            ("Nghị định số ", Some(Some("Nghị định"))),
            ("Kế\n\nhoạch ", Some(Some("Kế hoạch"))),
            ("- Các Quyết định: số ", Some(Some("Quyết định"))),
            ("nhận được công văn số ", Some(Some("Công văn"))),
            ("tại văn bản số ", Some(None)),
            ("Căn cứ Luật Quản lý thuế số\n", Some(Some("Luật"))),
            ("theo quy định ", None),
            ("thành phố: số ", None),
        ];
        for (before, expected) in cases {
            let text = format!("{before}12/KH-UBND");
            let got = type_word_before(&text, before.len()).map(|t| t.doc_type);
            assert_eq!(got, *expected, "before {before:?}");
        }
    }

    #[test]
    fn dates() {
        let cases = [
            (" ngày 28/12/2021 của", Some("2021-12-28")),
            (", ngày 25/9/2017 về", Some("2017-09-25")),
            (" ngày 18 tháng 6 năm 2022", Some("2022-06-18")),
            (" ngày** 19 **tháng** 11** năm 2025", Some("2025-11-19")),
            (" ngày 01-10-1997", Some("1997-10-01")),
            (" ngày 20/ 11 /2025", Some("2025-11-20")),
            (" ngày 32/13/2021", None),
            (" của Chính phủ", None),
        ];
        for (after, expected) in cases {
            let got = date_after(after, 0).map(|d| d.iso);
            assert_eq!(got.as_deref(), expected, "after {after:?}");
        }
    }

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

    #[test]
    fn own_numbers_and_forms() {
        let own = [
            "Số: 70/KH-UBND",
            "|\nSố:1016/CTr-BCĐ",
            "Số: **48** /KH-UBND",
            "**Số hiệu:**\n|\n34/2025/NQ-HĐND",
            "UBND TỈNH    Số: 12/KH-UBND",
        ];
        for text in own {
            let start = text.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
            assert!(is_own_number(text, start), "{text:?}");
        }
        let cited = "Công văn số: 12/UBND-VX";
        assert!(!is_own_number(cited, cited.find('1').unwrap_or(0)));
        // (text, number, symbol end)
        let forms = [
            ("theo Mẫu số 01/TK-SDDPNN", "01/", "TK-SDDPNN"),
            ("32\n406/BTXH -Sở Lao động", "406/", "BTXH"),
        ];
        for (form, number, symbol) in forms {
            let start = form.find(number).unwrap_or(0);
            let end = form.find(symbol).map_or(0, |i| i + symbol.len());
            assert!(is_form_code(form, start, end), "{form:?}");
        }
        let cited = "Công văn số 12/UBND-VX - ";
        let start = cited.find("12").unwrap_or(0);
        let end = cited.find(" - ").unwrap_or(0);
        assert!(!is_form_code(cited, start, end));
    }

    #[test]
    fn law_names() {
        /// (text, expected (name, code, year)).
        type Row<'a> = (&'a str, Option<(&'a str, bool, Option<&'a str>)>);
        let cases: &[Row] = &[
            (
                "Luật Bình đẳng giới theo hướng dẫn",
                Some(("Bình đẳng giới", false, None)),
            ),
            ("Luật bình đẳng giới**", Some(("Bình đẳng giới", false, None))),
            (
                "Bộ Luật Lao động năm 2019.",
                Some(("Lao động", true, Some("2019"))),
            ),
            (
                "Bộ luật Lao động ngày 20 tháng 11",
                Some(("Lao động", true, None)),
            ),
            ("Luật Viễn thông về quản lý", Some(("Viễn thông", false, None))),
            ("Luật Hàng hải mới \nKhoản 2", Some(("Hàng hải mới", false, None))),
            (
                "Luật Nhà giáo Việt Nam;",
                Some(("Nhà giáo Việt Nam", false, None)),
            ),
            (
                "Luật Phòng, chống bạo lực gia đình;",
                Some(("Phòng, chống bạo lực gia đình", false, None)),
            ),
            ("Luật Doanh nghiệp số 59/2020/QH14", None),
            ("Luật số 52/2019/QH14", None),
            ("Luật sửa đổi, bổ sung", None),
            ("Luật này quy định", None),
            ("Luật sư số 3", None),
            ("pháp luật về", None),
        ];
        for (text, expected) in cases {
            let at = text.find("uật").map_or(0, |u| u - 1);
            let got = law_at(text, at).map(|t| (t.name, t.code, t.year));
            let want = expected.map(|(n, c, y)| (n.to_string(), c, y.map(str::to_string)));
            assert_eq!(got, want, "text {text:?}");
        }
    }

    #[test]
    fn type_words_come_before_their_endings() {
        for (i, (word, _, _)) in TYPE_WORDS.iter().enumerate() {
            for (later, _, _) in &TYPE_WORDS[i + 1..] {
                assert!(!later.ends_with(word), "`{later}` must come before `{word}`");
            }
        }
    }

    #[test]
    fn known_names_fit_the_folded_window() {
        // `law_at` folds only the first 96 chars after `Luật`.
        for name in KNOWN_LAWS.iter().chain(KNOWN_CODES) {
            assert!(name.chars().count() < 96, "{name}");
        }
    }

    #[test]
    fn cleaned_windows_keep_offsets() {
        let text = "ngày** 19 **tháng";
        let cleaned = Cleaned::new(text, 0..text.len());
        assert_eq!(cleaned.text, "ngày 19 tháng");
        let t = cleaned.text.find("tháng").unwrap_or(0);
        assert_eq!(&text[cleaned.origin(t)..], "tháng");
    }
}

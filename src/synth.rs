//! A synthetic archive of plans for benchmarks and scale tests, deterministic from a seed.
//!
//! Each plan has what real plans have: an issuer and national motto header, a number
//! and symbol, a place and date line, a type and title, a `Thực hiện …` preamble citing
//! central documents and earlier plans of the same province, an outline of sections
//! (`I.`, `1.`, `a)`, `-`) filled with sentences drawn from the bundled plans, and a
//! signature block. The same seed always writes the same bytes.
//!
//! ```
//! let plan = plancite::synth::Generator::new(7).plan(42);
//! assert!(plan.text.contains("Số: "));
//! assert_eq!(plan.text, plancite::synth::Generator::new(7).plan(42).text);
//! ```

use std::io::Write;
use std::path::Path;
use std::sync::LazyLock;

use crate::vocab::places::{self, Place};

mod templated;
pub use templated::Templates;

/// Central documents plans cite, as written in real plans (with the messy spellings):
/// type word, number, and what follows it, one a line, separated by ` | `.
const CENTRAL_TABLE: &str = "\
Nghị định | 125/2021/NĐ-CP | ngày 28/12/2021 của Chính phủ
Quyết định | 2282/QĐ-TTg | ngày 31/12/2020 của Thủ tướng Chính phủ
Nghị quyết | 11-NQ/TW | ngày 27/4/2007 của Bộ Chính trị
Chỉ thị | 21-CT/TW | ngày 20/01/2018 của Ban Bí thư
Nghị quyết | 28/NQ-CP | ngày 03/3/2021 của Chính phủ
Quyết định | 1790/QĐ-TTg | ngày 23/10/2021 của Thủ tướng Chính phủ
Quyết định | 2232/QĐ-TTg | ngày 28/12/2020 của Thủ tướng Chính phủ
Quyết định | 939/QĐ-TTg | ngày 30/6/2021 của Thủ tướng Chính phủ
Nghị định | 48/2009/NĐ-CP | ngày 19/5/2009 của Chính phủ
Nghị định | 70/2008/NĐ-CP | ngày 04/6/2008 của Chính phủ
Thông tư | 07/2022/TT-BLĐTBXH | ngày 25/4/2022 của Bộ Lao động - Thương binh và Xã hội
Quyết định | 178/QĐ-TTg | ngày 16/02/2016 của Thủ tướng Chính phủ
Nghị quyết | 57/NQ-CP | ngày 01/12/2009 của Chính phủ
Luật | 73/2006/QH11 | ngày 29/11/2006 của Quốc hội";

/// [`CENTRAL_TABLE`] as (type word, number, what follows), in its order.
static CENTRAL: LazyLock<Vec<(&str, &str, &str)>> = LazyLock::new(|| {
    CENTRAL_TABLE
        .lines()
        .filter_map(|line| {
            let mut cols = line.split(" | ");
            Some((cols.next()?, cols.next()?, cols.next()?))
        })
        .collect()
});

/// Provinces and centrally-run cities (place as written in the date line): the 63 of
/// `resources/provinces.tsv` as they stood before 2025, as the plans are dated 2017–2023.
pub(crate) static PLACES: LazyLock<Vec<&'static Place>> = LazyLock::new(|| places::before_2025().collect());

const SIGNERS: &[&str] = &[
    "Lê Khắc Nam",
    "Nguyễn Văn Hùng",
    "Trần Thị Mai",
    "Phạm Tiến Hưng",
    "Hoàng Minh Đức",
    "Vũ Thị Lan",
    "Đặng Quốc Khánh",
    "Bùi Thanh Sơn",
    "Đỗ Thị Hằng",
    "Ngô Văn Toàn",
];

const TOPICS: &[&str] = &[
    "thực hiện công tác bình đẳng giới",
    "hoạt động vì sự tiến bộ của phụ nữ",
    "phòng ngừa và ứng phó với bạo lực trên cơ sở giới",
    "tổ chức Tháng hành động vì bình đẳng giới và phòng, chống bạo lực trên cơ sở giới",
    "truyền thông về bình đẳng giới",
    "thực hiện Chiến lược quốc gia về bình đẳng giới",
];

const HEADINGS: &[&str] = &[
    "MỤC ĐÍCH, YÊU CẦU",
    "NHIỆM VỤ VÀ GIẢI PHÁP",
    "NỘI DUNG THỰC HIỆN",
    "KINH PHÍ THỰC HIỆN",
    "TỔ CHỨC THỰC HIỆN",
];

/// A small, fast, deterministic random number generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// One generated plan.
#[derive(Debug, Clone)]
pub struct SyntheticPlan {
    pub file_name: String,
    pub text: String,
    pub number: String,
    pub year: i32,
    pub place: &'static str,
    /// Keys of the central documents it cites.
    pub cites: Vec<&'static str>,
}

/// Generates plans from a seed and the sentences of the bundled plans.
pub struct Generator {
    seed: u64,
    sentences: Vec<String>,
    /// Real documents to vary instead of composing plans (see [`Templates`]).
    templates: Option<Templates>,
}

/// The bundled plans, compiled in so the generator needs no files.
const SOURCE_TEXTS: &[&str] = &[
    include_str!("../corpus/2017-hai-phong-1016-CTr-BCD.txt"),
    include_str!("../corpus/2020-thanh-hoa-397-SLDTBXH-TEBDG.txt"),
    include_str!("../corpus/2022-buon-ma-thuot-48-KH-UBND.txt"),
    include_str!("../corpus/2022-hai-phong-70-KH-UBND.txt"),
    include_str!("../corpus/2023-lai-chau-01-BVSTBPN-VP.txt"),
];

impl Generator {
    pub fn new(seed: u64) -> Generator {
        let mut sentences = Vec::new();
        for text in SOURCE_TEXTS {
            let body = crate::ingest::clean::body(text);
            for sentence in body.split(['.', ';', '\n']) {
                let sentence = sentence.trim();
                // Keep prose: long enough, and no document numbers (citations are added on purpose).
                let prose =
                    sentence.chars().count() > 60 && !sentence.contains('/') && !sentence.contains("Số");
                if prose {
                    sentences.push(sentence.to_string());
                }
            }
        }
        Generator {
            seed,
            sentences,
            templates: None,
        }
    }

    /// A generator whose archive is made of variants of real documents.
    pub fn with_templates(seed: u64, templates: Templates) -> Generator {
        Generator {
            templates: Some(templates),
            ..Generator::new(seed)
        }
    }

    /// Document `n` of the archive: a composed plan, or a variant of a template.
    pub fn document(&self, n: u64) -> SyntheticPlan {
        match &self.templates {
            Some(templates) => templates.document(self.seed, n),
            None => self.plan(n),
        }
    }

    /// The plan numbered `n` (0-based) of the archive.
    pub fn plan(&self, n: u64) -> SyntheticPlan {
        let mut rng = Rng::new(self.seed ^ n.wrapping_mul(0x2545_F491_4F6C_DD1D));
        let place = *rng.pick(&PLACES);
        let central_city = place.central_city();
        let place = place.name;
        let year = 2017 + rng.below(7) as i32;
        let (month, day) = (1 + rng.below(12), 1 + rng.below(28));
        let number = format!("{}/KH-UBND", 10 + n % 9000);
        let topic = *rng.pick(TOPICS);
        let mut text = String::with_capacity(16 * 1024);
        let level = if central_city { "THÀNH PHỐ" } else { "TỈNH" };
        text.push_str(&format!(
            "ỦY BAN NHÂN DÂN\n{level} {}\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n\nSố: {number}\n\n{place}, ngày {day} tháng {month} năm {year}\n\nKẾ HOẠCH\n{} năm {year}\n\n",
            place.to_uppercase(),
            capitalize(topic)
        ));
        // Preamble: 1-3 central documents and sometimes an earlier plan of the same province.
        let mut cites = Vec::new();
        let mut preamble = Vec::new();
        for _ in 0..1 + rng.below(3) {
            let (kind, key, tail) = *rng.pick(&CENTRAL);
            if !cites.contains(&key) {
                cites.push(key);
                preamble.push(format!("{kind} số {} {tail}", messy(key, &mut rng)));
            }
        }
        if n > 0 && rng.below(2) == 0 {
            let earlier = rng.below(n.min(9000) as usize) + 10;
            preamble.push(format!(
                "Kế hoạch số {earlier}/KH-UBND ngày {}/{}/{} của Ủy ban nhân dân",
                1 + rng.below(28),
                1 + rng.below(12),
                year - 1
            ));
        }
        text.push_str(&format!(
            "Thực hiện {}, Ủy ban nhân dân {} xây dựng Kế hoạch {topic} năm {year} như sau:\n\n",
            preamble.join("; "),
            place
        ));
        // Outline: 5 Roman sections, each with numbered tasks, letters and bullets.
        let target_len = 12 * 1024 + rng.below(6 * 1024);
        let mut roman = 0;
        while text.len() < target_len && roman < HEADINGS.len() {
            roman += 1;
            text.push_str(&format!("{}. {}\n\n", to_roman(roman), HEADINGS[roman - 1]));
            for task in 1..=2 + rng.below(3) {
                text.push_str(&format!("{task}. {}\n\n", self.sentence(&mut rng)));
                for letter in ["a", "b", "c"].iter().take(1 + rng.below(3)) {
                    text.push_str(&format!(
                        "{letter}) {}. {}.\n",
                        self.sentence(&mut rng),
                        self.sentence(&mut rng)
                    ));
                    for _ in 0..rng.below(3) {
                        text.push_str(&format!("- {}.\n", self.sentence(&mut rng)));
                    }
                }
                text.push('\n');
            }
        }
        // A mention in the body, as plans do when they list what to publicise.
        let (kind, key, tail) = *rng.pick(&CENTRAL);
        if !cites.contains(&key) {
            cites.push(key);
        }
        text.push_str(&format!("Tăng cường tuyên truyền {kind} số {key} {tail}.\n\n"));
        text.push_str(&format!(
            "Nơi nhận:\n- Bộ LĐTBXH;\n- TT HĐND tỉnh;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n{}\n",
            rng.pick(SIGNERS)
        ));
        SyntheticPlan {
            file_name: format!(
                "{year}/{:06}-{}.txt",
                n,
                crate::index::build::slug(place).to_lowercase()
            ),
            text,
            number,
            year,
            place,
            cites,
        }
    }

    fn sentence(&self, rng: &mut Rng) -> &str {
        rng.pick(&self.sentences).as_str()
    }

    /// Writes documents `0..count` under `dir` (plans in folders by year, template
    /// variants in their template's folder); returns bytes written.
    pub fn write_archive(&self, dir: &Path, count: u64) -> std::io::Result<u64> {
        let mut bytes = 0;
        for n in 0..count {
            let plan = self.document(n);
            let path = dir.join(&plan.file_name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            let mut file = std::io::BufWriter::new(std::fs::File::create(&path)?);
            file.write_all(plan.text.as_bytes())?;
            bytes += plan.text.len() as u64;
        }
        Ok(bytes)
    }
}

/// Writes a key the way real text sometimes does: without the Vietnamese letter
/// (`ND-CP`), broken after its hyphen, or with spaces around the slash. About one
/// citation in four is messy, so a literal `grep` for the key misses some.
fn messy(key: &str, rng: &mut Rng) -> String {
    match rng.below(12) {
        0 => key.replace('Đ', "D"),
        1 => key.replacen('-', "-\n", 1),
        2 => key.replacen('/', " /", 1),
        _ => key.to_string(),
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn to_roman(n: usize) -> &'static str {
    ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
        .get(n)
        .copied()
        .unwrap_or("X")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_read_whole() {
        assert_eq!(CENTRAL.len(), CENTRAL_TABLE.lines().count());
        assert_eq!(CENTRAL.len(), 14);
        for (_, number, tail) in CENTRAL.iter() {
            assert!(crate::cite::canonical_key(number).is_some(), "{number}");
            assert!(tail.starts_with("ngày "), "{tail}");
        }
        assert_eq!(PLACES.len(), 63);
    }
}

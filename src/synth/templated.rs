//! Variants of real documents, for benchmarks on archives as large as real ones.
//!
//! The generated plans of [`super::Generator`] are 17 KB of prose; real decrees average
//! 80 KB and reach 1.3 MB, with tables, page furniture and hundreds of citations. A
//! [`Templates`] set holds real documents (`.txt` files of a folder, e.g. the Gazette
//! archive) and writes document `n` as template `n mod count` with its own number, its
//! date and place line and about a third of its cited numbers replaced by generated ones,
//! deterministic from the seed. Everything else (length, layout, vocabulary) stays real.

use std::path::{Path, PathBuf};

use regex::Regex;

use super::{PLACES, Rng, SyntheticPlan};

/// Templates larger than this are skipped when loading (the Gazette's largest is 1.3 MB).
const MAX_TEMPLATE_BYTES: u64 = 8 << 20;

/// One real document used as a template.
struct Template {
    /// Folder of the template relative to the loaded directory (a topic), or empty.
    folder: String,
    stem: String,
    text: String,
}

/// Real documents to vary; see the module documentation.
pub struct Templates {
    templates: Vec<Template>,
    own_number: Regex,
    date_line: Regex,
    cited_number: Regex,
    gazette_issue: Regex,
}

impl Templates {
    /// Every `.txt` file under `dir` (sorted by path, so the order is the same on every
    /// machine). A file that cannot be read or is larger than 8 MB is reported on stderr
    /// and skipped; an error only if `dir` cannot be read or holds no usable file.
    pub fn load(dir: &Path) -> Result<Templates, String> {
        let mut paths = Vec::new();
        // An explicit stack: the depth of the folder tree is not ours to choose.
        let mut folders = vec![dir.to_path_buf()];
        while let Some(folder) = folders.pop() {
            let entries = std::fs::read_dir(&folder)
                .map_err(|e| format!("{}: cannot read folder: {e}", folder.display()))?;
            for entry in entries.flatten() {
                let path = entry.path();
                match entry.file_type() {
                    Ok(kind) if kind.is_dir() => folders.push(path),
                    Ok(kind) if kind.is_file() && path.extension().is_some_and(|e| e == "txt") => {
                        paths.push(path)
                    }
                    _ => {}
                }
            }
        }
        paths.sort();
        let mut texts = Vec::new();
        for path in paths {
            match read_template(&path) {
                Ok(text) => {
                    let relative = path.strip_prefix(dir).unwrap_or(&path);
                    let folder = relative
                        .parent()
                        .map(|p| p.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    let stem = path
                        .file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    texts.push((folder, stem, text));
                }
                Err(reason) => eprintln!("{}: skipped as a template: {reason}", path.display()),
            }
        }
        if texts.is_empty() {
            return Err(format!(
                "{}: no .txt document to use as a template",
                dir.display()
            ));
        }
        Ok(Templates::from_texts(texts))
    }

    /// Templates from `(folder, stem, text)` triples, in the order given.
    pub fn from_texts(texts: Vec<(String, String, String)>) -> Templates {
        Templates {
            templates: texts
                .into_iter()
                .map(|(folder, stem, text)| Template { folder, stem, text })
                .collect(),
            own_number: Regex::new(r"(?m)^[ \t]*(?:\p{L}+ ){0,3}?[Ss]ố:[ \t]*(\d{1,5})/").unwrap(),
            date_line: Regex::new(
                r"(?m)^[ \t]*([^\n,0-9]{2,40}), ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})",
            )
            .unwrap(),
            gazette_issue: Regex::new(r"CÔNG BÁO/Số (\d{1,5})(?: \+ (\d{1,5}))?/").unwrap(),
            cited_number: Regex::new(r"\b(\d{1,4})/(?:\d{4}/)?[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)+").unwrap(),
        }
    }

    pub fn len(&self) -> usize {
        self.templates.len()
    }

    pub fn is_empty(&self) -> bool {
        self.templates.is_empty()
    }

    /// Document `n` of the archive made with `seed`: template `n mod count`, varied.
    pub fn document(&self, seed: u64, n: u64) -> SyntheticPlan {
        let template = &self.templates[(n % self.templates.len() as u64) as usize];
        let mut rng = Rng::new(seed ^ n.wrapping_mul(0x9E6C_63D0_676A_9A99) ^ 0x7E3A);
        let text = &template.text;
        // Edits as (start, end, replacement), found in one pass each, applied in order.
        let mut edits: Vec<(usize, usize, String)> = Vec::new();
        let own = self.own_number.captures(text).map(|c| c.get(1).unwrap());
        let own_number = 1 + rng.below(2000);
        if let Some(m) = own {
            edits.push((m.start(), m.end(), own_number.to_string()));
        }
        let place = rng.pick(&PLACES).name;
        let mut year = 0;
        if let Some(c) = self.date_line.captures(text) {
            let (p, d, m) = (c.get(1).unwrap(), c.get(2).unwrap(), c.get(3).unwrap());
            year = c[4].parse().unwrap_or(0);
            edits.push((p.start(), p.end(), place.to_string()));
            edits.push((d.start(), d.end(), (1 + rng.below(28)).to_string()));
            edits.push((m.start(), m.end(), (1 + rng.below(12)).to_string()));
        }
        for c in self.cited_number.captures_iter(text) {
            let m = c.get(1).unwrap();
            if own.is_some_and(|o| o.start() == m.start()) {
                continue;
            }
            if rng.below(3) == 0 {
                edits.push((m.start(), m.end(), (1 + rng.below(500)).to_string()));
            }
        }
        // The Gazette issue in every page header, so that a template without a number,
        // a date line or citations still gives different documents.
        let issue = 1 + rng.below(1500);
        for c in self.gazette_issue.captures_iter(text) {
            let first = c.get(1).unwrap();
            edits.push((first.start(), first.end(), issue.to_string()));
            if let Some(second) = c.get(2) {
                edits.push((second.start(), second.end(), (issue + 1).to_string()));
            }
        }
        edits.sort_by_key(|e| e.0);
        let mut out = String::with_capacity(text.len() + 64);
        let mut at = 0;
        for (start, end, replacement) in edits {
            if start < at {
                continue; // overlapping match: the first edit wins
            }
            out.push_str(&text[at..start]);
            out.push_str(&replacement);
            at = end;
        }
        out.push_str(&text[at..]);
        let number = own
            .map(|m| {
                let rest = text[m.end()..].split_whitespace().next().unwrap_or("");
                format!("{own_number}{rest}")
            })
            .unwrap_or_default();
        let file_name = if template.folder.is_empty() {
            format!("{:06}-{}.txt", n, template.stem)
        } else {
            format!("{}/{:06}-{}.txt", template.folder, n, template.stem)
        };
        SyntheticPlan {
            file_name,
            text: out,
            number,
            year,
            place,
            cites: Vec::new(),
        }
    }
}

fn read_template(path: &PathBuf) -> Result<String, String> {
    let size = std::fs::metadata(path).map_err(|e| e.to_string())?.len();
    if size > MAX_TEMPLATE_BYTES {
        return Err(format!("{size} bytes, more than {MAX_TEMPLATE_BYTES}"));
    }
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const DECREE: &str = "CÔNG BÁO/Số 1085 + 1086/Ngày 01-11-2023\n\
        CHÍNH PHỦ\n\
        Số: 11/2023/NĐ-CP\n\
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
        \u{20}Hà Nội, ngày 17 tháng 10 năm 2023\n\
        NGHỊ ĐỊNH\n\
        Căn cứ Nghị định số 62/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ;\n\
        Căn cứ Nghị định số 106/2020/NĐ-CP; Quyết định 2282/QĐ-TTg; Luật số 45/2019/QH14;\n\
        Căn cứ Thông tư 07/2022/TT-BLĐTBXH và Nghị quyết 28/NQ-CP;\n\
        Điều 1. Phạm vi điều chỉnh, 3 khoản, năm 2023.\n";

    fn templates() -> Templates {
        Templates::from_texts(vec![
            ("hdld".into(), "nghi-dinh-11".into(), DECREE.into()),
            (String::new(), "other".into(), "Số: 5/KH-UBND\nNo date.\n".into()),
        ])
    }

    #[test]
    fn same_seed_same_bytes_other_seed_other_bytes() {
        let t = templates();
        assert_eq!(t.document(1, 0).text, t.document(1, 0).text);
        assert_ne!(t.document(1, 0).text, t.document(2, 0).text);
        assert_ne!(t.document(1, 0).text, t.document(1, 2).text);
    }

    #[test]
    fn number_date_and_place_vary_the_rest_stays() {
        let t = templates();
        let doc = t.document(7, 0);
        assert_eq!(doc.file_name, "hdld/000000-nghi-dinh-11.txt");
        assert!(doc.number.ends_with("/2023/NĐ-CP"), "{}", doc.number);
        assert!(
            doc.text.contains(&format!("Số: {}\n", doc.number)),
            "{}",
            doc.text
        );
        assert!(
            doc.text.contains(&format!(" {}, ngày ", doc.place)),
            "{}",
            doc.text
        );
        assert!(doc.text.contains(" năm 2023\nNGHỊ ĐỊNH"));
        assert_eq!(doc.year, 2023);
        // The Gazette's page header keeps its form with another issue; the article and
        // its figures are untouched.
        let header = doc.text.lines().next().unwrap();
        let issues: Vec<u64> = header
            .strip_prefix("CÔNG BÁO/Số ")
            .unwrap()
            .split(['+', '/'])
            .take(2)
            .map(|n| n.trim().parse().unwrap())
            .collect();
        assert_eq!(issues[1], issues[0] + 1, "{header}");
        assert!(header.ends_with("/Ngày 01-11-2023"), "{header}");
        assert!(
            doc.text
                .ends_with("Điều 1. Phạm vi điều chỉnh, 3 khoản, năm 2023.\n")
        );
        // Every citation is still a citation, with its symbol and year.
        for symbol in ["/2022/NĐ-CP", "/2020/NĐ-CP", "/QĐ-TTg", "/2019/QH14", "/NQ-CP"] {
            assert!(doc.text.contains(symbol), "{symbol} lost: {}", doc.text);
        }
    }

    #[test]
    fn some_cited_numbers_change_over_an_archive() {
        let t = templates();
        let changed = (0..40)
            .step_by(2)
            .filter(|&n| !t.document(3, n).text.contains("62/2022/NĐ-CP"))
            .count();
        assert!((1..20).contains(&changed), "{changed} of 20 changed");
    }

    #[test]
    fn the_own_number_line_is_found_in_its_forms() {
        for (line, symbol) in [
            ("Số: 11/2023/NĐ-CP", "/2023/NĐ-CP"),
            ("Luật số: 69/2020/QH14", "/2020/QH14"),
            ("Bộ luật số: 45/2019/QH14", "/2019/QH14"),
            ("Nghị quyết số: 17/2022/UBTVQH15", "/2022/UBTVQH15"),
        ] {
            let t = Templates::from_texts(vec![(String::new(), "x".into(), format!("{line}\n"))]);
            let doc = t.document(1, 0);
            assert!(doc.number.ends_with(symbol), "{line}: {}", doc.number);
            assert!(
                doc.text.ends_with(&format!("{}\n", doc.number)),
                "{line}: {}",
                doc.text
            );
        }
    }

    #[test]
    fn a_template_with_only_a_gazette_header_still_varies() {
        let text = "CÔNG BÁO/Số 639 + 640/Ngày 18-6-2021\n9\nCÔNG BÁO/Số 639 + 640/Ngày 18-6-2021\n";
        let t = Templates::from_texts(vec![(String::new(), "x".into(), text.into())]);
        let (a, b) = (t.document(1, 0).text, t.document(1, 1).text);
        assert_ne!(a, b);
        let headers: Vec<&str> = a.lines().filter(|l| l.starts_with("CÔNG BÁO")).collect();
        assert_eq!(headers.len(), 2);
        assert_eq!(headers[0], headers[1], "one issue per document");
    }

    #[test]
    fn a_template_without_date_line_keeps_its_text() {
        let doc = templates().document(1, 1);
        assert_eq!(doc.file_name, "000001-other.txt");
        assert!(doc.text.ends_with("/KH-UBND\nNo date.\n"));
        assert_eq!(doc.year, 0);
    }

    #[test]
    fn load_reads_txt_files_in_order_and_rejects_an_empty_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("b")).unwrap();
        std::fs::write(dir.path().join("b/x.txt"), DECREE).unwrap();
        std::fs::write(dir.path().join("a.txt"), "Số: 1/QĐ-UBND\n").unwrap();
        std::fs::write(dir.path().join("SOURCE.md"), "not a template").unwrap();
        let t = Templates::load(dir.path()).unwrap();
        assert_eq!(t.len(), 2);
        assert_eq!(t.document(1, 0).file_name, "000000-a.txt");
        assert_eq!(t.document(1, 1).file_name, "b/000001-x.txt");
        let empty = tempfile::tempdir().unwrap();
        let error = Templates::load(empty.path()).err().unwrap();
        assert!(error.contains("no .txt document"), "{error}");
    }
}

//! Real-world formats: the five bundled plans converted in code to `.docx` (Unicode and
//! legacy fonts), `.pdf`, `.html`, TCVN3, VNI and Windows-1258 text must give the same
//! number, date, place and numbered citations from `extract --json` as the originals;
//! broken files are skipped with a reason; a mixed folder indexes in one run.

mod common;
mod fixtures;

use std::fs;

use common::plancite;
use plancite::ingest::formats::{self, legacy};
use serde_json::Value;

/// What must survive any conversion: number, date, place and numbered citation keys.
fn essentials(plan: &Value) -> (Value, Value, Value, Vec<String>) {
    let keys = plan["citations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["key"].as_str().unwrap().to_string())
        .filter(|k| k.chars().any(|c| c.is_ascii_digit()))
        .collect();
    (
        plan["number"].clone(),
        plan["date"].clone(),
        plan["place"].clone(),
        keys,
    )
}

fn extract(paths: &[&std::path::Path]) -> (common::Run, Vec<Value>) {
    let index = tempfile::tempdir().unwrap();
    let mut args = vec!["extract", "--json"];
    args.extend(paths.iter().map(|p| p.to_str().unwrap()));
    let run = plancite(index.path(), &args);
    let plans = run.json_lines();
    (run, plans)
}

#[test]
fn every_conversion_understands_like_the_original() {
    let dir = tempfile::tempdir().unwrap();
    let converted = fixtures::write_all(dir.path());
    let pdfs = converted.iter().filter(|c| c.1 == "pdf").count();
    if pdfs == 0 {
        eprintln!(
            "warning: {} missing (apt-get install fonts-dejavu-core): PDFs not tested",
            fixtures::DEJAVU
        );
        assert!(std::env::var_os("CI").is_none(), "CI must have the DejaVu font");
    }
    let originals: Vec<_> = fixtures::PLANS.iter().map(|p| fixtures::corpus_file(p)).collect();
    let (run, plans) = extract(&originals.iter().map(|p| p.as_path()).collect::<Vec<_>>());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (run, got) = extract(&[dir.path()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(got.len(), converted.len());
    let mut failures = Vec::new();
    for (plan, form, path) in &converted {
        let i = fixtures::PLANS.iter().position(|p| p == plan).unwrap();
        let want = essentials(&plans[i]);
        assert!(
            want.0.is_string() && want.1.is_string(),
            "{plan}: original not understood"
        );
        let file = path.to_str().unwrap();
        let it = got
            .iter()
            .find(|p| p["file"] == file)
            .unwrap_or_else(|| panic!("{file} missing"));
        let format = path.extension().unwrap().to_str().unwrap();
        assert_eq!(it["format"], format, "{file}");
        let encoding = match *form {
            "tcvn3" | "docx-tcvn3" | "pdf-tcvn3" => "tcvn3",
            "vni" | "docx-vni" => "vni",
            "windows-1258" => "windows-1258",
            "pdf" => "unicode",
            _ => "utf-8",
        };
        assert_eq!(it["encoding"], encoding, "{file}");
        if essentials(it) != want {
            failures.push(format!(
                "{plan} as {form}:\n  got  {:?}\n  want {want:?}",
                essentials(it)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn readers_leave_out_what_is_not_the_document() {
    let text = fixtures::plan_text(fixtures::PLANS[3]);
    let mut cases: Vec<(&str, Vec<u8>)> = vec![
        ("a.docx", fixtures::docx(&text, None)),
        ("a.html", fixtures::html(&text).into_bytes()),
    ];
    cases.extend(fixtures::pdf(&text).map(|p| ("a.pdf", p)));
    for (name, bytes) in cases {
        let doc = formats::read_document(std::path::Path::new(name), &bytes).unwrap();
        assert!(!doc.text.contains(fixtures::HIDDEN_MARK), "{name}: {}", doc.text);
        assert!(doc.text.contains("Số: 70/KH-UBND"), "{name}");
        if name == "a.docx" {
            assert!(
                doc.text.contains("Ghi chú: văn bản này được lập để thử."),
                "footnote kept"
            );
            let issuer = doc.text.find("THÀNH PHỐ HẢI PHÒNG").unwrap();
            let motto = doc.text.find("Độc lập - Tự do - Hạnh phúc").unwrap();
            assert!(issuer < motto, "table cells in order");
        }
        if name == "a.pdf" {
            assert!(!doc.text.contains("CÔNG BÁO"), "page header removed");
            assert!(!doc.text.lines().any(|l| l.trim() == "2"), "page number removed");
        }
    }
}

#[test]
fn broken_files_are_skipped_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let text = fixtures::plan_text(fixtures::PLANS[0]);
    let docx = fixtures::docx(&text, None);
    let empty_docx = fixtures::zip(&[(
        "word/document.xml",
        r#"<w:document xmlns:w="w"><w:body><w:p/></w:body></w:document>"#.to_string(),
    )]);
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(4096, 0);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("truncated.docx", docx[..docx.len() / 2].to_vec(), "damaged .docx"),
        ("empty.docx", empty_docx, "empty document"),
        (
            "nodoc.docx",
            fixtures::zip(&[("a.txt", "x".into())]),
            "no word/document.xml",
        ),
        (
            "scan.pdf",
            fixtures::pdf_without_text(),
            "no text layer (scanned document?)",
        ),
        ("garbage.pdf", b"%PDF-1.4\nnot really".to_vec(), "PDF"),
        ("old.doc", ole, "save it as .docx"),
        ("renamed.doc", b"plain words".to_vec(), "save it as .docx"),
    ];
    for (name, bytes, _) in &cases {
        fs::write(dir.path().join(name), bytes).unwrap();
    }
    let (run, plans) = extract(&[dir.path()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(plans.is_empty(), "{plans:?}");
    for (name, _, reason) in &cases {
        let line = run
            .stderr
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} not reported: {}", run.stderr));
        assert!(line.contains(reason), "{line}");
    }
}

#[test]
fn a_mixed_folder_indexes_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    fs::create_dir(&docs).unwrap();
    let converted = fixtures::write_all(&docs);
    for plan in fixtures::PLANS {
        fs::copy(fixtures::corpus_file(plan), docs.join(format!("{plan}.txt"))).unwrap();
    }
    fs::write(docs.join("scan.pdf"), fixtures::pdf_without_text()).unwrap();
    fs::write(
        docs.join("old.doc"),
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
    )
    .unwrap();
    fs::write(docs.join("notes.xyz"), "not walked").unwrap();
    let index = dir.path().join("index");
    let run = plancite(&index, &["index", docs.to_str().unwrap(), "--quiet"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let want = converted.len() + fixtures::PLANS.len();
    assert!(
        run.stderr.contains(&format!("indexed {want} plans")),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("skipped 2"), "{}", run.stderr);
    assert!(
        run.stderr.contains("scan.pdf") && run.stderr.contains("old.doc"),
        "{}",
        run.stderr
    );
    let search = plancite(&index, &["search", "bình đẳng giới", "--json"]);
    assert!(search.json()["total"].as_u64().unwrap() >= want as u64 - 5);
}

#[test]
fn detection_leaves_utf8_and_english_alone() {
    let vietnamese = fixtures::plan_text(fixtures::PLANS[1]);
    let cases: &[(&str, &[u8], &str)] = &[
        ("UTF-8 Vietnamese", vietnamese.as_bytes(), "utf-8"),
        (
            "English",
            b"Plan for gender equality, 2022. See Decree 125/2021/ND-CP.\n",
            "utf-8",
        ),
    ];
    for (name, bytes, want) in cases {
        assert_eq!(legacy::detect(bytes), None, "{name}");
        let (_, encoding) = formats::decode_text(bytes).unwrap();
        assert_eq!(encoding, *want, "{name}");
    }
    // Latin-1 French is neither UTF-8 nor Vietnamese: refused, not guessed.
    let french = b"R\xe9sum\xe9 du caf\xe9: la fa\xe7ade \xe0 c\xf4t\xe9 de l'h\xf4tel, tr\xe8s na\xefve.\n";
    assert!(
        formats::decode_text(french)
            .unwrap_err()
            .to_string()
            .contains("UTF-8")
    );
}

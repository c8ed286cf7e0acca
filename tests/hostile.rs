//! Hostile and broken files, each re-created here from the probe that found it (issue
//! 16): every one is read correctly or skipped with a one-line reason naming the limit,
//! and none stops the batch. The inputs are generated in the test and removed after.
//!
//! `PLANCITE_HOSTILE_OUT=DIR cargo test --test hostile` keeps them in DIR, for
//! `benches/hostile.sh`, which measures the time and peak memory of each.

mod common;
mod fixtures;

use std::io::Write;
use std::path::Path;

use common::*;

/// A raw deflate stream of `copies × 1 MiB` of spaces, a few hundred bytes per MiB:
/// one block compressed once, repeated (each copy only refers to spaces).
fn deflate_bomb(copies: usize) -> Vec<u8> {
    let mut compress = flate2::Compress::new(flate2::Compression::best(), false);
    let mut block = Vec::with_capacity(1 << 16);
    compress
        .compress_vec(&vec![b' '; 1 << 20], &mut block, flate2::FlushCompress::Sync)
        .unwrap();
    let mut out = block.repeat(copies);
    out.extend_from_slice(&[0x03, 0x00]); // a final empty block
    out
}

/// A zip holding `word/document.xml` as the given raw deflate data (sizes as claimed).
fn zip_with_deflated(name: &str, deflated: &[u8], claimed: u32) -> Vec<u8> {
    let mut out = Vec::new();
    let header = |out: &mut Vec<u8>, central: bool| {
        out.extend_from_slice(if central {
            b"PK\x01\x02\x14\x00"
        } else {
            b"PK\x03\x04"
        });
        out.extend_from_slice(&[20, 0, 0, 0, 8, 0, 0, 0, 0, 0]); // version, flags, deflate, time, date
        out.extend_from_slice(&0u32.to_le_bytes()); // crc (never reached)
        out.extend_from_slice(&(deflated.len() as u32).to_le_bytes());
        out.extend_from_slice(&claimed.to_le_bytes());
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        if central {
            out.extend_from_slice(&[0; 10]); // comment length, disk, attributes
            out.extend_from_slice(&0u32.to_le_bytes()); // local header offset
        }
        out.extend_from_slice(name.as_bytes());
    };
    header(&mut out, false);
    out.extend_from_slice(deflated);
    let central_at = out.len();
    header(&mut out, true);
    let central_len = out.len() - central_at;
    out.extend_from_slice(b"PK\x05\x06\0\0\0\0\x01\0\x01\0");
    out.extend_from_slice(&(central_len as u32).to_le_bytes());
    out.extend_from_slice(&(central_at as u32).to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out
}

/// A one-page PDF: its content stream (with its dictionary entries) and a ToUnicode map.
fn pdf(content_dict: &str, content: &[u8], cmap: &str) -> Vec<u8> {
    fixtures::pdf_file(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
        fixtures::stream(content_dict, content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>".to_vec(),
        fixtures::stream("", cmap.as_bytes()),
    ])
}

const CMAP_HEAD: &str = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <00> <FF> endcodespacerange\n";

/// (file name, bytes, what must happen: `Ok(text it must hold)` or `Err(words of the reason)`).
type Case = (&'static str, Vec<u8>, Result<&'static str, &'static str>);

/// Citations packed with no space between them, under a one-line header (a file with no
/// header at all is skipped as not a plan before its citations are read).
fn dense(copies: usize) -> Vec<u8> {
    format!("Số: 1/KH-UBND\n{}", "1/KH-UBND-".repeat(copies)).into_bytes()
}

fn reproducers() -> Vec<Case> {
    let nested =
        |open: &str, close: &str, n| format!("{}Kế hoạch số 12/KH-UBND{}", open.repeat(n), close.repeat(n));
    let distinct_unclosed: String = (0..3000).map(|i| format!("<b{i}>x<p>")).collect();
    let mut zlib_bomb = vec![0x78, 0xDA];
    zlib_bomb.extend(deflate_bomb(100));
    vec![
        (
            "plan.txt",
            "Kế hoạch số 70/KH-UBND\nThực hiện Nghị định 125/2021/NĐ-CP.\n".into(),
            Ok("70/KH-UBND"),
        ),
        (
            "nested-b.html",
            nested("<b>", "</b>", 15_000).into_bytes(),
            Ok("12/KH-UBND"),
        ),
        (
            "nested-span.html",
            nested("<span>", "</span>", 15_000).into_bytes(),
            Ok("12/KH-UBND"),
        ),
        (
            "nested-table.html",
            nested("<table><tr><td>", "</td></tr></table>", 15_000).into_bytes(),
            Ok("12/KH-UBND"),
        ),
        (
            "nested-div.html",
            nested("<div>", "</div>", 100_000).into_bytes(),
            Ok("12/KH-UBND"),
        ),
        (
            "unclosed-b.html",
            (distinct_unclosed + "Kế hoạch số 12/KH-UBND").into_bytes(),
            Ok("12/KH-UBND"),
        ),
        ("dense-64k.txt", dense(6_554), Ok("1/KH-UBND-1")),
        ("dense-256k.txt", dense(26_214), Ok("1/KH-UBND-1")),
        ("dense-1m.txt", dense(104_858), Err("--max-citations")),
        (
            "whitespace.docx",
            zip_with_deflated("word/document.xml", &deflate_bomb(100), 100 << 20),
            Err("--max-decompressed-mb"),
        ),
        (
            "flate-bomb.pdf",
            pdf("/Filter /FlateDecode", &zlib_bomb, CMAP_HEAD),
            Err("--max-decompressed-mb"),
        ),
        (
            "tounicode.pdf",
            pdf(
                "",
                b"BT /F1 12 Tf (a) Tj ET",
                &format!("{CMAP_HEAD}1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange endcmap"),
            ),
            Err("character codes"),
        ),
        ("newlines.txt", vec![b'\n'; 49 << 20], Err("--max-text-mb")),
        (
            "no-mediabox.pdf",
            pdf_without_media_box(),
            Err("could not handle"),
        ),
    ]
}

/// A PDF whose page has no size: the PDF library panics on it.
fn pdf_without_media_box() -> Vec<u8> {
    let pdf = pdf("", b"BT /F1 12 Tf (a) Tj ET", CMAP_HEAD);
    let at = pdf.windows(8).position(|w| w == b"/MediaBo").unwrap();
    let mut out = pdf.clone();
    out[at..at + "/MediaBox [0 0 595 842]".len()].fill(b' ');
    out
}

#[test]
fn a_panic_in_a_library_is_one_line_and_its_detail_only_with_verbose() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("no-mediabox.pdf");
    std::fs::write(&file, pdf_without_media_box()).unwrap();
    let file = file.to_str().unwrap();
    let run = plancite(dir.path(), &["extract", file]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(
        !run.stderr.contains("panicked") && !run.stderr.contains(".rs:"),
        "{}",
        run.stderr
    );
    let run = plancite(dir.path(), &["extract", "--verbose", file]);
    assert!(run.stderr.contains("panicked"), "{}", run.stderr);
}

#[test]
fn file_names_reach_the_terminal_without_escape_sequences() {
    let dir = tempfile::tempdir().unwrap();
    let name = "evil\x1b]0;owned\x07\x1b[2J.txt";
    std::fs::write(dir.path().join(name), "").unwrap();
    let run = plancite(dir.path(), &["extract", dir.path().to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("evil]0;owned[2J.txt: empty file"),
        "{:?}",
        run.stderr
    );
    assert!(
        !run.stderr.contains('\x1b') && !run.stderr.contains('\x07'),
        "{:?}",
        run.stderr
    );
}

#[test]
fn a_busy_index_is_one_error_line_said_once() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let run = plancite(&index, &["index", "corpus", "--quiet"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let held = tantivy::Index::open_in_dir(&index).unwrap();
    let _writer: tantivy::IndexWriter = held.writer(50_000_000).unwrap();
    let run = plancite(&index, &["index", "corpus", "--quiet"]);
    assert_ne!(run.code, 0);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert_eq!(
        run.stderr.matches("another plancite is writing").count(),
        1,
        "{}",
        run.stderr
    );
}

#[test]
fn hostile_files_are_read_or_skipped_and_the_batch_goes_on() {
    let keep = std::env::var_os("PLANCITE_HOSTILE_OUT");
    let temp = tempfile::tempdir().unwrap();
    let dir = keep.as_deref().map(Path::new).unwrap_or(temp.path());
    std::fs::create_dir_all(dir).unwrap();
    let cases = reproducers();
    for (name, bytes, _) in &cases {
        std::fs::File::create(dir.join(name))
            .unwrap()
            .write_all(bytes)
            .unwrap();
    }
    let index = tempfile::tempdir().unwrap();
    let run = plancite(index.path(), &["extract", "--json", dir.to_str().unwrap()]);
    assert_eq!(run.code, 1, "some are skipped, none aborts: {}", run.stderr);
    let plans = run.json_lines();
    for (name, _, want) in &cases {
        let plan = plans
            .iter()
            .find(|p| p["file"].as_str().is_some_and(|f| f.ends_with(name)));
        let reason = run.stderr.lines().find(|l| l.contains(name));
        match (want, plan, reason) {
            (Ok(number), Some(plan), None) => {
                let cited = plan["citations"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|c| c["key"] == *number);
                assert!(plan["number"] == *number || cited, "{name}: {number} not found");
            }
            (Err(words), None, Some(reason)) => {
                assert!(
                    reason.contains(words),
                    "{name}: reason {reason:?} should name {words}"
                );
                assert!(!reason.contains("panicked"), "{name}: {reason}");
            }
            (want, plan, reason) => panic!("{name}: want {want:?}, got {:?} / {reason:?}", plan.is_some()),
        }
    }
    assert_eq!(
        run.stderr.lines().count(),
        cases.iter().filter(|c| c.2.is_err()).count(),
        "one line per skipped file: {}",
        run.stderr
    );
    if keep.is_some() {
        eprintln!("kept in {}", dir.display());
    }
}

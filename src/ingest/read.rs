//! Reading: find the document files under a folder and decode each to UTF-8 text.
//!
//! `read` knows nothing of what a plan is. It walks folders (recursively, in a stable
//! order), decides which files it can read, and turns bytes into one `String`: BOM
//! removed, UTF-16 (with BOM) decoded, CRLF and lone CR turned into `\n`, and decomposed
//! accents (NFD, as PDF converters hand them over) composed to NFC. This decoded text is
//! what citation byte offsets refer to.
//!
//! ```
//! use plancite::ingest::read::decode;
//! let nfd = "Ha\u{0309}i Pho\u{0300}ng\r\n".as_bytes();
//! assert_eq!(decode(nfd).unwrap(), "Hải Phòng\n");
//! ```

use std::fs;
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

use crate::error::SkipReason;

/// File name endings a folder walk picks up (`.doc` too, so it is reported as skipped
/// with what to do; see [`super::formats`]).
pub const READABLE_EXTENSIONS: &[&str] = super::formats::WALKED_EXTENSIONS;

/// Largest file read by default, in MiB.
pub use super::limits::DEFAULT_MAX_FILE_MB;

/// Whether `path` has an extension plancite reads.
pub fn is_readable_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| READABLE_EXTENSIONS.iter().any(|r| e.eq_ignore_ascii_case(r)))
}

/// A file found by [`walk`], or the reason a path given by the user could not be walked.
#[derive(Debug)]
pub enum Found {
    File(PathBuf),
    Unreadable(PathBuf, SkipReason),
}

/// Every readable file under `roots`, sorted within each folder so runs are repeatable.
/// A root may itself be a file. Roots that do not exist, and folders that cannot be
/// listed, come back as [`Found::Unreadable`] so the batch goes on.
pub fn walk(roots: &[PathBuf]) -> Vec<Found> {
    let mut found = Vec::new();
    for root in roots {
        match fs::metadata(root) {
            Err(e) => found.push(Found::Unreadable(root.clone(), SkipReason::from_io(&e))),
            Ok(meta) if meta.is_file() => found.push(Found::File(root.clone())),
            Ok(_) => walk_dir(root, &mut found),
        }
    }
    found
}

fn walk_dir(dir: &Path, found: &mut Vec<Found>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            found.push(Found::Unreadable(dir.to_path_buf(), SkipReason::from_io(&e)));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        // Hidden files and folders (an index inside the corpus, editor backups) are not documents.
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk_dir(&path, found);
        } else if is_readable_name(&path) {
            found.push(Found::File(path));
        }
    }
}

/// Reads a file's bytes, refusing files larger than `max_bytes`.
pub fn read_bytes(path: &Path, max_bytes: u64) -> Result<Vec<u8>, SkipReason> {
    let meta = fs::metadata(path).map_err(|e| SkipReason::from_io(&e))?;
    if meta.is_dir() {
        return Err(SkipReason::new("is a folder, not a file"));
    }
    if meta.len() > max_bytes {
        return Err(SkipReason::new(format!(
            "larger than the limit ({} MiB > {} MiB; raise --max-file-mb)",
            meta.len().div_ceil(1 << 20),
            max_bytes >> 20
        )));
    }
    fs::read(path).map_err(|e| SkipReason::from_io(&e))
}

/// Decodes a document's bytes to NFC text with `\n` line ends.
pub fn decode(bytes: &[u8]) -> Result<String, SkipReason> {
    let raw = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        utf8(rest)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, u16::from_be_bytes)?
    } else {
        if looks_binary(bytes) {
            return Err(SkipReason::new("binary file (contains NUL bytes), not text"));
        }
        utf8(bytes)?
    };
    let text = if raw.contains('\r') {
        raw.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        raw
    };
    // Most files are NFC already; the quick checks spare composing them again.
    let text = if surely_nfc(&text) {
        text
    } else {
        match unicode_normalization::is_nfc_quick(text.chars()) {
            unicode_normalization::IsNormalized::Yes => text,
            _ => text.nfc().collect(),
        }
    };
    if text.trim().is_empty() {
        return Err(SkipReason::new("empty file (no text)"));
    }
    Ok(text)
}

/// Whether `text` is NFC for a reason seen on its bytes alone: every character is
/// ASCII, Latin-1, Latin Extended-A/B (U+0080–U+02FF: no combining marks there), from
/// the precomposed Vietnamese block (U+1E00–U+1EFF) or general punctuation (U+2002–
/// U+206F). That is nearly every Vietnamese text; the rest get the full check.
pub(crate) fn surely_nfc(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            0x00..=0x7F => i += 1,
            0xC2..=0xCB => i += 2,
            0xE1 if matches!(bytes.get(i + 1), Some(0xB8..=0xBB)) => i += 3,
            // U+2000 and U+2001 are the two in that block that NFC replaces.
            0xE2 if matches!(
                (bytes.get(i + 1), bytes.get(i + 2)),
                (Some(0x80), Some(0x82..)) | (Some(0x81), _)
            ) =>
            {
                i += 3
            }
            _ => return false,
        }
    }
    true
}

fn looks_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(8192).any(|&b| b == 0)
}

fn utf8(bytes: &[u8]) -> Result<String, SkipReason> {
    // The SIMD check first: most files are valid, and std's check is slow on text where
    // every other letter takes two or three bytes.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        SkipReason::new(format!(
            "not valid UTF-8 (bad byte at offset {}); save it as UTF-8",
            e.utf8_error().valid_up_to()
        ))
    })
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, SkipReason> {
    if !bytes.len().is_multiple_of(2) {
        return Err(SkipReason::new(
            "UTF-16 text with an odd number of bytes (truncated?)",
        ));
    }
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
    String::from_utf16(&units).map_err(|_| SkipReason::new("not valid UTF-16 text"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le_with_bom(s: &str) -> Vec<u8> {
        let mut out = vec![0xFF, 0xFE];
        out.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
        out
    }

    fn utf16be_with_bom(s: &str) -> Vec<u8> {
        let mut out = vec![0xFE, 0xFF];
        out.extend(s.encode_utf16().flat_map(|u| u.to_be_bytes()));
        out
    }

    #[test]
    fn decodes_every_encoding_to_the_same_text() {
        let want = "Số: 70/KH-UBND\nHải Phòng, ngày 22 tháng 3 năm 2022\n";
        let crlf = want.replace('\n', "\r\n");
        let nfd: String = want.nfd().collect();
        let cases: Vec<(&str, Vec<u8>)> = vec![
            ("utf-8", want.as_bytes().to_vec()),
            (
                "utf-8 with BOM",
                [&[0xEF, 0xBB, 0xBF][..], want.as_bytes()].concat(),
            ),
            ("CRLF", crlf.as_bytes().to_vec()),
            ("NFD", nfd.as_bytes().to_vec()),
            ("UTF-16 LE", utf16le_with_bom(&crlf)),
            ("UTF-16 BE", utf16be_with_bom(want)),
        ];
        for (name, bytes) in cases {
            assert_eq!(decode(&bytes).unwrap(), want, "{name}");
        }
    }

    #[test]
    fn surely_nfc_only_when_it_is() {
        let cases: &[(&str, bool)] = &[
            ("Hải Phòng, ngày 22 tháng 3", true),
            ("“Tháng hành động” – 2022…", true),
            ("Ha\u{0309}i Pho\u{0300}ng", false),
            ("\u{2000}", false),
            ("Ω \u{212b}", false),
        ];
        for (text, want) in cases {
            assert_eq!(surely_nfc(text), *want, "{text:?}");
            if *want {
                assert_eq!(text.nfc().collect::<String>(), *text);
            }
        }
    }

    #[test]
    fn refuses_what_is_not_text() {
        let cases: &[(&[u8], &str)] = &[
            (b"", "empty"),
            (b"  \n\n ", "empty"),
            (b"PK\x03\x04\x00\x00binary", "binary"),
            (b"Ha\xff\xfei", "UTF-8"),
            (&[0xFF, 0xFE, 0x41], "odd number"),
        ];
        for (bytes, reason) in cases {
            let err = decode(bytes).unwrap_err();
            assert!(err.to_string().contains(reason), "{err} should mention {reason}");
        }
    }

    #[test]
    fn walk_reports_missing_roots_and_keeps_going() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("b.txt"), "x").unwrap();
        fs::write(dir.path().join("a.md"), "x").unwrap();
        fs::write(dir.path().join("c.pdfx"), "x").unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        fs::write(dir.path().join("sub/d.TXT"), "x").unwrap();
        let roots = vec![dir.path().join("missing"), dir.path().to_path_buf()];
        let found = walk(&roots);
        assert!(matches!(&found[0], Found::Unreadable(p, _) if p.ends_with("missing")));
        let files: Vec<String> = found[1..]
            .iter()
            .map(|f| match f {
                Found::File(p) => p.strip_prefix(dir.path()).unwrap().display().to_string(),
                Found::Unreadable(p, r) => panic!("{} {r}", p.display()),
            })
            .collect();
        assert_eq!(files, ["a.md", "b.txt", "sub/d.TXT"]);
    }
}

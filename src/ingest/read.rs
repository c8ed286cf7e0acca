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

/// File name endings a folder walk picks up: those [`super::formats`] reads, and `.doc`
/// too, so it is reported as skipped with what to do rather than ignored.
pub const READABLE_EXTENSIONS: &[&str] = &["txt", "md", "docx", "pdf", "html", "htm", "doc"];

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

/// Every readable file under `roots`, sorted within each folder so runs are repeatable;
/// symbolic links inside the folders are not followed (see [`walk_with`]).
pub fn walk(roots: &[PathBuf]) -> Vec<Found> {
    walk_with(roots, false)
}

/// Every readable file under `roots`. A root may itself be a file (or a link the user
/// named). Only regular files are returned: a FIFO, a device or a socket named `x.txt` is
/// reported, never opened. Inside the folders a symbolic link is followed only with
/// `follow_links`, and then only to a file or folder inside one of the roots, each folder
/// and file once (so a link to `.` neither loops nor counts a file twice). Roots that do
/// not exist and folders that cannot be listed come back as [`Found::Unreadable`] so the
/// batch goes on. The walk keeps its own stack: a deep tree cannot overflow the thread's.
/// (`walkdir` detects loops only along a folder's ancestors and follows links anywhere:
/// it would need the same root check and set of files taken, so it would save nothing.)
pub fn walk_with(roots: &[PathBuf], follow_links: bool) -> Vec<Found> {
    let mut walk = Walk {
        found: Vec::new(),
        roots: roots.iter().filter_map(|r| fs::canonicalize(r).ok()).collect(),
        seen: std::collections::HashSet::new(),
        follow_links,
    };
    for root in roots {
        match fs::metadata(root) {
            Err(e) => walk
                .found
                .push(Found::Unreadable(root.clone(), SkipReason::from_io(&e))),
            Ok(meta) if meta.is_dir() => walk.dir(root, &meta),
            Ok(meta) => walk.file(root, &meta),
        }
    }
    walk.found
}

struct Walk {
    found: Vec<Found>,
    /// The roots, resolved: a followed link must land inside one of them.
    roots: Vec<PathBuf>,
    /// Folders and files already taken, by device and inode.
    seen: std::collections::HashSet<(u64, u64)>,
    follow_links: bool,
}

impl Walk {
    fn first_time(&mut self, meta: &fs::Metadata) -> bool {
        use std::os::unix::fs::MetadataExt;
        self.seen.insert((meta.dev(), meta.ino()))
    }

    fn file(&mut self, path: &Path, meta: &fs::Metadata) {
        if !meta.is_file() {
            let reason = SkipReason::NotRegularFile { kind: kind(meta) };
            self.found.push(Found::Unreadable(path.to_path_buf(), reason));
        } else if self.first_time(meta) {
            self.found.push(Found::File(path.to_path_buf()));
        }
    }

    fn dir(&mut self, root: &Path, meta: &fs::Metadata) {
        if !self.first_time(meta) {
            return;
        }
        let mut stack = vec![self.list(root)];
        while let Some(entries) = stack.last_mut() {
            let Some(path) = entries.next() else {
                stack.pop();
                continue;
            };
            // Hidden files and folders (an index inside the corpus, editor backups) are not documents.
            let hidden = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            let Ok(own) = fs::symlink_metadata(&path) else {
                continue;
            };
            if hidden {
                continue;
            }
            let meta = if own.file_type().is_symlink() {
                match self.through_link(&path) {
                    Ok(Some(meta)) => meta,
                    Ok(None) => continue,
                    Err(reason) => {
                        if is_readable_name(&path) {
                            self.found.push(Found::Unreadable(path, reason));
                        }
                        continue;
                    }
                }
            } else {
                own
            };
            if meta.is_dir() {
                if self.first_time(&meta) {
                    stack.push(self.list(&path));
                }
            } else if is_readable_name(&path) {
                self.file(&path, &meta);
            }
        }
    }

    /// What a link inside a folder leads to, when it may be followed; `Ok(None)` for a
    /// link to a folder that is not followed (nothing to report).
    fn through_link(&self, path: &Path) -> Result<Option<fs::Metadata>, SkipReason> {
        if !self.follow_links {
            return match fs::metadata(path) {
                Ok(meta) if meta.is_dir() => Ok(None),
                _ => Err(SkipReason::LinkNotFollowed),
            };
        }
        let target = fs::canonicalize(path).map_err(|e| SkipReason::from_io(&e))?;
        if !self.roots.iter().any(|root| target.starts_with(root)) {
            return Err(SkipReason::LinkOutsideRoots);
        }
        fs::metadata(&target)
            .map(Some)
            .map_err(|e| SkipReason::from_io(&e))
    }

    /// A folder's entries, sorted; a folder that cannot be listed is reported.
    fn list(&mut self, dir: &Path) -> std::vec::IntoIter<PathBuf> {
        match fs::read_dir(dir) {
            Ok(entries) => {
                let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
                paths.sort();
                paths.into_iter()
            }
            Err(e) => {
                self.found
                    .push(Found::Unreadable(dir.to_path_buf(), SkipReason::from_io(&e)));
                Vec::new().into_iter()
            }
        }
    }
}

fn kind(meta: &fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_fifo() {
        "a FIFO"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "not a file"
    }
}

/// Reads a file's bytes, refusing files larger than `max_bytes` and anything but a
/// regular file (a FIFO would block, `/dev/zero` never ends).
pub fn read_bytes(path: &Path, max_bytes: u64) -> Result<Vec<u8>, SkipReason> {
    let meta = fs::metadata(path).map_err(|e| SkipReason::from_io(&e))?;
    if meta.is_dir() {
        return Err(SkipReason::IsFolder);
    }
    if !meta.is_file() {
        return Err(SkipReason::NotRegularFile { kind: kind(&meta) });
    }
    if meta.len() > max_bytes {
        return Err(SkipReason::FileTooLarge {
            mib: meta.len().div_ceil(1 << 20),
            limit_mib: max_bytes >> 20,
        });
    }
    // The file may have grown since: never read past the limit.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    let file = fs::File::open(path).map_err(|e| SkipReason::from_io(&e))?;
    std::io::Read::read_to_end(&mut std::io::Read::take(file, max_bytes + 1), &mut bytes)
        .map_err(|e| SkipReason::from_io(&e))?;
    if bytes.len() as u64 > max_bytes {
        return Err(SkipReason::FileGrewTooLarge {
            limit_mib: max_bytes >> 20,
        });
    }
    Ok(bytes)
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
            return Err(SkipReason::Binary);
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
        return Err(SkipReason::EmptyFile);
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
    String::from_utf8(bytes.to_vec()).map_err(|e| SkipReason::BadUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, SkipReason> {
    if !bytes.len().is_multiple_of(2) {
        return Err(SkipReason::OddUtf16);
    }
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
    String::from_utf16(&units).map_err(|_| SkipReason::BadUtf16)
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

    fn names(found: &[Found], root: &Path) -> Vec<String> {
        found
            .iter()
            .map(|f| match f {
                Found::File(p) => p.strip_prefix(root).unwrap_or(p).display().to_string(),
                Found::Unreadable(p, r) => format!("{} ({r})", p.strip_prefix(root).unwrap_or(p).display()),
            })
            .collect()
    }

    #[test]
    fn walk_follows_no_link_and_reads_only_regular_files() {
        use std::os::unix::fs::symlink;
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("secret.txt"), "x").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::write(root.join("a.txt"), "x").unwrap();
        fs::create_dir(root.join("sub")).unwrap();
        fs::write(root.join("sub/b.txt"), "x").unwrap();
        symlink(".", root.join("loop1")).unwrap();
        symlink(".", root.join("sub/loop2")).unwrap();
        symlink("..", root.join("sub/up")).unwrap();
        symlink(outside.path().join("secret.txt"), root.join("secret.txt")).unwrap();
        symlink(outside.path(), root.join("outside")).unwrap();
        symlink("/dev/zero", root.join("zero.txt")).unwrap();
        symlink("a.txt", root.join("same.txt")).unwrap();
        // Two folders linking to each other: a loop through two links.
        fs::create_dir(root.join("sub2")).unwrap();
        fs::write(root.join("sub2/c.txt"), "x").unwrap();
        symlink("../sub2", root.join("sub/to_sub2")).unwrap();
        symlink("../sub", root.join("sub2/to_sub")).unwrap();
        let fifo = std::process::Command::new("mkfifo")
            .arg(root.join("x.txt"))
            .status();
        let fifo = fifo.is_ok_and(|s| s.success());
        let roots = vec![root.to_path_buf()];

        let mut want = vec![
            "a.txt".to_string(),
            "same.txt (symbolic link, not followed (--follow-links follows it))".into(),
            "secret.txt (symbolic link, not followed (--follow-links follows it))".into(),
            "sub/b.txt".into(),
            "sub2/c.txt".into(),
        ];
        if fifo {
            want.push("x.txt (not a regular file (a FIFO); not read)".into());
        }
        want.push("zero.txt (symbolic link, not followed (--follow-links follows it))".into());
        assert_eq!(names(&walk(&roots), root), want);

        // Followed: each file once, nothing outside the folder, loops end.
        let mut want = vec![
            "a.txt".to_string(),
            "secret.txt (symbolic link to a file outside the folders given; not read)".into(),
            "sub/b.txt".into(),
            // Found first through the link; `sub2` itself is then a folder already walked.
            "sub/to_sub2/c.txt".into(),
        ];
        if fifo {
            want.push("x.txt (not a regular file (a FIFO); not read)".into());
        }
        want.push("zero.txt (symbolic link to a file outside the folders given; not read)".into());
        assert_eq!(names(&walk_with(&roots, true), root), want);

        // A FIFO or a device named by the user is reported, never opened.
        if fifo {
            let err = read_bytes(&root.join("x.txt"), 1 << 20).unwrap_err();
            assert!(err.to_string().contains("FIFO"), "{err}");
        }
        let err = read_bytes(Path::new("/dev/zero"), 1 << 20).unwrap_err();
        assert!(err.to_string().contains("device"), "{err}");
    }

    #[test]
    fn a_deep_tree_does_not_overflow_the_stack() {
        let dir = tempfile::tempdir().unwrap();
        let mut path = dir.path().to_path_buf();
        let mut depth = 0;
        // As deep as the file system allows paths (PATH_MAX), with one-letter folders.
        while path.as_os_str().len() < 3000 {
            path.push("d");
            fs::create_dir(&path).unwrap();
            depth += 1;
        }
        fs::write(path.join("deep.txt"), "x").unwrap();
        let found = walk(&[dir.path().to_path_buf()]);
        assert!(depth > 1000);
        assert!(matches!(&found[..], [Found::File(p)] if p.ends_with("deep.txt")));
    }
}

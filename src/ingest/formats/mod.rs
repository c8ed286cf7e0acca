//! Document formats: turn a file's bytes into plain text, whatever it was saved as —
//! UTF-8/UTF-16 or legacy-encoded `.txt`/`.md` ([`legacy`]), `.docx` ([`docx`]), `.pdf`
//! with a text layer ([`pdf`]) and `.html` ([`html`]) — and say which format and encoding
//! it was. Files it cannot read (`.doc`, scans, damaged containers) are a [`SkipReason`]
//! that tells the user what to do.
//!
//! The format is sniffed from the first bytes (zip, `%PDF`, OLE) before the extension is
//! believed. The text handed on is NFC with `\n` line ends, ready for cleaning; this module
//! does not clean or understand it.

pub mod docx;
pub mod html;
pub mod legacy;
pub mod pdf;
pub mod pdf_budget;

use std::path::Path;

use unicode_normalization::UnicodeNormalization;

use super::limits::Limits;
use super::read;
use crate::error::SkipReason;

/// The format a document was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Txt,
    Md,
    Docx,
    Pdf,
    Html,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Md => "md",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
            Format::Html => "html",
        }
    }
}

/// A document's text and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// NFC text with `\n` line ends.
    pub text: String,
    pub format: Format,
    /// `utf-8`, `utf-16le`, `utf-16be`, `windows-1258`, `tcvn3`, `vni`; `unicode` for
    /// a PDF's text layer (`tcvn3`/`vni` when it holds legacy-font text).
    pub encoding: &'static str,
}

const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Formats plancite recognises but cannot read, with what the user should do.
const UNSUPPORTED: &[(&str, &str)] = &[
    ("doc", "old binary Word .doc is not supported; save it as .docx"),
    (
        "xls",
        "Excel .xls is not supported; save the text as .docx or .txt",
    ),
    (
        "xlsx",
        "Excel .xlsx is not supported; save the text as .docx or .txt",
    ),
    (
        "ppt",
        "PowerPoint is not supported; save the text as .docx or .pdf",
    ),
    (
        "pptx",
        "PowerPoint is not supported; save the text as .docx or .pdf",
    ),
    ("odt", "OpenDocument .odt is not supported; save it as .docx"),
    ("rtf", "RTF is not supported; save it as .docx"),
    ("jpg", "an image, not a text document (OCR it to .docx or .txt)"),
    ("jpeg", "an image, not a text document (OCR it to .docx or .txt)"),
    ("png", "an image, not a text document (OCR it to .docx or .txt)"),
    ("tif", "an image, not a text document (OCR it to .docx or .txt)"),
    ("tiff", "an image, not a text document (OCR it to .docx or .txt)"),
];

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// Reads a document's bytes as the format its content (then its name) says, within the
/// default [`Limits`].
pub fn read_document(path: &Path, bytes: &[u8]) -> Result<Document, SkipReason> {
    read_document_within(path, bytes, &Limits::default())
}

/// Reads a document's bytes as the format its content (then its name) says; what it
/// unpacks to and the text it yields must stay within `limits`.
pub fn read_document_within(path: &Path, bytes: &[u8], limits: &Limits) -> Result<Document, SkipReason> {
    let document = read_unchecked(path, bytes, limits)?;
    if document.text.len() as u64 > limits.max_text_bytes {
        return Err(limits.text_too_long(document.text.len() as u64));
    }
    Ok(document)
}

fn read_unchecked(path: &Path, bytes: &[u8], limits: &Limits) -> Result<Document, SkipReason> {
    let ext = extension(path);
    let (text, format, encoding) = if bytes.starts_with(b"%PDF-") || ext == "pdf" {
        (pdf::text(bytes, limits)?, Format::Pdf, "unicode")
    } else if bytes.starts_with(OLE_MAGIC) {
        // Word stores a password-protected .docx in an OLE container too.
        let reason = match UNSUPPORTED.iter().find(|u| u.0 == ext) {
            Some(u) => u.1,
            None if ext == "docx" => {
                "password-protected .docx (or a .doc renamed); remove the password and save it as .docx"
            }
            None => "an old binary Office file (.doc/.xls), not supported; save it as .docx",
        };
        return Err(SkipReason::Unsupported(reason));
    } else if ext == "docx"
        || (bytes.starts_with(b"PK\x03\x04") && !UNSUPPORTED.iter().any(|u| u.0 == ext && ext != "doc"))
    {
        // A zip named `.doc` is a .docx saved under the old name: read it.
        let (text, encoding) = docx::text(bytes, limits)?;
        (text, Format::Docx, encoding)
    } else if let Some((_, reason)) = UNSUPPORTED.iter().find(|u| u.0 == ext) {
        return Err(SkipReason::Unsupported(reason));
    } else if bytes.len() as u64 > limits.max_text_bytes {
        // Text and pages yield about as many bytes of text as they hold (UTF-16 fewer).
        return Err(limits.text_too_long(bytes.len() as u64));
    } else if ext == "html" || ext == "htm" {
        let (text, encoding) = html::text(bytes)?;
        (text, Format::Html, encoding)
    } else {
        let (text, encoding) = decode_text(bytes)?;
        let format = if ext == "md" { Format::Md } else { Format::Txt };
        return Ok(Document {
            text,
            format,
            encoding,
        });
    };
    // Text typed in a `.VnTime` or `VNI-Times` font and stored as if it were Windows-1252
    // characters (`Céng hoµ`): a font not named as such in a .docx, a page styled with it,
    // a PDF made from such a document without a Unicode map.
    let (text, encoding) = match legacy::detect_in_text(&text) {
        Some((legacy, converted)) if matches!(encoding, "utf-8" | "unicode") => (converted, legacy.name()),
        _ => (text, encoding),
    };
    Ok(Document {
        text: finish(&text)?,
        format,
        encoding,
    })
}

/// Plain text bytes: UTF-8 or UTF-16 as [`read::decode`] reads them, else a legacy
/// Vietnamese encoding if one is detected.
pub fn decode_text(bytes: &[u8]) -> Result<(String, &'static str), SkipReason> {
    let encoding = if bytes.starts_with(&[0xFF, 0xFE]) {
        "utf-16le"
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        "utf-16be"
    } else {
        "utf-8"
    };
    match read::decode(bytes) {
        Ok(text) => Ok((text, encoding)),
        Err(reason) if encoding == "utf-8" && !bytes.contains(&0) => match legacy::detect(bytes) {
            Some((legacy, text)) => Ok((finish(&text)?, legacy.name())),
            None => Err(reason),
        },
        Err(reason) => Err(reason),
    }
}

/// `\n` line ends, NFC, and not empty.
fn finish(text: &str) -> Result<String, SkipReason> {
    let text: String = text.replace("\r\n", "\n").replace('\r', "\n").nfc().collect();
    if text.trim().is_empty() {
        return Err(SkipReason::EmptyDocument);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docx_zip() -> Vec<u8> {
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        out.start_file("word/document.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(
            &mut out,
            r#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Kế hoạch</w:t></w:r></w:p></w:body></w:document>"#
                .as_bytes(),
        )
        .unwrap();
        out.finish().unwrap().into_inner()
    }

    #[test]
    fn format_by_content_then_name() {
        let ole = [OLE_MAGIC, &[0; 8]].concat();
        let tcvn3 = legacy::encode_tcvn3("Kế hoạch thực hiện công tác bình đẳng giới năm 2022 của thành phố");
        // (file name, bytes, Ok((format, encoding)) or Err(part of the reason))
        type Want = Result<(Format, &'static str), &'static str>;
        let cases: Vec<(&str, Vec<u8>, Want)> = vec![
            (
                "a.md",
                "# Kế hoạch".as_bytes().to_vec(),
                Ok((Format::Md, "utf-8")),
            ),
            ("a.txt", tcvn3, Ok((Format::Txt, "tcvn3"))),
            ("a.docx", docx_zip(), Ok((Format::Docx, "utf-8"))),
            ("renamed.doc", docx_zip(), Ok((Format::Docx, "utf-8"))),
            ("a.html", b"<p>Plan</p>".to_vec(), Ok((Format::Html, "utf-8"))),
            (
                "vntime.html",
                "<p>Céng hoµ x· héi chñ nghÜa ViÖt Nam</p>".as_bytes().to_vec(),
                Ok((Format::Html, "tcvn3")),
            ),
            (
                "a.doc",
                ole.clone(),
                Err("old binary Word .doc is not supported; save it as .docx"),
            ),
            ("locked.docx", ole, Err("password-protected")),
            ("a.xlsx", docx_zip(), Err("Excel")),
            ("a.rtf", b"{\\rtf1 x}".to_vec(), Err("RTF")),
        ];
        for (name, bytes, want) in cases {
            let got = read_document(Path::new(name), &bytes);
            match (got, want) {
                (Ok(doc), Ok((format, encoding))) => {
                    assert_eq!((doc.format, doc.encoding), (format, encoding), "{name}")
                }
                (Err(reason), Err(want)) => assert!(reason.to_string().contains(want), "{name}: {reason}"),
                (got, want) => panic!("{name}: got {got:?}, want {want:?}"),
            }
        }
    }
}

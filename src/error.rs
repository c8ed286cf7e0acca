//! Errors, split the way a user meets them.
//!
//! [`Error`] is what a library call returns: the user's mistakes (a bad key, an unknown
//! plan, a missing index) are kept apart from internal faults (tantivy, the file system)
//! so the CLI can choose the exit code and the HTTP service the status. [`SkipReason`] is
//! the one-line reason a single file was left out of a batch; it never stops the batch.

/// Why one file was skipped. Printed after the file's name: `a.txt: empty file (no text)`.
/// Each variant is one reason with the figures it names; its text is the one place that
/// reason is worded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SkipReason {
    // Reading the file from disk.
    #[error("no such file or folder")]
    NotFound,
    #[error("permission denied")]
    PermissionDenied,
    /// Any other I/O error, as the system words it.
    #[error("{0}")]
    Io(String),
    #[error("is a folder, not a file")]
    IsFolder,
    /// A device, socket or pipe (`kind` names which).
    #[error("not a regular file ({kind}); not read")]
    NotRegularFile { kind: &'static str },
    #[error("symbolic link, not followed (--follow-links follows it)")]
    LinkNotFollowed,
    #[error("symbolic link to a file outside the folders given; not read")]
    LinkOutsideRoots,
    #[error("larger than the limit ({mib} MiB > {limit_mib} MiB; raise --max-file-mb)")]
    FileTooLarge { mib: u64, limit_mib: u64 },
    /// The file grew past the limit after its size was read.
    #[error("larger than the limit ({limit_mib} MiB; raise --max-file-mb)")]
    FileGrewTooLarge { limit_mib: u64 },

    // Decoding text.
    #[error("binary file (contains NUL bytes), not text")]
    Binary,
    #[error("empty file (no text)")]
    EmptyFile,
    #[error("empty document (no text)")]
    EmptyDocument,
    #[error("not valid UTF-8 (bad byte at offset {offset}); save it as UTF-8")]
    BadUtf8 { offset: usize },
    #[error("UTF-16 text with an odd number of bytes (truncated?)")]
    OddUtf16,
    #[error("not valid UTF-16 text")]
    BadUtf16,

    // Formats.
    /// A format plancite recognises but cannot read, with what to do (a table of formats).
    #[error("{0}")]
    Unsupported(&'static str),
    #[error("damaged .docx (not a readable zip archive: {0}); open it in Word and save it again")]
    DocxNotZip(String),
    #[error("damaged .docx ({part}: {error}); save it again")]
    DocxBadPart { part: String, error: String },
    #[error("damaged .docx (bad XML: {0}); open it in Word and save it again")]
    DocxBadXml(String),
    #[error("not a Word document (no word/document.xml in the .docx)")]
    DocxNoDocument,
    #[error("no text layer (scanned document?); OCR is not supported")]
    PdfNoText,
    #[error("damaged PDF (its page tree loops back on itself)")]
    PdfPageTreeLoop,
    #[error("damaged or unsupported PDF ({0})")]
    PdfDamaged(String),
    #[error("PDF the reader could not handle (unsupported font or structure); save it as .docx")]
    PdfUnhandled,
    #[error(
        "PDF font maps declare more than {limit} character codes (limit of Unicode map entries); damaged or hostile file"
    )]
    PdfTooManyMapCodes { limit: u64 },

    // Limits.
    #[error("text longer than the limit ({mib} MiB > {limit_mib} MiB; raise --max-text-mb)")]
    TextTooLong { mib: u64, limit_mib: u64 },
    /// Text past the limit while it was still being extracted (its full length unknown).
    #[error("text longer than the limit ({limit_mib} MiB; raise --max-text-mb)")]
    TextTooLongSoFar { limit_mib: u64 },
    #[error(".docx unpacks to more than the limit ({limit_mib} MiB; raise --max-decompressed-mb)")]
    DocxUnpacksTooLarge { limit_mib: u64 },
    #[error("PDF streams unpack to more than the limit ({limit_mib} MiB; raise --max-decompressed-mb)")]
    PdfUnpacksTooLarge { limit_mib: u64 },
    #[error("more citations than the limit ({found} > {limit}; raise --max-citations)")]
    TooManyCitations { found: usize, limit: usize },

    // Understanding.
    #[error(
        "no header of an administrative document (no number, type, issuer or date, no national motto or \"Số:\"): not a plan, not indexed"
    )]
    Headerless,
    /// A panic inside a format library or a stage, caught.
    #[error("internal error while reading this file (please report it)")]
    Internal,
}

impl SkipReason {
    /// A reason a person can act on, from an I/O error.
    pub fn from_io(err: &std::io::Error) -> Self {
        use std::io::ErrorKind;
        match err.kind() {
            ErrorKind::NotFound => SkipReason::NotFound,
            ErrorKind::PermissionDenied => SkipReason::PermissionDenied,
            _ => SkipReason::Io(err.to_string()),
        }
    }
}

/// A library error.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A parameter the user gave is not acceptable; the message names it and says why.
    #[error("{0}")]
    BadInput(String),
    /// The plan, key or thing asked for is not in the index.
    #[error("{0}")]
    NotFound(String),
    /// No index at the path given.
    #[error("no index at {0} (run `plancite index` first)")]
    NoIndex(String),
    /// No index at a path, with what to do about it.
    #[error("no index at {0}: {1}")]
    NoIndexAt(String, String),
    #[error("index error: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("query error: {0}")]
    Query(#[from] tantivy::query::QueryParserError),
    #[error("{context}: {source}")]
    Io { context: String, source: std::io::Error },
    #[error("{0}")]
    Internal(String),
}

impl Error {
    /// Whether the error is the user's to fix (a bad parameter, an unknown id) rather
    /// than a fault of plancite or the machine.
    pub fn is_users(&self) -> bool {
        matches!(
            self,
            Error::BadInput(_)
                | Error::NotFound(_)
                | Error::NoIndex(_)
                | Error::NoIndexAt(..)
                | Error::Query(_)
        )
    }

    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io {
            context: context.into(),
            source,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::SkipReason;

    /// The words a user reads after a skipped file's name, figures filled in.
    #[test]
    fn skip_reasons_read_as_before() {
        let table = [
            (
                SkipReason::FileTooLarge {
                    mib: 51,
                    limit_mib: 50,
                },
                "larger than the limit (51 MiB > 50 MiB; raise --max-file-mb)",
            ),
            (
                SkipReason::NotRegularFile { kind: "a FIFO" },
                "not a regular file (a FIFO); not read",
            ),
            (
                SkipReason::BadUtf8 { offset: 7 },
                "not valid UTF-8 (bad byte at offset 7); save it as UTF-8",
            ),
            (
                SkipReason::DocxBadPart {
                    part: "word/document.xml".into(),
                    error: "bad".into(),
                },
                "damaged .docx (word/document.xml: bad); save it again",
            ),
            (
                SkipReason::DocxUnpacksTooLarge { limit_mib: 64 },
                ".docx unpacks to more than the limit (64 MiB; raise --max-decompressed-mb)",
            ),
            (
                SkipReason::TooManyCitations { found: 3, limit: 2 },
                "more citations than the limit (3 > 2; raise --max-citations)",
            ),
            (
                SkipReason::Headerless,
                "no header of an administrative document (no number, type, issuer or date, \
                 no national motto or \"Số:\"): not a plan, not indexed",
            ),
            (
                SkipReason::from_io(&std::io::Error::from(std::io::ErrorKind::NotFound)),
                "no such file or folder",
            ),
        ];
        for (reason, text) in table {
            assert_eq!(reason.to_string(), text);
        }
    }
}

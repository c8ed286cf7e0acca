//! The limits that bound the work and memory one file may cost, whatever its format.
//!
//! A file on disk is small; what it unpacks to need not be (a `.docx` of whitespace, a
//! PDF flate bomb, text dense with citations). Each limit has a default that real
//! documents stay far below (the largest of 461 real plans and gazette issues holds
//! 0.8 MB of text and a few hundred citations), a flag for users who need another, and a
//! skip reason that names it. Nesting depth needs no limit: no reader recurses on the
//! input (HTML and `.docx` are read as streams of tags; the PDF library stops at 100
//! levels of nested objects).

/// Per-file limits. The defaults are the documented ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Files larger than this on disk are skipped (`--max-file-mb`).
    pub max_file_bytes: u64,
    /// Bytes a `.docx`'s parts or a PDF's streams may unpack to (`--max-decompressed-mb`).
    pub max_decompressed_bytes: u64,
    /// Bytes of text a document may yield (`--max-text-mb`).
    pub max_text_bytes: u64,
    /// Citations one document may hold (`--max-citations`).
    pub max_citations: usize,
}

pub const DEFAULT_MAX_FILE_MB: u64 = 50;
pub const DEFAULT_MAX_DECOMPRESSED_MB: u64 = 64;
pub const DEFAULT_MAX_TEXT_MB: u64 = 16;
pub const DEFAULT_MAX_CITATIONS: usize = 20_000;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: DEFAULT_MAX_FILE_MB << 20,
            max_decompressed_bytes: DEFAULT_MAX_DECOMPRESSED_MB << 20,
            max_text_bytes: DEFAULT_MAX_TEXT_MB << 20,
            max_citations: DEFAULT_MAX_CITATIONS,
        }
    }
}

impl Limits {
    /// The reason for text longer than [`Limits::max_text_bytes`].
    pub fn text_too_long(&self, bytes: u64) -> crate::error::SkipReason {
        crate::error::SkipReason::TextTooLong {
            mib: bytes.div_ceil(1 << 20),
            limit_mib: self.max_text_bytes >> 20,
        }
    }

    /// The reason for a `.docx` whose parts unpack past [`Limits::max_decompressed_bytes`].
    pub fn docx_too_large(&self) -> crate::error::SkipReason {
        crate::error::SkipReason::DocxUnpacksTooLarge {
            limit_mib: self.max_decompressed_bytes >> 20,
        }
    }
}

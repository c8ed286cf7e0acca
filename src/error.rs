//! Errors, split the way a user meets them.
//!
//! [`Error`] is what a library call returns: the user's mistakes (a bad key, an unknown
//! plan, a missing index) are kept apart from internal faults (tantivy, the file system)
//! so the CLI can choose the exit code and the HTTP service the status. [`SkipReason`] is
//! the one-line reason a single file was left out of a batch; it never stops the batch.

use std::fmt;

/// Why one file was skipped. Printed after the file's name: `a.txt: empty file (no text)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkipReason(String);

impl SkipReason {
    pub fn new(reason: impl Into<String>) -> Self {
        SkipReason(reason.into())
    }

    /// A reason a person can act on, from an I/O error.
    pub fn from_io(err: &std::io::Error) -> Self {
        use std::io::ErrorKind;
        let reason = match err.kind() {
            ErrorKind::NotFound => "no such file or folder".to_string(),
            ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ => err.to_string(),
        };
        SkipReason(reason)
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
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

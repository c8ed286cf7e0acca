//! Ingest: from files on disk to understood plans.
//!
//! [`read`] finds and decodes files, [`formats`] reads `.docx`, `.pdf`, `.html` and
//! legacy-encoded text, [`clean`] removes conversion artefacts; the
//! [`pipeline`] runs read → clean → understand → cite for many files on all cores and
//! hands each result, in order, to one consumer (the index writer, or a printer).
pub mod clean;
pub mod formats;
pub mod limits;
pub mod pipeline;
pub mod progress;
pub mod read;

//! Ingest: from files on disk to clean text.
//!
//! [`read`] finds and decodes files, [`formats`] reads `.docx`, `.pdf`, `.html` and
//! legacy-encoded text, [`clean`] removes conversion artefacts. Ingest names no later
//! stage: [`crate::pipeline`], above it, runs read → clean → understand → cite for many
//! files on all cores and hands each result, in order, to one consumer.
pub mod clean;
pub mod formats;
pub mod limits;
pub mod progress;
pub mod read;

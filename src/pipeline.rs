//! The stage runner: read → clean → understand → cite for many files, in parallel on
//! all cores (rayon), handing each file's result, in walk order, to one consumer.
//!
//! It stands above the stages it runs ([`crate::ingest`], [`crate::understand`],
//! [`crate::cite`]), so that none of them names another that comes after it.
//!
//! Files are taken in chunks so memory stays bounded whatever the archive's size: a
//! chunk is understood in parallel, then handed over, then dropped. The consumer (the
//! index writer, or `extract`'s printer) sees [`Outcome`]s and never a panic or an
//! error that stops the batch: a bad file is an [`Outcome::Skipped`] with its reason.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::SkipReason;
use crate::ingest::limits::Limits;
use crate::ingest::progress::Progress;
use crate::ingest::{clean, formats, read};
use crate::model::Plan;
use crate::understand;

/// How many files each parallel step takes at most (times the number of threads).
const FILES_PER_THREAD_PER_CHUNK: usize = 32;
/// Understood chunks waiting for the consumer at most.
const CHUNKS_IN_FLIGHT: usize = 2;

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// What one file may cost; a file past a limit is skipped with the limit named.
    pub limits: Limits,
    /// Follow symbolic links inside the folders walked (to files and folders inside them).
    pub follow_links: bool,
}

/// One file, understood.
#[derive(Debug, Clone)]
pub struct Understood {
    /// The file's absolute path: its identity in the index.
    pub path: String,
    /// Content hash of the file's bytes.
    pub hash: String,
    pub plan: Plan,
    /// The text as decoded: what is stored, and what citation and section offsets
    /// refer to.
    pub source: String,
    /// The cleaned body: what is indexed (and shown, cleaned again from `source`).
    pub body: String,
    /// For each citation, the sentence around it.
    pub contexts: Vec<String>,
    pub bytes: u64,
    /// The format the file was read as (`txt`, `md`, `docx`, `pdf`, `html`).
    pub format: &'static str,
    /// The encoding its text was in (`utf-8`, `windows-1258`, `tcvn3`, `vni` …).
    pub encoding: &'static str,
}

/// What became of one file.
#[derive(Debug)]
pub enum Outcome {
    Understood(Box<Understood>),
    /// The file's hash matched what the consumer already has; it was not understood again.
    Unchanged {
        path: String,
        bytes: u64,
    },
    Skipped {
        file: String,
        reason: SkipReason,
    },
}

/// The path as shown to the user and stored as `file`: as found, without `./`.
pub fn display_path(path: &Path) -> String {
    let shown = path.display().to_string();
    shown.strip_prefix("./").map(str::to_string).unwrap_or(shown)
}

/// The absolute path used as a file's identity (the path as given when it cannot be
/// made absolute).
pub fn identity_path(path: &Path) -> String {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string()
}

pub fn content_hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex()[..32].to_string()
}

/// Reads and understands one file. `unchanged(path, hash)` says whether the consumer
/// already holds this exact content, in which case the work stops after hashing.
pub fn process_file(
    path: &Path,
    options: &Options,
    unchanged: &(dyn Fn(&str, &str) -> bool + Sync),
) -> Outcome {
    let file = display_path(path);
    let skipped = |reason| Outcome::Skipped {
        file: file.clone(),
        reason,
    };
    let bytes = match read::read_bytes(path, options.limits.max_file_bytes) {
        Ok(bytes) => bytes,
        Err(reason) => return skipped(reason),
    };
    let identity = identity_path(path);
    let hash = content_hash(&bytes);
    if unchanged(&identity, &hash) {
        return Outcome::Unchanged {
            path: identity,
            bytes: bytes.len() as u64,
        };
    }
    let document = match formats::read_document_within(path, &bytes, &options.limits) {
        Ok(document) => document,
        Err(reason) => return skipped(reason),
    };
    let decoded = document.text;
    // A bug in understanding must cost one file, not the batch.
    let max_citations = options.limits.max_citations;
    let understood = crate::panics::quietly(|| {
        let layout = clean::layout(&decoded);
        let plan = understand::understand_laid_out(&file, &decoded, &layout);
        if plan.citations.len() > max_citations {
            return Err(SkipReason::TooManyCitations {
                found: plan.citations.len(),
                limit: max_citations,
            });
        }
        let contexts = plan
            .citations
            .iter()
            .map(|c| understand::context::sentence_around(&decoded, c.start, c.end))
            .collect();
        Ok((plan, contexts, clean::join_wrapped_lines(&layout)))
    });
    match understood {
        Ok(Err(reason)) => skipped(reason),
        Ok(Ok((plan, _, _))) if plan_is_headerless(&plan, &decoded) => skipped(SkipReason::Headerless),
        Ok(Ok((plan, contexts, body))) => Outcome::Understood(Box::new(Understood {
            path: identity,
            hash,
            plan,
            source: decoded,
            body,
            contexts,
            bytes: bytes.len() as u64,
            format: document.format.name(),
            encoding: document.encoding,
        })),
        Err(_) => skipped(SkipReason::Internal),
    }
}

/// Whether the file is no administrative document (see [`understand::headerless`]).
fn plan_is_headerless(plan: &crate::model::Plan, decoded: &str) -> bool {
    understand::headerless::is_headerless(plan, decoded)
}

/// Runs the pipeline over `files`, calling `consume` with each outcome in order.
pub fn run(
    files: &[PathBuf],
    options: &Options,
    unchanged: &(dyn Fn(&str, &str) -> bool + Sync),
    progress: &dyn Progress,
    mut consume: impl FnMut(Outcome),
) {
    let total_bytes = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    progress.begin(files.len() as u64, total_bytes);
    let chunk = rayon::current_num_threads() * FILES_PER_THREAD_PER_CHUNK;
    // Extraction runs ahead on its own thread while the caller consumes, so reading and
    // understanding overlap with writing; the bounded channel keeps at most a few chunks
    // in memory.
    let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<Outcome>>(CHUNKS_IN_FLIGHT);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            for files in files.chunks(chunk.max(1)) {
                let outcomes: Vec<Outcome> = files
                    .par_iter()
                    .map(|path| {
                        let outcome = process_file(path, options, unchanged);
                        let (bytes, skipped) = match &outcome {
                            Outcome::Understood(u) => (u.bytes, false),
                            Outcome::Unchanged { bytes, .. } => (*bytes, false),
                            Outcome::Skipped { .. } => (0, true),
                        };
                        progress.file_done(bytes, skipped);
                        outcome
                    })
                    .collect();
                if sender.send(outcomes).is_err() {
                    return; // the consumer is gone
                }
            }
        });
        for outcomes in receiver {
            outcomes.into_iter().for_each(&mut consume);
        }
    });
    progress.finish();
}

//! Progress reporting behind a small trait, so the pipeline knows nothing of terminals.
//!
//! [`Silent`] reports nothing (tests, `--quiet`, output that is not a terminal);
//! [`Bar`] draws an indicatif bar on stderr with files and MB done, rate, ETA and how
//! many files were skipped so far.

use std::sync::atomic::{AtomicU64, Ordering};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub trait Progress: Sync {
    /// The run will look at `files` files totalling `bytes` bytes.
    fn begin(&self, _files: u64, _bytes: u64) {}
    /// One file is done (`skipped` when it was left out).
    fn file_done(&self, _bytes: u64, _skipped: bool) {}
    fn finish(&self) {}
}

/// Reports nothing.
pub struct Silent;
impl Progress for Silent {}

/// A progress bar on stderr.
pub struct Bar {
    bar: ProgressBar,
    files: AtomicU64,
    total_files: AtomicU64,
    skipped: AtomicU64,
}

impl Bar {
    pub fn new() -> Bar {
        let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {bar:30} {binary_bytes}/{binary_total_bytes} ({binary_bytes_per_sec}, ETA {eta}) {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Bar {
            bar,
            files: AtomicU64::new(0),
            total_files: AtomicU64::new(0),
            skipped: AtomicU64::new(0),
        }
    }
}

impl Default for Bar {
    fn default() -> Self {
        Self::new()
    }
}

impl Progress for Bar {
    fn begin(&self, files: u64, bytes: u64) {
        self.total_files.store(files, Ordering::Relaxed);
        self.bar.set_length(bytes);
    }

    fn file_done(&self, bytes: u64, skipped: bool) {
        let done = self.files.fetch_add(1, Ordering::Relaxed) + 1;
        let skipped = self.skipped.load(Ordering::Relaxed) + u64::from(skipped);
        if skipped > 0 {
            self.skipped.store(skipped, Ordering::Relaxed);
        }
        let total = self.total_files.load(Ordering::Relaxed);
        self.bar
            .set_message(format!("{done}/{total} files, skipped {skipped}"));
        self.bar.inc(bytes);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

//! Building and updating the index from folders, in named steps (after milli):
//!
//! 1. `walk`: find the files under the roots; roots that cannot be read are skipped.
//! 2. `known`: what the index already holds (path → id, hash), from fast fields.
//! 3. `extract`: the ingest pipeline understands new and changed files on all cores;
//!    unchanged files cost a hash.
//! 4. `write`: one writer adds or replaces each understood plan.
//! 5. `prune`: plans whose files are gone from a walked folder are removed.
//! 6. `commit`: everything becomes visible at once. A run that fails before this step
//!    leaves the index as it was at its last commit. On a large run, step 4 also
//!    checkpoints every [`BuildOptions::commit_every`] plans, so a killed run resumes
//!    where it stopped: the next run finds those files unchanged.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::Index;
use super::reader::{Indexed, indexed_file, indexed_files};
use super::record::PlanRecord;
use super::writer::{DEFAULT_MEMORY_MB, Writer};
use crate::analysis::normalize::folded_form;
use crate::error::{Result, SkipReason};
use crate::ingest::progress::Progress;
use crate::ingest::read::{Found, walk_with};
use crate::pipeline::{self, Outcome, identity_path};

/// A run that changes at least this many plans waits for segment merges at the end.
const MERGE_AFTER_PLANS: usize = 1000;

/// Plans written between two checkpoints by default.
pub const DEFAULT_COMMIT_EVERY: usize = 10_000;

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub pipeline: pipeline::Options,
    pub memory_mb: usize,
    /// Remove plans whose files are no longer under the walked folders.
    pub prune: bool,
    /// Commit after this many new or changed plans, so a killed run keeps what it did.
    pub commit_every: usize,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            pipeline: pipeline::Options::default(),
            memory_mb: DEFAULT_MEMORY_MB,
            prune: true,
            commit_every: DEFAULT_COMMIT_EVERY,
        }
    }
}

/// What a build did.
#[derive(Debug, Default)]
pub struct BuildReport {
    /// Plans added or replaced.
    pub indexed: usize,
    pub unchanged: usize,
    pub removed: usize,
    pub skipped: Vec<(String, SkipReason)>,
    /// Bytes of the files indexed (added or replaced).
    pub bytes: u64,
    pub elapsed: Duration,
    /// Plans in the index after the run.
    pub total: u64,
    /// Files with the same content as another file of the run: (copy, the file indexed).
    /// Each is listed with that file's plan instead of being a plan of its own.
    pub copies: Vec<(String, String)>,
}

/// Indexes every readable file under `roots` into `index`.
pub fn build(
    index: &Index,
    roots: &[PathBuf],
    options: &BuildOptions,
    progress: &dyn Progress,
) -> Result<BuildReport> {
    let started = Instant::now();
    let mut report = BuildReport::default();

    // 1. walk
    let mut files = Vec::new();
    for found in walk_with(roots, options.pipeline.follow_links) {
        match found {
            Found::File(path) => files.push(path),
            Found::Unreadable(path, reason) => report.skipped.push((pipeline::display_path(&path), reason)),
        }
    }
    let walked_dirs: Vec<String> = roots
        .iter()
        .filter(|r| r.is_dir())
        .map(|r| format!("{}/", identity_path(r).trim_end_matches('/')))
        .collect();

    // 2. known: the whole index when pruning a folder; just the files at hand otherwise,
    // so adding one file to a large archive costs a few lookups.
    let known = if options.prune {
        indexed_files(index)?
    } else {
        let mut known = HashMap::new();
        for path in &files {
            let identity = identity_path(path);
            if let Some(indexed) = indexed_file(index, &identity)? {
                known.insert(identity, indexed);
            }
        }
        known
    };
    let mut ids = IdAllocator::new(&known, index);

    // 3 and 4. extract, write
    let mut writer = Writer::new(index, options.memory_mb)?;
    let mut seen: HashSet<String> = HashSet::new();
    let unchanged = |path: &str, hash: &str| known.get(path).is_some_and(|k| k.hash == hash);
    let mut write_error = None;
    // The first file of the run with each content: a later file with the same content is
    // a copy of it, not another plan.
    let mut first_with: HashMap<String, String> = HashMap::new();
    pipeline::run(
        &files,
        &options.pipeline,
        &unchanged,
        progress,
        |outcome| match outcome {
            Outcome::Understood(u) => {
                seen.insert(u.path.clone());
                if let Some(original) = first_with.get(&u.hash).filter(|p| **p != u.path) {
                    if known.contains_key(&u.path) {
                        writer.delete_path(&u.path);
                    }
                    report.copies.push((u.path.clone(), original.clone()));
                    return;
                }
                first_with.insert(u.hash.clone(), u.path.clone());
                let record = PlanRecord {
                    id: ids.id_for(&u.path),
                    hash: u.hash,
                    plan: u.plan,
                    contexts: u.contexts,
                    copies: Vec::new(),
                };
                if let Err(e) = writer.upsert(record, &u.path, &u.source, &u.body) {
                    write_error.get_or_insert(e);
                }
                report.indexed += 1;
                report.bytes += u.bytes;
                let checkpoint_due = report.indexed % options.commit_every.max(1) == 0;
                if let Err(e) = checkpoint_due.then(|| writer.checkpoint()).transpose() {
                    write_error.get_or_insert(e);
                }
            }
            Outcome::Unchanged { path, .. } => {
                seen.insert(path.clone());
                let hash = known.get(&path).map(|k| k.hash.clone()).unwrap_or_default();
                match first_with.get(&hash).filter(|p| **p != path) {
                    // Indexed on its own by an earlier run: now a copy.
                    Some(original) => {
                        writer.delete_path(&path);
                        report.copies.push((path, original.clone()));
                    }
                    None => {
                        first_with.insert(hash, path);
                        report.unchanged += 1;
                    }
                }
            }
            Outcome::Skipped { file, reason } => {
                // A file that cannot be read now keeps whatever was indexed from it before.
                if let Some(path) = files.iter().find(|p| pipeline::display_path(p) == file) {
                    seen.insert(identity_path(path));
                }
                report.skipped.push((file, reason));
            }
        },
    );
    if let Some(e) = write_error {
        return Err(e);
    }

    // 5. prune
    if options.prune {
        for path in known.keys() {
            let under_walked = walked_dirs.iter().any(|d| path.starts_with(d.as_str()));
            if under_walked && !seen.contains(path) {
                writer.delete_path(path);
                report.removed += 1;
            }
        }
    }

    // 6. commit
    // Merging pays off after a batch, not after a handful of files (`add`).
    writer.commit(report.indexed + report.removed >= MERGE_AFTER_PLANS)?;
    list_copies(index, &report.copies, options.memory_mb)?;
    report.total = index.plan_count()?;
    report.elapsed = started.elapsed();
    Ok(report)
}

/// Writes into each plan the copies of its file found by the run (committed already, so
/// the plan's record and text are read back from the index).
fn list_copies(index: &Index, copies: &[(String, String)], memory_mb: usize) -> Result<()> {
    let mut by_original: HashMap<&str, Vec<String>> = HashMap::new();
    for (copy, original) in copies {
        by_original.entry(original).or_default().push(copy.clone());
    }
    if by_original.is_empty() {
        return Ok(());
    }
    let mut writer = Writer::new(index, memory_mb)?;
    for (original, mut paths) in by_original {
        let Some(indexed) = indexed_file(index, original)? else {
            continue;
        };
        let (mut record, text) = super::reader::find_plan(index, &indexed.id)?;
        paths.sort();
        if record.copies == paths {
            continue;
        }
        record.copies = paths;
        let body = crate::ingest::clean::join_wrapped_lines(&crate::ingest::clean::layout(&text));
        writer.upsert(record, original, &text, &body)?;
    }
    writer.commit(false)
}

/// Gives each file a stable, URL-safe plan id: its file name without extension, folded
/// to ASCII (`2022-hai-phong-70-KH-UBND`); a clash with another file's id adds a short
/// hash of the path.
struct IdAllocator<'i> {
    by_path: HashMap<String, String>,
    taken: HashSet<String>,
    /// Asked when `taken` does not know an id (it holds only the files at hand on `add`).
    index: &'i Index,
}

impl<'i> IdAllocator<'i> {
    fn new(known: &HashMap<String, Indexed>, index: &'i Index) -> Self {
        IdAllocator {
            by_path: known.iter().map(|(p, k)| (p.clone(), k.id.clone())).collect(),
            taken: known.values().map(|k| k.id.clone()).collect(),
            index,
        }
    }

    fn is_taken(&self, id: &str) -> bool {
        self.taken.contains(id) || super::reader::id_exists(self.index, id)
    }

    fn id_for(&mut self, path: &str) -> String {
        if let Some(id) = self.by_path.get(path) {
            return id.clone();
        }
        let stem = Path::new(path)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("plan");
        let mut id = slug(stem);
        if self.is_taken(&id) {
            id = format!("{id}-{}", &pipeline::content_hash(path.as_bytes())[..6]);
        }
        self.taken.insert(id.clone());
        self.by_path.insert(path.to_string(), id.clone());
        id
    }
}

/// ASCII letters, digits, `-`, `_` and `.`; anything else folded or turned into `-`.
pub fn slug(name: &str) -> String {
    let folded: String = name
        .chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_string()
            } else {
                folded_form(&c.to_string())
            }
        })
        .collect();
    let mut out = String::new();
    for c in folded.chars() {
        let c = if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
            c
        } else {
            '-'
        };
        if !(c == '-' && out.ends_with('-')) {
            out.push(c);
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() { "plan".to_string() } else { out }
}

/// Removes the plan a person names (id, file or number) and commits. Returns its id.
pub fn remove(index: &Index, name: &str, memory_mb: usize) -> Result<String> {
    let (record, _) = super::reader::find_plan(index, name)?;
    let mut writer = Writer::new(index, memory_mb)?;
    writer.delete_id(&record.id);
    writer.commit(false)?;
    Ok(record.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        let cases = [
            ("2022-hai-phong-70-KH-UBND", "2022-hai-phong-70-KH-UBND"),
            ("Kế hoạch số 70", "Ke-hoach-so-70"),
            ("a  b//c", "a-b-c"),
            ("***", "plan"),
        ];
        for (input, want) in cases {
            assert_eq!(slug(input), want, "{input}");
        }
    }
}

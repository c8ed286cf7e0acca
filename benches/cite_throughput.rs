//! Throughput of the citation extractor: runs `plancite::cite::extract` and
//! `plancite::cite::identity::identify` (laws by name to their versions) over every
//! document in `../shared/realdocs`, `../shared/realarchive` and the bundled plans (`corpus/`, or
//! `../shared/seeds` when there is no corpus folder) several times on one thread, and
//! prints files, MB, seconds and MB/s per core. It measures; it asserts nothing.
//!
//! Run with `cargo bench --bench cite_throughput` (a `harness = false` bench: std::time
//! only). `CITE_BENCH_ROUNDS` sets the number of rounds (default 20).

// Until Cargo.toml declares this bench `harness = false`, Cargo builds it as a libtest
// bench, where `main` is never called: that must not fail `clippy -D warnings`.
#![cfg_attr(test, allow(dead_code))]

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The files directly inside `dir` whose extension is one of `extensions`, sorted; none
/// when the folder does not exist.
fn texts_in(dir: &Path, extensions: &[&str]) -> Vec<(PathBuf, String)> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| extensions.contains(&x))
        })
        .collect();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| fs::read_to_string(&p).ok().map(|text| (p, text)))
        .collect()
}

struct Row {
    name: &'static str,
    files: usize,
    bytes: usize,
    citations: usize,
    elapsed: Duration,
    rounds: u32,
}

/// The citation stage: find (with relations), then settle laws cited by name.
fn cite(text: &str) -> Vec<plancite::model::Citation> {
    let mut found = plancite::cite::extract(text);
    plancite::cite::identity::identify(text, &mut found, Some("2024-01-01"));
    found
}

fn measure(name: &'static str, docs: &[(PathBuf, String)], rounds: u32) -> Row {
    let bytes = docs.iter().map(|(_, t)| t.len()).sum();
    let citations = docs.iter().map(|(_, t)| cite(t).len()).sum();
    // One warm-up round, so that lazily compiled patterns are not timed.
    for (_, text) in docs {
        black_box(cite(black_box(text)));
    }
    let started = Instant::now();
    for _ in 0..rounds {
        for (_, text) in docs {
            black_box(cite(black_box(text)));
        }
    }
    Row {
        name,
        files: docs.len(),
        bytes,
        citations,
        elapsed: started.elapsed(),
        rounds,
    }
}

fn main() {
    let rounds: u32 = std::env::var("CITE_BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(20)
        .max(1);
    let root = Path::new(ROOT);
    // realdocs/ also holds SOURCE.md and MANIFEST.tsv, which are not documents.
    let realdocs = texts_in(&root.join("../shared/realdocs"), &["txt"]);
    let realarchive: Vec<(PathBuf, String)> = fs::read_dir(root.join("../shared/realarchive"))
        .map(|dirs| {
            let mut dirs: Vec<PathBuf> = dirs
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect();
            dirs.sort();
            dirs.iter().flat_map(|d| texts_in(d, &["txt"])).collect()
        })
        .unwrap_or_default();
    let mut plans = texts_in(&root.join("corpus"), &["txt", "md"]);
    if plans.is_empty() {
        plans = texts_in(&root.join("../shared/seeds"), &["txt"]);
    }
    let all: Vec<(PathBuf, String)> = realdocs.iter().chain(plans.iter()).cloned().collect();
    if all.is_empty() {
        eprintln!("cite_throughput: no documents found (../shared/realdocs, corpus/)");
        return;
    }

    let rows = [
        measure("realdocs", &realdocs, rounds),
        measure("archive", &realarchive, rounds.div_ceil(10)),
        measure("plans", &plans, rounds),
        measure("all", &all, rounds),
    ];
    println!(
        "{:<10} {:>6} {:>9} {:>10} {:>7} {:>9} {:>12}",
        "set", "files", "MB", "citations", "rounds", "seconds", "MB/s/core"
    );
    for row in rows.iter().filter(|r| r.files > 0) {
        let megabytes = row.bytes as f64 / 1_000_000.0;
        let seconds = row.elapsed.as_secs_f64();
        let throughput = megabytes * f64::from(row.rounds) / seconds.max(f64::EPSILON);
        println!(
            "{:<10} {:>6} {:>9.2} {:>10} {:>7} {:>9.3} {:>12.1}",
            row.name, row.files, megabytes, row.citations, row.rounds, seconds, throughput
        );
    }
    println!("(one thread: MB/s per core = MB × rounds / seconds)");
}

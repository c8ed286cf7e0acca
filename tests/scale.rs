//! Batch indexing at scale, as a user meets it: add and remove single plans, and a run
//! killed at any moment loses nothing and duplicates nothing.

mod common;

use std::collections::HashSet;
use std::process::Command;
use std::time::{Duration, Instant};

use common::*;

/// Ids of every plan in the index, through the search command (a query every plan has).
fn all_ids(index: &std::path::Path) -> Vec<String> {
    let mut ids = Vec::new();
    let mut offset = 0;
    loop {
        let run = plancite(
            index,
            &[
                "search",
                "",
                "--json",
                "--limit",
                "100",
                "--offset",
                &offset.to_string(),
            ],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        let hits = run.json()["hits"].as_array().unwrap().clone();
        if hits.is_empty() {
            return ids;
        }
        ids.extend(hits.iter().map(|h| h["id"].as_str().unwrap().to_string()));
        offset += 100;
    }
}

#[test]
fn a_killed_run_resumes_without_duplicates_or_losses() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    let plans = 400;
    plancite::synth::Generator::new(11)
        .write_archive(&archive, plans)
        .unwrap();
    let index = dir.path().join("index");

    let mut child = Command::new(env!("CARGO_BIN_EXE_plancite"))
        .args([
            "index",
            archive.to_str().unwrap(),
            "--quiet",
            "--commit-every",
            "40",
        ])
        .env("PLANCITE_INDEX", &index)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Kill it once a first checkpoint is on disk, or after a while if it is quick.
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(60) {
        let committed =
            std::fs::read_to_string(index.join("meta.json")).is_ok_and(|m| m.contains("\"segment_id\""));
        if committed || child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let finished_alone = child.try_wait().unwrap().is_some();
    let _ = child.kill(); // SIGKILL
    child.wait().unwrap();
    assert!(
        !finished_alone,
        "the run ended before it could be killed; give it more plans"
    );

    // The index opens at its last commit.
    let partial = all_ids(&index);
    assert!(partial.len() <= plans as usize);
    println!("killed with {} of {plans} plans committed", partial.len());

    let rerun = plancite(&index, &["index", archive.to_str().unwrap(), "--quiet"]);
    assert_eq!(rerun.code, 0, "{}", rerun.stderr);
    let ids = all_ids(&index);
    let unique: HashSet<&String> = ids.iter().collect();
    assert_eq!(ids.len(), plans as usize, "every plan indexed once");
    assert_eq!(unique.len(), ids.len(), "no duplicates");
}

#[test]
fn add_and_remove_single_plans() {
    let dir = corpus_index();
    let index = index_path(&dir);
    let extra = dir.path().join("extra.txt");
    std::fs::write(&extra, plancite::synth::Generator::new(3).plan(5).text).unwrap();

    let added = plancite(&index, &["add", extra.to_str().unwrap(), "--quiet"]);
    assert_eq!(added.code, 0, "{}", added.stderr);
    assert!(added.stderr.contains("6 plans in the index"), "{}", added.stderr);
    assert!(all_ids(&index).contains(&"extra".to_string()));

    // Adding the same unchanged file again changes nothing.
    let again = plancite(&index, &["add", extra.to_str().unwrap(), "--quiet"]);
    assert!(
        again.stderr.contains("unchanged 1") && again.stderr.contains("6 plans"),
        "{}",
        again.stderr
    );

    let removed = plancite(&index, &["remove", "extra"]);
    assert_eq!(removed.code, 0, "{}", removed.stderr);
    assert!(
        removed.stderr.contains("5 plans in the index"),
        "{}",
        removed.stderr
    );
    let missing = plancite(&index, &["remove", "extra"]);
    assert_eq!(missing.code, 2, "{}", missing.stderr);
}

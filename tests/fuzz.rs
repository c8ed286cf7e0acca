//! A seeded fuzzer on stable Rust: mutations of the bundled plans and of the format
//! fixtures (`.docx`, `.html`, `.pdf`, legacy-encoded text) go through the whole of
//! `extract` — read, clean, understand, cite, contexts — one file at a time, and each
//! must come back understood or skipped with a reason: no panic outside the places that
//! catch them, no input over its time or memory budget.
//!
//! ```sh
//! cargo test --test fuzz                                   # 10 s, seed 1
//! PLANCITE_FUZZ_SECONDS=600 PLANCITE_FUZZ_SEED=7 cargo test --release --test fuzz -- --nocapture
//! ```
//!
//! A failing input is written to `target/fuzz-failures/` with its seed and iteration in
//! its name; the same seed replays the same inputs. CI runs 60 seconds.

mod fixtures;

use std::path::Path;
use std::time::{Duration, Instant};

use plancite::ingest::limits::Limits;
use plancite::pipeline::{self, Outcome};

/// Most time one input may take (a debug build; a hang or quadratic blow-up takes far more).
const TIME_BUDGET: Duration = Duration::from_secs(20);
/// Most peak memory one input may add, in MiB (where Linux lets us measure it).
const MEMORY_BUDGET_MB: u64 = 512;

/// xorshift64*: small, seeded, the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Tokens that have broken readers before: deep tags, dense citations, PDF stream and
/// font-map keywords, zip and XML structure.
const TOKENS: &[&[u8]] = &[
    b"<b>",
    b"<div hidden>",
    b"</div>",
    b"<table><tr><td>",
    b"<script>",
    b"1/KH-UBND-",
    b"Ngh\xe1\xbb\x8b \xc4\x91\xe1\xbb\x8bnh s\xe1\xbb\x91 125/2021/N\xc4\x90-CP ",
    b"stream\n",
    b"endstream",
    b"/Filter /FlateDecode",
    b"1 beginbfrange <0000> <FFFF> <0041> endbfrange",
    b"/Parent 2 0 R",
    b"<w:p><w:r><w:t>",
    b"</w:t></w:r></w:p>",
    b"PK\x03\x04",
    b"\x1b]0;title\x07",
    b"\r\n\r\n",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\x00",
];

/// One mutation of `input`, a few times over.
fn mutate(rng: &mut Rng, input: &[u8], seeds: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(8) {
            0 if !out.is_empty() => {
                let at = at.min(out.len() - 1);
                out[at] ^= 1 << rng.below(8);
            }
            1 => {
                let end = (at + rng.below(64)).min(out.len());
                out.drain(at..end);
            }
            2 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                let most = if rng.below(8) == 0 { 20_000 } else { 4 };
                let times = 1 + rng.below(most);
                let inserted = token.repeat(times);
                out.splice(at..at, inserted);
            }
            3 if !out.is_empty() => {
                // Repeat a chunk of the input itself.
                let end = (at + 1 + rng.below(256)).min(out.len());
                let chunk = out[at.min(end)..end].to_vec();
                let times = 1 + rng.below(50);
                out.splice(at..at, chunk.repeat(times));
            }
            4 => out.truncate(at),
            5 => {
                // Splice in part of another seed.
                let (_, other) = &seeds[rng.below(seeds.len())];
                let from = rng.below(other.len());
                let end = (from + rng.below(4096)).min(other.len());
                out.splice(at..at, other[from..end].iter().copied());
            }
            6 => {
                let byte = (rng.next() & 0xFF) as u8;
                out.splice(at..at, std::iter::repeat_n(byte, 1 + rng.below(1024)));
            }
            _ => {}
        }
    }
    out
}

fn seeds() -> Vec<(String, Vec<u8>)> {
    let mut seeds = Vec::new();
    for plan in fixtures::PLANS {
        let text = fixtures::plan_text(plan);
        seeds.push(("txt".into(), text.clone().into_bytes()));
        seeds.push(("md".into(), format!("# {text}").into_bytes()));
        seeds.push(("docx".into(), fixtures::docx(&text, None)));
        seeds.push((
            "docx".into(),
            fixtures::docx(&text, Some(plancite::ingest::formats::legacy::Legacy::Tcvn3)),
        ));
        seeds.push(("html".into(), fixtures::html(&text).into_bytes()));
        seeds.push((
            "txt".into(),
            plancite::ingest::formats::legacy::encode_tcvn3(&text),
        ));
        seeds.push(("txt".into(), plancite::ingest::formats::legacy::encode_vni(&text)));
    }
    // PDFs are slow to read in a debug build: two plans are enough to start from.
    for plan in &fixtures::PLANS[..2] {
        if let Some(pdf) = fixtures::pdf(&fixtures::plan_text(plan)) {
            seeds.push(("pdf".into(), pdf));
        }
    }
    seeds
}

/// The process's peak resident memory in MiB since [`reset_peak`], where Linux says.
fn peak_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}

fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn keep_failure(seed: u64, iteration: u64, ext: &str, input: &[u8]) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-failures");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("seed{seed}-{iteration}.{ext}"));
    std::fs::write(&path, input).unwrap();
    path.display().to_string()
}

#[test]
fn mutated_documents_are_understood_or_skipped_within_budget() {
    let seconds = env_number("PLANCITE_FUZZ_SECONDS", 10);
    let seed = env_number("PLANCITE_FUZZ_SEED", 1);
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let seeds = seeds();
    let dir = tempfile::tempdir().unwrap();
    let options = pipeline::Options {
        limits: Limits::default(),
        follow_links: false,
    };
    let measures_memory = reset_peak() && peak_mb().is_some();
    let started = Instant::now();
    let (mut understood, mut skipped, mut iteration) = (0u64, 0u64, 0u64);
    while started.elapsed() < Duration::from_secs(seconds) {
        iteration += 1;
        let (ext, base) = &seeds[rng.below(seeds.len())];
        let input = mutate(&mut rng, base, &seeds);
        let path = dir.path().join(format!("input.{ext}"));
        std::fs::write(&path, &input).unwrap();
        let baseline = if measures_memory {
            reset_peak();
            peak_mb()
        } else {
            None
        };
        let began = Instant::now();
        let outcome = std::panic::catch_unwind(|| pipeline::process_file(&path, &options, &|_, _| false));
        let took = began.elapsed();
        let outcome = outcome.unwrap_or_else(|_| {
            panic!(
                "seed {seed} iteration {iteration}: a panic escaped (input kept in {})",
                keep_failure(seed, iteration, ext, &input)
            )
        });
        assert!(
            took < TIME_BUDGET,
            "seed {seed} iteration {iteration}: {took:?} for {} bytes (input kept in {})",
            input.len(),
            keep_failure(seed, iteration, ext, &input)
        );
        if let (Some(before), Some(after)) = (baseline, peak_mb()) {
            assert!(
                after.saturating_sub(before) < MEMORY_BUDGET_MB,
                "seed {seed} iteration {iteration}: peak memory grew by {} MiB (input kept in {})",
                after - before,
                keep_failure(seed, iteration, ext, &input)
            );
        }
        match outcome {
            Outcome::Understood(_) => understood += 1,
            Outcome::Skipped { reason, .. } => {
                let reason = reason.to_string();
                assert!(
                    !reason.contains('\n') && !reason.is_empty(),
                    "seed {seed} iteration {iteration}: reason {reason:?}"
                );
                skipped += 1
            }
            Outcome::Unchanged { .. } => unreachable!("nothing is known"),
        }
    }
    eprintln!(
        "fuzz: seed {seed}, {iteration} inputs in {:.0} s: {understood} understood, {skipped} skipped; memory {}",
        started.elapsed().as_secs_f64(),
        if measures_memory {
            "measured per input"
        } else {
            "not measured here"
        }
    );
    assert!(understood > 0 && skipped > 0, "the mutations should produce both");
}

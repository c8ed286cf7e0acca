//! Reading speed of the document formats: the five bundled plans converted in memory to
//! `.pdf` (DejaVu Sans, 48 lines a page), `.docx`, `.html` and TCVN3 text, each read by
//! `plancite::ingest::formats::read_document` on one thread for a few rounds. Prints
//! pages per second for PDF and documents per second for the others. It measures; it
//! asserts nothing.
//!
//! Run with `cargo bench --bench formats`. `FORMATS_BENCH_ROUNDS` sets the rounds
//! (default 10). PDFs are left out, with a note, when DejaVu Sans is not installed.

#![cfg_attr(test, allow(dead_code))]

#[path = "../tests/fixtures/mod.rs"]
mod fixtures;

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use plancite::ingest::formats::{self, legacy};

fn measure(name: &str, ext: &str, docs: &[Vec<u8>], rounds: usize, unit: &str, units_per_round: usize) {
    let path = Path::new("bench").with_extension(ext);
    // One warm-up round.
    for d in docs {
        black_box(formats::read_document(&path, d).expect("readable"));
    }
    let start = Instant::now();
    for _ in 0..rounds {
        for d in docs {
            black_box(formats::read_document(&path, black_box(d)).expect("readable"));
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let units = (units_per_round * rounds) as f64;
    let mb = docs.iter().map(Vec::len).sum::<usize>() as f64 * rounds as f64 / 1e6;
    println!(
        "{name:<12} {:>6} {unit:<5} in {secs:>7.3} s  {:>9.1} {unit}/s  {:>7.1} MB/s",
        units as usize,
        units / secs,
        mb / secs
    );
}

fn main() {
    let rounds: usize = std::env::var("FORMATS_BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(10);
    let texts: Vec<String> = fixtures::PLANS.iter().map(|p| fixtures::plan_text(p)).collect();
    println!(
        "formats: {} bundled plans, {rounds} rounds, one thread",
        texts.len()
    );

    let pdfs: Vec<Vec<u8>> = texts.iter().filter_map(|t| fixtures::pdf(t)).collect();
    if pdfs.is_empty() {
        println!("pdf: skipped ({} not installed)", fixtures::DEJAVU);
    } else {
        let pages: usize = pdfs.iter().map(|p| formats::pdf::pages(p).unwrap().len()).sum();
        measure("pdf", "pdf", &pdfs, rounds, "pages", pages);
        println!(
            "             (PDF MB/s counts the embedded 0.7 MB font in each file; pages/s is the figure)"
        );
    }
    let docx: Vec<Vec<u8>> = texts.iter().map(|t| fixtures::docx(t, None)).collect();
    measure("docx", "docx", &docx, rounds, "docs", docx.len());
    let docx_tcvn3: Vec<Vec<u8>> = texts
        .iter()
        .map(|t| fixtures::docx(t, Some(legacy::Legacy::Tcvn3)))
        .collect();
    measure(
        "docx-tcvn3",
        "docx",
        &docx_tcvn3,
        rounds,
        "docs",
        docx_tcvn3.len(),
    );
    let html: Vec<Vec<u8>> = texts.iter().map(|t| fixtures::html(t).into_bytes()).collect();
    measure("html", "html", &html, rounds, "docs", html.len());
    let tcvn3: Vec<Vec<u8>> = texts.iter().map(|t| legacy::encode_tcvn3(t)).collect();
    measure("txt-tcvn3", "txt", &tcvn3, rounds, "docs", tcvn3.len());
    let utf8: Vec<Vec<u8>> = texts.iter().map(|t| t.clone().into_bytes()).collect();
    measure("txt-utf8", "txt", &utf8, rounds, "docs", utf8.len());
}

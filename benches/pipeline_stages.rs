//! Where the extraction pipeline spends its time: `cargo bench --bench pipeline_stages --
//! --dir ARCHIVE [--files N]`. Reads the files into memory first, then runs each stage
//! of [`plancite::pipeline::process_file`] alone over all of them on one thread
//! and prints one table: seconds and MB/s per stage, and each stage's share.

use std::path::{Path, PathBuf};
use std::time::Instant;

use plancite::ingest::{clean, formats};
use plancite::pipeline;
use plancite::understand::{self, context, header, sections};

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).expect("read dir").flatten().collect();
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() {
    let dir = PathBuf::from(arg("--dir").expect("--dir ARCHIVE"));
    let limit: usize = arg("--files").and_then(|v| v.parse().ok()).unwrap_or(usize::MAX);
    let mut paths = Vec::new();
    files_under(&dir, &mut paths);
    paths.truncate(limit);
    let raw: Vec<(PathBuf, Vec<u8>)> = paths
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).expect("read");
            (p, bytes)
        })
        .collect();
    let mb = raw.iter().map(|(_, b)| b.len()).sum::<usize>() as f64 / 1e6;
    let mut rows: Vec<(&str, f64)> = Vec::new();
    let mut time = |name: &'static str, f: &mut dyn FnMut()| {
        let t = Instant::now();
        f();
        rows.push((name, t.elapsed().as_secs_f64()));
    };

    if std::env::args().any(|a| a == "--whole-only") {
        let t = Instant::now();
        let options = pipeline::Options::default();
        for (p, _) in &raw {
            std::hint::black_box(pipeline::process_file(p, &options, &|_, _| false));
        }
        println!("whole process_file: {:.2} s", t.elapsed().as_secs_f64());
        return;
    }
    time("content_hash", &mut || {
        for (_, b) in &raw {
            std::hint::black_box(pipeline::content_hash(b));
        }
    });
    let mut decoded = Vec::new();
    time("read_document (decode)", &mut || {
        decoded = raw
            .iter()
            .map(|(p, b)| formats::read_document(p, b).expect("decodes").text)
            .collect();
    });
    let mut layouts: Vec<String> = decoded.clone();
    for step in clean::LAYOUT_STEPS {
        time(step.name, &mut || {
            layouts = layouts.iter().map(|t| (step.apply)(t)).collect();
        });
    }
    time("join_wrapped_lines", &mut || {
        for l in &layouts {
            std::hint::black_box(clean::join_wrapped_lines(l));
        }
    });
    time("read_header", &mut || {
        for l in &layouts {
            std::hint::black_box(header::read_header(l));
        }
    });
    let mut citations = Vec::new();
    time("cite::extract", &mut || {
        citations = decoded.iter().map(|d| plancite::cite::extract(d)).collect();
    });
    time("contexts", &mut || {
        for (d, cs) in decoded.iter().zip(&citations) {
            for c in cs {
                std::hint::black_box(context::sentence_around(d, c.start, c.end));
            }
        }
    });
    let mut outlines = Vec::new();
    time("sections::outline", &mut || {
        outlines = decoded.iter().map(|d| sections::outline(d)).collect();
    });
    time("task texts (one_line)", &mut || {
        for (d, o) in decoded.iter().zip(&outlines) {
            for s in sections::tasks(o) {
                std::hint::black_box(clean::one_line(d.get(s.start..s.end).unwrap_or_default()));
            }
        }
    });
    time("whole process_file", &mut || {
        let options = pipeline::Options::default();
        for (p, _) in &raw {
            std::hint::black_box(pipeline::process_file(p, &options, &|_, _| false));
        }
    });
    let _ = understand::understand; // the stages above are what it runs

    let parts: f64 = rows.iter().take(rows.len() - 1).map(|r| r.1).sum();
    println!("{} files, {mb:.1} MB, one thread", raw.len());
    println!("| stage | s | MB/s | share of stages |");
    println!("|---|---:|---:|---:|");
    for (name, secs) in &rows {
        println!(
            "| {name} | {secs:.2} | {:.0} | {:.0}% |",
            mb / secs,
            100.0 * secs / parts
        );
    }
}

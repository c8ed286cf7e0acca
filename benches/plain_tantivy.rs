//! The baseline for indexing throughput: plain tantivy over the same files, one stored
//! TEXT field with the default tokenizer, the same number of indexing threads and memory
//! budget as plancite. `cargo bench --bench plain_tantivy -- --dir DIR --index OUT`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use tantivy::schema::{STORED, Schema, TEXT};
use tantivy::{Index, TantivyDocument};

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt" || e == "md") {
            out.push(path);
        }
    }
}

fn main() {
    let dir = PathBuf::from(arg("--dir").expect("--dir DIR"));
    let index_dir = PathBuf::from(arg("--index").expect("--index OUT"));
    let memory_mb: usize = arg("--memory-mb").and_then(|v| v.parse().ok()).unwrap_or(256);
    let _ = std::fs::remove_dir_all(&index_dir);
    std::fs::create_dir_all(&index_dir).unwrap();
    let mut schema = Schema::builder();
    let text = schema.add_text_field("text", TEXT | STORED);
    let index = Index::create_in_dir(&index_dir, schema.build()).unwrap();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut writer = index.writer_with_num_threads(threads, memory_mb << 20).unwrap();
    let mut paths = Vec::new();
    files(&dir, &mut paths);
    let started = Instant::now();
    let mut bytes = 0u64;
    for path in &paths {
        let content = std::fs::read_to_string(path).unwrap();
        bytes += content.len() as u64;
        let mut doc = TantivyDocument::default();
        doc.add_text(text, content);
        writer.add_document(doc).unwrap();
    }
    writer.commit().unwrap();
    writer.wait_merging_threads().unwrap();
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "plain tantivy: {} files, {:.1} MB in {seconds:.1} s = {:.1} MB/s",
        paths.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / seconds
    );
}

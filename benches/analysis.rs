//! What the Vietnamese analyzer costs: `cargo bench --bench analysis [-- --dir DIR]`.
//!
//! 1. Analyzer throughput, MB/s on one core, over the bundled corpus and
//!    `../shared/realdocs` (or `--dir`): plancite's tokenizer in exact and folded form,
//!    tantivy's default analyzer, and lindera segmentation over the lexicon (raw
//!    lindera on lower-cased NFC text, and plancite's word tokenizer, which is
//!    syllables + lindera) for comparison.
//! 2. Indexing throughput, MB/s with one indexing thread: the same texts indexed with
//!    one plain `TEXT` field, with plancite's fields (body exact + folded with
//!    positions, stored text, abbreviation definitions), and with a hypothetical
//!    document-side word field on top.
//! 3. Query analysis latency: normalize, cut, segment and look up abbreviations.
//!
//! Measures only; prints a table. Every figure is the best of a few runs.

use std::path::{Path, PathBuf};
use std::time::Instant;

use plancite::analysis::{self, abbrev, query, segment};
use tantivy::TantivyDocument;
use tantivy::schema::{IndexRecordOption, STORED, STRING, Schema, TEXT, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::{LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, TokenStream};
use unicode_normalization::UnicodeNormalization;

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn texts_in(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("note: {} not found, left out", dir.display());
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

fn megabytes(texts: &[String]) -> f64 {
    texts.iter().map(String::len).sum::<usize>() as f64 / 1e6
}

/// Best MB/s of `f` over `texts`, repeated until about a second has passed.
fn throughput(texts: &[String], mut f: impl FnMut(&str)) -> f64 {
    let mb = megabytes(texts);
    let mut best = 0.0f64;
    let started = Instant::now();
    let mut rounds = 0;
    while rounds < 3 || (started.elapsed().as_secs_f64() < 1.0 && rounds < 50) {
        let t = Instant::now();
        for text in texts {
            f(text);
        }
        best = best.max(mb / t.elapsed().as_secs_f64());
        rounds += 1;
    }
    best
}

fn count_tokens(analyzer: &mut TextAnalyzer, text: &str) -> usize {
    let mut stream = analyzer.token_stream(text);
    let mut n = 0;
    while stream.advance() {
        n += 1;
    }
    n
}

fn analysed(tokenizer: &str) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    )
}

#[derive(Clone, Copy, PartialEq)]
enum Layout {
    Plain,
    Plancite,
    PlanciteWithWords,
}

/// MB/s of indexing `texts` in RAM with one indexing thread, best of three.
fn index_throughput(texts: &[String], layout: Layout) -> f64 {
    let mb = megabytes(texts);
    let mut best = 0.0f64;
    for _ in 0..3 {
        let mut schema = Schema::builder();
        let text = schema.add_text_field(
            "text",
            if layout == Layout::Plain {
                TEXT | STORED
            } else {
                STORED.into()
            },
        );
        let body = schema.add_text_field("body", analysed(analysis::EXACT));
        let body_folded = schema.add_text_field("body_folded", analysed(analysis::FOLDED));
        let abbrevs = schema.add_text_field("abbrevs", STRING);
        let words = schema.add_text_field("words", analysed(analysis::WORDS));
        let index = tantivy::Index::create_in_ram(schema.build());
        analysis::register(&index);
        let mut writer = index.writer_with_num_threads(1, 200_000_000).unwrap();
        let t = Instant::now();
        for content in texts {
            let mut doc = TantivyDocument::default();
            doc.add_text(text, content);
            if layout != Layout::Plain {
                doc.add_text(body, content);
                doc.add_text(body_folded, content);
                for definition in abbrev::definitions(content) {
                    for term in abbrev::index_terms(&definition) {
                        doc.add_text(abbrevs, term);
                    }
                }
            }
            if layout == Layout::PlanciteWithWords {
                doc.add_text(words, content);
            }
            writer.add_document(doc).unwrap();
        }
        writer.commit().unwrap();
        best = best.max(mb / t.elapsed().as_secs_f64());
    }
    best
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = texts_in(&root.join("corpus"));
    let realdocs = texts_in(&arg("--dir").map_or_else(|| root.join("../shared/realdocs"), PathBuf::from));
    let all: Vec<String> = corpus.iter().chain(&realdocs).cloned().collect();
    println!(
        "texts: corpus {} files {:.2} MB, realdocs {} files {:.2} MB",
        corpus.len(),
        megabytes(&corpus),
        realdocs.len(),
        megabytes(&realdocs)
    );

    // 1. Analyzers, one core.
    let mut exact = TextAnalyzer::from(analysis::tokenizer::VietTokenizer::new(
        analysis::tokenizer::Form::Exact,
    ));
    let mut folded = TextAnalyzer::from(analysis::tokenizer::VietTokenizer::new(
        analysis::tokenizer::Form::Folded,
    ));
    let mut default = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .build();
    let mut words = TextAnalyzer::from(segment::WordTokenizer);
    // lindera needs lower-cased NFC text to match the lexicon; prepare it untimed.
    let lower = |texts: &[String]| -> Vec<String> {
        texts.iter().map(|t| t.to_lowercase().nfc().collect()).collect()
    };
    let (corpus_lower, realdocs_lower) = (lower(&corpus), lower(&realdocs));
    let _ = &*segment::SEGMENTER; // load the dictionary outside the timings
    println!("\nanalyzer throughput, one core (MB/s)");
    println!("{:<46} {:>10} {:>10}", "analyzer", "corpus", "realdocs");
    let row = |name: &str, c: f64, r: f64| println!("{name:<46} {c:>10.1} {r:>10.1}");
    let mut sink = 0usize;
    let mut run = |analyzer: &mut TextAnalyzer, texts: &[String]| {
        throughput(texts, |t| sink += count_tokens(analyzer, t))
    };
    let e = (run(&mut exact, &corpus), run(&mut exact, &realdocs));
    row("plancite vi_exact (syllables, exact form)", e.0, e.1);
    let f = (run(&mut folded, &corpus), run(&mut folded, &realdocs));
    row("plancite vi_folded (syllables, no marks)", f.0, f.1);
    let d = (run(&mut default, &corpus), run(&mut default, &realdocs));
    row("tantivy default (simple + lower case)", d.0, d.1);
    let w = (run(&mut words, &corpus), run(&mut words, &realdocs));
    row("plancite vi_words (syllables + lindera)", w.0, w.1);
    let mut raw = |texts: &[String]| {
        throughput(texts, |t| {
            sink += segment::SEGMENTER
                .segment(std::borrow::Cow::Borrowed(t))
                .unwrap()
                .len()
        })
    };
    let l = (raw(&corpus_lower), raw(&realdocs_lower));
    row("lindera alone on lower-cased NFC text", l.0, l.1);

    // 2. Indexing, one indexing thread.
    println!(
        "\nindexing throughput, one indexing thread, corpus + realdocs {:.2} MB (MB/s)",
        megabytes(&all)
    );
    let plain = index_throughput(&all, Layout::Plain);
    let ours = index_throughput(&all, Layout::Plancite);
    let with_words = index_throughput(&all, Layout::PlanciteWithWords);
    println!(
        "{:<58} {:>8.1}",
        "plain tantivy: one TEXT field (stored), default tokenizer", plain
    );
    println!(
        "{:<58} {:>8.1}  ({:.2}x plain)",
        "plancite fields: body exact + folded, text, abbrevs",
        ours,
        ours / plain
    );
    println!(
        "{:<58} {:>8.1}  ({:.2}x plain)",
        "plancite fields + document-side words (vi_words)",
        with_words,
        with_words / plain
    );

    // 3. Query analysis.
    let queries = [
        "binh dang gioi",
        "BÌNH ĐẲNG GIỚI",
        "toạ đàm",
        "kế hoạch thực hiện công tác bình đẳng giới trên địa bàn thành phố năm 2022",
        "VSTBCPN",
        "125/2021/ND-CP",
    ];
    let t = Instant::now();
    let rounds = 2000;
    for _ in 0..rounds {
        for q in queries {
            sink += query::analyse(q, abbrev::built_in()).units.len();
        }
    }
    let micros = t.elapsed().as_secs_f64() * 1e6 / (rounds * queries.len()) as f64;
    println!("\nquery analysis (normalize, cut, segment, abbreviations): {micros:.1} µs per query");
    std::hint::black_box(sink);
}

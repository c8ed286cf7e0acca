//! The citation figures of issue 13, measured on the 380 Gazette documents of
//! `../shared/realarchive`: how many documents cite themselves, how many header numbers
//! are found and right (against MANIFEST.tsv's `number_folded`).
//!
//! `cargo test --release --test realarchive -- --nocapture` prints the figures.

use std::fs;
use std::path::Path;

use plancite::cite::canonical_key;
use plancite::model::Relation;
use plancite::understand::number::{NumberSource, own_number};
use plancite::understand::understand;

const ARCHIVE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/realarchive");

struct Doc {
    file: String,
    text: String,
    number_folded: String,
    plan: plancite::model::Plan,
    source: Option<NumberSource>,
}

fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| match c {
            'Đ' | 'đ' => 'D',
            c => c,
        })
        .collect::<String>()
        .to_uppercase()
}

fn load() -> Vec<Doc> {
    let manifest = fs::read_to_string(Path::new(ARCHIVE).join("MANIFEST.tsv"))
        .unwrap_or_else(|e| panic!("cannot read {ARCHIVE}/MANIFEST.tsv ({e}); ../shared is needed"));
    manifest
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut cols = line.split('\t');
            Some((cols.next()?.to_string(), cols.next()?.to_string()))
        })
        .map(|(file, number_folded)| {
            let bytes = fs::read(Path::new(ARCHIVE).join(&file)).expect("archive file");
            let text = plancite::ingest::read::decode(&bytes).expect("decodes");
            let plan = understand(&file, &text);
            let source = own_number(&file, &text).map(|n| n.source);
            Doc {
                text,
                file,
                number_folded,
                plan,
                source,
            }
        })
        .collect()
}

#[test]
fn figures() {
    let docs = load();
    assert_eq!(docs.len(), 380, "MANIFEST.tsv lists 380 documents");
    let mut self_citing = Vec::new();
    let mut self_citations = 0;
    let mut number_right = 0;
    let mut number_wrong = Vec::new();
    for doc in &docs {
        let own = doc.plan.number.as_deref().and_then(canonical_key);
        // The Gazette's address drops the dot of `66.16/2026/NQ-CP`.
        // The Gazette's address drops the dot of `66.16/2026/NQ-CP` and the zero of
        // `07/2026/TT-BNV`.
        let gazette_form = |n: &str| n.replace('.', "").trim_start_matches('0').to_string();
        if gazette_form(&fold(doc.plan.number.as_deref().unwrap_or(""))) == gazette_form(&doc.number_folded) {
            number_right += 1;
        } else {
            number_wrong.push(format!(
                "{}: {:?} ({:?}) want {}",
                doc.file, doc.plan.number, doc.source, doc.number_folded
            ));
        }
        // Self-citation judged against the Gazette's number, not only the one read.
        let n = doc
            .plan
            .citations
            .iter()
            .filter(|c| fold(&c.key) == doc.number_folded || Some(&c.key) == own.as_ref())
            .count();
        if n > 0 {
            self_citing.push(format!("{} ({n})", doc.file));
            self_citations += n;
        }
    }
    println!("realarchive: {} documents", docs.len());
    println!(
        "self-citing documents: {} ({} citations)",
        self_citing.len(),
        self_citations
    );
    for s in self_citing.iter().take(20) {
        println!("  self: {s}");
    }
    println!(
        "header number right: {number_right}/{} ({:.1}%)",
        docs.len(),
        100.0 * number_right as f64 / docs.len() as f64
    );
    for s in &number_wrong {
        println!("  number: {s}");
    }
    let mut by_source: std::collections::BTreeMap<String, usize> = Default::default();
    for doc in &docs {
        *by_source.entry(format!("{:?}", doc.source)).or_default() += 1;
    }
    println!("header number read from: {by_source:?}");
    for doc in docs.iter().filter(|d| d.source == Some(NumberSource::FileName)) {
        println!("  from the file name: {}", doc.file);
    }
    let mut by_relation: std::collections::BTreeMap<&str, usize> = Default::default();
    let mut stated = 0;
    for c in docs.iter().flat_map(|d| &d.plan.citations) {
        *by_relation.entry(c.relation.as_str()).or_default() += 1;
        stated += usize::from(c.stated.is_some());
    }
    println!("citations by relation: {by_relation:?}; stated relations between cited documents: {stated}");
    let (replaces_sentences, replaces_missed) = replaces_figures(&docs);
    println!(
        "`… này thay thế …` sentences naming a document: {replaces_sentences}, giving `replaces`: {}",
        replaces_sentences - replaces_missed.len()
    );
    for s in &replaces_missed {
        println!("  not replaces: {s}");
    }
    assert!(
        replaces_missed.is_empty(),
        "`này thay thế` without replaces: {replaces_missed:?}"
    );
    assert!(
        self_citing.is_empty(),
        "documents citing themselves: {self_citing:?}"
    );
    assert!(
        number_right * 100 >= docs.len() * 99,
        "header number right for {number_right} of {}",
        docs.len()
    );
}

/// Every `<document type> này thay thế <document>` sentence: how many, and those whose first cited
/// document after `thay thế` (in the same sentence) is not `replaces`.
fn replaces_figures(docs: &[Doc]) -> (usize, Vec<String>) {
    let pattern =
        regex::Regex::new(r"(?:Nghị định|Thông tư|Luật|Nghị quyết|Quyết định|Pháp lệnh)\s+này\s+thay\s+thế")
            .expect("valid regex");
    let mut sentences = 0;
    let mut missed = Vec::new();
    for doc in docs {
        for m in pattern.find_iter(&doc.text) {
            let Some(cited) = doc.plan.citations.iter().find(|c| c.start >= m.end()) else {
                continue;
            };
            let between = &doc.text[m.end()..cited.start];
            if between.len() > 200 || between.contains(';') || between.contains(". ") {
                continue;
            }
            sentences += 1;
            if cited.relation != Relation::Replaces {
                missed.push(format!("{}: {} {:?}", doc.file, cited.key, cited.relation));
            }
        }
    }
    (sentences, missed)
}

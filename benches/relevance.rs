//! Relevance on real questions: `cargo bench --bench relevance [-- --data DIR]
//! [--misses]`.
//!
//! Builds an archive from ALQAC 2022 (`../shared/relevance/alqac2022/`: four
//! Vietnamese codes, 1,377 articles, 520 questions people wrote about them; see its
//! SOURCE.md) through plancite's library — one article = one document, its title the
//! first line of the article's text — asks every question as it is typed, and prints
//! hit@1, hit@5, hit@10, MRR@10, the questions with no hit among the first ten and
//! those for which nothing at all is returned, for
//! plancite and, in the same run, for a plain BM25 baseline: tantivy's default
//! tokenizer (lower-cased syllables), one text field, k1 1.2, b 0.75, a `Should` term
//! query per word, so any word may match. `--misses` lists the questions plancite
//! does not answer first.

use std::path::{Path, PathBuf};
use std::time::Instant;

use plancite::index::Index;
use plancite::index::record::PlanRecord;
use plancite::index::writer::Writer;
use plancite::ingest::clean;
use plancite::query::search::{SearchRequest, search};
use serde_json::Value;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, STORED, STRING, Schema, TEXT, Value as _};
use tantivy::tokenizer::TokenStream;
use tantivy::{TantivyDocument, Term, doc};

const K: usize = 10;

struct Article {
    id: String,
    text: String,
}

struct Question {
    text: String,
    relevant: Vec<String>,
}

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn flag(name: &str) -> bool {
    std::env::args().any(|a| a == name)
}

fn article_id(law: &str, article: &str) -> String {
    format!("{law}#{article}")
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e} (is ../shared beside the checkout?)", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn load(dir: &Path) -> (Vec<Article>, Vec<Question>) {
    let mut articles = Vec::new();
    for law in read_json(&dir.join("laws.json"))
        .as_array()
        .expect("laws.json: a list")
    {
        let law_id = law["id"].as_str().expect("law id");
        for article in law["articles"].as_array().expect("articles") {
            articles.push(Article {
                id: article_id(law_id, article["id"].as_str().expect("article id")),
                text: article["text"].as_str().expect("article text").to_string(),
            });
        }
    }
    let questions = read_json(&dir.join("questions.json"))
        .as_array()
        .expect("questions.json: a list")
        .iter()
        .map(|q| Question {
            text: q["text"].as_str().expect("question text").to_string(),
            relevant: q["relevant_articles"]
                .as_array()
                .expect("relevant_articles")
                .iter()
                .map(|r| {
                    article_id(
                        r["law_id"].as_str().expect("law_id"),
                        r["article_id"].as_str().expect("article_id"),
                    )
                })
                .collect(),
        })
        .collect();
    (articles, questions)
}

/// The articles as plancite documents, written through the library's writer.
fn plancite_archive(dir: &Path, articles: &[Article]) -> Index {
    let index = Index::open_or_create(&dir.join("index")).expect("create index");
    let mut writer = Writer::new(&index, 256).expect("writer");
    for article in articles {
        let mut plan = plancite::understand::understand(&article.id, &article.text);
        plan.title = article.text.lines().next().map(str::to_string);
        plan.citations.clear();
        let record = PlanRecord {
            id: article.id.clone(),
            hash: String::new(),
            plan,
            contexts: Vec::new(),
            copies: Vec::new(),
        };
        let body = clean::join_wrapped_lines(&clean::layout(&article.text));
        writer
            .upsert(record, &article.id, &article.text, &body)
            .expect("add article");
    }
    writer.commit(true).expect("commit");
    index
}

/// Plain BM25 over lower-cased syllables, any word may match.
struct Baseline {
    index: tantivy::Index,
    id: tantivy::schema::Field,
    text: tantivy::schema::Field,
}

impl Baseline {
    fn new(articles: &[Article]) -> Baseline {
        let mut schema = Schema::builder();
        let id = schema.add_text_field("id", STRING | STORED);
        let text = schema.add_text_field("text", TEXT);
        let index = tantivy::Index::create_in_ram(schema.build());
        let mut writer = index.writer(50_000_000).expect("writer");
        for article in articles {
            writer
                .add_document(doc!(id => article.id.as_str(), text => article.text.as_str()))
                .expect("add");
        }
        writer.commit().expect("commit");
        Baseline { index, id, text }
    }

    fn ranked(&self, question: &str) -> Vec<String> {
        let mut tokenizer = self.index.tokenizer_for_field(self.text).expect("tokenizer");
        let mut stream = tokenizer.token_stream(question);
        let mut words: Vec<String> = Vec::new();
        while stream.advance() {
            let word = stream.token().text.clone();
            if !words.contains(&word) {
                words.push(word);
            }
        }
        let clauses: Vec<(Occur, Box<dyn Query>)> = words
            .iter()
            .map(|w| {
                let term = TermQuery::new(Term::from_field_text(self.text, w), IndexRecordOption::WithFreqs);
                (Occur::Should, Box::new(term) as Box<dyn Query>)
            })
            .collect();
        let searcher = self.index.reader().expect("reader").searcher();
        searcher
            .search(
                &BooleanQuery::new(clauses),
                &TopDocs::with_limit(K).order_by_score(),
            )
            .expect("search")
            .into_iter()
            .map(|(_, address)| {
                let doc: TantivyDocument = searcher.doc(address).expect("doc");
                doc.get_first(self.id)
                    .and_then(|v| v.as_str())
                    .unwrap_or("")
                    .to_string()
            })
            .collect()
    }
}

#[derive(Default)]
struct Scores {
    at1: usize,
    at5: usize,
    at10: usize,
    reciprocal: f64,
    no_hit: usize,
    nothing: usize,
    questions: usize,
}

impl Scores {
    /// Records one question; returns the rank (1-based) of the first relevant article.
    fn add(&mut self, ranked: &[String], relevant: &[String]) -> Option<usize> {
        self.questions += 1;
        self.nothing += usize::from(ranked.is_empty());
        let rank = ranked
            .iter()
            .take(K)
            .position(|id| relevant.contains(id))
            .map(|i| i + 1);
        match rank {
            Some(r) => {
                self.at1 += usize::from(r == 1);
                self.at5 += usize::from(r <= 5);
                self.at10 += 1;
                self.reciprocal += 1.0 / r as f64;
            }
            None => self.no_hit += 1,
        }
        rank
    }

    fn row(&self, name: &str, seconds: f64) -> String {
        let n = self.questions.max(1) as f64;
        format!(
            "| {name} | {:.3} | {:.3} | {:.3} | {:.3} | {} | {} | {:.1} |",
            self.at1 as f64 / n,
            self.at5 as f64 / n,
            self.at10 as f64 / n,
            self.reciprocal / n,
            self.no_hit,
            self.nothing,
            seconds * 1000.0 / n
        )
    }
}

fn main() {
    let data = arg("--data").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/relevance/alqac2022"),
        PathBuf::from,
    );
    let (articles, questions) = load(&data);
    let dir = tempfile::tempdir().expect("temp dir");
    let started = Instant::now();
    let index = plancite_archive(dir.path(), &articles);
    let built = started.elapsed().as_secs_f64();
    let baseline = Baseline::new(&articles);
    println!(
        "{} articles, {} questions ({}); plancite archive built in {built:.1} s",
        articles.len(),
        questions.len(),
        data.display()
    );

    let (mut ours, mut plain) = (Scores::default(), Scores::default());
    let (mut ours_time, mut plain_time) = (0.0, 0.0);
    let mut misses = Vec::new();
    for question in &questions {
        let t = Instant::now();
        let mut request = SearchRequest::new(&question.text);
        request.limit = K;
        let ranked: Vec<String> = search(&index, &request)
            .unwrap_or_else(|e| panic!("{}: {e}", question.text))
            .hits
            .into_iter()
            .map(|h| h.id)
            .collect();
        ours_time += t.elapsed().as_secs_f64();
        let rank = ours.add(&ranked, &question.relevant);
        if rank != Some(1) {
            misses.push((rank, question, ranked.first().cloned().unwrap_or_default()));
        }
        let t = Instant::now();
        let theirs = baseline.ranked(&question.text);
        plain_time += t.elapsed().as_secs_f64();
        plain.add(&theirs, &question.relevant);
    }
    println!();
    println!(
        "| engine | hit@1 | hit@5 | hit@10 | MRR@10 | no hit in 10 | nothing returned | ms per question |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    println!("{}", ours.row("plancite", ours_time));
    println!("{}", plain.row("plain BM25 (syllables, any word)", plain_time));
    if flag("--misses") {
        println!();
        for (rank, question, first) in misses {
            let rank = rank.map_or("-".to_string(), |r| r.to_string());
            println!(
                "{rank:>2}  {}  want {:?}, first {first}",
                question.text, question.relevant
            );
        }
    }
}

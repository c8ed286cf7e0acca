//! Query latency on an existing index: `cargo bench --bench latency -- --index DIR
//! [--runs N]`. Prints p50 and p99 for `search` and `cites`, and how many plans each
//! `cites` question finds.

use std::path::PathBuf;
use std::time::Instant;

use plancite::index::Index;
use plancite::query::citations::{cites, cites_page, citing_ids};
use plancite::query::search::{SearchRequest, search};

const QUESTION_25: &str = "Mức phạt đối với hành vi vi phạm pháp luật về bình đẳng giới trong lĩnh vực lao \
                           động và việc làm là bao nhiêu?";

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn measure(runs: usize, mut f: impl FnMut()) -> (f64, f64) {
    f(); // warm the page cache and the reader
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(|a, b| a.total_cmp(b));
    (percentile(&times, 0.5), percentile(&times, 0.99))
}

fn main() {
    let path = PathBuf::from(arg("--index").expect("--index DIR"));
    let runs: usize = arg("--runs").and_then(|v| v.parse().ok()).unwrap_or(200);
    let index = Index::open(&path).expect("open index");
    println!("| question | p50 ms | p99 ms | plans found |");
    println!("|---|---:|---:|---:|");
    for query in [
        "bình đẳng giới",
        "binh dang gioi",
        "\"tháng hành động\"",
        "bạo lực trên cơ sở giới",
        "tháng hành động",
        // A question of 25 words, one of them (`mức phạt`) in no synthetic plan.
        QUESTION_25,
    ] {
        let request = SearchRequest::new(query);
        let total = search(&index, &request).unwrap().total;
        let (p50, p99) = measure(runs, || {
            search(&index, &request).unwrap();
        });
        println!("| search {query} | {p50:.2} | {p99:.2} | {total} |");
    }
    // Every word required, as `plancite search` was before it ranked partial matches.
    for query in ["bình đẳng giới", QUESTION_25] {
        let request = SearchRequest {
            match_mode: plancite::query::search::Match::All,
            ..SearchRequest::new(query)
        };
        let total = search(&index, &request).unwrap().total;
        let (p50, p99) = measure(runs, || {
            search(&index, &request).unwrap();
        });
        println!("| search {query} --match all | {p50:.2} | {p99:.2} | {total} |");
    }
    for key in ["125/2021/NĐ-CP", "2282/QD-TTg", "11-NQ/TW"] {
        // The question grep -l answers: which plans cite it (ids, oldest first).
        let (_, ids) = citing_ids(&index, key).unwrap();
        let (p50, p99) = measure(runs, || {
            citing_ids(&index, key).unwrap();
        });
        println!(
            "| cites {key} (ids, oldest first) | {p50:.2} | {p99:.2} | {} |",
            ids.len()
        );
        // What the page and the API ask: the exact total and the first 100, oldest first.
        let found = cites_page(&index, key, 0, Some(100)).unwrap().total;
        let (p50, p99) = measure(runs, || {
            cites_page(&index, key, 0, Some(100)).unwrap();
        });
        println!("| cites {key} (total + first 100) | {p50:.2} | {p99:.2} | {found} |");
        // What `plancite cites` prints: every citing plan with its contexts.
        let (p50, p99) = measure(runs.min(5), || {
            cites(&index, key).unwrap();
        });
        println!("| cites {key} (all, with contexts) | {p50:.2} | {p99:.2} | {found} |");
    }
}

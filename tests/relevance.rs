//! Relevance over the bundled corpus: does a query find the right plans however its
//! words are typed, and rank words above scattered syllables?
//!
//! One table, input → expected: each query with the plans it must find, the plans it
//! must not find, and where it matters the order. plancite returns every plan holding
//! any of the query's words, those holding every word first (`all_words`): "found"
//! here means found holding every word, and a plan that "must not" be found may follow
//! only as a partial match, below them (tiers: every plan of a tier ranks
//! above every plan of the next). Queries are typed without marks, in capitals,
//! decomposed (NFD), in the old and the new tone style, as abbreviations, as document
//! numbers, and as words whose syllables some plans have only scattered.
//!
//! The same table runs against plain tantivy: an in-memory index of the same five
//! texts with one `TEXT` field (the default tokenizer) searched through `QueryParser`
//! with conjunction by default (so both engines AND the words). The test asserts
//! plancite's column only and prints both: `cargo test --test relevance -- --nocapture`.

use std::path::Path;

use plancite::index::Index;
use plancite::index::build::{BuildOptions, build};
use plancite::ingest::progress::Silent;
use plancite::query::search::{SearchRequest, search};
use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{STORED, STRING, Schema, TEXT, Value};
use tantivy::{TantivyDocument, doc};

const HP17: &str = "2017-hai-phong-1016-CTr-BCD";
const TH20: &str = "2020-thanh-hoa-397-SLDTBXH-TEBDG";
const BMT22: &str = "2022-buon-ma-thuot-48-KH-UBND";
const HP22: &str = "2022-hai-phong-70-KH-UBND";
const LC23: &str = "2023-lai-chau-01-BVSTBPN-VP";
const ALL: &[&str] = &[HP17, TH20, BMT22, HP22, LC23];

struct Case {
    /// What is typed.
    query: &'static str,
    /// How it is typed, for the printed table.
    how: &'static str,
    /// Plans that must be found.
    must: &'static [&'static str],
    /// Plans that must not be found.
    must_not: &'static [&'static str],
    /// Tiers of plans in rank order (empty: any order).
    tiers: &'static [&'static [&'static str]],
}

const fn case(query: &'static str, how: &'static str, must: &'static [&'static str]) -> Case {
    Case {
        query,
        how,
        must,
        must_not: &[],
        tiers: &[],
    }
}

fn table() -> Vec<Case> {
    let nfd = |s: &'static str| -> &'static str {
        use unicode_normalization::UnicodeNormalization;
        Box::leak(s.nfd().collect::<String>().into_boxed_str())
    };
    vec![
        // One word, typed every way.
        case("bình đẳng giới", "as written", ALL),
        case("binh dang gioi", "no marks", ALL),
        case("BÌNH ĐẲNG GIỚI", "capitals", ALL),
        case(nfd("bình đẳng giới"), "decomposed (NFD)", ALL),
        case("BÌNH ÐẲNG GIỚI", "Ð (U+00D0) for Đ", ALL),
        case("bình\u{00A0}đẳng\u{00A0}giới", "no-break spaces", ALL),
        // Tone-mark style: the plans write tọa đàm (Hải Phòng 2022 across a line break).
        Case {
            must_not: &[BMT22],
            ..case("tọa đàm", "old tone style", &[HP17, TH20, HP22, LC23])
        },
        Case {
            must_not: &[BMT22],
            ..case("toạ đàm", "new tone style", &[HP17, TH20, HP22, LC23])
        },
        Case {
            must_not: &[BMT22],
            ..case("toa dam", "no marks", &[HP17, TH20, HP22, LC23])
        },
        Case {
            must_not: &[BMT22],
            ..case(nfd("toạ đàm"), "NFD, new style", &[HP17, TH20, HP22, LC23])
        },
        case("thanh hoá", "new style; plan writes Hóa", &[TH20]),
        case("sức khoẻ", "new style; plans write khỏe", &[TH20, BMT22, HP22]),
        // Words, not syllables: Hải Phòng 2017 has đa dạng and hóa, apart.
        Case {
            must_not: &[HP17],
            ..case("da dang hoa", "no marks; word", &[TH20, BMT22, HP22, LC23])
        },
        Case {
            must_not: &[HP17],
            ..case("đa dạng hoá", "new style; word", &[TH20, BMT22, HP22, LC23])
        },
        Case {
            must_not: &[HP17, HP22, LC23],
            ..case("\"bo luat lao dong\"", "quoted phrase, no marks", &[TH20, BMT22])
        },
        Case {
            must_not: &[HP17, HP22, LC23],
            ..case("bộ luật lao động", "word (lexicon)", &[TH20, BMT22])
        },
        Case {
            must_not: &[TH20, LC23],
            ..case(
                "luật bình đẳng giới",
                "word; 2 plans scatter it",
                &[HP17, BMT22, HP22],
            )
        },
        Case {
            must_not: &[HP22],
            ..case("hội thảo", "word; HP 2022 scatters it", &[HP17, TH20, LC23])
        },
        Case {
            must_not: &[HP22],
            ..case(
                "can bo nu",
                "no marks; HP 2022 scatters it",
                &[HP17, TH20, BMT22, LC23],
            )
        },
        Case {
            must_not: &[HP17],
            ..case(
                "bạo lực gia đình",
                "word; HP 2017 scatters it",
                &[TH20, BMT22, HP22, LC23],
            )
        },
        Case {
            must_not: &[HP17, TH20, BMT22],
            ..case("ngan sach", "no marks; 2 plans scatter it", &[HP22, LC23])
        },
        Case {
            must_not: &[BMT22, LC23],
            ..case("hai phong", "place, no marks", &[HP17, HP22])
        },
        // Ranking: plans with the words side by side above plans with them apart.
        Case {
            tiers: &[&[TH20, BMT22, HP22], &[HP17, LC23]],
            ..case("thực hiện bình đẳng giới", "two words, together in 3", ALL)
        },
        Case {
            tiers: &[&[HP22], &[HP17, TH20, BMT22, LC23]],
            ..case("kinh phi thuc hien", "two words, together in 1", ALL)
        },
        Case {
            tiers: &[&[HP17, TH20, HP22, LC23], &[BMT22]],
            ..case("báo cáo kết quả", "two words, apart in 1", ALL)
        },
        // Marks typed: the exact form first (Lai Châu 2023 has only dương, dưỡng …).
        Case {
            tiers: &[&[HP17, TH20, BMT22, HP22], &[LC23]],
            ..case("đường", "with marks", ALL)
        },
        // Abbreviations, both ways, across plans.
        case("VSTBCPN", "abbreviation (3 plans use it)", ALL),
        case("vstbcpn", "abbreviation, lower case", ALL),
        case("vì sự tiến bộ của phụ nữ", "expansion", ALL),
        case("BĐG", "abbreviation", ALL),
        case("BDG", "abbreviation, no marks", ALL),
        case("UBND", "abbreviation", ALL),
        case("uy ban nhan dan", "expansion; Lai Châu writes UBND only", ALL),
        Case {
            must_not: &[BMT22],
            ..case(
                "hội đồng nhân dân",
                "expansion; 2 plans write HĐND",
                &[HP17, TH20, HP22, LC23],
            )
        },
        case("HĐND", "abbreviation", &[HP17, TH20, HP22, LC23]),
        case(
            "lao dong thuong binh va xa hoi",
            "no marks; Lai Châu omits và",
            ALL,
        ),
        case("LĐTBXH", "abbreviation", ALL),
        // Document numbers stay whole.
        Case {
            must_not: &[HP17, TH20, BMT22, LC23],
            ..case("125/2021/ND-CP", "number, ND for NĐ", &[HP22])
        },
        Case {
            must_not: &[HP17, TH20, BMT22, LC23],
            ..case("125/2021/nđ-cp", "number, lower case", &[HP22])
        },
        Case {
            must_not: &[HP17, TH20, BMT22, LC23],
            ..case("125/2021/NĐ-CP", "number as written", &[HP22])
        },
    ]
}

/// How one engine did on one case.
struct Outcome {
    found: usize,
    wrong: usize,
    order_ok: bool,
}

impl Outcome {
    fn of(case: &Case, ranked: &[String]) -> Outcome {
        let has = |plan: &&&str| ranked.iter().any(|r| r == **plan);
        let rank = |plan: &str| ranked.iter().position(|r| r == plan);
        let order_ok = case.tiers.windows(2).all(|pair| {
            pair[0].iter().all(|upper| {
                pair[1].iter().all(|lower| match (rank(upper), rank(lower)) {
                    (Some(u), Some(l)) => u < l,
                    (Some(_), None) => true,
                    _ => false,
                })
            })
        });
        Outcome {
            found: case.must.iter().filter(has).count(),
            wrong: case.must_not.iter().filter(has).count(),
            order_ok,
        }
    }

    fn ok(&self, case: &Case) -> bool {
        self.found == case.must.len() && self.wrong == 0 && self.order_ok
    }

    fn cell(&self, case: &Case) -> String {
        let mut s = format!("{}/{}", self.found, case.must.len());
        if self.wrong > 0 {
            s.push_str(&format!(" +{} wrong", self.wrong));
        }
        if !case.tiers.is_empty() && !self.order_ok {
            s.push_str(" order✗");
        }
        format!("{} {s}", if self.ok(case) { "✓" } else { "✗" })
    }
}

fn plancite_index(dir: &Path) -> Index {
    let index = Index::open_or_create(&dir.join("index")).unwrap();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let report = build(&index, &[corpus], &BuildOptions::default(), &Silent).unwrap();
    assert_eq!(report.total, 5);
    index
}

/// The plans that hold every word of the query, in rank order; they must all rank
/// above the partial matches, and `all_words_total` must count them.
fn plancite_ranked(index: &Index, query: &str) -> Vec<String> {
    let mut request = SearchRequest::new(query);
    request.limit = 100;
    let result = search(index, &request).unwrap_or_else(|e| panic!("{query}: {e}"));
    let whole = result.hits.iter().take_while(|h| h.all_words).count();
    assert!(
        result.hits[whole..].iter().all(|h| !h.all_words),
        "{query}: a partial match ranks above a plan with every word"
    );
    assert_eq!(result.all_words_total, whole, "{query}: all_words_total");
    result.hits.into_iter().take(whole).map(|h| h.id).collect()
}

/// Plain tantivy: the five texts, one TEXT field, the default tokenizer.
struct Plain {
    index: tantivy::Index,
    id: tantivy::schema::Field,
    parser: QueryParser,
}

impl Plain {
    fn new() -> Plain {
        let mut schema = Schema::builder();
        let id = schema.add_text_field("id", STRING | STORED);
        let text = schema.add_text_field("text", TEXT);
        let index = tantivy::Index::create_in_ram(schema.build());
        let mut writer = index.writer(15_000_000).unwrap();
        for plan in ALL {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("corpus/{plan}.txt"));
            let body = std::fs::read_to_string(path).unwrap();
            writer.add_document(doc!(id => *plan, text => body)).unwrap();
        }
        writer.commit().unwrap();
        let mut parser = QueryParser::for_index(&index, vec![text]);
        parser.set_conjunction_by_default();
        Plain { index, id, parser }
    }

    fn ranked(&self, query: &str) -> Vec<String> {
        let (query, _errors) = self.parser.parse_query_lenient(query);
        let searcher = self.index.reader().unwrap().searcher();
        let top = searcher
            .search(&query, &TopDocs::with_limit(100).order_by_score())
            .unwrap();
        top.into_iter()
            .map(|(_, address)| {
                let doc: TantivyDocument = searcher.doc(address).unwrap();
                doc.get_first(self.id)
                    .and_then(|v| v.as_str())
                    .unwrap()
                    .to_string()
            })
            .collect()
    }
}

fn short(plan: &str) -> &'static str {
    match plan {
        HP17 => "HP17",
        TH20 => "TH20",
        BMT22 => "BMT22",
        HP22 => "HP22",
        LC23 => "LC23",
        _ => "?",
    }
}

fn shown(query: &str) -> String {
    query
        .chars()
        .map(|c| match c {
            '\u{00A0}' => "⍽".to_string(),
            c if unicode_normalization::char::is_combining_mark(c) => format!("◌{c}"),
            c => c.to_string(),
        })
        .collect()
}

#[test]
fn relevance_table() {
    let dir = tempfile::tempdir().unwrap();
    let index = plancite_index(dir.path());
    let plain = Plain::new();
    let cases = table();
    assert!(cases.len() >= 30, "{} cases", cases.len());

    let mut failures = Vec::new();
    let (mut plancite_ok, mut plain_ok) = (0, 0);
    println!();
    println!(
        "{:<3} {:<32} {:<36} {:<20} {:<16} {:<16}",
        "#", "query", "typed as", "expected", "plancite", "plain tantivy"
    );
    for (i, case) in cases.iter().enumerate() {
        let ours = plancite_ranked(&index, case.query);
        let theirs = plain.ranked(case.query);
        let (o, p) = (Outcome::of(case, &ours), Outcome::of(case, &theirs));
        plancite_ok += usize::from(o.ok(case));
        plain_ok += usize::from(p.ok(case));
        let expected = if case.must.len() == ALL.len() {
            "all 5".to_string()
        } else {
            case.must.iter().map(|p| short(p)).collect::<Vec<_>>().join(" ")
        };
        println!(
            "{:<3} {:<32} {:<36} {:<20} {:<16} {:<16}",
            i + 1,
            shown(case.query),
            case.how,
            expected,
            o.cell(case),
            p.cell(case)
        );
        if !o.ok(case) {
            let got: Vec<&str> = ours.iter().map(|p| short(p)).collect();
            failures.push(format!("{:?} ({}): got {got:?}", case.query, case.how));
        }
    }
    println!(
        "\nplancite {plancite_ok}/{n} cases right, plain tantivy {plain_ok}/{n}",
        n = cases.len()
    );
    assert!(failures.is_empty(), "plancite failed:\n{}", failures.join("\n"));
}

/// A definition one plan makes reaches every plan, and leaves with its plan.
#[test]
fn learned_abbreviations_work_across_plans() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    std::fs::create_dir_all(&archive).unwrap();
    let plans = [
        (
            "a.txt",
            "KẾ HOẠCH\nMục tiêu phát triển bền vững (PTBV) của tỉnh giai đoạn 2021-2025.",
        ),
        (
            "b.txt",
            "KẾ HOẠCH\nLồng ghép các mục tiêu phát triển bền vững vào kế hoạch năm.",
        ),
        ("c.txt", "KẾ HOẠCH\nBáo cáo kết quả thực hiện PTBV năm 2023."),
        ("d.txt", "KẾ HOẠCH\nPhát triển kinh tế; bền vững về môi trường."),
    ];
    for (name, text) in plans {
        std::fs::write(archive.join(name), text).unwrap();
    }
    let index = Index::open_or_create(&dir.path().join("index")).unwrap();
    build(
        &index,
        std::slice::from_ref(&archive),
        &BuildOptions::default(),
        &Silent,
    )
    .unwrap();
    // The plans holding every word of the query (others follow as partial matches).
    let files = |query: &str| -> Vec<String> {
        let mut request = SearchRequest::new(query);
        request.limit = 100;
        let mut found: Vec<String> = search(&index, &request)
            .unwrap()
            .hits
            .into_iter()
            .filter(|h| h.all_words)
            .map(|h| h.summary.file.rsplit('/').next().unwrap().to_string())
            .collect();
        found.sort();
        found
    };
    assert_eq!(files("PTBV"), ["a.txt", "b.txt", "c.txt"]);
    // A defined name is one word: d has its syllables, but not side by side.
    assert_eq!(files("phat trien ben vung"), ["a.txt", "b.txt", "c.txt"]);

    std::fs::remove_file(archive.join("a.txt")).unwrap();
    build(&index, &[archive], &BuildOptions::default(), &Silent).unwrap();
    assert_eq!(files("PTBV"), ["c.txt"]);
    // No longer a defined name: two words, each found somewhere in d.
    assert_eq!(files("phát triển bền vững"), ["b.txt", "d.txt"]);
}

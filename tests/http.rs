//! The HTTP API as a client meets it, through the router without a socket: every
//! endpoint, its errors, concurrent requests, and an index updated while serving; then
//! the real `plancite serve` over a socket, stopped by SIGTERM.

mod server;

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use plancite::http::{AppState, router};
use plancite::index::Index;
use plancite::index::build::{BuildOptions, build};
use plancite::ingest::progress::Silent;
use serde_json::Value;
use tower::ServiceExt;

const HAI_PHONG_2017: &str = "2017-hai-phong-1016-CTr-BCD";
const THANH_HOA_2020: &str = "2020-thanh-hoa-397-SLDTBXH-TEBDG";
const HAI_PHONG_2022: &str = "2022-hai-phong-70-KH-UBND";
const LAI_CHAU_2023: &str = "2023-lai-chau-01-BVSTBPN-VP";

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn build_index(path: &Path, dirs: &[PathBuf]) -> Index {
    let index = Index::open_or_create(path).expect("create index");
    let report = build(&index, dirs, &BuildOptions::default(), &Silent).expect("build index");
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    index
}

/// One index of the bundled corpus, shared by the tests of this file.
fn corpus_index() -> &'static Arc<Index> {
    static INDEX: OnceLock<Arc<Index>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("http-tests-corpus-index");
        let _ = std::fs::remove_dir_all(&path);
        Arc::new(build_index(&path, &[repo().join("corpus")]))
    })
}

fn corpus_app() -> Router {
    router(AppState::new(Arc::clone(corpus_index())))
}

async fn send(app: &Router, method: &str, uri: &str) -> (StatusCode, HeaderMap, Vec<u8>) {
    let request = Request::builder()
        .method(method)
        .uri(uri)
        .body(Body::empty())
        .unwrap();
    let response = app.clone().oneshot(request).await.expect("router answers");
    let (parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX).await.expect("body");
    (parts.status, parts.headers, bytes.to_vec())
}

async fn get(app: &Router, uri: &str) -> (StatusCode, HeaderMap, Vec<u8>) {
    send(app, "GET", uri).await
}

/// Status and JSON body; fails when the body is not JSON.
async fn get_json(app: &Router, uri: &str) -> (StatusCode, Value) {
    let (status, headers, body) = get(app, uri).await;
    assert_eq!(
        headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()),
        Some("application/json"),
        "{uri}"
    );
    let value = serde_json::from_slice(&body)
        .unwrap_or_else(|e| panic!("{uri}: not JSON ({e}): {}", String::from_utf8_lossy(&body)));
    (status, value)
}

fn ids(hits: &Value) -> Vec<String> {
    hits.as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn search_answers_with_the_promised_shape() {
    let app = corpus_app();
    let (status, result) = get_json(&app, "/api/search?q=binh%20dang%20gioi").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(result["total"], 5);
    assert_eq!(result["query"], "binh dang gioi");
    assert!(result["took_ms"].as_f64().is_some_and(|ms| ms >= 0.0));
    let hits = result["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 5);
    for field in [
        "id", "file", "number", "doc_type", "place", "date", "year", "title", "score", "snippet",
    ] {
        assert!(hits[0].get(field).is_some(), "hit field {field}");
    }
    assert!(
        hits.iter()
            .all(|h| h["snippet"].as_str().unwrap().contains("<mark>"))
    );
    for facet in ["year", "place", "doc_type"] {
        let counts = result["facets"][facet]
            .as_object()
            .unwrap_or_else(|| panic!("facet {facet}"));
        let sum: u64 = counts.values().map(|v| v.as_u64().unwrap()).sum();
        assert!(sum >= 5 || facet != "year", "{facet}: {sum}");
    }
    // `+` and accented forms read the same.
    let (_, accented) = get_json(&app, "/api/search?q=b%C3%ACnh+%C4%91%E1%BA%B3ng+gi%E1%BB%9Bi").await;
    assert_eq!(accented["total"], 5);
}

#[tokio::test]
async fn search_filters_and_pages() {
    let app = corpus_app();
    let total = |uri: String| {
        let app = app.clone();
        async move {
            let (status, result) = get_json(&app, &uri).await;
            assert_eq!(status, StatusCode::OK, "{uri}: {result}");
            result["total"].as_u64().unwrap()
        }
    };
    assert_eq!(total("/api/search?q=binh+dang+gioi&year=2022".into()).await, 2);
    assert_eq!(
        total("/api/search?q=binh+dang+gioi&from=2020&to=2022".into()).await,
        3
    );
    assert_eq!(total("/api/search?q=binh+dang+gioi&from=2021".into()).await, 3);
    assert_eq!(total("/api/search?q=&year=2017".into()).await, 1);
    // Each place and type facet value, used as a filter, finds as many plans as it counts.
    let (_, all) = get_json(&app, "/api/search?q=binh+dang+gioi").await;
    for (facet, param) in [("place", "place"), ("doc_type", "type")] {
        for (value, count) in all["facets"][facet].as_object().unwrap() {
            let uri = format!("/api/search?q=binh+dang+gioi&{param}={}", urlencode(value));
            assert_eq!(total(uri).await, count.as_u64().unwrap(), "{param}={value}");
        }
    }
    // Plans that cite a key, typed as a person would.
    assert_eq!(total("/api/search?cites=2282%2FQD-TTg".into()).await, 2);

    let mut seen = Vec::new();
    for (offset, want) in [(0, 2), (2, 2), (4, 1), (6, 0)] {
        let (status, page) = get_json(
            &app,
            &format!("/api/search?q=binh+dang+gioi&limit=2&offset={offset}"),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(page["total"], 5);
        let page_ids = ids(&page["hits"]);
        assert_eq!(page_ids.len(), want, "offset {offset}");
        seen.extend(page_ids);
    }
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 5);
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn bad_parameters_are_400_with_a_message_naming_them() {
    let app = corpus_app();
    let long_q = "a".repeat(1001);
    let cases: &[(&str, &str)] = &[
        (
            "/api/search?limit=-1",
            "limit must be a whole number from 1 to 100",
        ),
        (
            "/api/search?q=x&limit=0",
            "limit must be a whole number from 1 to 100",
        ),
        (
            "/api/search?q=x&limit=101",
            "limit must be a whole number from 1 to 100",
        ),
        (
            "/api/search?q=x&limit=abc",
            "limit must be a whole number from 1 to 100",
        ),
        ("/api/search?q=x&offset=-1", "offset must be a whole number"),
        (
            "/api/search?q=x&offset=99999999999",
            "offset must be a whole number",
        ),
        ("/api/search?q=x&year=twenty", "year must be a whole number"),
        (
            "/api/search?q=x&from=2023&to=2020",
            "from (2023) must not be after to (2020)",
        ),
        ("/api/search?q=x&year=2022&to=2023", "give either year or from/to"),
        (
            &format!("/api/search?q={long_q}"),
            "q must be at most 1000 characters",
        ),
        ("/api/search?q=x&yera=2022", "unknown parameter \"yera\""),
        (
            &format!("/api/search?cites={}", "1".repeat(201)),
            "cites must be at most 200 characters",
        ),
        (
            "/api/top-cited?limit=0",
            "limit must be a whole number from 1 to 100",
        ),
        ("/api/top-cited?limit=x", "limit must be a whole number"),
        (
            "/api/graph?format=png",
            "format must be json, dot, graphml or csv",
        ),
        ("/api/plans/70%2FKH-UBND?x=1", "unknown parameter \"x\""),
        ("/api/cites/%FF%FE", "not valid UTF-8"),
        (
            "/api/cites/11-NQ%2FTW?limit=0",
            "limit must be a whole number from 1 to 1000",
        ),
        ("/api/cites/11-NQ%2FTW?page=2", "unknown parameter \"page\""),
        (
            "/api/cites/11-NQ%2FTW?relation=cites",
            "relation must be one of basis",
        ),
    ];
    for (uri, want) in cases {
        let (status, body) = get_json(&app, uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {body}");
        let error = body["error"]
            .as_str()
            .unwrap_or_else(|| panic!("{uri}: no error field: {body}"));
        assert!(error.contains(want), "{uri}: {error:?} does not contain {want:?}");
        assert_eq!(
            body.as_object().unwrap().len(),
            1,
            "{uri}: only the error: {body}"
        );
    }
}

#[tokio::test]
async fn a_plan_with_its_text_and_citations_both_ways() {
    let app = corpus_app();
    let (status, plan) = get_json(&app, &format!("/api/plans/{HAI_PHONG_2022}")).await;
    assert_eq!(status, StatusCode::OK, "{plan}");
    assert_eq!(plan["id"], HAI_PHONG_2022);
    assert_eq!(plan["number"], "70/KH-UBND");
    assert!(plan["text"].as_str().unwrap().contains("Lê Khắc Nam"));
    for field in [
        "file",
        "doc_type",
        "issuer",
        "place",
        "date",
        "year",
        "title",
        "signer",
        "recipients",
        "sections",
    ] {
        assert!(plan.get(field).is_some(), "field {field}");
    }
    let citations = plan["citations"].as_array().unwrap();
    assert!(
        citations.iter().any(|c| c["key"] == "2282/QĐ-TTg"),
        "{citations:?}"
    );
    for c in citations {
        for field in ["key", "relation", "resolution", "text", "context", "in_archive"] {
            assert!(c.get(field).is_some(), "citation field {field}: {c}");
        }
    }
    assert!(plan["cited_by"].is_array());
    // Nothing in the corpus replaces or amends it.
    assert!(plan["status"].is_null(), "{}", plan["status"]);
    assert_eq!(plan["statuses"], serde_json::json!([]));

    // Named by its number, with the slash percent-encoded, or by file. (The lower-case
    // number needs the real key parser, as `plancite show 70/kh-ubnd` does.)
    for name in [
        "70%2FKH-UBND",
        "70%2Fkh-ubnd",
        "corpus%2F2022-hai-phong-70-KH-UBND.txt",
    ] {
        let (status, same) = get_json(&app, &format!("/api/plans/{name}")).await;
        assert_eq!(status, StatusCode::OK, "{name}: {same}");
        assert_eq!(same["id"], HAI_PHONG_2022, "{name}");
    }
}

#[tokio::test]
async fn unknown_plans_keys_and_paths_are_404() {
    let app = corpus_app();
    for uri in [
        "/api/plans/nope",
        "/api/plans/999%2FXX-NOPE",
        "/api/cites/999%2F2099%2FND-CP",
        "/api/nothing",
        "/favicon.ico",
    ] {
        let (status, body) = get_json(&app, uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}: {body}");
        assert!(
            body["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{uri}: {body}"
        );
    }
    let (status, body) = get_json(&app, "/api/plans/nope").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body["error"].as_str().unwrap().contains("nope"));
}

/// Holds once the real citation extractor has landed (the placeholder finds both too).
#[tokio::test]
async fn every_plan_citing_a_key_typed_any_way() {
    let app = corpus_app();
    for uri in [
        "/api/cites/2282%2FQD-TTg",
        "/api/cites/2282/QD-TTg",
        "/api/cites/2282%2FQ%C4%90-TTg",
    ] {
        let (status, result) = get_json(&app, uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}: {result}");
        assert_eq!(result["key"], "2282/QĐ-TTg", "{uri}");
        let citing = ids(&result["citing"]);
        assert_eq!(citing, [HAI_PHONG_2022, LAI_CHAU_2023], "{uri}: oldest first");
        for plan in result["citing"].as_array().unwrap() {
            let contexts = plan["contexts"].as_array().unwrap();
            assert!(!contexts.is_empty());
            assert!(
                contexts
                    .iter()
                    .all(|c| c.as_str().unwrap().contains("2282/QĐ-TTg")),
                "{contexts:?}"
            );
        }
        assert!(result["in_archive"].is_array());
        assert_eq!(result["total"], 2, "{uri}");
    }
}

#[tokio::test]
async fn citing_plans_come_a_page_at_a_time_with_the_full_total() {
    let app = corpus_app();
    let (status, all) = get_json(&app, "/api/cites/11-NQ%2FTW").await;
    assert_eq!(status, StatusCode::OK, "{all}");
    let every = ids(&all["citing"]);
    assert_eq!(every, [HAI_PHONG_2017, THANH_HOA_2020, LAI_CHAU_2023]);
    let mut paged = Vec::new();
    for offset in 0..3 {
        let uri = format!("/api/cites/11-NQ%2FTW?limit=1&offset={offset}");
        let (status, page) = get_json(&app, &uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}: {page}");
        assert_eq!(
            (page["total"].as_u64(), page["offset"].as_u64()),
            (Some(3), Some(offset))
        );
        paged.extend(ids(&page["citing"]));
    }
    assert_eq!(paged, every, "pages put together give the whole list, in order");
    let (status, past) = get_json(&app, "/api/cites/11-NQ%2FTW?offset=3").await;
    assert_eq!(status, StatusCode::OK, "{past}");
    assert_eq!(
        (past["total"].as_u64(), past["citing"].as_array().map(Vec::len)),
        (Some(3), Some(0))
    );
}

#[tokio::test]
async fn graph_in_each_format_with_its_content_type() {
    let app = corpus_app();
    let cases = [
        ("", "application/json", "\"nodes\""),
        ("?format=json", "application/json", "\"edges\""),
        (
            "?format=dot",
            "text/vnd.graphviz; charset=utf-8",
            "digraph citations {",
        ),
        (
            "?format=graphml",
            "application/graphml+xml; charset=utf-8",
            "<graphml",
        ),
        (
            "?format=csv",
            "text/csv; charset=utf-8",
            "source,target,relation,resolution,count",
        ),
    ];
    for (query, content_type, contains) in cases {
        let (status, headers, body) = get(&app, &format!("/api/graph{query}")).await;
        assert_eq!(status, StatusCode::OK, "{query}");
        assert_eq!(headers[header::CONTENT_TYPE], content_type, "{query}");
        let body = String::from_utf8(body).unwrap();
        assert!(body.contains(contains), "{query}: {body:.200}");
    }
    let (_, graph) = get_json(&app, "/api/graph?format=json").await;
    let nodes = graph["nodes"].as_array().unwrap();
    assert_eq!(nodes.iter().filter(|n| n["kind"] == "plan").count(), 5);
    assert!(nodes.iter().any(|n| n["id"] == "doc:2282/QĐ-TTg"));
}

#[tokio::test]
async fn top_cited_stats_and_health() {
    let app = corpus_app();
    let (status, top) = get_json(&app, "/api/top-cited?limit=2").await;
    assert_eq!(status, StatusCode::OK);
    let documents = top["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 2);
    assert!(documents[0]["plans"].as_u64() >= documents[1]["plans"].as_u64());
    assert!(top["cited_documents"].as_u64().unwrap() >= 2);
    let (_, default) = get_json(&app, "/api/top-cited").await;
    let key_2282 = default["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["key"] == "2282/QĐ-TTg")
        .cloned();
    assert_eq!(key_2282.expect("2282/QĐ-TTg is cited")["plans"], 2);

    let (status, stats) = get_json(&app, "/api/stats").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(stats["plans"], 5);
    assert!(stats["citations"].as_u64().unwrap() >= 3);
    assert!(stats["index_bytes"].as_u64().unwrap() > 10_000, "{stats}");
    let last_commit = stats["last_commit"].as_str().unwrap();
    assert!(
        last_commit.len() == 20 && last_commit.ends_with('Z') && last_commit.as_bytes()[10] == b'T',
        "{last_commit}"
    );
    assert!(stats["last_commit_unix"].as_u64().unwrap() > 1_600_000_000);

    let (status, health) = get_json(&app, "/healthz").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(health["status"], "ok");
}

#[tokio::test]
async fn trace_answers_years_and_threads() {
    let app = corpus_app();
    let (status, body) = get_json(&app, "/api/trace?q=th%C3%A1ng%20h%C3%A0nh%20%C4%91%E1%BB%99ng").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let years: Vec<i64> = body["years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| y["year"].as_i64().unwrap())
        .collect();
    assert_eq!(years, [2017, 2020, 2022, 2023]);
    assert_eq!(body["threads"][0]["tasks"].as_array().unwrap().len(), 5);
    let (status, body) = get_json(&app, "/api/trace?q=x&from=2023&to=2017").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body["error"].as_str().unwrap().contains("from"), "{body}");
    let (status, body) = get_json(&app, "/api/trace").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body["error"].as_str().unwrap().contains("q"), "{body}");
}

/// The API ranks as the library does, says how many plans hold every word, keeps
/// `match=all` strict, and traces a question with a word no task holds.
#[tokio::test]
async fn the_api_ranks_questions_as_the_library_does() {
    let app = corpus_app();
    let question = "mức phạt vi phạm bình đẳng giới";
    let (status, any) = get_json(&app, &format!("/api/search?q={}", urlencode(question))).await;
    assert_eq!(status, StatusCode::OK, "{any}");
    let index = corpus_index();
    let library =
        plancite::query::search::search(index, &plancite::query::search::SearchRequest::new(question))
            .unwrap();
    let library_ids: Vec<String> = library.hits.iter().map(|h| h.id.clone()).collect();
    assert_eq!(ids(&any["hits"]), library_ids);
    assert_eq!(any["total"], library.total);
    assert_eq!(any["all_words_total"], library.all_words_total);
    let (_, all) = get_json(&app, &format!("/api/search?q={}&match=all", urlencode(question))).await;
    assert_eq!(all["total"], any["all_words_total"]);
    assert!(
        all["hits"]
            .as_array()
            .unwrap()
            .iter()
            .all(|h| h["all_words"] == true)
    );
    let (status, bad) = get_json(&app, "/api/search?q=x&match=some").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(bad["error"].as_str().unwrap().contains("match"), "{bad}");
    let (status, trace) = get_json(
        &app,
        &format!("/api/trace?q={}", urlencode("tháng hành động xyzzy")),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{trace}");
    assert_eq!(trace["all_words_total"], 0);
    assert!(!trace["years"].as_array().unwrap().is_empty(), "{trace}");
}

#[tokio::test]
async fn the_page_is_served_from_the_binary() {
    let app = corpus_app();
    let (status, headers, body) = get(&app, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "text/html; charset=utf-8");
    // Scripts only from this server's files: no inline script, no inline handler.
    let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    let script_src = csp
        .split(';')
        .map(str::trim)
        .find(|d| d.starts_with("script-src"))
        .unwrap_or_else(|| panic!("no script-src in {csp}"));
    assert_eq!(script_src, "script-src 'self'");
    let html = String::from_utf8(body).unwrap();
    for part in [
        "<meta charset=\"utf-8\">",
        "lang=\"vi\"",
        "id=\"q\"",
        "<script src=\"/static/app.js\" defer></script>",
        "<a href=\"/api/stats\">",
        // The limits the script pages by, the server's own.
        "data-max-offset=\"10000\" data-page-size=\"10\" data-max-filter-chars=\"200\"",
        "maxlength=\"1000\"",
    ] {
        assert!(html.contains(part), "page lacks {part}");
    }
    assert_eq!(html.matches("<script").count(), 2, "two scripts, from files");
    assert!(html.contains("<script src=\"/static/draw.js\" defer></script>"));
    let inline_handler = regex::Regex::new(r#"(?i)\son[a-z]+\s*="#).unwrap();
    assert!(!inline_handler.is_match(&html), "an inline event handler");

    let (status, headers, body) = get(&app, "/static/app.js").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "text/javascript; charset=utf-8");
    let js = String::from_utf8(body).unwrap();
    for part in [
        "/api/search?",
        "#/plan/",
        "#/cites/",
        "/api/cited?q=",
        "/api/diff?",
    ] {
        assert!(js.contains(part), "script lacks {part}");
    }
    assert!(!js.contains(".innerHTML"), "data must go in as text");
    let (status, headers, body) = get(&app, "/static/draw.js").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "text/javascript; charset=utf-8");
    let draw = String::from_utf8(body).unwrap();
    assert!(draw.contains("neighbourhoodSvg") && !draw.contains(".innerHTML"));
}

#[tokio::test]
async fn cited_documents_named_by_a_loosely_typed_number() {
    let app = corpus_app();
    // (typed, keys named)
    let cases: &[(&str, &[&str])] = &[
        ("QĐ 2282", &["2282/QĐ-TTg"]),
        ("quyết định 2282", &["2282/QĐ-TTg"]),
        ("125/2021/ND-CP", &["125/2021/NĐ-CP"]),
        ("nghị định 125", &["125/2021/NĐ-CP"]),
        ("QĐ 9999", &[]),
    ];
    for (typed, want) in cases {
        let (status, body) = get_json(&app, &format!("/api/cited?q={}", urlencode(typed))).await;
        assert_eq!(status, StatusCode::OK, "{typed}: {body}");
        let keys: Vec<&str> = body["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["key"].as_str().unwrap())
            .collect();
        assert_eq!(&keys, want, "{typed}");
    }
    assert_eq!(get_json(&app, "/api/cited").await.0, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_diff_of_two_tasks() {
    let app = corpus_app();
    let (status, body) = get_json(
        &app,
        "/api/diff?a=2017-hai-phong-1016-CTr-BCD~II.2&b=2022-hai-phong-70-KH-UBND~II.2",
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let ops: Vec<&str> = body["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["op"].as_str().unwrap())
        .collect();
    for op in ["equal", "delete", "insert"] {
        assert!(ops.contains(&op), "no {op} in {ops:?}");
    }
    assert_eq!(
        get_json(&app, "/api/diff?a=nope~I&b=nope~II").await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(get_json(&app, "/api/diff?a=x").await.0, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_plans_file_and_no_other_file() {
    let app = corpus_app();
    let (status, headers, body) = get(&app, "/api/plans/2022-hai-phong-70-KH-UBND/file").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        body,
        std::fs::read(repo().join("corpus/2022-hai-phong-70-KH-UBND.txt")).unwrap()
    );
    assert_eq!(headers[header::CONTENT_TYPE], "text/plain; charset=utf-8");
    assert!(
        headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .starts_with("attachment; filename=\"2022-hai-phong-70-KH-UBND.txt\""),
    );
    // By number too.
    assert_eq!(get(&app, "/api/plans/70%2FKH-UBND/file").await.0, StatusCode::OK);
    for path in [
        "/api/plans/..%2F..%2F..%2Fetc%2Fpasswd/file",
        "/api/plans/%2Fetc%2Fpasswd/file",
        "/api/plans/corpus%2F2022-hai-phong-70-KH-UBND.txt%2F..%2F..%2FCargo.toml/file",
        "/api/plans/nope/file",
    ] {
        let (status, _, body) = get(&app, path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(!String::from_utf8_lossy(&body).contains("root:"), "{path}");
    }
}

#[tokio::test]
async fn wrong_methods_get_a_json_405() {
    let app = corpus_app();
    let (status, headers, body) = send(&app, "POST", "/api/search?q=x").await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(headers[header::CONTENT_TYPE], "application/json");
    let body: Value = serde_json::from_slice(&body).unwrap();
    assert!(body["error"].as_str().unwrap().contains("GET"));
    let (status, _, _) = send(&app, "HEAD", "/api/search?q=x").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn many_requests_at_once_all_get_answers() {
    let app = corpus_app();
    let uris = [
        "/api/search?q=binh+dang+gioi",
        "/api/search?q=%22tháng+hành+động%22&limit=3",
        "/api/search?limit=-1",
        "/api/plans/2022-hai-phong-70-KH-UBND",
        "/api/plans/nope",
        "/api/cites/11-NQ%2FTW",
        "/api/graph?format=dot",
        "/api/top-cited",
        "/api/stats",
    ];
    let mut tasks = Vec::new();
    for i in 0..90 {
        let app = app.clone();
        let uri = uris[i % uris.len()];
        tasks.push(tokio::spawn(async move { (uri, get(&app, uri).await.0) }));
    }
    for task in tasks {
        let (uri, status) = task.await.unwrap();
        let want = if uri.contains("-1") {
            StatusCode::BAD_REQUEST
        } else if uri.contains("nope") {
            StatusCode::NOT_FOUND
        } else {
            StatusCode::OK
        };
        assert_eq!(status, want, "{uri}");
    }
}

/// `plancite index` run while serving: the next commit becomes visible to the running
/// service without a restart.
#[tokio::test]
async fn a_commit_while_serving_becomes_visible() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (dir.path().join("first"), dir.path().join("second"));
    std::fs::create_dir_all(&first).unwrap();
    std::fs::create_dir_all(&second).unwrap();
    std::fs::copy(
        repo().join(format!("corpus/{HAI_PHONG_2022}.txt")),
        first.join("a.txt"),
    )
    .unwrap();
    std::fs::copy(
        repo().join(format!("corpus/{LAI_CHAU_2023}.txt")),
        second.join("b.txt"),
    )
    .unwrap();
    let path = dir.path().join("index");
    let served = Arc::new(build_index(&path, std::slice::from_ref(&first)));
    let app = router(AppState::new(served));
    let total = || async {
        let (status, result) = get_json(&app, "/api/search?q=binh+dang+gioi").await;
        assert_eq!(status, StatusCode::OK);
        result["total"].as_u64().unwrap()
    };
    assert_eq!(total().await, 1);
    let (_, stats_before) = get_json(&app, "/api/stats").await;

    // Another process's writer, as `plancite index` would be.
    let path_for_writer = path.clone();
    tokio::task::spawn_blocking(move || {
        let writer_side = Index::open(&path_for_writer).unwrap();
        let report = build(&writer_side, &[second], &BuildOptions::default(), &Silent).unwrap();
        assert_eq!(report.indexed, 1);
    })
    .await
    .unwrap();

    let started = Instant::now();
    while total().await != 2 {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the new commit never became visible"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let (_, stats_after) = get_json(&app, "/api/stats").await;
    assert_eq!(stats_after["plans"], 2, "{stats_before} -> {stats_after}");
    let (status, _) = get_json(&app, "/api/plans/b").await;
    assert_eq!(status, StatusCode::OK);
}

/// The acceptance run over a real socket: `serve` builds the index when there is none,
/// answers, and stops cleanly on SIGTERM.
#[cfg(unix)]
#[test]
fn serve_builds_answers_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = server::repo().join("corpus");
    let mut server = server::Server::start(&dir.path().join("index"), &[&corpus]);
    let http = server::client();
    let get = |path: &str| {
        let mut response = http.get(format!("{}{path}", server.url)).call().expect("request");
        let status = response.status().as_u16();
        let body: Value = response.body_mut().read_json().expect("JSON");
        (status, body)
    };
    let (status, found) = get("/api/search?q=binh%20dang%20gioi");
    assert_eq!((status, found["total"].as_u64()), (200, Some(5)), "{found}");
    assert_eq!(get("/api/search?limit=-1").0, 400);
    assert_eq!(get("/api/plans/nope").0, 404);
    assert_eq!(
        get("/api/cites/2282%2FQD-TTg").1["citing"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );

    let pid = server.child.id().to_string();
    assert!(
        // The shell's own `kill`: no procps needed.
        std::process::Command::new("sh")
            .args(["-c", &format!("kill -TERM {pid}")])
            .status()
            .unwrap()
            .success()
    );
    let started = Instant::now();
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "serve did not stop on SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status}: {}", server.stderr());
    std::thread::sleep(Duration::from_millis(100));
    assert!(server.stderr().contains("shutting down"), "{}", server.stderr());
}

//! One function per endpoint: read parameters, run the question on the blocking pool,
//! shape the JSON. The questions themselves are [`crate::query`]'s.

use std::collections::HashMap;
use std::path::Path as FsPath;
use std::time::{Instant, UNIX_EPOCH};

use axum::Json;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, Uri, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::{Value, json};

use super::error::ApiError;
use super::params::{self, Params};
use super::{AppState, Shared};
use crate::index::reader;
use crate::query::citations::{self, CitedDocument, CitingPlan};
use crate::query::graph;
use crate::query::request;
use crate::query::search::{Facets, SearchHit, search as run_search};
use crate::query::trace::{self, TraceResult};
use crate::render::Format;

type Answer<T = Json<Value>> = Result<T, ApiError>;
type QueryParams = Result<Query<HashMap<String, String>>, QueryRejection>;

/// The page's HTML and its script, compiled into the binary.
const PAGE: &str = include_str!("page.html");
/// The page with the limits its script pages by, from [`request`].
static PAGE_WITH_LIMITS: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    [
        ("{MAX_OFFSET}", request::MAX_OFFSET),
        ("{DEFAULT_LIMIT}", request::DEFAULT_LIMIT),
        ("{MAX_QUERY_CHARS}", request::MAX_QUERY_CHARS),
        ("{MAX_FILTER_CHARS}", request::MAX_FILTER_CHARS),
    ]
    .iter()
    .fold(PAGE.to_string(), |page, (name, value)| {
        page.replace(name, &value.to_string())
    })
});
const APP_JS: &str = include_str!("app.js");
const DRAW_JS: &str = include_str!("draw.js");

/// A page starting this deep (`offset`) is an expensive question: it reads every hit before it.
const DEEP_OFFSET: usize = 1_000;

/// Citing plans a `/api/cites` page may ask for and still be a cheap question.
const CHEAP_CITES: usize = 100;
/// What the page may load and run: its own script file from this server (no inline
/// script, no inline handler), calls to this server, nothing else.
const PAGE_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; \
     connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

fn params(query: QueryParams) -> Result<Params, ApiError> {
    match query {
        Ok(Query(map)) => Ok(Params::from(map)),
        Err(e) => Err(ApiError::bad_request(format!(
            "the query string cannot be read: {}",
            e.body_text()
        ))),
    }
}

fn path_value(path: Result<Path<String>, PathRejection>, what: &str) -> Result<String, ApiError> {
    match path {
        Ok(Path(value)) => Ok(value),
        Err(_) => Err(ApiError::bad_request(format!(
            "the {what} in the path is not valid UTF-8 once percent-decoded"
        ))),
    }
}

/// `GET /`: the web page.
pub async fn page() -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(PAGE_CSP),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
            (header::REFERRER_POLICY, HeaderValue::from_static("no-referrer")),
        ],
        PAGE_WITH_LIMITS.as_str(),
    )
        .into_response()
}

/// `GET /static/app.js`: the page's script.
pub async fn app_js() -> Response {
    script(APP_JS)
}

/// `GET /static/draw.js`: the page's drawing (the neighbourhood picture, CSV).
pub async fn draw_js() -> Response {
    script(DRAW_JS)
}

fn script(body: &'static str) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/javascript; charset=utf-8"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        body,
    )
        .into_response()
}

/// `GET /healthz`: the service is up and has an index.
pub async fn healthz(State(state): State<AppState>) -> Json<Value> {
    Json(json!({ "status": "ok", "plans": state.index().plan_count().ok() }))
}

/// Unknown paths.
pub async fn not_found(uri: Uri) -> ApiError {
    ApiError::NotFound(format!(
        "no such page or endpoint: {}; the API is /api/search, /api/plans/ID, /api/plans/ID/file, \
         /api/cites/KEY, /api/cited?q=, /api/diff?a=&b=, /api/graph, /api/top-cited, /api/stats, /api/trace",
        uri.path()
    ))
}

#[derive(Serialize)]
pub struct SearchResponse {
    query: String,
    total: usize,
    all_words_total: usize,
    took_ms: f64,
    hits: Vec<SearchHit>,
    facets: Facets,
}

/// `GET /api/search?q=&year=&from=&to=&place=&type=&cites=&offset=&limit=`
pub async fn search(State(state): State<AppState>, query: QueryParams) -> Answer<Json<SearchResponse>> {
    let request = params::search_request(&params(query)?)?;
    // Tasks read hundreds of plans, and a deep page all the hits before it.
    let expensive = request.level == crate::query::search::Level::Task || request.offset >= DEEP_OFFSET;
    let work = move |s: &Shared| {
        let started = Instant::now();
        let result = run_search(&s.index, &request)?;
        let took_ms = (started.elapsed().as_secs_f64() * 1e5).round() / 100.0;
        Ok(SearchResponse {
            query: result.query,
            total: result.total,
            all_words_total: result.all_words_total,
            took_ms,
            hits: result.hits,
            facets: result.facets,
        })
    };
    let answer = if expensive {
        state.blocking_expensive(work).await?
    } else {
        state.blocking(work).await?
    };
    Ok(Json(answer))
}

/// `GET /api/trace?q=&from=&to=&place=`: the same JSON as `plancite trace --json`.
pub async fn trace(State(state): State<AppState>, query: QueryParams) -> Answer<Json<TraceResult>> {
    let request = params::trace_request(&params(query)?)?;
    let answer = state
        .blocking_expensive(move |s| Ok(trace::trace(&s.index, &request)?))
        .await?;
    Ok(Json(answer))
}

/// One plan as `/api/plans/{id}` answers: the fields of [`crate::model::Plan`], its
/// citations with their contexts and where they point, the plans citing it, its text.
#[derive(Serialize)]
pub struct PlanResponse {
    id: String,
    file: String,
    number: Option<String>,
    doc_type: Option<String>,
    issuer: Option<String>,
    place: Option<String>,
    date: Option<String>,
    year: Option<i32>,
    title: Option<String>,
    signer: Option<String>,
    recipients: Vec<String>,
    /// `file`, then the other files with the same content still on disk.
    files: Vec<String>,
    sections: Vec<crate::model::Section>,
    /// Each citation, in order, with its sentence and the id of the cited plan when the
    /// archive holds it.
    citations: Vec<citations::Reference>,
    cited_by: Vec<CitingPlan>,
    /// What the archive says became of the plan (`replaced` by …), or `null`.
    status: Option<citations::Status>,
    /// Every act on it the archive knows, oldest first.
    statuses: Vec<citations::Status>,
    text: String,
}

/// `GET /api/plans/{id}`: one plan with its text, its citations (each linked to the plan
/// it names when that is in the archive) and the plans citing it. `id` may also be the
/// plan's file name or number (`70%2FKH-UBND`).
pub async fn plan(
    State(state): State<AppState>,
    path: Result<Path<String>, PathRejection>,
    query: QueryParams,
) -> Answer<Response> {
    params(query)?.only(&[])?;
    let name = path_value(path, "plan id")?;
    if let Some(plan) = name.strip_suffix("/file") {
        return plan_file(&state, plan.to_string()).await;
    }
    Ok(plan_json(&state, name).await?.into_response())
}

/// `GET /api/plans/{id}/file`: the file a plan was read from, as it is on disk now. Only
/// the file the index names for that plan is ever read, so no path a client sends can
/// reach any other file.
async fn plan_file(state: &AppState, name: String) -> Answer<Response> {
    let (file, bytes) = state
        .blocking(move |s| {
            let (record, _) = reader::find_plan(&s.index, &name)?;
            let file = record.plan.file;
            let path = FsPath::new(&file);
            let readable = std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file());
            let bytes = readable
                .then(|| std::fs::read(path).ok())
                .flatten()
                .ok_or_else(|| {
                    ApiError::NotFound(format!("the file of {} is no longer at {file}", record.id))
                })?;
            Ok((file, bytes))
        })
        .await?;
    let name = FsPath::new(&file)
        .file_name()
        .map_or_else(|| "plan".to_string(), |n| n.to_string_lossy().into_owned());
    let content_type = match FsPath::new(&name).extension().and_then(|e| e.to_str()) {
        Some("txt" | "md") => "text/plain; charset=utf-8",
        Some("html" | "htm") => "text/plain; charset=utf-8",
        Some("pdf") => "application/pdf",
        Some("docx") => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/octet-stream",
    };
    // RFC 6266: an ASCII fallback name and the real one, percent-encoded.
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let disposition = format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}");
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition).map_err(|e| ApiError::internal(e.to_string()))?,
            ),
            // A plan's HTML file is served as text and never rendered here.
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static("default-src 'none'; sandbox"),
            ),
        ],
        bytes,
    )
        .into_response())
}

async fn plan_json(state: &AppState, name: String) -> Answer<Json<PlanResponse>> {
    let plan = state
        .blocking(move |s| {
            let (record, text) = reader::find_plan(&s.index, &name)?;
            let refs = citations::refs_of(&s.index, &record)?;
            let files = std::iter::once(record.plan.file.clone())
                .chain(record.copies.into_iter().filter(|c| FsPath::new(c).is_file()))
                .collect();
            let plan = record.plan;
            Ok(PlanResponse {
                id: record.id,
                file: plan.file,
                number: plan.number,
                doc_type: plan.doc_type,
                issuer: plan.issuer,
                place: plan.place,
                date: plan.date,
                year: plan.year,
                title: plan.title,
                signer: plan.signer,
                recipients: plan.recipients,
                files,
                sections: plan.sections,
                citations: refs.refs,
                cited_by: refs.cited_by,
                status: refs.status,
                statuses: refs.statuses,
                text,
            })
        })
        .await?;
    Ok(Json(plan))
}

#[derive(Serialize)]
pub struct NamedResponse {
    query: String,
    documents: Vec<crate::query::lookup::NamedDocument>,
}

/// `GET /api/cited?q=`: the cited documents a typed number may name (`QĐ 2282`), most
/// cited first, at most 20.
pub async fn cited(State(state): State<AppState>, query: QueryParams) -> Answer<Json<NamedResponse>> {
    let params = params(query)?;
    params.only(&["q"])?;
    let q = request::required_text(
        "q",
        params.text("q", request::MAX_FILTER_CHARS)?,
        "a document number",
    )?;
    let answer = state
        .blocking(move |s| {
            let documents = crate::query::lookup::documents_named(&s.index, &q)?;
            Ok(NamedResponse { query: q, documents })
        })
        .await?;
    Ok(Json(answer))
}

/// `GET /api/diff?a=TASK&b=TASK`: the word diff of two tasks, as `plancite diff --json`.
pub async fn diff(
    State(state): State<AppState>,
    query: QueryParams,
) -> Answer<Json<crate::query::diff::TaskDiff>> {
    let params = params(query)?;
    params.only(&["a", "b"])?;
    let task = |name: &str| -> Result<String, ApiError> {
        let text = params.text(name, request::MAX_FILTER_CHARS)?;
        Ok(request::required_text(name, text, "a task id, PLAN~II.2")?)
    };
    let (a, b) = (task("a")?, task("b")?);
    let answer = state
        .blocking(move |s| Ok(crate::query::diff::diff_tasks(&s.index, &a, &b)?))
        .await?;
    Ok(Json(answer))
}

#[derive(Serialize)]
pub struct ArchivePlan {
    id: String,
    number: Option<String>,
    title: Option<String>,
}

#[derive(Serialize)]
pub struct CitesResponse {
    /// The key in canonical form.
    key: String,
    /// Plans of the archive that carry this number (the cited document itself, when the
    /// archive holds it).
    in_archive: Vec<ArchivePlan>,
    /// How many plans cite it in all.
    total: usize,
    /// Where `citing` starts among them.
    offset: usize,
    /// The relation asked for with `?relation=`.
    #[serde(skip_serializing_if = "Option::is_none")]
    relation: Option<crate::model::Relation>,
    citing: Vec<CitingPlan>,
    /// For a law's bare name: each version known, with the plans citing it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    versions: Vec<citations::VersionCites>,
}

/// `GET /api/cites/{key}?offset=&limit=&relation=`: the plans citing a document (with
/// `relation`, only those citing it so), oldest first,
/// with the sentences where it does: all of them, or `limit` (1–1,000) from `offset`;
/// `total` counts them all. The key is typed any way a person would, percent-encoded
/// (`2282%2FQD-TTg`) or not (`2282/QD-TTg`).
pub async fn cites(
    State(state): State<AppState>,
    path: Result<Path<String>, PathRejection>,
    query: QueryParams,
) -> Answer<Json<CitesResponse>> {
    let key = path_value(path, "key")?;
    let request = params::cites_request(&params(query)?, key)?;
    let (offset, limit) = (request.offset, request.limit);
    // All the contexts of a much-cited key, or a deep page, read many plans.
    let expensive = limit.is_none_or(|l| l > CHEAP_CITES) || offset >= DEEP_OFFSET;
    let work = move |s: &Shared| {
        let result = citations::cites_with(&s.index, &request.key, request.relation, offset, limit)?;
        if result.cited_by_nobody() {
            return Err(ApiError::NotFound(format!(
                "no plan in the archive cites {}",
                result.key
            )));
        }
        let in_archive = reader::records_with(&s.index, s.index.fields.number_key, &result.key)?
            .into_iter()
            .map(|r| ArchivePlan {
                id: r.id,
                number: r.plan.number,
                title: r.plan.title,
            })
            .collect();
        Ok(CitesResponse {
            key: result.key,
            in_archive,
            total: result.total,
            offset,
            relation: result.relation,
            citing: result.citing,
            versions: result.versions,
        })
    };
    let answer = if expensive {
        state.blocking_expensive(work).await?
    } else {
        state.blocking(work).await?
    };
    Ok(Json(answer))
}

/// `GET /api/graph?format=json|dot|graphml|csv`: the whole citation network.
pub async fn graph(State(state): State<AppState>, query: QueryParams) -> Answer<Response> {
    let params = params(query)?;
    params.only(&["format"])?;
    let format = match params.text("format", 20)? {
        Some(raw) => crate::query::request::choice("format", &raw)?,
        None => Format::Json,
    };
    let body = state
        .blocking_expensive(move |s| {
            let graph = s.graph.get(&s.index, graph::build)?;
            Ok(crate::render::graph(&graph, format))
        })
        .await?;
    let content_type = match format {
        Format::Json => "application/json",
        Format::Dot => "text/vnd.graphviz; charset=utf-8",
        Format::Graphml => "application/graphml+xml; charset=utf-8",
        Format::Csv => "text/csv; charset=utf-8",
    };
    Ok((
        [(header::CONTENT_TYPE, HeaderValue::from_static(content_type))],
        body,
    )
        .into_response())
}

#[derive(Serialize)]
pub struct TopCitedResponse {
    /// How many distinct documents are cited in the whole archive.
    cited_documents: usize,
    documents: Vec<CitedDocument>,
}

/// `GET /api/top-cited?limit=`: cited documents by the number of plans citing them.
pub async fn top_cited(State(state): State<AppState>, query: QueryParams) -> Answer<Json<TopCitedResponse>> {
    let limit = params::top_cited_request(&params(query)?)?.limit;
    let answer = state
        .blocking(move |s| {
            let top = top_cited_cached(s)?;
            Ok(TopCitedResponse {
                cited_documents: citations::cited_counts(&s.index)?.len(),
                documents: top.iter().take(limit).cloned().collect(),
            })
        })
        .await?;
    Ok(Json(answer))
}

/// The most cited documents the endpoint may show, kept until the next commit.
fn top_cited_cached(s: &Shared) -> crate::Result<std::sync::Arc<Vec<CitedDocument>>> {
    s.cited
        .get(&s.index, |index| citations::top_cited(index, request::MAX_LIMIT))
}

#[derive(Serialize)]
pub struct Stats {
    plans: u64,
    citations: usize,
    cited_documents: usize,
    segments: usize,
    /// Bytes the index takes on disk.
    index_bytes: u64,
    /// When the index was last committed, RFC 3339 in UTC, and as Unix seconds.
    last_commit: Option<String>,
    last_commit_unix: Option<u64>,
}

/// `GET /api/stats`: size and freshness of the index.
pub async fn stats(State(state): State<AppState>, query: QueryParams) -> Answer<Json<Stats>> {
    params(query)?.only(&[])?;
    let stats = state
        .blocking(|s| {
            let searcher = s.index.searcher();
            let cited = citations::cited_counts(&s.index)?;
            let path = s.index.path();
            let last_commit_unix = std::fs::metadata(path.join("meta.json"))
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map(|d| d.as_secs());
            Ok(Stats {
                plans: s.index.plan_count()?,
                citations: cited.iter().map(|d| d.citations).sum(),
                cited_documents: cited.len(),
                segments: searcher.segment_readers().len(),
                index_bytes: dir_size(path),
                last_commit: last_commit_unix.map(rfc3339),
                last_commit_unix,
            })
        })
        .await?;
    Ok(Json(stats))
}

/// Bytes of the files under `dir`; files that vanish meanwhile (a merge) count 0.
fn dir_size(dir: &FsPath) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|entry| match entry.metadata() {
            Ok(m) if m.is_dir() => dir_size(&entry.path()),
            Ok(m) => m.len(),
            Err(_) => 0,
        })
        .sum()
}

/// Unix seconds as `YYYY-MM-DDTHH:MM:SSZ`.
fn rfc3339(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Howard Hinnant's civil-from-days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_dates() {
        let cases = [
            (0, "1970-01-01T00:00:00Z"),
            (951_782_400, "2000-02-29T00:00:00Z"),
            (1_700_000_000, "2023-11-14T22:13:20Z"),
            (4_102_444_799, "2099-12-31T23:59:59Z"),
        ];
        for (secs, want) in cases {
            assert_eq!(rfc3339(secs), want, "{secs}");
        }
    }
}

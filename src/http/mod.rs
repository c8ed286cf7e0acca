//! The HTTP service: the JSON API and the one web page, over one shared [`Index`].
//!
//! [`router`] builds the whole service from an [`AppState`]; tests call it without a
//! socket, and [`serve`] runs it on a listener until Ctrl-C or SIGTERM. Handlers parse
//! their own parameters ([`params`]) so a bad value gets a message naming it, run every
//! tantivy call on the blocking pool (never on the async threads) under a cap on how many
//! run at once, and turn library errors into statuses ([`error`]): the user's mistakes are
//! 400 or 404 with `{"error": "…"}`, internal faults are 500 `{"error": "internal error"}`
//! with the detail on stderr only. A request timeout and a panic catcher wrap everything,
//! so no input stops the server.
//!
//! The index is shared, not copied: its reader follows new commits (a `plancite index`
//! run while serving becomes visible within about a second, without a restart). Views of
//! the whole archive (graph, top-cited, statistics) are computed once per index
//! generation and reused until the next commit.
//!
//! Hostile clients: [`serve`] reads each request's headers within a deadline (a client
//! that sends them slowly, or keeps an idle connection open, is dropped), holds at most
//! [`Config::max_connections`] connections (more are closed at once), and runs the
//! expensive questions — a trace, the graph, deep pages — under their own smaller cap so
//! that they cannot take the workers a search needs. On a loopback address it answers
//! only requests whose `Host` names this machine (`localhost`, the address) or a name
//! allowed with `--allow-host`: a web page cannot reach it through DNS rebinding.
//!
//! This module does not find or rank anything itself; that is [`crate::query`].

pub mod error;
mod handlers;
pub mod params;

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use axum::routing::get;
use tokio::sync::Semaphore;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

use crate::index::Index;
use error::ApiError;

/// How long one request may take before it is answered 503.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a client may take to send a request's headers, or keep a connection idle.
pub const DEFAULT_HEADER_TIMEOUT: Duration = Duration::from_secs(5);

/// Most connections open at once.
pub const DEFAULT_MAX_CONNECTIONS: usize = 256;

/// Limits of the service.
#[derive(Debug, Clone)]
pub struct Config {
    /// Longest time one request may take.
    pub timeout: Duration,
    /// Most index operations running at once; further requests wait their turn (within
    /// the timeout). Defaults to twice the number of cores.
    pub max_blocking: usize,
    /// Most expensive questions (trace, graph, deep pages) running at once, apart from
    /// the others; defaults to half the cores (at least one).
    pub max_expensive: usize,
    /// Longest time a client may take to send a request's headers, or stay idle.
    pub header_timeout: Duration,
    /// Most connections open at once; more are closed as they come.
    pub max_connections: usize,
    /// When set, the only names a request's `Host` may carry (port aside).
    pub allowed_hosts: Option<Vec<String>>,
}

impl Config {
    /// The names a loopback server answers to: `localhost`, its address, and `extra`.
    pub fn loopback_hosts(addr: std::net::SocketAddr, extra: &[String]) -> Vec<String> {
        let mut hosts = vec![
            "localhost".to_string(),
            "127.0.0.1".to_string(),
            "[::1]".to_string(),
        ];
        hosts.push(match addr.ip() {
            std::net::IpAddr::V6(ip) => format!("[{ip}]"),
            ip => ip.to_string(),
        });
        hosts.extend(extra.iter().map(|h| h.to_ascii_lowercase()));
        hosts
    }
}

impl Default for Config {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Config {
            timeout: DEFAULT_TIMEOUT,
            max_blocking: cores * 2,
            max_expensive: (cores / 2).max(1),
            header_timeout: DEFAULT_HEADER_TIMEOUT,
            max_connections: DEFAULT_MAX_CONNECTIONS,
            allowed_hosts: None,
        }
    }
}

/// What every handler shares: the index, the cap on concurrent index work, and the
/// per-generation caches. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    shared: Arc<Shared>,
}

struct Shared {
    index: Arc<Index>,
    config: Config,
    permits: Arc<Semaphore>,
    expensive: Arc<Semaphore>,
    graph: Cached<crate::query::graph::Graph>,
    cited: Cached<Vec<crate::query::citations::CitedDocument>>,
}

impl AppState {
    pub fn new(index: Arc<Index>) -> AppState {
        AppState::with_config(index, Config::default())
    }

    pub fn with_config(index: Arc<Index>, config: Config) -> AppState {
        let permits = Arc::new(Semaphore::new(config.max_blocking.max(1)));
        let expensive = Arc::new(Semaphore::new(config.max_expensive.max(1)));
        AppState {
            shared: Arc::new(Shared {
                index,
                config,
                permits,
                expensive,
                graph: Cached::default(),
                cited: Cached::default(),
            }),
        }
    }

    pub fn index(&self) -> &Arc<Index> {
        &self.shared.index
    }

    /// Runs `work` on the blocking pool once a permit is free. The permit is held until
    /// the work ends, even when the request that asked for it has timed out, so slow
    /// queries cannot pile up without bound. A panic in `work` becomes a 500.
    async fn blocking<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Shared) -> Result<T, ApiError> + Send + 'static,
    {
        self.blocking_on(&self.shared.permits, work).await
    }

    /// [`AppState::blocking`] for an expensive question: it waits for one of the few
    /// permits of its own, never for those searches use.
    async fn blocking_expensive<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Shared) -> Result<T, ApiError> + Send + 'static,
    {
        self.blocking_on(&self.shared.expensive, work).await
    }

    async fn blocking_on<T, F>(&self, permits: &Arc<Semaphore>, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Shared) -> Result<T, ApiError> + Send + 'static,
    {
        let permit = Arc::clone(permits)
            .acquire_owned()
            .await
            .map_err(|e| ApiError::internal(format!("work queue closed: {e}")))?;
        let shared = Arc::clone(&self.shared);
        let task = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            work(&shared)
        });
        match task.await {
            Ok(result) => result,
            Err(e) if e.is_panic() => Err(ApiError::internal(format!(
                "panic in a request: {}",
                panic_message(e.into_panic().as_ref())
            ))),
            Err(e) => Err(ApiError::internal(format!("request task failed: {e}"))),
        }
    }
}

/// A value computed from the whole index, kept until the index changes.
struct Cached<T> {
    slot: Mutex<Option<(u64, Arc<T>)>>,
}

impl<T> Default for Cached<T> {
    fn default() -> Self {
        Cached {
            slot: Mutex::new(None),
        }
    }
}

impl<T> Cached<T> {
    /// The value for the index's current generation, computing it when the index has
    /// changed since it was last computed. Callers that arrive meanwhile wait for it
    /// rather than compute it again.
    fn get(&self, index: &Index, make: impl FnOnce(&Index) -> crate::Result<T>) -> crate::Result<Arc<T>> {
        let generation = index.searcher().generation().generation_id();
        let mut slot = self.slot.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((cached_generation, value)) = slot.as_ref()
            && *cached_generation == generation
        {
            return Ok(Arc::clone(value));
        }
        let value = Arc::new(make(index)?);
        *slot = Some((generation, Arc::clone(&value)));
        Ok(value)
    }
}

/// The whole service: the page at `/`, the JSON API under `/api/`, and `/healthz`.
pub fn router(state: AppState) -> Router {
    let timeout = state.shared.config.timeout;
    let allowed_hosts = state.shared.config.allowed_hosts.clone().map(Arc::new);
    let routes = Router::new()
        .route("/", get(handlers::page))
        .route("/static/app.js", get(handlers::app_js))
        .route("/healthz", get(handlers::healthz))
        .route("/api/search", get(handlers::search))
        .route("/api/plans/{*id}", get(handlers::plan))
        .route("/api/cites/{*key}", get(handlers::cites))
        .route("/api/graph", get(handlers::graph))
        .route("/api/top-cited", get(handlers::top_cited))
        .route("/api/stats", get(handlers::stats))
        .route("/api/trace", get(handlers::trace))
        .route("/api/cited", get(handlers::cited))
        .route("/api/diff", get(handlers::diff))
        .fallback(handlers::not_found)
        .with_state(state);
    let routes = layered(routes, timeout);
    match allowed_hosts {
        Some(hosts) => routes.layer(axum::middleware::from_fn(move |request, next| {
            host_allowed(Arc::clone(&hosts), request, next)
        })),
        None => routes,
    }
}

/// Refuses (403) a request whose `Host` is not one of `hosts`, before any work.
async fn host_allowed(
    hosts: Arc<Vec<String>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let host = request
        .headers()
        .get(header::HOST)
        .map(|h| String::from_utf8_lossy(h.as_bytes()).to_ascii_lowercase());
    match host {
        Some(host) if !hosts.iter().any(|h| *h == host_name(&host)) => ApiError::Forbidden(format!(
            "Host {:?} is not a name of this server; start it with --allow-host NAME to answer to it",
            host.chars().filter(|c| !c.is_control()).collect::<String>()
        ))
        .into_response_logged(),
        _ => next.run(request).await,
    }
}

/// `example.org:8080` → `example.org`; `[::1]:8080` → `[::1]`.
fn host_name(host: &str) -> &str {
    match host.rfind(':') {
        Some(at) if !host[at..].contains(']') => &host[..at],
        _ => host,
    }
}

/// What wraps every route: `nosniff`, the request timeout (503), the panic catcher (500),
/// and JSON bodies for errors that come without one.
fn layered(routes: Router, timeout: Duration) -> Router {
    routes
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            timeout,
        ))
        .layer(CatchPanicLayer::custom(|panic: Box<dyn std::any::Any + Send>| {
            ApiError::internal(format!("panic in a request: {}", panic_message(panic.as_ref())))
                .into_response_logged()
        }))
        // Outermost: errors that come without a body (a timeout, a wrong method) get one.
        .layer(axum::middleware::map_response(error::json_body_for_bare_errors))
}

/// Serves `router(state)` on `listener` until Ctrl-C or SIGTERM, then lets requests in
/// flight finish (for up to [`DEFAULT_TIMEOUT`]).
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    serve_until(listener, state, shutdown_signal()).await
}

/// [`serve`] until `stop` completes.
pub async fn serve_until(
    listener: tokio::net::TcpListener,
    state: AppState,
    stop: impl std::future::Future<Output = ()>,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    let config = state.shared.config.clone();
    let app = router(state);
    let connections = Arc::new(Semaphore::new(config.max_connections.max(1)));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut stop = std::pin::pin!(stop);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of file descriptors, or a connection reset before it was taken:
                    // wait a moment rather than spin.
                    eprintln!("plancite: cannot accept a connection: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        let Ok(permit) = Arc::clone(&connections).try_acquire_owned() else {
            continue; // over the cap: the connection is closed as it is dropped
        };
        let service = hyper_util::service::TowerToHyperService::new(app.clone());
        let connection = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(config.header_timeout)
            .serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _ = connection.await;
            drop(permit);
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {},
        () = tokio::time::sleep(DEFAULT_TIMEOUT) => {},
    }
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    eprintln!("plancite: shutting down, finishing requests in flight");
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "(no message)".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::Request;
    use tower::ServiceExt;

    async fn status_and_body(app: &Router, uri: &str) -> (StatusCode, serde_json::Value) {
        let request = Request::get(uri).body(Body::empty()).unwrap();
        let response = app.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        (status, serde_json::from_slice(&bytes).unwrap())
    }

    async fn boom() -> &'static str {
        panic!("secret detail")
    }

    #[tokio::test]
    async fn a_panic_is_500_and_a_slow_request_503_and_both_say_so_in_json() {
        let routes = Router::new()
            .route("/boom", get(boom))
            .route(
                "/slow",
                get(|| async {
                    tokio::time::sleep(Duration::from_secs(10)).await;
                    "late"
                }),
            )
            .route(
                "/fine",
                get(|| async { axum::Json(serde_json::json!({"ok": true})) }),
            );
        let app = layered(routes, Duration::from_millis(50));
        let (status, body) = status_and_body(&app, "/boom").await;
        assert_eq!(
            (status, body["error"].as_str()),
            (StatusCode::INTERNAL_SERVER_ERROR, Some("internal error"))
        );
        let (status, body) = status_and_body(&app, "/slow").await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(body["error"].as_str().unwrap().contains("too long"));
        // The service is still there.
        let (status, body) = status_and_body(&app, "/fine").await;
        assert_eq!((status, body["ok"].as_bool()), (StatusCode::OK, Some(true)));
    }

    #[tokio::test]
    async fn a_panic_on_the_blocking_pool_is_an_internal_error() {
        let dir = tempfile::tempdir().unwrap();
        let index = Index::open_or_create(&dir.path().join("index")).unwrap();
        let state = AppState::with_config(
            Arc::new(index),
            Config {
                max_blocking: 1,
                ..Config::default()
            },
        );
        let err = state
            .blocking(|_| -> Result<(), ApiError> { panic!("secret detail") })
            .await
            .unwrap_err();
        assert_eq!(
            (err.status(), err.message()),
            (StatusCode::INTERNAL_SERVER_ERROR, "internal error")
        );
        // The permit came back: the next piece of work runs.
        let plans = state
            .blocking(|s| Ok(s.index.searcher().num_docs()))
            .await
            .unwrap();
        assert_eq!(plans, 0);
    }

    fn empty_state(config: Config) -> (tempfile::TempDir, AppState) {
        let dir = tempfile::tempdir().unwrap();
        let index = Index::open_or_create(&dir.path().join("index")).unwrap();
        (dir, AppState::with_config(Arc::new(index), config))
    }

    #[tokio::test]
    async fn a_loopback_server_answers_only_its_own_names() {
        let addr: std::net::SocketAddr = "127.0.0.1:8080".parse().unwrap();
        let (_dir, state) = empty_state(Config {
            allowed_hosts: Some(Config::loopback_hosts(addr, &["Plans.Local".to_string()])),
            ..Config::default()
        });
        let app = router(state);
        let cases: &[(Option<&str>, StatusCode)] = &[
            (Some("localhost:8080"), StatusCode::OK),
            (Some("127.0.0.1:8080"), StatusCode::OK),
            (Some("[::1]:8080"), StatusCode::OK),
            (Some("LOCALHOST"), StatusCode::OK),
            (Some("plans.local:8080"), StatusCode::OK),
            (None, StatusCode::OK),
            (Some("evil.example"), StatusCode::FORBIDDEN),
            (Some("evil.example:8080"), StatusCode::FORBIDDEN),
            (Some("localhost.evil.example"), StatusCode::FORBIDDEN),
            (Some("127.0.0.1.nip.io"), StatusCode::FORBIDDEN),
        ];
        for (host, want) in cases {
            let mut request = Request::get("/healthz");
            if let Some(host) = host {
                request = request.header(header::HOST, *host);
            }
            let response = app
                .clone()
                .oneshot(request.body(Body::empty()).unwrap())
                .await
                .unwrap();
            assert_eq!(response.status(), *want, "{host:?}");
        }
    }

    /// Reads from `stream` until it is closed; how long that took, or `None` if it was
    /// still open after `limit`.
    async fn closed_after(stream: &mut tokio::net::TcpStream, limit: Duration) -> Option<Duration> {
        use tokio::io::AsyncReadExt;
        let started = std::time::Instant::now();
        let mut buffer = [0u8; 1024];
        tokio::time::timeout(limit, async {
            loop {
                match stream.read(&mut buffer).await {
                    Ok(0) | Err(_) => break,
                    Ok(_) => {}
                }
            }
        })
        .await
        .ok()
        .map(|()| started.elapsed())
    }

    #[tokio::test]
    async fn slow_clients_are_dropped_and_connections_capped() {
        use tokio::io::AsyncWriteExt;
        let (_dir, state) = empty_state(Config {
            header_timeout: Duration::from_secs(1),
            max_connections: 3,
            ..Config::default()
        });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(serve_until(listener, state, async {
            let _ = stopped.await;
        }));
        // Three slow clients: headers sent a little, never finished; then one more.
        let mut slow = Vec::new();
        for _ in 0..3 {
            let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
            stream
                .write_all(b"GET /healthz HTTP/1.1\r\nHost: loc")
                .await
                .unwrap();
            slow.push(stream);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
        let mut over_cap = tokio::net::TcpStream::connect(addr).await.unwrap();
        let closed = closed_after(&mut over_cap, Duration::from_millis(500)).await;
        assert!(closed.is_some(), "a connection over the cap is closed at once");
        for stream in &mut slow {
            let closed = closed_after(stream, Duration::from_secs(5)).await;
            assert!(
                closed.is_some(),
                "a slow client is dropped after the header timeout"
            );
        }
        // Their places are free again: a whole request is answered.
        let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
        stream
            .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            .await
            .unwrap();
        let mut answer = String::new();
        tokio::io::AsyncReadExt::read_to_string(&mut stream, &mut answer)
            .await
            .unwrap();
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        stop.send(()).unwrap();
        server.await.unwrap().unwrap();
    }
}

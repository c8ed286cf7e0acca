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

/// Limits of the service.
#[derive(Debug, Clone)]
pub struct Config {
    /// Longest time one request may take.
    pub timeout: Duration,
    /// Most index operations running at once; further requests wait their turn (within
    /// the timeout). Defaults to twice the number of cores.
    pub max_blocking: usize,
}

impl Default for Config {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Config {
            timeout: DEFAULT_TIMEOUT,
            max_blocking: cores * 2,
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
    graph: Cached<crate::query::graph::Graph>,
    cited: Cached<Vec<crate::query::citations::CitedDocument>>,
}

impl AppState {
    pub fn new(index: Arc<Index>) -> AppState {
        AppState::with_config(index, Config::default())
    }

    pub fn with_config(index: Arc<Index>, config: Config) -> AppState {
        let permits = Arc::new(Semaphore::new(config.max_blocking.max(1)));
        AppState {
            shared: Arc::new(Shared {
                index,
                config,
                permits,
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
        let permit = Arc::clone(&self.shared.permits)
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
    let routes = Router::new()
        .route("/", get(handlers::page))
        .route("/static/app.js", get(handlers::app_js))
        .route("/static/draw.js", get(handlers::draw_js))
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
    layered(routes, timeout)
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
/// flight finish.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown_signal())
        .await
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
                timeout: DEFAULT_TIMEOUT,
                max_blocking: 1,
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
}

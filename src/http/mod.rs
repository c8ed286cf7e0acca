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
        if let Some((cached_generation, value)) = slot.as_ref() {
            if *cached_generation == generation {
                return Ok(Arc::clone(value));
            }
        }
        let value = Arc::new(make(index)?);
        *slot = Some((generation, Arc::clone(&value)));
        Ok(value)
    }
}

/// The whole service: the page at `/`, the JSON API under `/api/`, and `/healthz`.
pub fn router(state: AppState) -> Router {
    let timeout = state.shared.config.timeout;
    Router::new()
        .route("/", get(handlers::page))
        .route("/healthz", get(handlers::healthz))
        .route("/api/search", get(handlers::search))
        .route("/api/plans/{*id}", get(handlers::plan))
        .route("/api/cites/{*key}", get(handlers::cites))
        .route("/api/graph", get(handlers::graph))
        .route("/api/top-cited", get(handlers::top_cited))
        .route("/api/stats", get(handlers::stats))
        .fallback(handlers::not_found)
        .with_state(state)
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

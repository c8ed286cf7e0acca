//! plancite: search and cross-reference archives of Vietnamese government plans.
//!
//! ```text
//! files ─► read ─► clean ─► understand ─────────────► index (tantivy, one commit)
//! (txt, md)  decode   NFC,      metadata (Số, ký hiệu,     plan records
//!            to UTF-8 layout    loại, cơ quan, nơi, ngày)  citation keys as terms
//!                     artefacts citations (extract,
//!                               canonical key, relation)
//! query ─► analyse ─► search / cites / cited-by ─► CLI output | JSON
//! ```
//!
//! Every stage is a plain function from one value to the next and no stage reaches
//! back: [`ingest::read`] knows nothing of tantivy, [`cite`] knows nothing of files, and
//! only [`index`] talks to tantivy. The same [`analysis`] code analyses documents and
//! queries, so the two cannot drift apart.
//!
//! ```no_run
//! use plancite::{index::Index, query::search::{search, SearchRequest}};
//! let index = Index::open(std::path::Path::new("plancite-index"))?;
//! let result = search(&index, &SearchRequest::new("bình đẳng giới"))?;
//! println!("{} plans", result.total);
//! # Ok::<(), plancite::error::Error>(())
//! ```

pub mod analysis;
pub mod cite;
pub mod error;
pub mod http;
pub mod index;
pub mod ingest;
pub mod model;
pub mod panics;
pub mod pipeline;
pub mod query;
pub mod render;
pub mod synth;
pub mod understand;
pub mod vi;
pub mod vocab;

pub use error::{Error, Result};

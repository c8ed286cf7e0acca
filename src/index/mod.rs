//! The tantivy index: the one place plancite's data lives.
//!
//! [`Index`] opens or creates an index folder with the [`schema`] and the Vietnamese
//! analyzer registered; [`writer`] adds, replaces and removes plans in one commit;
//! [`reader`] reads plans back; [`learned_terms`] writes the terms that carry the names of
//! laws a plan teaches (read by [`crate::query::learned`]). Nothing outside this module (and [`crate::query`], which
//! builds tantivy queries) touches tantivy.
//!
//! ```no_run
//! let index = plancite::index::Index::open_or_create(std::path::Path::new("plancite-index"))?;
//! println!("{} plans", index.searcher().num_docs());
//! # Ok::<(), plancite::Error>(())
//! ```

pub mod build;
pub mod learned_terms;
pub mod reader;
pub mod record;
pub mod schema;
pub mod writer;

use std::path::{Path, PathBuf};

use tantivy::directory::MmapDirectory;
use tantivy::{IndexReader, ReloadPolicy, Searcher};

use crate::error::{Error, Result};
pub use record::{PlanRecord, TaskRecord};
use schema::Fields;

/// Where the index lives when neither `--index` nor `PLANCITE_INDEX` says.
pub const DEFAULT_PATH: &str = "plancite-index";

/// An open index with its reader.
pub struct Index {
    pub(crate) inner: tantivy::Index,
    pub(crate) fields: Fields,
    reader: IndexReader,
    path: PathBuf,
}

impl Index {
    /// Opens an existing index; [`Error::NoIndex`] when there is none at `path`.
    pub fn open(path: &Path) -> Result<Index> {
        if !Self::exists(path) {
            return Err(Error::NoIndex(path.display().to_string()));
        }
        let dir = MmapDirectory::open(path).map_err(|e| Error::Internal(e.to_string()))?;
        Self::wrap(tantivy::Index::open(dir)?, path)
    }

    /// Opens the index at `path`, creating the folder and an empty index when missing.
    pub fn open_or_create(path: &Path) -> Result<Index> {
        if Self::exists(path) {
            return Self::open(path);
        }
        std::fs::create_dir_all(path)
            .map_err(|e| Error::io(format!("cannot create index folder {}", path.display()), e))?;
        let dir = MmapDirectory::open(path).map_err(|e| Error::Internal(e.to_string()))?;
        let inner = tantivy::Index::create(dir, schema::build(), Default::default())?;
        Self::wrap(inner, path)
    }

    /// An empty index in memory with the same schema and analyzer, for the small
    /// indexes a question builds on the fly (see [`crate::query::tasks`]).
    pub(crate) fn in_memory() -> Result<Index> {
        Self::wrap(tantivy::Index::create_in_ram(schema::build()), Path::new(""))
    }

    /// Whether an index has been committed at `path`.
    pub fn exists(path: &Path) -> bool {
        path.join("meta.json").is_file()
    }

    fn wrap(inner: tantivy::Index, path: &Path) -> Result<Index> {
        crate::analysis::register(&inner);
        let schema = inner.schema();
        let fields = Fields::resolve(&schema).map_err(|_| {
            // Indexes of earlier versions stored tasks as documents and had no `marked` field.
            let older = schema.get_field(schema::RECORD).is_ok();
            Error::BadInput(if older {
                format!(
                    "{} was built by an older plancite; delete that folder and run `plancite index` again",
                    path.display()
                )
            } else {
                format!("{} is not a plancite index", path.display())
            })
        })?;
        let reader = inner
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        Ok(Index {
            inner,
            fields,
            reader,
            path: path.to_path_buf(),
        })
    }

    /// A searcher over the last commit this reader has seen.
    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// Makes the latest commit visible now rather than after the reload delay.
    pub fn reload(&self) -> Result<()> {
        Ok(self.reader.reload()?)
    }

    /// How many plans the index holds (not counting their text documents).
    pub fn plan_count(&self) -> Result<u64> {
        let query = tantivy::query::TermQuery::new(
            tantivy::Term::from_field_text(self.fields.kind, schema::KIND_PLAN),
            tantivy::schema::IndexRecordOption::Basic,
        );
        Ok(self.searcher().search(&query, &tantivy::collector::Count)? as u64)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

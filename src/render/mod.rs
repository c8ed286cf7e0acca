//! Rendering: the one layer that writes markup. Questions ([`crate::query`]) return data —
//! snippets as text with match ranges, the citation graph as nodes and edges, a trace as
//! years and threads — and this module writes it in each format, one file per format:
//! [`html`] (escaping, snippets with `<mark>`), [`svg`] (the trace timeline), [`dot`],
//! [`graphml`] and [`csv`] (the citation graph), [`terminal`] (human blocks, colour,
//! JSON lines). The CLI and the HTTP handlers call it; nothing in `query/` writes markup.
//!
//! ```no_run
//! # let index = plancite::index::Index::open(std::path::Path::new("plancite-index"))?;
//! let graph = plancite::query::graph::build(&index)?;
//! let dot = plancite::render::graph(&graph, plancite::render::Format::Dot);
//! assert!(dot.starts_with("digraph"));
//! # Ok::<(), plancite::Error>(())
//! ```

pub mod csv;
pub mod dot;
pub mod graphml;
pub mod html;
pub mod svg;
pub mod terminal;

use crate::query::graph::Graph;

/// A format the citation graph is written in (a clap value too: `--format dot`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Dot,
    Graphml,
    Csv,
}

/// The citation graph in `format`.
pub fn graph(graph: &Graph, format: Format) -> String {
    match format {
        Format::Json => serde_json::to_string_pretty(graph).unwrap_or_default(),
        Format::Dot => dot::graph(graph),
        Format::Graphml => graphml::graph(graph),
        Format::Csv => csv::graph_edges(graph),
    }
}

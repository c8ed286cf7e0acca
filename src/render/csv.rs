//! CSV: the citation graph as an edge list (`source,target,relation,resolution,count`),
//! fields quoted where they hold a comma, a quote or a line break.

use std::fmt::Write;

use crate::query::graph::Graph;

/// The edges of the citation graph as CSV, one line each under a header line.
pub fn graph_edges(graph: &Graph) -> String {
    let field = |s: &str| {
        if s.contains([',', '"', '\n']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let mut out = String::from("source,target,relation,resolution,count\n");
    for edge in &graph.edges {
        let _ = writeln!(
            out,
            "{},{},{},{},{}",
            field(&edge.source),
            field(&edge.target),
            edge.relation.as_str(),
            edge.resolution.as_str(),
            edge.count
        );
    }
    out
}

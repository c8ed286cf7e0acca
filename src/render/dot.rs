//! Graphviz DOT: the citation graph as a `digraph`, plans as boxes and documents outside
//! the archive as ellipses, mentions dashed (`dot -Tsvg`).

use std::fmt::Write;

use crate::model::Relation;
use crate::query::graph::Graph;

/// The citation graph as DOT.
pub fn graph(graph: &Graph) -> String {
    let quote = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    let mut out = String::from("digraph citations {\n  rankdir=LR;\n  node [fontname=\"DejaVu Sans\"];\n");
    for node in &graph.nodes {
        let shape = if node.kind == "plan" { "box" } else { "ellipse" };
        let mut label = node.label.clone();
        if let (Some(place), Some(year)) = (&node.place, node.year) {
            label = format!("{label}\\n{place} {year}");
        }
        let _ = writeln!(
            out,
            "  {} [label={}, shape={shape}];",
            quote(&node.id),
            quote(&label).replace("\\\\n", "\\n")
        );
    }
    for edge in &graph.edges {
        let style = if edge.relation == Relation::Mention {
            "dashed"
        } else {
            "solid"
        };
        let _ = writeln!(
            out,
            "  {} -> {} [style={style}, weight={}, label=\"{}\", relation={}, resolution={}];",
            quote(&edge.source),
            quote(&edge.target),
            edge.count,
            edge.count,
            edge.relation.as_str(),
            edge.resolution.as_str()
        );
    }
    out.push_str("}\n");
    out
}

//! GraphML (for Gephi and yEd): the citation graph with its node and edge attributes
//! declared as `<key>`s, every value XML-escaped.

use std::fmt::Write;

use super::html::escape;
use crate::query::graph::Graph;

/// The citation graph as GraphML.
pub fn graph(graph: &Graph) -> String {
    let mut out = String::from(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n",
        "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n",
        "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n",
        "  <key id=\"doc_type\" for=\"node\" attr.name=\"doc_type\" attr.type=\"string\"/>\n",
        "  <key id=\"year\" for=\"node\" attr.name=\"year\" attr.type=\"int\"/>\n",
        "  <key id=\"place\" for=\"node\" attr.name=\"place\" attr.type=\"string\"/>\n",
        "  <key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n",
        "  <key id=\"resolution\" for=\"edge\" attr.name=\"resolution\" attr.type=\"string\"/>\n",
        "  <key id=\"count\" for=\"edge\" attr.name=\"count\" attr.type=\"int\"/>\n",
        "  <graph id=\"citations\" edgedefault=\"directed\">\n"
    ));
    for node in &graph.nodes {
        let _ = writeln!(out, "    <node id=\"{}\">", escape(&node.id));
        let _ = writeln!(out, "      <data key=\"label\">{}</data>", escape(&node.label));
        let _ = writeln!(out, "      <data key=\"kind\">{}</data>", node.kind);
        if let Some(t) = &node.doc_type {
            let _ = writeln!(out, "      <data key=\"doc_type\">{}</data>", escape(t));
        }
        if let Some(y) = node.year {
            let _ = writeln!(out, "      <data key=\"year\">{y}</data>");
        }
        if let Some(p) = &node.place {
            let _ = writeln!(out, "      <data key=\"place\">{}</data>", escape(p));
        }
        out.push_str("    </node>\n");
    }
    for (i, edge) in graph.edges.iter().enumerate() {
        let _ = writeln!(
            out,
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">\n      <data key=\"relation\">{}</data>\n      <data key=\"resolution\">{}</data>\n      <data key=\"count\">{}</data>\n    </edge>",
            escape(&edge.source),
            escape(&edge.target),
            edge.relation.as_str(),
            edge.resolution.as_str(),
            edge.count
        );
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

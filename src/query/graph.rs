//! The whole citation network: plans and the documents they cite as nodes, citations
//! as edges, exported as JSON, Graphviz DOT, GraphML (Gephi) or CSV (edge list).
//!
//! A cited document that resolves to a plan in the archive is that plan's node, so
//! chains of plans (a 2022 plan carrying out a 2021 plan) show as paths.
//!
//! ```no_run
//! # let index = plancite::index::Index::open(std::path::Path::new("plancite-index"))?;
//! let graph = plancite::query::graph::build(&index)?;
//! let dot = plancite::query::graph::render(&graph, plancite::query::graph::Format::Dot);
//! assert!(dot.starts_with("digraph"));
//! # Ok::<(), plancite::Error>(())
//! ```

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::Serialize;

use super::citations::Archive;
use crate::error::Result;
use crate::index::{Index, reader};
use crate::model::{Relation, Resolution};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Dot,
    Graphml,
    Csv,
}

#[derive(Debug, Clone, Serialize)]
pub struct Node {
    /// `plan:<id>` for a plan of the archive, `doc:<key>` for a document outside it.
    pub id: String,
    pub label: String,
    /// `plan` or `document`.
    pub kind: &'static str,
    pub doc_type: Option<String>,
    pub year: Option<i32>,
    pub place: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Edge {
    pub source: String,
    pub target: String,
    /// The strongest relation of its citations ([`Relation::strength`]).
    pub relation: Relation,
    /// How the target was settled: `number` when any citation gives it, else the way
    /// the first did (`name_and_date`, `in_force`, `unresolved`).
    pub resolution: Resolution,
    /// How many times the source cites the target.
    pub count: usize,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Graph {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

/// Builds the graph of the whole archive.
pub fn build(index: &Index) -> Result<Graph> {
    // One streaming pass keeps only what the graph needs of each plan (no texts, contexts
    // or outlines), so a large archive fits in memory.
    let mut archive = Archive::empty();
    let mut plans: Vec<(String, crate::model::Plan)> = Vec::new();
    reader::for_each_record(index, |record| {
        let mut plan = record.plan;
        plan.sections = Vec::new();
        plan.recipients = Vec::new();
        plan.title = None;
        for citation in &mut plan.citations {
            citation.text = String::new();
        }
        archive.add(&record.id, &plan);
        plans.push((record.id, plan));
        Ok(())
    })?;
    let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
    let mut edges: BTreeMap<(String, String), Edge> = BTreeMap::new();
    for (id, plan) in &plans {
        let source = format!("plan:{id}");
        nodes.insert(
            source.clone(),
            Node {
                id: source.clone(),
                label: plan.number.clone().unwrap_or_else(|| id.clone()),
                kind: "plan",
                doc_type: plan.doc_type.clone(),
                year: plan.year,
                place: plan.place.clone(),
            },
        );
        for citation in &plan.citations {
            let target = match archive.resolve(citation, plan.place.as_deref()) {
                Some(target) if target != *id => format!("plan:{target}"),
                Some(_) => continue, // a plan citing its own number
                None => {
                    let id = format!("doc:{}", citation.key);
                    nodes.entry(id.clone()).or_insert_with(|| Node {
                        id,
                        label: citation.key.clone(),
                        kind: "document",
                        doc_type: citation.doc_type.clone(),
                        year: cited_year(&citation.key, citation.date.as_deref()),
                        place: None,
                    });
                    format!("doc:{}", citation.key)
                }
            };
            let edge = edges
                .entry((source.clone(), target.clone()))
                .or_insert_with(|| Edge {
                    source: source.clone(),
                    target,
                    relation: citation.relation,
                    resolution: citation.resolution,
                    count: 0,
                });
            edge.count += 1;
            if citation.relation.strength() < edge.relation.strength() {
                edge.relation = citation.relation;
            }
            if citation.resolution == Resolution::Number {
                edge.resolution = Resolution::Number;
            }
        }
    }
    Ok(Graph {
        nodes: nodes.into_values().collect(),
        edges: edges.into_values().collect(),
    })
}

/// The year of a cited document: from its date, or the year inside a normative number
/// (`125/2021/NĐ-CP`).
fn cited_year(key: &str, date: Option<&str>) -> Option<i32> {
    if let Some(year) = date.and_then(|d| d.get(..4)?.parse().ok()) {
        return Some(year);
    }
    key.split('/')
        .nth(1)
        .filter(|p| p.len() == 4)
        .and_then(|p| p.parse().ok())
}

pub fn render(graph: &Graph, format: Format) -> String {
    match format {
        Format::Json => serde_json::to_string_pretty(graph).unwrap_or_default(),
        Format::Dot => dot(graph),
        Format::Graphml => graphml(graph),
        Format::Csv => csv(graph),
    }
}

fn dot(graph: &Graph) -> String {
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

fn graphml(graph: &Graph) -> String {
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
        let _ = writeln!(out, "    <node id=\"{}\">", crate::escape::escape(&node.id));
        let _ = writeln!(
            out,
            "      <data key=\"label\">{}</data>",
            crate::escape::escape(&node.label)
        );
        let _ = writeln!(out, "      <data key=\"kind\">{}</data>", node.kind);
        if let Some(t) = &node.doc_type {
            let _ = writeln!(
                out,
                "      <data key=\"doc_type\">{}</data>",
                crate::escape::escape(t)
            );
        }
        if let Some(y) = node.year {
            let _ = writeln!(out, "      <data key=\"year\">{y}</data>");
        }
        if let Some(p) = &node.place {
            let _ = writeln!(
                out,
                "      <data key=\"place\">{}</data>",
                crate::escape::escape(p)
            );
        }
        out.push_str("    </node>\n");
    }
    for (i, edge) in graph.edges.iter().enumerate() {
        let _ = writeln!(
            out,
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">\n      <data key=\"relation\">{}</data>\n      <data key=\"resolution\">{}</data>\n      <data key=\"count\">{}</data>\n    </edge>",
            crate::escape::escape(&edge.source),
            crate::escape::escape(&edge.target),
            edge.relation.as_str(),
            edge.resolution.as_str(),
            edge.count
        );
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

fn csv(graph: &Graph) -> String {
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

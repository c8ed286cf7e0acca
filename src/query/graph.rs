//! The whole citation network: plans and the documents they cite as nodes, citations
//! as edges — data, which [`crate::render`] writes as JSON, Graphviz DOT, GraphML
//! (Gephi) or CSV (edge list).
//!
//! A cited document that resolves to a plan in the archive is that plan's node, so
//! chains of plans (a 2022 plan carrying out a 2021 plan) show as paths.
//!
//! ```no_run
//! # let index = plancite::index::Index::open(std::path::Path::new("plancite-index"))?;
//! let graph = plancite::query::graph::build(&index)?;
//! println!("{} nodes, {} edges", graph.nodes.len(), graph.edges.len());
//! # Ok::<(), plancite::Error>(())
//! ```

use std::collections::BTreeMap;

use serde::Serialize;

use super::citations::Archive;
use crate::error::Result;
use crate::index::{Index, reader};
use crate::model::{Relation, Resolution};

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

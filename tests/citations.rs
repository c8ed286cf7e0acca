//! The citation graph from the command line: extract, cites, refs, top-cited, graph and
//! search --cites, over the bundled archive.

mod common;

use std::collections::BTreeSet;

use common::*;
use serde_json::Value;

fn numbered_keys(plan: &Value) -> BTreeSet<String> {
    plan["citations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["key"].as_str().unwrap().to_string())
        .filter(|k| k.starts_with(|c: char| c.is_ascii_digit()))
        .collect()
}

#[test]
fn extract_finds_exactly_the_numbered_citations() {
    let dir = tempfile::tempdir().unwrap();
    let want: &[(&str, &[&str])] = &[
        (
            HAI_PHONG_2022,
            &[
                "131/KH-UBND",
                "418/LĐTBXH-BĐG",
                "125/2021/NĐ-CP",
                "117/KH-UBND",
                "53/KH-UBND",
                "2282/QĐ-TTg",
                "59/KH-UBND",
                "7875/UBND-VX",
            ],
        ),
        (
            LAI_CHAU_2023,
            &[
                "1415/KH-UBND",
                "03/UBQG-VP",
                "11-NQ/TW",
                "21-CT/TW",
                "2282/QĐ-TTg",
            ],
        ),
        (
            BUON_MA_THUOT_2022,
            &[
                "1522/UBND-KGVX",
                "318/SLĐTBXH-BTXH",
                "3447/KH-UBND",
                "1036/KH-UBND",
            ],
        ),
        (
            THANH_HOA_2020,
            &[
                "458/LĐTBXH-BĐG",
                "1721/UBND-VX",
                "11-NQ/TW",
                "4071/QĐ-UBND",
                "3345/QĐ-UBND",
                "10/KH-UBND",
                "71/KH-UBND",
                "165/KH-UBND",
            ],
        ),
        (
            HAI_PHONG_2017,
            &["06/UBQG-VP", "11-NQ/TW", "57/NQ-CP", "178/QĐ-TTg", "04-TT/TU"],
        ),
    ];
    for (name, keys) in want {
        let file = format!("corpus/{name}.txt");
        let run = plancite(dir.path(), &["extract", "--json", &file]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let plan = run.json();
        let want: BTreeSet<String> = keys.iter().map(|k| k.to_string()).collect();
        assert_eq!(numbered_keys(&plan), want, "{name}");
        for citation in plan["citations"].as_array().unwrap() {
            for field in [
                "key", "doc_type", "date", "issuer", "relation", "text", "start", "end",
            ] {
                assert!(citation.get(field).is_some(), "{name}: citation field {field}");
            }
            // `text` is the citation as it stands at start..end of the decoded file.
            let text = std::fs::read_to_string(repo().join(&file)).unwrap();
            let (start, end) = (
                citation["start"].as_u64().unwrap() as usize,
                citation["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[start..end], citation["text"].as_str().unwrap(), "{name}");
        }
    }
}

#[test]
fn named_laws_are_cited_where_they_appear() {
    let dir = tempfile::tempdir().unwrap();
    let run = plancite(
        dir.path(),
        &["extract", "--json", &format!("corpus/{BUON_MA_THUOT_2022}.txt")],
    );
    let keys: BTreeSet<String> = run.json()["citations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["key"].as_str().unwrap().to_string())
        .collect();
    assert!(keys.contains("Luật Bình đẳng giới"), "{keys:?}");
    assert!(keys.contains("Bộ luật Lao động năm 2019"), "{keys:?}");
}

fn citing_ids(index: &std::path::Path, key: &str) -> Vec<String> {
    let run = plancite(index, &["cites", key, "--json"]);
    assert_eq!(run.code, 0, "{key}: {}", run.stderr);
    let result = run.json();
    assert_eq!(
        result["total"].as_u64().unwrap() as usize,
        result["citing"].as_array().unwrap().len()
    );
    result["citing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn cites_answers_every_way_a_key_is_typed_oldest_first() {
    let dir = corpus_index();
    let index = index_path(&dir);
    for key in [
        "2282/QD-TTg",
        "2282/qd-ttg",
        "Quyết định 2282/QĐ-TTg",
        "2282/QĐ-TTg",
    ] {
        assert_eq!(citing_ids(&index, key), [HAI_PHONG_2022, LAI_CHAU_2023], "{key}");
    }
    assert_eq!(
        citing_ids(&index, "11-NQ/TW"),
        [HAI_PHONG_2017, THANH_HOA_2020, LAI_CHAU_2023]
    );
    for key in ["125/2021/ND-CP", "nghị định 125/2021/NĐ-CP"] {
        assert_eq!(citing_ids(&index, key), [HAI_PHONG_2022], "{key}");
    }
    let run = plancite(&index, &["cites", "2282/QD-TTg", "--json"]);
    let first = &run.json()["citing"][0];
    assert!(first["contexts"][0].as_str().unwrap().contains("2282/QĐ-TTg"));
    for field in [
        "id", "file", "number", "place", "date", "year", "title", "contexts",
    ] {
        assert!(first.get(field).is_some(), "{field}");
    }
    let bad = plancite(&index, &["cites", "hello"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("hello"), "{}", bad.stderr);
}

#[test]
fn top_cited_puts_the_party_resolution_first() {
    let dir = corpus_index();
    let run = plancite(&index_path(&dir), &["top-cited", "--json", "--limit", "3"]);
    let top = run.json();
    assert_eq!(top[0]["key"], "11-NQ/TW");
    assert_eq!(top[0]["plans"], 3);
    assert_eq!(top.as_array().unwrap().len(), 3);
}

#[test]
fn search_within_the_plans_that_cite_a_key() {
    let dir = corpus_index();
    let run = plancite(
        &index_path(&dir),
        &["search", "bình đẳng giới", "--cites", "11-NQ/TW", "--json"],
    );
    assert_eq!(run.json()["total"], 3);
}

#[test]
fn citations_of_plans_in_the_archive_are_linked_both_ways() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    std::fs::create_dir(&archive).unwrap();
    for name in [HAI_PHONG_2022, LAI_CHAU_2023] {
        std::fs::copy(
            repo().join(format!("corpus/{name}.txt")),
            archive.join(format!("{name}.txt")),
        )
        .unwrap();
    }
    std::fs::write(
        archive.join("2022-hai-phong-99-KH-UBND.txt"),
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG\n\nSố: 99/KH-UBND\n\nHải Phòng, ngày 05 tháng 4 năm 2022\n\nKẾ HOẠCH\nTruyền thông về bình đẳng giới\n\nThực hiện Kế hoạch số 70/KH-UBND ngày 22/3/2022 của Ủy ban nhân dân thành phố, Sở Lao động xây dựng kế hoạch như sau:\nI. MỤC ĐÍCH\n1. Tuyên truyền.\n",
    )
    .unwrap();
    let index = dir.path().join("index");
    assert_eq!(
        plancite(&index, &["index", archive.to_str().unwrap(), "--quiet"]).code,
        0
    );

    let refs = plancite(&index, &["refs", "99/KH-UBND", "--json"]).json();
    assert_eq!(refs["refs"][0]["key"], "70/KH-UBND");
    // `Thực hiện Kế hoạch số 70/KH-UBND`: issued to carry it out.
    assert_eq!(refs["refs"][0]["relation"], "implements");
    assert_eq!(refs["refs"][0]["in_archive"], HAI_PHONG_2022);

    let cited = plancite(&index, &["refs", HAI_PHONG_2022, "--json"]).json();
    let cited_by = strings(&cited["cited_by"], "id");
    assert_eq!(cited_by, ["2022-hai-phong-99-KH-UBND"]);
    assert!(
        cited["refs"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["in_archive"].is_null())
    );

    let graph = plancite(&index, &["graph", "--format", "json"]).json();
    let edge = graph["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["source"] == "plan:2022-hai-phong-99-KH-UBND")
        .unwrap();
    assert_eq!(edge["target"], format!("plan:{HAI_PHONG_2022}"));
    assert_eq!(edge["relation"], "implements");
    assert_eq!(edge["resolution"], "number");
}

#[test]
fn graph_exports_load_as_their_formats() {
    let dir = corpus_index();
    let index = index_path(&dir);
    let json = plancite(&index, &["graph", "--format", "json"]).json();
    let nodes = json["nodes"].as_array().unwrap();
    assert_eq!(nodes.iter().filter(|n| n["kind"] == "plan").count(), 5);
    let nq = nodes.iter().find(|n| n["id"] == "doc:11-NQ/TW").unwrap();
    assert_eq!(nq["doc_type"], "Nghị quyết");
    let edges_to_nq = json["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["target"] == "doc:11-NQ/TW")
        .count();
    assert_eq!(edges_to_nq, 3);

    let dot = plancite(&index, &["graph", "--format", "dot"]).stdout;
    assert!(dot.starts_with("digraph citations {") && dot.trim_end().ends_with('}'));
    assert_eq!(
        dot.matches(" -> ").count(),
        json["edges"].as_array().unwrap().len()
    );

    let out = dir.path().join("graph.graphml");
    let run = plancite(
        &index,
        &["graph", "--format", "graphml", "--out", out.to_str().unwrap()],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let graphml = std::fs::read_to_string(&out).unwrap();
    assert!(graphml.starts_with("<?xml") && graphml.contains("<graphml"));
    assert_eq!(graphml.matches("<node ").count(), nodes.len());
    assert_eq!(
        graphml.matches("<edge ").count(),
        json["edges"].as_array().unwrap().len()
    );

    let csv = plancite(&index, &["graph", "--format", "csv"]).stdout;
    assert_eq!(
        csv.lines().next(),
        Some("source,target,relation,resolution,count")
    );

    let bad = plancite(&index, &["graph", "--format", "pdf"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("format"), "{}", bad.stderr);
}

#[test]
fn cites_pages_with_limit_and_offset_and_keeps_the_total() {
    let dir = corpus_index();
    let index = index_path(&dir);
    let run = plancite(
        &index,
        &["cites", "11-NQ/TW", "--limit", "1", "--offset", "1", "--json"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let result = run.json();
    assert_eq!(result["total"], 3);
    let citing = strings(&result["citing"], "id");
    assert_eq!(citing, [THANH_HOA_2020], "the second oldest");
    let human = plancite(&index, &["cites", "11-NQ/TW", "--limit", "2"]);
    assert!(
        human.stdout.starts_with("3 plans cite 11-NQ/TW (showing 2)"),
        "{}",
        human.stdout
    );
    let bad = plancite(&index, &["cites", "11-NQ/TW", "--limit", "0"]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert!(bad.stderr.contains("--limit"), "{}", bad.stderr);
}

#[test]
fn cites_ids_lists_just_the_citing_plans_oldest_first() {
    let dir = corpus_index();
    let run = plancite(&index_path(&dir), &["cites", "11-NQ/TW", "--ids"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout.lines().collect::<Vec<_>>(),
        [HAI_PHONG_2017, THANH_HOA_2020, LAI_CHAU_2023]
    );
}

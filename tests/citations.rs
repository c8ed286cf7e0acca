//! The citation graph from the command line: extract, cites, refs, top-cited, graph and
//! search --cites, over the bundled archive.

mod common;

use std::collections::BTreeSet;

use common::*;
use serde_json::Value;

/// The keys of the citations written with a number (a law cited by name and settled to
/// its version has a numbered key too, and its `name`).
fn numbered_keys(plan: &Value) -> BTreeSet<String> {
    plan["citations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c.get("name").is_none())
        .map(|c| c["key"].as_str().unwrap().to_string())
        .filter(|k| k.starts_with(|c: char| c.is_ascii_digit()))
        .collect()
}

#[test]
fn extract_finds_exactly_the_numbered_citations() {
    let dir = tempfile::tempdir().unwrap();
    // The same table the library's unit test reads (src/cite/golden.rs).
    let want: Vec<(&str, Vec<&str>)> = include_str!("fixtures/seed_citations.tsv")
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let mut fields = line.split('\t');
            let stem = fields.next().unwrap();
            (stem, fields.next().unwrap_or("").split_whitespace().collect())
        })
        .collect();
    assert_eq!(want.len(), 5, "one row per seed plan");
    for (name, keys) in &want {
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
    // Each named law is found under its name, and settled to its version: the 2019
    // labour code by its year, the gender equality law (one version) in force.
    let named: BTreeSet<(String, String, String)> = run.json()["citations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c.get("name").is_some())
        .map(|c| {
            let field = |f: &str| c[f].as_str().unwrap().to_string();
            (field("name"), field("key"), field("resolution"))
        })
        .collect();
    let want =
        |name: &str, key: &str, resolution: &str| (name.to_string(), key.to_string(), resolution.to_string());
    assert!(
        named.contains(&want("Luật Bình đẳng giới", "73/2006/QH11", "in_force")),
        "{named:?}"
    );
    assert!(
        named.contains(&want(
            "Bộ luật Lao động năm 2019",
            "45/2019/QH14",
            "name_and_date"
        )),
        "{named:?}"
    );
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
fn top_cited_puts_the_most_cited_first() {
    let dir = corpus_index();
    let run = plancite(&index_path(&dir), &["top-cited", "--json", "--limit", "3"]);
    let top = run.json();
    // Three plans each; the gender equality law, named and now settled to its number
    // (73/2006/QH11), is cited more often than the Party resolution.
    assert_eq!(top[0]["key"], "73/2006/QH11");
    assert_eq!(top[0]["plans"], 3);
    assert_eq!(top[1]["key"], "11-NQ/TW");
    assert_eq!(top[1]["plans"], 3);
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
    // The limit and the words of `/api/cites` (query::request).
    let bad = plancite(&index, &["cites", "11-NQ/TW", "--limit", "0"]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert!(
        bad.stderr
            .contains("limit must be a whole number from 1 to 1000 (got 0)"),
        "{}",
        bad.stderr
    );
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

/// The Lược đồ both ways: a decree that replaces another gives it its status, `cites
/// --relation` keeps only the plans citing it so, and the graph edge says how.
#[test]
fn a_replaced_decree_has_its_status_and_the_replacing_one_its_relation() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    std::fs::create_dir(&archive).unwrap();
    std::fs::write(
        archive.join("nd-50-2013.txt"),
        "CHÍNH PHỦ\nSố: 50/2013/NĐ-CP\nHà Nội, ngày 14 tháng 5 năm 2013\nNGHỊ ĐỊNH\nQuy định quản lý lao động\n\
         Căn cứ Bộ luật Lao động ngày 18 tháng 6 năm 2012;\nĐiều 1. Phạm vi\nNghị định này quy định.\n",
    )
    .unwrap();
    std::fs::write(
        archive.join("nd-52-2016.txt"),
        "CHÍNH PHỦ\nSố: 52/2016/NĐ-CP\nHà Nội, ngày 13 tháng 6 năm 2016\nNGHỊ ĐỊNH\nQuy định tiền lương\n\
         Căn cứ Bộ luật Lao động ngày 18 tháng 6 năm 2012;\nĐiều 1. Phạm vi\nNghị định này quy định.\n\
         Điều 9. Hiệu lực thi hành\nNghị định này thay thế Nghị định số 50/2013/NĐ-CP ngày 14 tháng 5 năm 2013 của Chính phủ.\n",
    )
    .unwrap();
    let index = dir.path().join("index");
    assert_eq!(
        plancite(&index, &["index", archive.to_str().unwrap(), "--quiet"]).code,
        0
    );

    let refs = plancite(&index, &["refs", "50/2013/NĐ-CP", "--json"]).json();
    assert_eq!(
        refs["status"],
        serde_json::json!({"state": "replaced", "by": "52/2016/NĐ-CP", "by_id": "nd-52-2016", "date": "2016-06-13"})
    );
    assert_eq!(refs["cited_by"][0]["relation"], "replaces");
    // Its own basis: the 2012 labour code by name and date.
    assert_eq!(refs["refs"][0]["key"], "10/2012/QH13");
    assert_eq!(refs["refs"][0]["resolution"], "name_and_date");
    let text = plancite(&index, &["refs", "50/2013/NĐ-CP"]).stdout;
    assert!(
        text.contains("status: replaced by 52/2016/NĐ-CP, 2016-06-13"),
        "{text}"
    );

    let replacing = plancite(
        &index,
        &["cites", "50/2013/NĐ-CP", "--relation", "replaces", "--json"],
    )
    .json();
    assert_eq!(replacing["total"], 1);
    let basis = plancite(
        &index,
        &["cites", "50/2013/NĐ-CP", "--relation", "basis", "--json"],
    )
    .json();
    assert_eq!(basis["total"], 0);
    let bad = plancite(&index, &["cites", "50/2013/NĐ-CP", "--relation", "cites"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("relation"), "{}", bad.stderr);

    // The labour code by name: its versions, with the plans of each.
    let versions = plancite(&index, &["cites", "bo luat lao dong", "--json"]).json();
    let by_version: Vec<(String, u64)> = versions["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["key"].as_str().unwrap().to_string(),
                v["total"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        by_version,
        [("10/2012/QH13".to_string(), 2), ("45/2019/QH14".to_string(), 0)]
    );

    let graph = plancite(&index, &["graph", "--format", "csv"]).stdout;
    assert!(
        graph.contains("plan:nd-52-2016,plan:nd-50-2013,replaces,number,1"),
        "{graph}"
    );
}

/// Names learned across the archive: two plans write `Luật Phòng, chống bạo lực gia
/// đình` with a number (not in the built-in table), four cite it bare. Each bare
/// citation means the version issued on or before its plan's date; before either, the
/// name stays a name.
#[test]
fn a_bare_name_is_the_version_the_archive_taught() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    std::fs::create_dir(&archive).unwrap();
    let plan = |number: &str, date: &str, sentence: &str| {
        let (y, m, d) = (&date[..4], &date[5..7], &date[8..]);
        format!(
            "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\n\nSố: {number}\n\nHà Nam, ngày {d} tháng {m} năm {y}\n\nKẾ HOẠCH\nPhòng, chống bạo lực gia đình\n\n{sentence}\nI. MỤC ĐÍCH\n1. Tuyên truyền.\n"
        )
    };
    let bare = "Thực hiện Luật Phòng, chống bạo lực gia đình, Ủy ban xây dựng kế hoạch:";
    let files = [
        (
            "teach-2007",
            "5/KH-UBND",
            "2010-02-02",
            "Căn cứ Luật Phòng, chống bạo lực gia đình số 02/2007/QH12;",
        ),
        (
            "teach-2022",
            "10/KH-UBND",
            "2023-03-01",
            "Căn cứ Luật Phòng, chống bạo lực gia đình số 13/2022/QH15 ngày 14 tháng 11 năm 2022;",
        ),
        ("bare-2005", "22/KH-UBND", "2005-06-01", bare),
        // Of 2007, but 02/2007/QH12's date is not written: it was issued by its first
        // teacher's date (2010), not surely by this one.
        ("bare-2007", "23/KH-UBND", "2007-06-01", bare),
        // Named with a date no version taught has: not bare, so not 13/2022/QH15.
        (
            "dated-2023",
            "24/KH-UBND",
            "2023-07-01",
            "Căn cứ Luật Phòng, chống bạo lực gia đình ngày 20 tháng 11 năm 2019;",
        ),
        ("bare-2021", "21/KH-UBND", "2021-06-01", bare),
        ("bare-2023", "20/KH-UBND", "2023-06-01", bare),
    ];
    for (file, number, date, sentence) in files {
        std::fs::write(archive.join(format!("{file}.txt")), plan(number, date, sentence)).unwrap();
    }
    std::fs::write(
        archive.join("law-13-2022.txt"),
        "QUỐC HỘI\n\nLuật số: 13/2022/QH15\n\nHà Nội, ngày 14 tháng 11 năm 2022\n\nLUẬT\nPHÒNG, CHỐNG BẠO LỰC GIA ĐÌNH\n\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\nĐiều 1. Phạm vi\nLuật này quy định.\n",
    )
    .unwrap();
    let index = dir.path().join("index");
    assert_eq!(
        plancite(&index, &["index", archive.to_str().unwrap(), "--quiet"]).code,
        0
    );

    // (key asked, the plans citing it, oldest first).
    let rows: &[(&str, &[&str])] = &[
        ("13/2022/QH15", &["teach-2022", "bare-2023"]),
        ("02/2007/QH12", &["teach-2007", "bare-2021"]),
        // The bare name itself: only the plans older than every version taught.
        (
            "luat phong, chong bao luc gia dinh",
            &["bare-2005", "bare-2007", "dated-2023"],
        ),
    ];
    for (key, want) in rows {
        let run = plancite(&index, &["cites", key, "--ids"]);
        assert_eq!(run.code, 0, "{key}: {}", run.stderr);
        assert_eq!(run.stdout.lines().collect::<Vec<_>>(), *want, "cites {key} --ids");
        let json = plancite(&index, &["cites", key, "--json"]).json();
        assert_eq!(strings(&json["citing"], "id"), *want, "cites {key} --json");
    }

    // The name lists the versions the archive taught, with the date a teacher wrote.
    let name = plancite(&index, &["cites", "Luật Phòng, chống bạo lực gia đình", "--json"]).json();
    let versions: Vec<(String, String, u64)> = name["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            let text = |f: &str| v[f].as_str().unwrap().to_string();
            (text("key"), text("issued"), v["total"].as_u64().unwrap())
        })
        .collect();
    assert_eq!(
        versions,
        [
            ("02/2007/QH12".to_string(), "2007".to_string(), 2),
            ("13/2022/QH15".to_string(), "2022-11-14".to_string(), 2),
        ]
    );

    // `refs` of a plan citing the bare name: the version it means, settled `learned`
    // and linked into the archive; the law's own page lists it among its citers.
    let refs: &[(&str, &str, &str, Option<&str>)] = &[
        ("bare-2023", "13/2022/QH15", "learned", Some("law-13-2022")),
        ("bare-2021", "02/2007/QH12", "learned", None),
        (
            "bare-2005",
            "Luật Phòng, chống bạo lực gia đình",
            "unresolved",
            None,
        ),
        (
            "dated-2023",
            "Luật Phòng, chống bạo lực gia đình",
            "unresolved",
            None,
        ),
    ];
    for (id, key, resolution, in_archive) in refs {
        let got = plancite(&index, &["refs", id, "--json"]).json();
        let cited = &got["refs"][0];
        assert_eq!(cited["key"], *key, "refs {id}");
        assert_eq!(cited["resolution"], *resolution, "refs {id}");
        assert_eq!(cited["in_archive"].as_str(), *in_archive, "refs {id}");
    }
    let law = plancite(&index, &["refs", "law-13-2022", "--json"]).json();
    assert_eq!(strings(&law["cited_by"], "id"), ["teach-2022", "bare-2023"]);
}

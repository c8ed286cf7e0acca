//! The command line as a user meets it: extract, index, search, show, and bad input.

mod common;

use std::fs;

use common::*;
use serde_json::Value;

fn str_field<'a>(v: &'a Value, name: &str) -> Option<&'a str> {
    v[name].as_str()
}

#[test]
fn extract_understands_the_five_plans() {
    let index = tempfile::tempdir().unwrap();
    let files: Vec<String> = fs::read_dir(repo().join("corpus"))
        .unwrap()
        .map(|e| format!("corpus/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    let mut args = vec!["extract", "--json"];
    args.extend(files.iter().map(String::as_str));
    let run = plancite(index.path(), &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let plans = run.json_lines();
    assert_eq!(plans.len(), 5);
    // (file, number, doc_type, place, date, signer, issuer)
    let want = [
        (
            HAI_PHONG_2022,
            "70/KH-UBND",
            "Kế hoạch",
            "Hải Phòng",
            "2022-03-22",
            "Lê Khắc Nam",
            Some("Ủy ban nhân dân thành phố Hải Phòng"),
        ),
        (
            LAI_CHAU_2023,
            "01/BVSTBPN-VP",
            "Kế hoạch",
            "Lai Châu",
            "2023-03-23",
            "Tổng Thanh Hải",
            Some("Ban Vì sự tiến bộ của phụ nữ tỉnh Lai Châu"),
        ),
        (
            BUON_MA_THUOT_2022,
            "48/KH-UBND",
            "Kế hoạch",
            "Buôn Ma Thuột",
            "2022-03-23",
            "Phạm Tiến Hưng",
            None,
        ),
        (
            THANH_HOA_2020,
            "397/SLĐTBXH-TEBĐG",
            "Công văn",
            "Thanh Hóa",
            "2020-02-20",
            "Lê Minh Hành",
            Some("Sở Lao động - Thương binh và Xã hội tỉnh Thanh Hóa"),
        ),
        (
            HAI_PHONG_2017,
            "1016/CTr-BCĐ",
            "Chương trình",
            "Hải Phòng",
            "2017-03-06",
            "Lê Khắc Nam",
            None,
        ),
    ];
    for (file, number, doc_type, place, date, signer, issuer) in want {
        let plan = plans
            .iter()
            .find(|p| str_field(p, "file").is_some_and(|f| f.contains(file)))
            .unwrap_or_else(|| panic!("{file} not extracted"));
        assert_eq!(str_field(plan, "number"), Some(number), "{file}");
        assert_eq!(str_field(plan, "doc_type"), Some(doc_type), "{file}");
        assert_eq!(str_field(plan, "place"), Some(place), "{file}");
        assert_eq!(str_field(plan, "date"), Some(date), "{file}");
        assert_eq!(plan["year"].as_i64(), date[..4].parse().ok(), "{file}");
        assert_eq!(str_field(plan, "signer"), Some(signer), "{file}");
        if let Some(issuer) = issuer {
            assert_eq!(str_field(plan, "issuer"), Some(issuer), "{file}");
        }
        for field in [
            "file",
            "number",
            "doc_type",
            "issuer",
            "place",
            "date",
            "year",
            "title",
            "signer",
            "recipients",
            "citations",
            "sections",
        ] {
            assert!(plan.get(field).is_some(), "{file}: field {field} missing");
        }
    }
}

#[test]
fn extract_never_crashes_on_real_documents() {
    let index = tempfile::tempdir().unwrap();
    let realdocs = shared().join("realdocs");
    let run = plancite(index.path(), &["extract", "--json", realdocs.to_str().unwrap()]);
    // The folder also holds SOURCE.md, notes with no header: skipped with its reason.
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("SOURCE.md: no header of an administrative document"),
        "{}",
        run.stderr
    );
    let plans: Vec<Value> = run
        .json_lines()
        .into_iter()
        .filter(|p| p["file"].as_str().unwrap().ends_with(".txt"))
        .collect();
    assert_eq!(plans.len(), 81);
    let with_number = plans.iter().filter(|p| p["number"].is_string()).count();
    let with_date = plans.iter().filter(|p| p["date"].is_string()).count();
    println!("realdocs: number found {with_number}/81, date found {with_date}/81");
    assert!(
        with_number >= 60 && with_date >= 60,
        "number {with_number}, date {with_date}"
    );
}

#[test]
fn search_counts_and_filters() {
    let dir = corpus_index();
    let index = index_path(&dir);
    let total = |args: &[&str]| {
        let mut all = vec!["search", "bình đẳng giới", "--json"];
        all.extend_from_slice(args);
        let run = plancite(&index, &all);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.json()["total"].as_u64().unwrap()
    };
    assert_eq!(total(&[]), 5);
    assert_eq!(total(&["--year", "2022"]), 2);
    assert_eq!(total(&["--place", "Hải Phòng"]), 2);
    assert_eq!(total(&["--place", "hai phong"]), 2);
    assert_eq!(total(&["--from", "2020", "--to", "2022"]), 3);
    assert_eq!(total(&["--type", "Chương trình"]), 1);
}

#[test]
fn search_json_has_the_promised_shape() {
    let dir = corpus_index();
    let run = plancite(
        &index_path(&dir),
        &["search", "tháng hành động", "--json", "--limit", "2"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let result = run.json();
    for field in ["query", "total", "all_words_total", "hits", "facets"] {
        assert!(result.get(field).is_some(), "{field}");
    }
    let hits = result["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 2);
    for field in [
        "id",
        "file",
        "number",
        "doc_type",
        "place",
        "date",
        "year",
        "title",
        "score",
        "all_words",
        "snippet",
    ] {
        assert!(hits[0].get(field).is_some(), "hit field {field}");
    }
    assert!(hits[0]["snippet"].as_str().unwrap().contains("<mark>"));
    let facets = &result["facets"];
    let years: u64 = facets["year"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(years, result["total"].as_u64().unwrap());
}

/// Questions and pasted sentences: a query never returns nothing because one word is
/// missing, and a sentence copied from a plan finds that plan first.
#[test]
fn questions_and_sentences_find_plans() {
    let dir = corpus_index();
    // (query, the plan that must come first, or None when any plan may)
    let cases: &[(&str, Option<&str>)] = &[
        ("mức phạt vi phạm bình đẳng giới", None),
        (
            "Xây dựng kế hoạch tổ chức các hoạt động hưởng ứng Tháng hành động theo hướng tăng \
             cường phối hợp với các ngành thành viên, các cơ quan, tổ chức, doanh nghiệp",
            Some(HAI_PHONG_2017),
        ),
        (
            "100% nạn nhân bạo lực gia đình được phát hiện, được tư vấn tại các cơ sở tư vấn về \
             tâm lý, pháp lý, được hỗ trợ và chăm sóc sức khỏe",
            Some(THANH_HOA_2020),
        ),
        (
            "Chương trình truyền thông về BĐG đến năm 2030; bám sát các nhiệm vụ; giải pháp; \
             quan tâm, bố trí nguồn lực để triển khai",
            Some(BUON_MA_THUOT_2022),
        ),
        (
            // Across the plan's line breaks.
            "Ủy ban nhân dân các cấp bám sát nhiệm vụ của Kế hoạch để xây dựng nội dung, nhiệm \
             vụ, giải pháp năm 2022 phù hợp với chức năng, nhiệm vụ và tình hình thực tế của \
             ngành, địa phương, đơn vị",
            Some(HAI_PHONG_2022),
        ),
        (
            "Đẩy mạnh các hoạt động truyền thông về bình đẳng giới trong lĩnh vực chính trị \
             nhằm nâng cao nhận thức, sự ủng hộ của các tầng lớp nhân dân về bình đẳng giới",
            Some(LAI_CHAU_2023),
        ),
    ];
    for (query, first) in cases {
        let run = plancite(&index_path(&dir), &["search", query, "--json"]);
        assert_eq!(run.code, 0, "{query}: {}", run.stderr);
        let result = run.json();
        let hits = result["hits"].as_array().unwrap();
        assert!(!hits.is_empty(), "{query}: nothing found");
        if let Some(first) = first {
            assert_eq!(hits[0]["id"], *first, "{query}");
            assert_eq!(hits[0]["all_words"], true, "{query}");
        }
        let whole = hits.iter().filter(|h| h["all_words"] == true).count() as u64;
        assert!(whole <= result["all_words_total"].as_u64().unwrap(), "{query}");
    }
}

/// `--match all` keeps the strict search: only plans holding every word.
#[test]
fn match_all_keeps_every_word_required() {
    let dir = corpus_index();
    let result = |args: &[&str]| {
        let run = plancite(&index_path(&dir), args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        run.json()
    };
    // (query, total by default, total with --match all)
    let cases = [
        ("mức phạt vi phạm bình đẳng giới", 5, 3),
        ("bình đẳng giới xyzzy", 5, 0),
        ("bình đẳng giới", 5, 5),
        ("125/2021/ND-CP", 1, 1),
        // Long queries count their every-word plans another way: the same count.
        (
            "tổ chức các hoạt động hưởng ứng tháng hành động vì bình đẳng giới",
            5,
            2,
        ),
        (
            "thực hiện công tác bình đẳng giới năm 2022 trên địa bàn thành phố",
            5,
            2,
        ),
        ("mức phạt vi phạm bình đẳng giới là bao nhiêu", 5, 0),
    ];
    for (query, any, all) in cases {
        let default = result(&["search", query, "--json"]);
        let strict = result(&["search", query, "--json", "--match", "all"]);
        assert_eq!(default["total"], any, "{query}");
        assert_eq!(strict["total"], all, "{query} --match all");
        assert_eq!(default["all_words_total"], all, "{query}");
        assert!(
            strict["hits"]
                .as_array()
                .unwrap()
                .iter()
                .all(|h| h["all_words"] == true),
            "{query}"
        );
    }
    let bad = plancite(&index_path(&dir), &["search", "x", "--match", "some"]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    // clap's own message, naming the flag and what it accepts.
    for want in ["invalid value 'some' for '--match", "[possible values: any, all]"] {
        assert!(bad.stderr.contains(want), "{}", bad.stderr);
    }
}

#[test]
fn search_pages_through_results() {
    let dir = corpus_index();
    let page = |offset: &str| {
        let run = plancite(
            &index_path(&dir),
            &[
                "search",
                "bình đẳng giới",
                "--json",
                "--limit",
                "2",
                "--offset",
                offset,
            ],
        );
        run.json()["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["id"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let (first, second, third) = (page("0"), page("2"), page("4"));
    assert_eq!((first.len(), second.len(), third.len()), (2, 2, 1));
    let mut all = [first, second, third].concat();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 5);
}

#[test]
fn a_named_index_that_is_not_there_is_a_one_line_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("idx-rea");
    let missing_str = missing.to_str().unwrap();
    let commands: [&[&str]; 11] = [
        &["search", "lao động"],
        &["cites", "125/2021/ND-CP"],
        &["cites", "125/2021/ND-CP", "--ids"],
        &["refs", "70/KH-UBND"],
        &["show", "70/KH-UBND"],
        &["graph"],
        &["top-cited"],
        &["trace", "tháng hành động"],
        &["diff", "a~I", "b~I"],
        &["remove", "70/KH-UBND"],
        &["serve", "--addr", "127.0.0.1:0"],
    ];
    for args in commands {
        // Named by $PLANCITE_INDEX, then by --index.
        let by_env = plancite(&missing, args);
        let mut flagged = vec!["--index", missing_str];
        flagged.extend_from_slice(args);
        let by_flag = plancite_in(repo(), &flagged);
        for run in [by_env, by_flag] {
            assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
            assert_eq!(run.stderr.lines().count(), 1, "{args:?}: {}", run.stderr);
            assert!(
                run.stderr.contains(&format!("no index at {missing_str}")),
                "{args:?}: {}",
                run.stderr
            );
            assert_eq!(run.stdout, "", "{args:?}");
        }
        assert!(!missing.exists(), "{args:?} left a folder behind");
    }
    // `index` and `add` create it.
    let run = plancite(
        &missing,
        &["add", &format!("corpus/{HAI_PHONG_2022}.txt"), "--quiet"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(missing.join("meta.json").is_file());
}

#[test]
fn the_default_index_is_built_from_corpus_only_inside_the_checkout() {
    // Outside any checkout: an error, and nothing written.
    let elsewhere = tempfile::tempdir().unwrap();
    let run = plancite_in(elsewhere.path(), &["search", "bình đẳng giới"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("no index at plancite-index"),
        "{}",
        run.stderr
    );
    assert_eq!(fs::read_dir(elsewhere.path()).unwrap().count(), 0);

    // In a checkout (its Cargo.toml and corpus/): built from corpus/ first.
    let checkout = tempfile::tempdir().unwrap();
    fs::write(
        checkout.path().join("Cargo.toml"),
        "[package]\nname = \"plancite\"\n",
    )
    .unwrap();
    fs::create_dir(checkout.path().join("corpus")).unwrap();
    for plan in [HAI_PHONG_2022, LAI_CHAU_2023] {
        let name = format!("{plan}.txt");
        fs::copy(
            repo().join("corpus").join(&name),
            checkout.path().join("corpus").join(&name),
        )
        .unwrap();
    }
    let run = plancite_in(checkout.path(), &["search", "bình đẳng giới", "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.json()["total"], 2);
    assert!(run.stderr.contains("building it from corpus"), "{}", run.stderr);
    assert!(checkout.path().join("plancite-index/meta.json").is_file());
}

#[test]
fn a_closed_pipe_ends_quietly_with_exit_0() {
    let dir = corpus_index();
    for args in [
        &["graph"][..],
        &["show", "70/KH-UBND"],
        &["search", "bình đẳng giới"],
    ] {
        // The reader is gone before plancite writes a byte, as with `| head -0`.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_plancite"))
            .current_dir(repo())
            .env("PLANCITE_INDEX", index_path(&dir))
            .args(args)
            .stdout(writer)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{args:?}");
    }
}

#[test]
fn counts_say_1_plan_and_2_plans() {
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("one");
    fs::create_dir(&one).unwrap();
    fs::copy(
        repo().join(format!("corpus/{HAI_PHONG_2022}.txt")),
        one.join("plan.txt"),
    )
    .unwrap();
    let index = dir.path().join("index");
    let run = plancite(&index, &["index", one.to_str().unwrap(), "--quiet"]);
    assert!(run.stderr.contains("indexed 1 plan ("), "{}", run.stderr);
    assert!(run.stderr.contains("; 1 plan in the index"), "{}", run.stderr);
    let corpus = corpus_index();
    // (index, args, first line of stdout)
    let cases: [(&std::path::Path, &[&str], &str); 5] = [
        (
            &index,
            &["search", "bình đẳng giới"],
            "1 plan matches \"bình đẳng giới\" (showing 1–1)",
        ),
        (
            &index_path(&corpus),
            &["search", "bình đẳng giới", "--year", "2022"],
            "2 plans match \"bình đẳng giới\" (showing 1–2)",
        ),
        (
            &index_path(&corpus),
            &["search", "zzzqqq"],
            "0 plans match \"zzzqqq\"",
        ),
        (
            &index_path(&corpus),
            &["cites", "125/2021/ND-CP"],
            "1 plan cites 125/2021/NĐ-CP",
        ),
        (
            &index_path(&corpus),
            &["cites", "11-NQ/TW"],
            "3 plans cite 11-NQ/TW",
        ),
    ];
    for (index, args, first) in cases {
        let run = plancite(index, args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert_eq!(run.stdout.lines().next(), Some(first), "{args:?}");
    }
}

#[test]
fn a_key_no_plan_cites_is_a_usage_error() {
    let dir = corpus_index();
    for args in [
        &["cites", "999/2099/NĐ-CP"][..],
        &["cites", "999/2099/NĐ-CP", "--ids"],
    ] {
        let run = plancite(&index_path(&dir), args);
        assert_eq!(run.code, 2, "{args:?}");
        assert_eq!(
            run.stderr.trim(),
            "plancite: no plan in the archive cites 999/2099/NĐ-CP",
            "{args:?}"
        );
    }
}

#[test]
fn show_finds_a_plan_by_number_id_or_file() {
    let dir = corpus_index();
    for name in [
        "70/KH-UBND",
        "70/kh-ubnd",
        HAI_PHONG_2022,
        &format!("corpus/{HAI_PHONG_2022}.txt"),
    ] {
        let run = plancite(&index_path(&dir), &["show", name, "--json"]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        let plan = run.json();
        assert_eq!(plan["id"], HAI_PHONG_2022, "{name}");
        assert!(plan["text"].as_str().unwrap().contains("Lê Khắc Nam"));
    }
    let run = plancite(&index_path(&dir), &["show", "999/XX-NOPE"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("999/XX-NOPE"), "{}", run.stderr);
}

#[test]
fn bad_files_are_reported_and_the_rest_is_indexed() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    fs::create_dir(&docs).unwrap();
    fs::copy(
        repo().join("corpus").join(format!("{HAI_PHONG_2022}.txt")),
        docs.join("good.txt"),
    )
    .unwrap();
    fs::write(docs.join("empty.txt"), "").unwrap();
    fs::write(docs.join("binary.txt"), b"\x00\x01\x02PK\x03\x04").unwrap();
    fs::write(docs.join("latin1.txt"), b"K\xe9 ho\xe1ch").unwrap();
    let index = dir.path().join("index");
    let missing = dir.path().join("no-such-folder");
    let run = plancite(
        &index,
        &[
            "index",
            docs.to_str().unwrap(),
            missing.to_str().unwrap(),
            "--quiet",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    for (file, reason) in [
        ("empty.txt", "empty"),
        ("binary.txt", "binary"),
        ("latin1.txt", "UTF-8"),
        ("no-such-folder", "no such file"),
    ] {
        let line = run
            .stderr
            .lines()
            .find(|l| l.contains(file))
            .unwrap_or_else(|| panic!("{file} not reported: {}", run.stderr));
        assert!(line.contains(reason), "{line}");
    }
    assert!(run.stderr.contains("indexed 1 plan ("), "{}", run.stderr);
    assert!(run.stderr.contains("skipped 4"), "{}", run.stderr);
    let search = plancite(&index, &["search", "bình đẳng giới", "--json"]);
    assert_eq!(search.json()["total"], 1);
}

#[test]
fn a_failed_run_loses_nothing_already_indexed() {
    let dir = corpus_index();
    let index = index_path(&dir);
    let missing = dir.path().join("gone");
    let run = plancite(&index, &["index", missing.to_str().unwrap(), "--quiet"]);
    assert_eq!(run.code, 1);
    let search = plancite(&index, &["search", "bình đẳng giới", "--json"]);
    assert_eq!(search.json()["total"], 5);
}

#[test]
fn reindexing_is_incremental() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    fs::create_dir(&docs).unwrap();
    for name in [HAI_PHONG_2022, LAI_CHAU_2023, HAI_PHONG_2017] {
        fs::copy(
            repo().join(format!("corpus/{name}.txt")),
            docs.join(format!("{name}.txt")),
        )
        .unwrap();
    }
    let index = dir.path().join("index");
    let docs_arg = docs.to_str().unwrap();
    let first = plancite(&index, &["index", docs_arg, "--quiet"]);
    assert!(first.stderr.contains("indexed 3 plans"), "{}", first.stderr);

    let again = plancite(&index, &["index", docs_arg, "--quiet"]);
    assert!(
        again.stderr.contains("indexed 0 plans") && again.stderr.contains("unchanged 3"),
        "{}",
        again.stderr
    );

    // Change one, remove one, add one.
    let changed = docs.join(format!("{LAI_CHAU_2023}.txt"));
    let text = fs::read_to_string(&changed)
        .unwrap()
        .replace("Tổng Thanh Hải", "Tổng Thanh Hải\n\nPhụ lục: đa dạng sinh học");
    fs::write(&changed, text).unwrap();
    fs::remove_file(docs.join(format!("{HAI_PHONG_2017}.txt"))).unwrap();
    fs::copy(
        repo().join(format!("corpus/{THANH_HOA_2020}.txt")),
        docs.join("new.txt"),
    )
    .unwrap();
    let third = plancite(&index, &["index", docs_arg, "--quiet"]);
    assert_eq!(third.code, 0, "{}", third.stderr);
    for part in [
        "indexed 2 plans",
        "unchanged 1",
        "removed 1",
        "3 plans in the index",
    ] {
        assert!(third.stderr.contains(part), "{part}: {}", third.stderr);
    }
    let found = plancite(&index, &["search", "\"đa dạng sinh học\"", "--json"]).json();
    assert_eq!(found["total"], 1);
    assert_eq!(found["hits"][0]["id"], LAI_CHAU_2023);
    let gone = plancite(&index, &["search", "bình đẳng giới", "--year", "2017", "--json"]).json();
    assert_eq!(gone["total"], 0);
}

#[test]
fn usage_errors_exit_2() {
    let dir = corpus_index();
    // The same limits and words as the JSON API (`query::request`), or clap's own.
    let cases: &[(&[&str], &str)] = &[
        (&["search"], "required"),
        (
            &["search", "x", "--limit", "abc"],
            "invalid value 'abc' for '--limit",
        ),
        (
            &["search", "x", "--limit", "0"],
            "limit must be a whole number from 1 to 100 (got 0)",
        ),
        (
            &["search", "x", "--offset", "10001"],
            "offset must be a whole number from 0 to 10000 (got 10001)",
        ),
        (
            &["search", "x", "--from", "2023", "--to", "2020"],
            "from (2023) must not be after to (2020)",
        ),
        (
            &["search", "x", "--level", "tasks"],
            "[possible values: plan, task]",
        ),
        (
            &["cites", "125/2021/ND-CP", "--limit", "0"],
            "limit must be a whole number from 1 to 1000 (got 0)",
        ),
        (
            &["top-cited", "--limit", "101"],
            "limit must be a whole number from 1 to 100 (got 101)",
        ),
        (
            &["trace", "x", "--from", "2023", "--to", "2020"],
            "from (2023) must not be after to (2020)",
        ),
        (
            &["graph", "--format", "svg"],
            "[possible values: json, dot, graphml, csv]",
        ),
        (&["frobnicate"], "unrecognized subcommand"),
    ];
    for (args, want) in cases {
        let run = plancite(&index_path(&dir), args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(want), "{args:?}: {}", run.stderr);
    }
}

#[test]
fn snippets_mark_what_was_typed_not_its_look_alikes() {
    let dir = corpus_index();
    let run = plancite(
        &index_path(&dir),
        &["search", "bình đẳng giới", "--year", "2022", "--json"],
    );
    let result = run.json();
    let snippets = strings(&result["hits"], "snippet");
    assert!(
        snippets.iter().any(|s| s.contains("<mark>bình đẳng giới</mark>")),
        "{snippets:?}"
    );
    assert!(
        snippets.iter().all(|s| !s.contains("<mark>Đảng</mark>")),
        "{snippets:?}"
    );
    // Typed without marks, every accented form is a match.
    let plain = plancite(
        &index_path(&dir),
        &["search", "binh dang gioi", "--year", "2022", "--json"],
    )
    .json();
    assert!(plain["hits"][0]["snippet"].as_str().unwrap().contains("<mark>"));
}

/// Highlights light whole query words and phrases only: never a lone syllable of a
/// word of several (`Đảng` for `binh dang gioi`, `hợp` in "lao động tổng hợp",
/// `hành` in "thi hành").
#[test]
fn highlights_light_whole_words_only() {
    let dir = corpus_index();
    // (command, query, what a mark may read, folded and lower-cased)
    let cases: &[(&str, &str, &[&str])] = &[
        ("search", "binh dang gioi", &["binh dang gioi", "bdg"]),
        (
            "search",
            "hợp đồng lao động",
            &["hop dong lao dong", "hop dong", "lao dong"],
        ),
        (
            "search",
            "mức phạt vi phạm bình đẳng giới",
            &["muc", "phat", "vi pham", "binh dang gioi", "bdg"],
        ),
        (
            "trace",
            "tháng hành động",
            &["thang hanh dong", "thang", "hanh dong"],
        ),
    ];
    let marks_in = |html: &str| -> Vec<String> {
        html.split("<mark>")
            .skip(1)
            .map(|rest| rest.split("</mark>").next().unwrap().to_string())
            .collect()
    };
    for (command, query, allowed) in cases {
        let run = plancite(&index_path(&dir), &[command, query, "--json"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let result = run.json();
        let snippets: Vec<String> = if *command == "trace" {
            result["years"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|y| y["tasks"].as_array().unwrap().iter())
                .map(|t| t["snippet"].as_str().unwrap().to_string())
                .collect()
        } else {
            strings(&result["hits"], "snippet")
                .iter()
                .map(|s| s.to_string())
                .collect()
        };
        let marks: Vec<String> = snippets.iter().flat_map(|s| marks_in(s)).collect();
        assert!(!marks.is_empty(), "{query}: nothing lit");
        for mark in &marks {
            // Touching words are one mark: each of its words must be allowed.
            let folded = plancite::analysis::normalize::folded_form(&mark.to_lowercase());
            let mut rest = folded.as_str();
            while !rest.is_empty() {
                let word = allowed
                    .iter()
                    .find(|a| rest.starts_with(*a) && rest[a.len()..].chars().next().is_none_or(|c| c == ' '))
                    .unwrap_or_else(|| panic!("{command} {query}: {mark:?} lit"));
                rest = rest[word.len()..].trim_start();
            }
        }
    }
}

#[test]
fn an_index_from_an_older_plancite_is_named_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old-index");
    std::fs::create_dir(&old).unwrap();
    // What an index of an earlier version looks like to this one: a `record` field, but
    // not the fields this version writes.
    let mut schema = tantivy::schema::Schema::builder();
    schema.add_text_field("record", tantivy::schema::STORED);
    tantivy::Index::create_in_dir(&old, schema.build()).unwrap();
    let run = plancite(&old, &["search", "bình đẳng giới"]);
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("older plancite"), "{}", run.stderr);
    assert!(run.stderr.contains("plancite index"), "{}", run.stderr);
    assert_eq!(run.stderr.trim().lines().count(), 1, "{}", run.stderr);
}

#[test]
fn the_same_content_under_two_paths_is_one_plan_listing_both_files() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    fs::create_dir_all(&a).unwrap();
    fs::create_dir_all(&b).unwrap();
    let plan = repo().join(format!("corpus/{HAI_PHONG_2022}.txt"));
    fs::copy(&plan, a.join(format!("{HAI_PHONG_2022}.txt"))).unwrap();
    fs::copy(&plan, b.join("ban-sao.txt")).unwrap();
    fs::copy(
        repo().join(format!("corpus/{LAI_CHAU_2023}.txt")),
        a.join("lai-chau.txt"),
    )
    .unwrap();
    let index = dir.path().join("index");
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    for round in ["first", "again"] {
        let run = plancite(&index, &["index", a, b, "--quiet"]);
        assert_eq!(run.code, 0, "{round}: {}", run.stderr);
        assert!(
            run.stderr.contains("1 copy; 2 plans in the index"),
            "{round}: {}",
            run.stderr
        );
        assert!(
            run.stderr.contains("ban-sao.txt (listed with that plan)"),
            "{round}: {}",
            run.stderr
        );
    }
    let found = plancite(&index, &["search", "bình đẳng giới", "--json"]).json();
    assert_eq!(found["total"], 2, "{found}");
    let shown = plancite(&index, &["show", "70/KH-UBND", "--json"]).json();
    let files = shown["files"].as_array().unwrap();
    assert_eq!(files.len(), 2, "{shown}");
    assert!(files[1].as_str().unwrap().ends_with("b/ban-sao.txt"), "{shown}");
}

#[test]
fn files_with_no_header_at_all_are_skipped_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    fs::create_dir_all(&docs).unwrap();
    fs::copy(
        repo().join(format!("corpus/{HAI_PHONG_2022}.txt")),
        docs.join("plan.txt"),
    )
    .unwrap();
    fs::write(
        docs.join("README.md"),
        "# Kho văn bản\n\nCác kế hoạch năm 2022, theo Nghị định 125/2021/NĐ-CP.\n",
    )
    .unwrap();
    fs::write(
        docs.join("LICENSE.txt"),
        "MIT License\n\nPermission is hereby granted, free of charge.\n",
    )
    .unwrap();
    let index = dir.path().join("index");
    let run = plancite(&index, &["index", docs.to_str().unwrap(), "--quiet"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for file in ["README.md", "LICENSE.txt"] {
        let line = run
            .stderr
            .lines()
            .find(|l| l.contains(file))
            .unwrap_or_else(|| panic!("{}", run.stderr));
        assert!(line.contains("no header of an administrative document"), "{line}");
    }
    assert!(run.stderr.contains("indexed 1 plan ("), "{}", run.stderr);
    // What the README names is not counted as cited.
    let cites = plancite(&index, &["cites", "125/2021/NĐ-CP", "--ids"]);
    assert_eq!(cites.stdout.trim(), "plan");
}

#[test]
fn colour_only_when_asked_or_on_a_terminal_and_never_with_no_color() {
    let dir = corpus_index();
    let run = |env: &[(&str, &str)], flags: &[&str]| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_plancite"));
        command
            .current_dir(repo())
            .env("PLANCITE_INDEX", index_path(&dir))
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR")
            .env_remove("CLICOLOR_FORCE")
            .envs(env.iter().copied())
            .args(["search", "bình đẳng giới", "--limit", "2"])
            .args(flags);
        let output = command.output().unwrap();
        assert!(output.status.success(), "{env:?} {flags:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    let plain = run(&[], &["--color", "never"]);
    assert!(plain.contains("[bình đẳng giới]"), "{plain}");
    // (environment, flags, coloured) — stdout is a pipe here.
    type Case<'a> = (&'a [(&'a str, &'a str)], &'a [&'a str], bool);
    let cases: &[Case] = &[
        (&[], &[], false),
        (&[("NO_COLOR", "1")], &[], false),
        (&[("CLICOLOR_FORCE", "1")], &[], true),
        (&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")], &[], false),
        (&[], &["--color", "always"], true),
        (&[("NO_COLOR", "1")], &["--color=always"], true),
        (&[("CLICOLOR_FORCE", "1")], &["--color", "never"], false),
        (&[], &["--color", "auto"], false),
    ];
    for (env, flags, coloured) in cases {
        let out = run(env, flags);
        if *coloured {
            assert!(
                out.contains("\x1b[1;33mbình đẳng giới\x1b[0m"),
                "{env:?} {flags:?}: {out}"
            );
        } else {
            assert_eq!(out, plain, "{env:?} {flags:?}");
        }
    }
    let bad = plancite(&index_path(&dir), &["search", "x", "--color", "sometimes"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("auto, always, never"), "{}", bad.stderr);
}

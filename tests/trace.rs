//! Tracing tasks across years over the bundled archive: outlines, task search, trace,
//! the timeline chart and the task diff.

mod common;

use common::*;
use serde_json::Value;

#[test]
fn the_outline_of_each_plan_is_found_with_headings() {
    let dir = tempfile::tempdir().unwrap();
    // (plan, Roman and numbered sections that must be found with their headings)
    let want: &[(&str, &[(&str, &str)])] = &[
        (
            HAI_PHONG_2022,
            &[
                ("I", "MỤC ĐÍCH, YÊU CẦU"),
                ("I.1", "Mục đích"),
                ("II", "CÁC NHIỆM VỤ CHỦ YẾU"),
                (
                    "II.1",
                    "Đẩy mạnh các hoạt động tuyên truyền, phổ biến, giáo dục chính sách, pháp luật về bình đẳng giới",
                ),
                ("II.3.đ", ""),
                ("IV.14.b", ""),
                ("III", "KINH PHÍ THỰC HIỆN"),
                ("IV", "TỔ CHỨC THỰC HIỆN"),
                ("IV.1", "Sở Lao động - Thương binh và Xã hội"),
                ("IV.14", "Ủy ban nhân dân các quận, huyện"),
            ],
        ),
        (
            LAI_CHAU_2023,
            &[
                ("I", "MỤC ĐÍCH"),
                ("II", "NỘI DUNG"),
                ("II.6", ""),
                ("III", "KINH PHÍ"),
                ("IV.3", "Chế độ báo cáo"),
            ],
        ),
        (
            BUON_MA_THUOT_2022,
            &[
                ("I.2", "Yêu cầu"),
                ("II.6", "Công tác thanh tra, kiểm tra về BĐG"),
                ("III.10", "UBND các phường, xã"),
            ],
        ),
        (
            THANH_HOA_2020,
            &[
                ("I.3", "Đối tượng"),
                ("II.1.3", ""),
                (
                    "II.3.3",
                    "Triển khai hiệu quả các mô hình thúc đẩy bình đẳng giới",
                ),
                ("II.6", "Chế độ thông tin báo cáo"),
            ],
        ),
        (
            HAI_PHONG_2017,
            &[
                ("II", "NHIỆM VỤ CỤ THỂ"),
                ("II.1", "Phối hợp tổng kết 10 năm thi hành Luật Bình đẳng giới"),
                ("II.4", ""),
                ("III.3", ""),
            ],
        ),
    ];
    for (name, sections) in want {
        let run = plancite(dir.path(), &["extract", "--json", &format!("corpus/{name}.txt")]);
        let plan = run.json();
        let found: Vec<(String, String)> = plan["sections"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                (
                    s["path"].as_str().unwrap().to_string(),
                    s["heading"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        for (path, heading) in *sections {
            let section = found
                .iter()
                .find(|(p, _)| p == path)
                .unwrap_or_else(|| panic!("{name}: no section {path}: {found:?}"));
            if !heading.is_empty() {
                assert_eq!(section.1, *heading, "{name} {path}");
            }
        }
        for section in plan["sections"].as_array().unwrap() {
            for field in ["path", "heading", "level", "start", "end"] {
                assert!(section.get(field).is_some(), "{name}: section field {field}");
            }
        }
    }
}

#[test]
fn search_by_task_returns_tasks_with_their_plan() {
    let dir = corpus_index();
    let run = plancite(
        &index_path(&dir),
        &["search", "tháng hành động", "--level", "task", "--json"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let result = run.json();
    let first = &result["hits"][0];
    assert!(first["id"].as_str().unwrap().contains('~'));
    assert!(first["plan"].is_string() && first["path"].is_string());
    let plans = plancite(&index_path(&dir), &["search", "tháng hành động", "--json"]).json();
    assert_eq!(plans["total"], 5, "tasks are not counted as plans");
    assert!(result["total"].as_u64().unwrap() > 5);
}

/// Tasks rank as plans do: a question with a word no task holds still finds tasks,
/// and a sentence copied from a task finds that task first.
#[test]
fn task_search_answers_questions_and_sentences() {
    let dir = corpus_index();
    let tasks = |query: &str| {
        let run = plancite(&index_path(&dir), &["search", query, "--level", "task", "--json"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.json()
    };
    let question = tasks("mức phạt khi vi phạm bình đẳng giới là bao nhiêu");
    assert!(!question["hits"].as_array().unwrap().is_empty(), "{question}");
    let sentence = tasks(
        "Tổ chức các hoạt động hưởng ứng Tháng hành động vì bình đẳng giới và phòng, chống bạo \
         lực trên cơ sở giới từ ngày 15/11-15/12 trên phạm vi toàn thành phố",
    );
    assert_eq!(
        sentence["hits"][0]["id"],
        format!("{HAI_PHONG_2017}~II.2"),
        "{sentence}"
    );
    assert_eq!(sentence["hits"][0]["all_words"], true);
}

#[test]
fn trace_lists_the_years_and_one_thread_across_the_five_plans() {
    let dir = corpus_index();
    let svg = dir.path().join("timeline.svg");
    let run = plancite(
        &index_path(&dir),
        &[
            "trace",
            "tháng hành động",
            "--json",
            "--svg",
            svg.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let result = run.json();
    let years: Vec<(i64, i64)> = result["years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| (y["year"].as_i64().unwrap(), y["plans"].as_i64().unwrap()))
        .collect();
    assert_eq!(years, [(2017, 1), (2020, 1), (2022, 2), (2023, 1)]);
    let thread = &result["threads"][0];
    let plans = strings(&thread["tasks"], "plan");
    let mut sorted = plans.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        [
            HAI_PHONG_2017,
            THANH_HOA_2020,
            BUON_MA_THUOT_2022,
            HAI_PHONG_2022,
            LAI_CHAU_2023
        ],
        "{thread}"
    );
    // The label says what the thread is, to the end of its clause.
    assert_eq!(
        thread["label"],
        "Tháng hành động về Bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới"
    );
    for field in [
        "id", "plan", "file", "year", "place", "path", "heading", "snippet",
    ] {
        assert!(thread["tasks"][0].get(field).is_some(), "task field {field}");
    }
    let svg = std::fs::read_to_string(svg).unwrap();
    assert!(
        svg.contains("Số nhiệm vụ khớp “tháng hành động” theo năm"),
        "{svg}"
    );
    assert!(!svg.contains("Tasks matching"));
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("<polyline") && svg.contains("2017") && svg.contains("2023"));
}

#[test]
fn trace_respects_years_and_place() {
    let dir = corpus_index();
    let run = plancite(
        &index_path(&dir),
        &[
            "trace",
            "tháng hành động",
            "--json",
            "--from",
            "2020",
            "--to",
            "2022",
            "--place",
            "Hải Phòng",
        ],
    );
    let years: Vec<i64> = run.json()["years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| y["year"].as_i64().unwrap())
        .collect();
    assert_eq!(years, [2022]);
}

#[test]
fn diff_shows_what_hai_phong_changed_from_2017_to_2022() {
    let dir = corpus_index();
    let a = format!("{HAI_PHONG_2017}~II.2");
    let b = format!("{HAI_PHONG_2022}~II.2");
    let run = plancite(&index_path(&dir), &["diff", &a, &b, "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let diff: Value = run.json();
    assert_eq!(diff["a"]["year"], 2017);
    assert_eq!(diff["b"]["year"], 2022);
    let changes = diff["changes"].as_array().unwrap();
    let text = |op: &str| -> String {
        changes
            .iter()
            .filter(|c| c["op"] == op)
            .map(|c| c["text"].as_str().unwrap())
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(text("equal").contains("Tháng hành động"));
    assert!(
        text("delete").contains("15/11-15/12 trên phạm vi toàn thành phố"),
        "{}",
        text("delete")
    );
    assert!(text("insert").contains("15/11/2022"), "{}", text("insert"));
    let similarity = diff["similarity"].as_f64().unwrap();
    assert!(similarity > 0.1 && similarity < 0.9, "{similarity}");

    let human = plancite(&index_path(&dir), &["diff", &a, &b]);
    assert!(
        human.stdout.contains("[-") && human.stdout.contains("{+"),
        "{}",
        human.stdout
    );
    let missing = plancite(&index_path(&dir), &["diff", &a, "nope~I"]);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("nope~I"), "{}", missing.stderr);
}

#[test]
fn the_recipients_list_is_not_part_of_the_outline() {
    let dir = tempfile::tempdir().unwrap();
    let run = plancite(
        dir.path(),
        &["extract", "--json", &format!("corpus/{HAI_PHONG_2022}.txt")],
    );
    let plan = run.json();
    let last = plan["sections"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["path"], "IV.14.b");
    let text = std::fs::read_to_string(repo().join(format!("corpus/{HAI_PHONG_2022}.txt"))).unwrap();
    let end = last["end"].as_u64().unwrap() as usize;
    assert!(text[end..].starts_with("Nơi nhận"), "{}", &text[end..end + 20]);
}

/// A task search reads the plans it is given only (the best of those the question
/// found), and passes on whether more matched.
#[test]
fn a_task_search_reads_the_best_plans_and_says_when_more_matched() {
    use plancite::index::Index;
    use plancite::query::tasks::TaskIndex;
    use tantivy::collector::TopDocs;
    use tantivy::query::TermQuery;
    use tantivy::schema::IndexRecordOption;

    let dir = corpus_index();
    let index = Index::open(&index_path(&dir)).unwrap();
    let searcher = index.searcher();
    let kind = searcher.schema().get_field("kind").unwrap();
    let plans = TermQuery::new(
        tantivy::Term::from_field_text(kind, "plan"),
        IndexRecordOption::Basic,
    );
    let addresses: Vec<_> = searcher
        .search(&plans, &TopDocs::with_limit(10).order_by_score())
        .unwrap()
        .into_iter()
        .map(|(_, address)| address)
        .collect();
    assert_eq!(addresses.len(), 5);
    let tasks_of = |n: usize| TaskIndex::of_plans(&index, &searcher, &addresses[..n], n < 5).unwrap();
    let (one, all) = (tasks_of(1), tasks_of(5));
    assert!(one.partial, "five plans matched, one was read");
    assert!(!all.partial);
    let count = |tasks: &TaskIndex| tasks.index.searcher().num_docs();
    assert!(
        0 < count(&one) && count(&one) < count(&all),
        "{} {}",
        count(&one),
        count(&all)
    );
}

#[test]
fn thread_labels_are_whole_words_and_all_different() {
    let dir = corpus_index();
    for query in [
        "tháng hành động",
        "bình đẳng giới",
        "tuyên truyền",
        "bạo lực",
        "kiểm tra",
    ] {
        let run = plancite(&index_path(&dir), &["trace", query, "--json"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let result = run.json();
        let labels = strings(&result["threads"], "label");
        let mut seen = std::collections::HashSet::new();
        for label in &labels {
            // Case and marks do not make two labels different to a reader.
            let folded = plancite::analysis::normalize::folded_form(label);
            assert!(seen.insert(folded), "{query}: {label:?} twice in {labels:?}");
            // Never half of a two-syllable word at the end.
            let last = label.rsplit(' ').next().unwrap();
            for half in ["bạo", "hoạt", "phụ", "bình", "đẳng", "tiến", "cơ"] {
                assert_ne!(last, half, "{query}: {label:?} ends inside a word");
            }
        }
    }
}

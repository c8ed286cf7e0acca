//! The page as a person meets it, in headless Chromium driven by chromedriver over the
//! W3C WebDriver protocol: search from the box, filter by a facet, go back, open a plan,
//! follow a citation to every plan citing it and on to another plan. Text from the
//! documents must never run as markup. Screenshots go to `target/browser-screenshot*.png`.
//!
//! Needs `/usr/bin/chromium` and `chromedriver` (Debian `chromium`, `chromium-driver`):
//! without them the test is skipped with a note, or fails when `CI` is set.

mod server;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use server::{Server, client, free_port, target_dir};

const CHROMIUM: &str = "/usr/bin/chromium";
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";
const WAIT: Duration = Duration::from_secs(20);

/// A chromedriver process and one browser session, both ended on drop.
struct Browser {
    driver: Child,
    base: String,
    session: String,
    http: ureq::Agent,
    _profile: tempfile::TempDir,
    /// Where downloads land.
    downloads: tempfile::TempDir,
}

impl Browser {
    fn start() -> Browser {
        let port = free_port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let base = format!("http://127.0.0.1:{port}");
        let http = client();
        let started = Instant::now();
        loop {
            let ready = http
                .get(format!("{base}/status"))
                .call()
                .ok()
                .and_then(|mut r| r.body_mut().read_json::<Value>().ok())
                .is_some_and(|v| v["value"]["ready"] == true);
            if ready {
                break;
            }
            assert!(
                started.elapsed() < WAIT,
                "chromedriver did not start on port {port}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = tempfile::tempdir().unwrap();
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-quic",
            "--no-first-run",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--window-size=1280,900",
            &format!("--user-data-dir={}", profile.path().display()),
        ];
        let downloads = tempfile::tempdir().unwrap();
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": CHROMIUM, "args": args, "prefs": {
                "download.default_directory": downloads.path(),
                "download.prompt_for_download": false,
            }},
        }}});
        let mut response = http
            .post(format!("{base}/session"))
            .send_json(&capabilities)
            .expect("new session");
        let body: Value = response.body_mut().read_json().unwrap();
        let session = body["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {body}"))
            .to_string();
        Browser {
            driver,
            base,
            session,
            http,
            _profile: profile,
            downloads,
        }
    }

    /// One WebDriver command; its `value`, or a panic with the driver's error.
    fn command(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}/session/{}{path}", self.base, self.session);
        let response = match (method, body) {
            ("GET", _) => self.http.get(&url).call(),
            ("DELETE", _) => self.http.delete(&url).call(),
            (_, body) => self.http.post(&url).send_json(body.unwrap_or_else(|| json!({}))),
        };
        let body: Value = response
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"))
            .body_mut()
            .read_json()
            .unwrap();
        if let Some(error) = body["value"]["error"].as_str() {
            panic!("{method} {path}: {error}: {}", body["value"]["message"]);
        }
        body["value"].clone()
    }

    fn goto(&self, url: &str) {
        self.command("POST", "/url", Some(json!({ "url": url })));
    }

    fn back(&self) {
        self.command("POST", "/back", None);
    }

    fn script(&self, js: &str) -> Value {
        self.command("POST", "/execute/sync", Some(json!({ "script": js, "args": [] })))
    }

    fn find(&self, css: &str) -> String {
        let found = self.command(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        );
        found[ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("{css}: {found}"))
            .to_string()
    }

    fn click(&self, css: &str) {
        let element = self.find(css);
        self.command("POST", &format!("/element/{element}/click"), None);
    }

    fn type_into(&self, css: &str, text: &str) {
        let element = self.find(css);
        self.command(
            "POST",
            &format!("/element/{element}/value"),
            Some(json!({ "text": text })),
        );
    }

    /// Waits until `js` (an expression) is true in the page.
    fn wait_for(&self, what: &str, js: &str) {
        let started = Instant::now();
        let check = format!("try {{ return !!({js}); }} catch (e) {{ return false; }}");
        while self.script(&check) != json!(true) {
            if started.elapsed() > WAIT {
                let state = self.script(
                    "return location.hash + ' | ' + document.getElementById('view').innerText.slice(0, 400)",
                );
                panic!("timed out waiting for {what} ({js}); page: {state}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn text(&self, css: &str) -> String {
        let js = format!("const e = document.querySelector({css:?}); return e ? e.innerText : null");
        self.script(&js).as_str().unwrap_or_default().to_string()
    }

    fn count(&self, css: &str) -> u64 {
        self.script(&format!("return document.querySelectorAll({css:?}).length"))
            .as_u64()
            .unwrap()
    }

    /// Waits for a finished download named `name` and returns its bytes.
    fn downloaded(&self, name: &str) -> Vec<u8> {
        let path = self.downloads.path().join(name);
        let started = Instant::now();
        // Chromium may show the file before it has written all of it: wait until its size
        // holds still over one poll.
        let mut last_len = None;
        loop {
            let len = std::fs::metadata(&path)
                .ok()
                .filter(|m| m.is_file())
                .map(|m| m.len());
            if len.is_some_and(|n| n > 0) && len == last_len {
                break;
            }
            last_len = len;
            let listing: Vec<String> = std::fs::read_dir(self.downloads.path())
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            assert!(started.elapsed() < WAIT, "no download {name}; have {listing:?}");
            std::thread::sleep(Duration::from_millis(50));
        }
        std::fs::read(path).unwrap()
    }

    fn screenshot(&self, path: &Path) {
        let png = base64_decode(self.command("GET", "/screenshot", None).as_str().unwrap());
        assert!(png.starts_with(b"\x89PNG"), "not a PNG");
        std::fs::write(path, png).unwrap();
        eprintln!("screenshot: {}", path.display());
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self
            .http
            .delete(format!("{}/session/{}", self.base, self.session))
            .call();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' | b'-' => 62,
        b'/' | b'_' => 63,
        _ => panic!("not base64: {c}"),
    };
    let digits: Vec<u8> = text
        .bytes()
        .filter(|c| !c.is_ascii_whitespace() && *c != b'=')
        .map(value)
        .collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, d)| n | (u32::from(*d) << (18 - 6 * i)));
        out.extend_from_slice(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}

/// Whether Chromium and chromedriver are here; when not, skip (or fail under CI).
fn browser_available() -> bool {
    let driver = Command::new("chromedriver")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if Path::new(CHROMIUM).is_file() && driver {
        return true;
    }
    let why = format!(
        "{CHROMIUM} or chromedriver is missing: install the Debian packages chromium and chromium-driver \
         (`apt-get install -y chromium chromium-driver`; .ci/run does this)"
    );
    if std::env::var_os("CI").is_some() {
        panic!("{why}");
    }
    eprintln!("skipping the browser test: {why}");
    false
}

#[test]
fn search_open_a_plan_and_follow_citations_in_a_real_browser() {
    if !browser_available() {
        return;
    }
    // The bundled corpus plus one file whose text is made of markup.
    let dir = tempfile::tempdir().unwrap();
    let hostile = dir.path().join("hostile");
    std::fs::create_dir(&hostile).unwrap();
    std::fs::write(
        hostile.join("xss.txt"),
        "ỦY BAN NHÂN DÂN TỈNH THỬ\nSố: 9/KH-UBND\n\nKẾ HOẠCH\n<img src=x onerror=\"window.__pwned=1\"> về xsscanary\n\n\
         <script>window.__pwned=2</script> xsscanary <b onmouseover=\"window.__pwned=3\">đậm</b> &amp; &lt;mark&gt;\n",
    )
    .unwrap();
    let index = dir.path().join("index");
    let corpus = server::repo().join("corpus");
    let server = Server::start(&index, &[&corpus, &hostile]);
    assert!(
        server.stderr().contains("building it from"),
        "{}",
        server.stderr()
    );
    let shots = target_dir();
    let browser = Browser::start();

    // The search box has the focus on load; typing and Enter searches.
    browser.goto(&format!("{}/", server.url));
    browser.wait_for("focus in the search box", "document.activeElement.id === 'q'");
    browser.wait_for(
        "the home list",
        "document.querySelectorAll('#hits .hit').length > 0",
    );
    browser.type_into("#q", "binh dang gioi\u{E007}");
    browser.wait_for(
        "five hits",
        "location.hash.startsWith('#/search?q=binh') && document.querySelectorAll('#hits .hit').length === 5",
    );
    assert!(
        browser.text("#result-count").contains('5'),
        "{}",
        browser.text("#result-count")
    );
    assert!(
        browser.count("#hits .snippet mark") > 0,
        "snippets are highlighted"
    );
    assert!(
        browser.count("#facets button[data-facet='year']") >= 3,
        "year facets are buttons"
    );
    browser.screenshot(&shots.join("browser-screenshot.png"));

    // A facet narrows; Back undoes it.
    browser.click("#facets button[data-facet='year'][data-value='2022']");
    browser.wait_for(
        "two hits of 2022",
        "location.hash.includes('year=2022') && document.querySelectorAll('#hits .hit').length === 2",
    );
    assert_eq!(browser.script("return document.querySelector(\"#facets button[data-value='2022']\").getAttribute('aria-pressed')"), json!("true"));
    browser.back();
    browser.wait_for(
        "five hits again",
        "!location.hash.includes('year=') && document.querySelectorAll('#hits .hit').length === 5",
    );

    // Open a plan: metadata, text, citations both ways.
    browser.click("#hits a[href='#/plan/2022-hai-phong-70-KH-UBND']");
    browser.wait_for("the plan", "document.getElementById('field-number')");
    assert_eq!(browser.text("#field-number"), "70/KH-UBND");
    assert!(browser.text("#plan-text").contains("Lê Khắc Nam"));
    // The header reads as `extract` reads it, not as the converter broke its lines.
    let text = browser.text("#plan-text");
    assert!(text.starts_with("ỦY BAN NHÂN DÂN\n"), "{}", &text[..200]);
    assert!(
        text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        "{}",
        &text[..300]
    );
    assert!(text.contains("Hải Phòng, ngày 22"), "{}", &text[..400]);
    assert!(
        browser.count("#plan-text a.cite") > 0,
        "citations in the text are links"
    );
    assert!(
        browser.count("#cited-by li, #cited-by-none") > 0,
        "a cited-by list"
    );
    browser.screenshot(&shots.join("browser-screenshot-plan.png"));

    // Follow a citation to every plan citing the same document.
    let cite_link = "#refs a.cite-key[href='#/cites/2282%2FQ%C4%90-TTg']";
    browser.wait_for(
        "the 2282/QĐ-TTg citation",
        &format!("document.querySelector({cite_link:?})"),
    );
    browser.click(cite_link);
    browser.wait_for("the cited document", "document.getElementById('cites-key')");
    assert_eq!(browser.text("#cites-key"), "2282/QĐ-TTg");
    browser.wait_for(
        "two citing plans",
        "document.querySelectorAll('#citing .citing').length === 2",
    );
    assert!(
        browser.count("#citing blockquote mark") > 0,
        "the key is marked in each context"
    );
    browser.screenshot(&shots.join("browser-screenshot-cites.png"));

    // And on to the other plan citing it; Back returns to the cited document.
    browser.click("#citing a[href='#/plan/2023-lai-chau-01-BVSTBPN-VP']");
    browser.wait_for("the Lai Châu plan", "document.getElementById('field-number')");
    assert!(
        browser.text("#field-number").starts_with("01"),
        "{}",
        browser.text("#field-number")
    );
    assert_eq!(
        browser.script("return location.hash"),
        json!("#/plan/2023-lai-chau-01-BVSTBPN-VP")
    );
    browser.back();
    browser.wait_for("the cited document again", "document.getElementById('cites-key')");

    // An unknown plan is an error message, not a broken page.
    browser.goto(&format!("{}/#/plan/nope", server.url));
    browser.wait_for("the error", "document.getElementById('error')");
    assert!(browser.text("#error").contains("nope"));

    // Markup in a document is shown as text, never run.
    browser.goto(&format!("{}/#/search?q=xsscanary", server.url));
    browser.wait_for(
        "the hostile plan",
        "document.querySelectorAll('#hits .hit').length === 1",
    );
    browser.click("#hits .hit a");
    browser.wait_for("its text", "document.getElementById('plan-text')");
    assert!(
        browser
            .text("#plan-text")
            .contains("<script>window.__pwned=2</script>")
    );
    let injected = browser.script(
        "return [typeof window.__pwned, document.querySelectorAll('#view img, #view script, #view b').length]",
    );
    assert_eq!(injected, json!(["undefined", 0]), "document text ran as markup");
}

/// The page's tools, one after the other on the bundled plans: the cited-document box,
/// the neighbourhood picture, the outline jump, the plan's file, a number typed as a
/// search, export, the diff from a trace, and messages in Vietnamese.
#[test]
fn cited_box_picture_outline_file_export_and_diff_in_a_real_browser() {
    if !browser_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let corpus = server::repo().join("corpus");
    let server = Server::start(&dir.path().join("index"), &[&corpus]);
    let shots = target_dir();
    let browser = Browser::start();

    // "Văn bản trích dẫn": a number typed loosely lands on every plan citing it.
    browser.goto(&format!("{}/", server.url));
    browser.wait_for("the cited-document box", "document.getElementById('cited-q')");
    browser.type_into("#cited-q", "QĐ 2282\u{E007}");
    browser.wait_for("the cited document", "document.getElementById('cites-key')");
    assert_eq!(browser.text("#cites-key"), "2282/QĐ-TTg");
    browser.wait_for(
        "two citing plans",
        "document.querySelectorAll('#citing .citing').length === 2",
    );
    assert!(browser.count("#citing .badge.rel") >= 2, "a relation on each");
    assert!(browser.count("#citing blockquote") >= 2, "with context");
    // Its neighbourhood: the two plans citing it, an edge with its relation from each.
    assert_eq!(browser.count("#neighbourhood-svg .node.citing"), 2);
    assert_eq!(browser.count("#neighbourhood-svg .edge text"), 2);
    browser.screenshot(&shots.join("browser-screenshot-cited-box.png"));

    // A plan's neighbourhood: the nine documents it cites, each edge labelled.
    browser.goto(&format!("{}/#/plan/2022-hai-phong-70-KH-UBND", server.url));
    browser.wait_for(
        "the plan's picture",
        "document.getElementById('field-number') && document.getElementById('neighbourhood-svg')",
    );
    assert_eq!(browser.count("#neighbourhood-svg .node.cited"), 9);
    assert_eq!(browser.count("#neighbourhood-svg .node.center"), 1);
    let labels = browser.script(
        "return [...document.querySelectorAll('#neighbourhood-svg .edge text')].map(t => t.textContent)",
    );
    let labels: Vec<&str> = labels
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(labels.len(), 9);
    assert!(
        labels.contains(&"Triển khai") && labels.contains(&"Nhắc đến"),
        "{labels:?}"
    );
    // Citations grouped by relation, as vbpl.vn's Lược đồ.
    assert!(browser.count("#refs h3.rel-group") >= 2);
    browser.screenshot(&shots.join("browser-screenshot-neighbourhood.png"));

    // The outline jumps to its section.
    browser.click("#outline button.jump[data-path='II.2']");
    browser.wait_for(
        "section II.2 at the top of the window",
        "document.activeElement.classList.contains('sec') && Math.abs(document.activeElement.getBoundingClientRect().top) < 40",
    );
    assert!(
        browser
            .script("return document.activeElement.innerText.slice(0, 200)")
            .as_str()
            .unwrap()
            .contains("Tháng hành động"),
        "II.2 is the Tháng hành động task"
    );
    browser.screenshot(&shots.join("browser-screenshot-outline-jump.png"));

    // The plan's file, downloaded as it is on disk.
    browser.script("window.scrollTo(0, 0)");
    browser.click("#file-link");
    let file = browser.downloaded("2022-hai-phong-70-KH-UBND.txt");
    assert_eq!(
        file,
        std::fs::read(corpus.join("2022-hai-phong-70-KH-UBND.txt")).unwrap()
    );

    // A search for a document number offers the plans citing it first.
    browser.goto(&format!("{}/#/search?q=125%2F2021%2FND-CP", server.url));
    browser.wait_for("the offer", "document.getElementById('cited-offer')");
    assert_eq!(
        browser.script(
            "return document.getElementById('cited-offer').compareDocumentPosition(document.getElementById('hits')) & Node.DOCUMENT_POSITION_FOLLOWING"
        ),
        json!(4),
        "the offer comes before the hits"
    );
    browser.click("#cited-offer-link");
    browser.wait_for("the cited document", "document.getElementById('cites-key')");
    assert_eq!(browser.text("#cites-key"), "125/2021/NĐ-CP");

    // Export of the hits, as CSV and JSON.
    browser.goto(&format!(
        "{}/#/search?q=b%C3%ACnh%20%C4%91%E1%BA%B3ng%20gi%E1%BB%9Bi",
        server.url
    ));
    browser.wait_for(
        "five hits",
        "document.querySelectorAll('#hits .hit').length === 5",
    );
    browser.screenshot(&shots.join("browser-screenshot-export.png"));
    browser.click("#export-hits a.export-csv");
    let csv = String::from_utf8(browser.downloaded("plancite-tim-kiem.csv")).unwrap();
    let lines: Vec<&str> = csv.trim_start_matches('\u{FEFF}').lines().collect();
    assert_eq!(lines[0], "id,number,doc_type,place,date,title,file,score,snippet");
    assert_eq!(lines.len(), 6, "{csv}");
    assert!(
        csv.contains("2022-hai-phong-70-KH-UBND,70/KH-UBND,Kế hoạch,Hải Phòng,2022-03-22"),
        "{csv}"
    );
    browser.click("#export-hits a.export-json");
    let rows: Value = serde_json::from_slice(&browser.downloaded("plancite-tim-kiem.json")).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 5);
    assert!(
        !rows[0]["snippet"].as_str().unwrap().contains("<mark>"),
        "snippets as text"
    );

    // Trace → "so sánh" → the diff of two tasks in colour; the trace exports too.
    browser.goto(&format!(
        "{}/#/trace?q=th%C3%A1ng%20h%C3%A0nh%20%C4%91%E1%BB%99ng",
        server.url
    ));
    browser.wait_for("a diff link", "document.querySelector('#threads a.diff-link')");
    assert!(browser.count("#export-trace a.export-csv") == 1);
    browser.click("#threads a.diff-link");
    browser.wait_for("the diff", "document.getElementById('diff-text')");
    assert!(browser.count("#diff-text del") > 0 && browser.count("#diff-text ins") > 0);
    let colours = browser.script(
        "return [getComputedStyle(document.querySelector('#diff-text del')).color, getComputedStyle(document.querySelector('#diff-text ins')).color]",
    );
    assert_eq!(colours, json!(["rgb(161, 27, 18)", "rgb(20, 108, 61)"]));
    browser.screenshot(&shots.join("browser-screenshot-diff.png"));

    // Fields other branches add to the API, rendered when present: the server's answers
    // are given them here by wrapping the page's fetch.
    browser.goto(&format!("{}/#/", server.url));
    browser.wait_for(
        "the home list",
        "document.querySelectorAll('#hits .hit').length > 0",
    );
    browser.script(
        r#"const real = window.fetch;
        window.fetch = async (url, opts) => {
            const response = await real(url, opts);
            const u = String(url);
            if (!u.startsWith('/api/search') && !u.startsWith('/api/plans/')) return response;
            const body = await response.json();
            if (u.startsWith('/api/search')) {
                body.all_words_total = 2;
                body.hits.forEach((h, i) => { h.all_words = i < 2; });
            } else {
                body.status = { state: 'replaced', by: '99/KH-UBND', by_id: null, date: '2023-01-05' };
                body.citations.forEach((c) => { if (c.key === '53/KH-UBND') c.relation = 'amends'; });
            }
            return new Response(JSON.stringify(body), { status: response.status, headers: { 'content-type': 'application/json' } });
        };
        location.hash = '#/search?q=b%C3%ACnh%20%C4%91%E1%BA%B3ng%20gi%E1%BB%9Bi';"#,
    );
    browser.wait_for("the all-words line", "document.getElementById('all-words')");
    assert_eq!(
        browser.text("#all-words"),
        "2 văn bản chứa đủ các từ; các kết quả sau chỉ chứa một phần."
    );
    assert_eq!(
        browser.script("const d = document.querySelector('#hits .some-words'); return d ? [...d.parentNode.children].indexOf(d) : -1"),
        json!(2),
        "the partial hits start after the first two"
    );
    browser.script("location.hash = '#/plan/2022-hai-phong-70-KH-UBND'");
    browser.wait_for("the status", "document.getElementById('plan-status')");
    assert_eq!(
        browser.text("#plan-status"),
        "Tình trạng: Đã bị thay thế bởi 99/KH-UBND (05/01/2023)"
    );
    let groups = browser.script(
        "return [...document.querySelectorAll('#refs h3.rel-group')].map(h => h.dataset.relation + ' ' + h.textContent)",
    );
    assert_eq!(
        groups,
        json!([
            "implements Triển khai 2",
            "amends Sửa đổi, bổ sung 1",
            "mention Nhắc đến 6"
        ])
    );

    // Messages in Vietnamese, the server's English only behind "Chi tiết".
    browser.goto(&format!("{}/#/cites/999%2F2099%2FND-CP", server.url));
    browser.wait_for("the error", "document.getElementById('error')");
    let error = browser.text("#error");
    assert!(
        error.contains("Chưa có văn bản nào trong kho trích dẫn «999/2099/ND-CP»"),
        "{error}"
    );
    assert!(!error.contains("no plan"), "{error}");
}

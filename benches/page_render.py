#!/usr/bin/env python3
"""Time for the page to show one plan, in headless Chromium (chromedriver, WebDriver).

    benches/page_render.py URL PLAN_ID [RUNS]

URL is a running `plancite serve` (e.g. http://127.0.0.1:8080). Each run goes from
the home view to `#/plan/PLAN_ID` and measures, inside the page, the time from the hash
change to the first frame after the plan's text is in the page: the API request, the
JSON, and building the view. Prints each run and the median. Needs chromium and
chromedriver (Debian packages); traffic goes to URL only.
"""
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request


def call(method, url, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.load(r)["value"]


def main():
    url, plan = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    driver = subprocess.Popen(["chromedriver", f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if call("GET", base + "/status")["ready"]:
                    break
            except OSError:
                time.sleep(0.1)
        profile = tempfile.mkdtemp()
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,900", f"--user-data-dir={profile}"]}}}}
        session = call("POST", base + "/session", caps)["sessionId"]
        s = f"{base}/session/{session}"
        script = lambda js: call("POST", s + "/execute/sync", {"script": js, "args": []})
        call("POST", s + "/url", {"url": url + "/#/"})
        times = []
        for i in range(runs):
            script("location.hash = '#/'")
            while not script("return !!document.querySelector('#hits .hit')"):
                time.sleep(0.05)
            script(
                "window.__shown = null; const t0 = performance.now();"
                "new MutationObserver((_, obs) => { if (document.getElementById('plan-text')) { obs.disconnect();"
                " requestAnimationFrame(() => setTimeout(() => { window.__shown = performance.now() - t0; }, 0)); } })"
                ".observe(document.getElementById('view'), { childList: true });"
                f"location.hash = '#/plan/' + encodeURIComponent({json.dumps(plan)});"
            )
            while (shown := script("return window.__shown")) is None:
                time.sleep(0.02)
            times.append(shown)
            print(f"run {i + 1}: {shown:.0f} ms")
        print(f"median {statistics.median(times):.0f} ms, range {min(times):.0f}-{max(times):.0f} ms over {runs} runs")
        call("DELETE", s)
    finally:
        driver.kill()


if __name__ == "__main__":
    main()

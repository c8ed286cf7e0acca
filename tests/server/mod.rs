//! Helpers for tests that run the real `plancite serve` on a loopback port: start it,
//! wait for the URL it prints, talk to it with a small blocking client, stop it.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The target folder this test binary was built into (honours `CARGO_TARGET_DIR`).
pub fn target_dir() -> PathBuf {
    let bin = Path::new(env!("CARGO_BIN_EXE_plancite"));
    bin.parent()
        .and_then(Path::parent)
        .unwrap_or(Path::new("target"))
        .to_path_buf()
}

/// A blocking HTTP client for loopback: no proxy, statuses are not errors.
pub fn client() -> ureq::Agent {
    ureq::Agent::config_builder()
        .proxy(None)
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into()
}

/// A running `plancite serve`, killed when dropped.
pub struct Server {
    pub child: Child,
    pub url: String,
    pub stderr: Arc<Mutex<String>>,
}

impl Server {
    /// Starts `plancite --index INDEX serve --addr 127.0.0.1:0 DIRS…` in the repository
    /// root and waits until it prints where it listens.
    pub fn start(index: &Path, dirs: &[&Path]) -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_plancite"));
        command
            .current_dir(repo())
            .arg("--index")
            .arg(index)
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(dirs)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        let mut child = command.spawn().expect("start plancite serve");
        let stderr = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = mpsc::channel();
        let pipe = child.stderr.take().unwrap();
        let log = Arc::clone(&stderr);
        std::thread::spawn(move || {
            for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                log.lock().unwrap().push_str(&format!("{line}\n"));
                if let Some(at) = line.find("http://") {
                    let url = line[at..]
                        .split_whitespace()
                        .next()
                        .unwrap_or("")
                        .trim_end_matches('/');
                    let _ = tx.send(url.to_string());
                }
            }
        });
        let url = match rx.recv_timeout(Duration::from_secs(120)) {
            Ok(url) => url,
            Err(_) => {
                let _ = child.kill();
                panic!("plancite serve printed no URL: {}", stderr.lock().unwrap());
            }
        };
        Server { child, url, stderr }
    }

    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A loopback port free right now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

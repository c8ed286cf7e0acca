//! Helpers shared by the whole-binary tests: run `plancite` from the repository root
//! with its own temporary index.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn shared() -> PathBuf {
    let shared = repo().join("../shared");
    assert!(
        shared.join("realdocs").is_dir(),
        "../shared/realdocs must sit beside the repository"
    );
    shared
}

/// A plancite run: exit code, stdout, stderr.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// One string field of each object in a JSON list: the ids of hits, the plans of tasks.
pub fn strings<'v>(list: &'v serde_json::Value, field: &str) -> Vec<&'v str> {
    list.as_array()
        .unwrap_or_else(|| panic!("not a list: {list}"))
        .iter()
        .map(|item| {
            item[field]
                .as_str()
                .unwrap_or_else(|| panic!("no {field} in {item}"))
        })
        .collect()
}

impl Run {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(self.stdout.trim()).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.stdout))
    }

    pub fn json_lines(&self) -> Vec<serde_json::Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).expect("JSON line"))
            .collect()
    }
}

/// Runs plancite in the repository root with `index` as its index folder.
pub fn plancite(index: &Path, args: &[&str]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_plancite"));
    command
        .current_dir(repo())
        .env("PLANCITE_INDEX", index)
        .args(args);
    finish(command)
}

/// Runs plancite in `cwd` with no index named (neither `--index` nor `$PLANCITE_INDEX`).
pub fn plancite_in(cwd: &Path, args: &[&str]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_plancite"));
    command.current_dir(cwd).env_remove("PLANCITE_INDEX").args(args);
    finish(command)
}

fn finish(mut command: Command) -> Run {
    let output: Output = command.output().expect("run plancite");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// A temporary index built from the bundled corpus.
pub fn corpus_index() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let run = plancite(&dir.path().join("index"), &["index", "corpus", "--quiet"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    dir
}

pub fn index_path(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("index")
}

/// The bundled plans by the short names the tests use.
pub const HAI_PHONG_2022: &str = "2022-hai-phong-70-KH-UBND";
pub const LAI_CHAU_2023: &str = "2023-lai-chau-01-BVSTBPN-VP";
pub const BUON_MA_THUOT_2022: &str = "2022-buon-ma-thuot-48-KH-UBND";
pub const THANH_HOA_2020: &str = "2020-thanh-hoa-397-SLDTBXH-TEBDG";
pub const HAI_PHONG_2017: &str = "2017-hai-phong-1016-CTr-BCD";

//! Writes a synthetic archive: `cargo bench --bench synth -- --plans 100000 --seed 1 --out DIR`.
//! Deterministic from the seed (see `plancite::synth`). With `--templates DIR`, the
//! documents are variants of the real `.txt` documents under DIR (`synth::Templates`).

use std::path::PathBuf;
use std::time::Instant;

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn main() {
    let plans: u64 = arg("--plans").and_then(|v| v.parse().ok()).unwrap_or(1000);
    let seed: u64 = arg("--seed").and_then(|v| v.parse().ok()).unwrap_or(1);
    let Some(out) = arg("--out").map(PathBuf::from) else {
        eprintln!("usage: synth --plans N [--seed S] [--templates DIR] --out DIR");
        std::process::exit(2);
    };
    let generator = match arg("--templates") {
        None => plancite::synth::Generator::new(seed),
        Some(dir) => match plancite::synth::Templates::load(std::path::Path::new(&dir)) {
            Ok(templates) => plancite::synth::Generator::with_templates(seed, templates),
            Err(e) => {
                eprintln!("synth: {e}");
                std::process::exit(2);
            }
        },
    };
    let started = Instant::now();
    let bytes = generator
        .write_archive(&out, plans)
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    eprintln!(
        "wrote {plans} plans ({:.1} MB) to {} in {:.1} s",
        bytes as f64 / 1e6,
        out.display(),
        started.elapsed().as_secs_f64()
    );
}

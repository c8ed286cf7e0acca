//! Compiles the Vietnamese word lexicon into a lindera dictionary at build time, so
//! that the binary carries it and nothing is built or fetched at run time.
//!
//! Input: `resources/lexicon/Viet74K.txt.gz` (underthesea's word list, see
//! `resources/NOTICE`), `resources/lexicon/domain.txt` and the expansions in
//! `resources/lexicon/abbreviations.tsv`. Each entry is cut into syllables the way the
//! tokenizer cuts text, normalized by the same code (`src/analysis/normalize.rs` and the
//! parts of `src/vi/` it uses, included here), and added twice: in exact form (`bình đẳng giới`) and folded
//! (`binh dang gioi`). Single syllables are left out: a syllable that belongs to no
//! longer word is a word by itself anyway. Output: a lindera dictionary in
//! `$OUT_DIR/vi-lexicon/`, embedded by `src/analysis/segment.rs`.

#[allow(dead_code, unused_imports)]
#[path = "src/analysis/normalize.rs"]
mod normalize;

/// The parts of `src/vi/` that `normalize.rs` uses (folding, tone placement, spaces),
/// at their own paths; `crate::vi` names them as in the library.
#[allow(dead_code)]
mod src {
    pub mod vi {
        pub mod fold;
        pub mod lookalike;
        pub mod space;
        pub mod tone;
    }
}
use src::vi;

use std::collections::BTreeSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use lindera_dictionary::builder::DictionaryBuilder;
use lindera_dictionary::dictionary::metadata::Metadata;

/// Cost of a lexicon word and of a domain term (lower is preferred); an unknown
/// syllable costs more than any word, so the segmenter takes the fewest words.
const WORD_COST: i16 = 1000;
const DOMAIN_COST: i16 = 900;
const UNKNOWN_COST: i16 = 1500;

const CHAR_DEF: &str = "\
DEFAULT 0 1 0
SPACE 0 1 0
ALPHA 1 1 0
NUMERIC 1 1 0
0x0020 SPACE
0x0030..0x0039 NUMERIC
0x0041..0x005A ALPHA
0x0061..0x007A ALPHA
0x00C0..0x024F ALPHA
0x0300..0x036F ALPHA
0x1E00..0x1EFF ALPHA
";

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let lexicon = root.join("resources/lexicon");
    for file in [
        "resources/lexicon/Viet74K.txt.gz",
        "resources/lexicon/domain.txt",
        "resources/lexicon/abbreviations.tsv",
        "src/analysis/normalize.rs",
        "src/vi/fold.rs",
        "src/vi/lookalike.rs",
        "src/vi/space.rs",
        "src/vi/tone.rs",
    ] {
        println!("cargo:rerun-if-changed={file}");
    }

    let mut gz = Vec::new();
    fs::File::open(lexicon.join("Viet74K.txt.gz"))
        .and_then(|f| flate2::read::GzDecoder::new(f).read_to_end(&mut gz))
        .expect("read resources/lexicon/Viet74K.txt.gz");
    let viet74k = String::from_utf8(gz).expect("Viet74K.txt is UTF-8");
    let domain = fs::read_to_string(lexicon.join("domain.txt")).expect("read domain.txt");
    let abbreviations =
        fs::read_to_string(lexicon.join("abbreviations.tsv")).expect("read abbreviations.tsv");

    let mut words: BTreeSet<(String, i16)> = BTreeSet::new();
    let mut add = |entry: &str, cost: i16| {
        let syllables: Vec<&str> = entry
            .split(|c: char| !is_word_char(c))
            .filter(|s| !s.is_empty())
            .collect();
        if syllables.len() < 2 {
            return;
        }
        let exact: Vec<String> = syllables.iter().map(|s| normalize::exact_form(s)).collect();
        let folded: Vec<String> = syllables.iter().map(|s| normalize::folded_form(s)).collect();
        words.insert((exact.join(" "), cost));
        words.insert((folded.join(" "), cost));
    };
    for line in viet74k.lines() {
        add(line, WORD_COST);
    }
    for line in domain.lines().filter(|l| !l.starts_with('#')) {
        add(line, DOMAIN_COST);
    }
    for line in abbreviations.lines().filter(|l| !l.starts_with('#')) {
        if let Some((_, expansion)) = line.split_once('\t') {
            add(expansion, DOMAIN_COST);
        }
    }
    // One entry per surface, at its lowest cost (the set is sorted by surface, then cost).
    let mut csv = String::new();
    let mut last: Option<&str> = None;
    for (surface, cost) in &words {
        if last == Some(surface.as_str()) {
            continue;
        }
        last = Some(surface);
        csv.push_str(&format!("{surface},0,0,{cost},w\n"));
    }

    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let source = out.join("vi-lexicon-src");
    let built = out.join("vi-lexicon");
    write(&source, "lex.csv", &csv);
    write(&source, "char.def", CHAR_DEF);
    let unk = format!(
        "DEFAULT,0,0,{UNKNOWN_COST},unk\nSPACE,0,0,0,space\n\
         ALPHA,0,0,{UNKNOWN_COST},unk\nNUMERIC,0,0,{UNKNOWN_COST},unk\n"
    );
    write(&source, "unk.def", &unk);
    write(&source, "matrix.def", "1 1\n0 0 0\n");
    DictionaryBuilder::new(Metadata::default())
        .build_dictionary(&source, &built)
        .expect("build the lindera dictionary");
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

fn write(dir: &Path, name: &str, content: &str) {
    fs::create_dir_all(dir).expect("create build folder");
    fs::write(dir.join(name), content).expect("write dictionary source");
}

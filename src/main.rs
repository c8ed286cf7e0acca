//! The `plancite` command line: parses arguments, calls the library, prints, and turns
//! the outcome into an exit code (0 all well, 1 something skipped or failed, 2 a usage
//! error).

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};

use plancite::index::build::{BuildOptions, BuildReport, build};
use plancite::index::{DEFAULT_PATH, Index, reader};
use plancite::ingest::limits;
use plancite::ingest::progress::{Bar, Progress, Silent};
use plancite::ingest::read::{Found, walk_with};
use plancite::pipeline::{self, Outcome};
use plancite::query::request::{self, CitesRequest, Level, Match, TopCitedRequest};
use plancite::query::search::{SearchRequest, search};
use plancite::query::{citations, diff, graph, trace};
use plancite::render::terminal::{self as output, Style};

// Indexing moves many texts of tens of kilobytes between threads; glibc's allocator
// spent a tenth of the run on them (benches/scale.sh), mimalloc a small share of that.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "plancite",
    version,
    about = "Search and cross-reference Vietnamese government plan archives"
)]
struct Cli {
    /// Index folder (default ./plancite-index). A folder named here or in
    /// $PLANCITE_INDEX must hold an index, except for `index` and `add`, which create it.
    #[arg(long, global = true, env = "PLANCITE_INDEX")]
    index: Option<PathBuf>,
    /// Print the details of errors inside document libraries (panic messages).
    #[arg(long, global = true)]
    verbose: bool,
    /// Colour the output: auto (a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, global = true, value_enum, default_value_t, value_name = "WHEN")]
    color: output::ColorWhen,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Show what plancite understands of files, without any index.
    Extract {
        /// Files or folders.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// One JSON object per file per line.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// Build or update the index from folders (default: the bundled corpus/).
    Index {
        dirs: Vec<PathBuf>,
        #[command(flatten)]
        build: BuildArgs,
    },
    /// Add or replace single files in the index (nothing else is touched).
    Add {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        build: BuildArgs,
    },
    /// Remove one plan from the index.
    Remove {
        /// A plan id, file name or number.
        id: String,
    },
    /// Full-text search.
    Search(SearchArgs),
    /// Every plan citing a document, oldest first (KEY as typed: 125/2021/ND-CP, "nghị định 125/2021/NĐ-CP").
    Cites {
        key: String,
        #[arg(long)]
        json: bool,
        /// Only the ids of the citing plans, one per line, oldest first (fast: no contexts).
        #[arg(long, conflicts_with_all = ["json", "limit", "offset"])]
        ids: bool,
        /// At most this many citing plans (the total is still counted in full).
        #[arg(long)]
        limit: Option<usize>,
        /// Skip this many citing plans first (oldest first).
        #[arg(long, default_value_t = 0)]
        offset: usize,
        /// Only plans citing it so: basis, implements, guides, amends, replaces, repeals,
        /// consolidates, corrects or mention.
        #[arg(long, value_parser = parse_relation)]
        relation: Option<plancite::model::Relation>,
    },
    /// What a plan cites, in order, marked in the archive or outside it.
    Refs {
        /// A plan id, file name or number.
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// The citation graph of the whole archive.
    Graph {
        /// json, dot, graphml or csv.
        #[arg(
            long,
            value_enum,
            ignore_case = true,
            default_value = "json",
            hide_possible_values = true
        )]
        format: plancite::render::Format,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Cited documents by the number of plans citing them.
    TopCited {
        #[arg(long, default_value_t = request::DEFAULT_TOP_CITED)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// How a task evolved: matching plans and tasks per year, grouped into threads.
    Trace {
        query: String,
        #[command(flatten)]
        range: YearsAndPlace,
        #[arg(long)]
        json: bool,
        /// Also write a timeline chart (SVG) to this file.
        #[arg(long)]
        svg: Option<PathBuf>,
    },
    /// A word-level diff of two tasks (ids as shown by search --level task or trace).
    Diff {
        task_a: String,
        task_b: String,
        #[arg(long)]
        json: bool,
    },
    /// Serve the search page and the JSON API over HTTP (building the index from DIRS,
    /// default corpus/, when there is none yet).
    Serve {
        /// Address to listen on; loopback unless told otherwise.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        /// Another name the server answers to (a loopback server answers only requests
        /// whose Host is localhost or its address). Repeatable.
        #[arg(long = "allow-host", value_name = "NAME")]
        allow_hosts: Vec<String>,
        /// Folders to index first when there is no index.
        dirs: Vec<PathBuf>,
    },
    /// Show one plan: its metadata and text.
    Show {
        /// A plan id, file name or number (70/KH-UBND).
        id: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
struct BuildArgs {
    /// Writer memory budget in MiB.
    #[arg(long, default_value_t = plancite::index::writer::DEFAULT_MEMORY_MB)]
    memory_mb: usize,
    #[command(flatten)]
    limits: LimitArgs,
    /// Commit after this many new or changed plans (a killed run keeps them).
    #[arg(long, default_value_t = plancite::index::build::DEFAULT_COMMIT_EVERY)]
    commit_every: usize,
    /// No progress bar.
    #[arg(long, short)]
    quiet: bool,
}

/// What one file may cost (a file past a limit is skipped with the limit named).
#[derive(Args)]
struct LimitArgs {
    /// Skip files larger than this many MiB.
    #[arg(long, default_value_t = limits::DEFAULT_MAX_FILE_MB)]
    max_file_mb: u64,
    /// Skip a .docx or PDF whose parts or streams unpack to more than this many MiB.
    #[arg(long, default_value_t = limits::DEFAULT_MAX_DECOMPRESSED_MB)]
    max_decompressed_mb: u64,
    /// Skip a document whose text is longer than this many MiB.
    #[arg(long, default_value_t = limits::DEFAULT_MAX_TEXT_MB)]
    max_text_mb: u64,
    /// Skip a document holding more citations than this.
    #[arg(long, default_value_t = limits::DEFAULT_MAX_CITATIONS)]
    max_citations: usize,
    /// Follow symbolic links inside the folders (only to files and folders inside them).
    #[arg(long)]
    follow_links: bool,
}

impl LimitArgs {
    fn limits(&self) -> limits::Limits {
        limits::Limits {
            max_file_bytes: self.max_file_mb << 20,
            max_decompressed_bytes: self.max_decompressed_mb << 20,
            max_text_bytes: self.max_text_mb << 20,
            max_citations: self.max_citations,
        }
    }
}

impl Default for LimitArgs {
    fn default() -> Self {
        LimitArgs {
            max_file_mb: limits::DEFAULT_MAX_FILE_MB,
            max_decompressed_mb: limits::DEFAULT_MAX_DECOMPRESSED_MB,
            max_text_mb: limits::DEFAULT_MAX_TEXT_MB,
            max_citations: limits::DEFAULT_MAX_CITATIONS,
            follow_links: false,
        }
    }
}

/// Which years and place a question covers.
#[derive(Args)]
struct YearsAndPlace {
    /// From this year (inclusive).
    #[arg(long)]
    from: Option<i32>,
    /// To this year (inclusive).
    #[arg(long)]
    to: Option<i32>,
    /// Only plans of this place (case and marks do not matter).
    #[arg(long)]
    place: Option<String>,
}

#[derive(Args)]
struct SearchArgs {
    query: String,
    #[arg(long, conflicts_with_all = ["from", "to"])]
    year: Option<i32>,
    #[command(flatten)]
    range: YearsAndPlace,
    #[arg(long = "type")]
    doc_type: Option<String>,
    /// plan (whole plans) or task (each section of a plan, with its plan).
    #[arg(long, value_enum, default_value = "plan", hide_possible_values = true)]
    level: Level,
    /// any (plans holding any of the words, best first) or all (only plans holding every word).
    #[arg(
        long = "match",
        value_enum,
        default_value = "any",
        hide_possible_values = true
    )]
    match_mode: Match,
    /// Only plans that cite this document (e.g. 125/2021/ND-CP).
    #[arg(long)]
    cites: Option<String>,
    #[arg(long, default_value_t = request::DEFAULT_LIMIT)]
    limit: usize,
    #[arg(long, default_value_t = 0)]
    offset: usize,
    #[arg(long)]
    json: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    plancite::panics::install_hook(cli.verbose);
    match run(cli) {
        Ok(code) => code,
        // A reader that stopped early (`plancite graph | head`) is not an error.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("plancite: {}", output::clean(&error_line(&err)));
            let users = err
                .downcast_ref::<plancite::Error>()
                .is_some_and(plancite::Error::is_users);
            ExitCode::from(if users { 2 } else { 1 })
        }
    }
}

/// The error and its causes on one line, each said once: a library error that carries
/// its cause's text is not followed by the cause again.
fn error_line(err: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Where the index is, and whether the user named it (then it must exist: a mistyped
/// path is an error, never a new index).
struct IndexArg {
    path: PathBuf,
    named: bool,
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let index_arg = IndexArg {
        named: cli.index.is_some(),
        path: cli.index.unwrap_or_else(|| PathBuf::from(DEFAULT_PATH)),
    };
    let stdout = io::stdout();
    let mut out = output::Terminal::new(io::BufWriter::new(stdout.lock()));
    let style = Style::for_stdout(cli.color);
    let code = match cli.command {
        Command::Extract { files, json, limits } => extract(&mut out, &files, json, &limits, style)?,
        Command::Index { dirs, build } => {
            let dirs = if dirs.is_empty() {
                vec![default_corpus()?]
            } else {
                dirs
            };
            let report = index_dirs(&index_arg.path, &dirs, &build, true)?;
            print_build_report(&report);
            exit_for(&report)
        }
        Command::Add { files, build } => {
            let report = index_dirs(&index_arg.path, &files, &build, false)?;
            print_build_report(&report);
            exit_for(&report)
        }
        Command::Remove { id } => {
            let index = Index::open(&index_arg.path)?;
            let removed =
                plancite::index::build::remove(&index, &id, plancite::index::writer::DEFAULT_MEMORY_MB)?;
            let total = output::count(index.plan_count()?, "plan");
            eprintln!("removed {removed}; {total} in the index");
            ExitCode::SUCCESS
        }
        Command::Search(args) => {
            let request = SearchRequest {
                query: args.query,
                year: args.year,
                from: args.range.from,
                to: args.range.to,
                place: args.range.place,
                doc_type: args.doc_type,
                cites: args.cites,
                offset: args.offset,
                limit: args.limit,
                level: args.level,
                match_mode: args.match_mode,
            };
            request.validate()?;
            let index = open_or_build(&index_arg, Vec::new())?;
            let result = search(&index, &request)?;
            emit(&mut out, args.json, &result, |out, v| {
                output::search_result(out, v, request.offset, style)
            })?;
            ExitCode::SUCCESS
        }
        Command::Cites { key, ids: true, .. } => {
            let index = open_or_build(&index_arg, Vec::new())?;
            let (key, ids) = citations::citing_ids(&index, &key)?;
            if ids.is_empty() {
                return Err(nobody_cites(&key).into());
            }
            for id in ids {
                writeln!(out, "{id}")?;
            }
            ExitCode::SUCCESS
        }
        Command::Cites {
            key,
            json,
            ids: false,
            limit,
            offset,
            relation,
        } => {
            let request = CitesRequest {
                key,
                relation,
                offset,
                limit,
            };
            request.validate()?;
            let index = open_or_build(&index_arg, Vec::new())?;
            let result = citations::cites_with(&index, &request.key, relation, offset, limit)?;
            if result.cited_by_nobody() {
                return Err(nobody_cites(&result.key).into());
            }
            emit(&mut out, json, &result, |out, v| {
                output::cites_result(out, v, style)
            })?;
            ExitCode::SUCCESS
        }
        Command::Refs { id, json } => {
            let index = open_or_build(&index_arg, Vec::new())?;
            let result = citations::refs(&index, &id)?;
            emit(&mut out, json, &result, |out, v| {
                output::refs_result(out, v, style)
            })?;
            ExitCode::SUCCESS
        }
        Command::Graph { format, out: file } => {
            let index = open_or_build(&index_arg, Vec::new())?;
            let rendered = plancite::render::graph(&graph::build(&index)?, format);
            match file {
                Some(file) => std::fs::write(&file, rendered)
                    .with_context(|| format!("cannot write {}", file.display()))?,
                None => out.write_all(rendered.as_bytes())?,
            }
            ExitCode::SUCCESS
        }
        Command::TopCited { limit, json } => {
            TopCitedRequest { limit }.validate()?;
            let index = open_or_build(&index_arg, Vec::new())?;
            let documents = citations::top_cited(&index, limit)?;
            emit(&mut out, json, &documents, |out, v| {
                output::top_cited(out, v, style)
            })?;
            ExitCode::SUCCESS
        }
        Command::Trace {
            query,
            range,
            json,
            svg,
        } => {
            let YearsAndPlace { from, to, place } = range;
            let request = trace::TraceRequest {
                query,
                from,
                to,
                place,
            };
            request.validate()?;
            let index = open_or_build(&index_arg, Vec::new())?;
            let result = trace::trace(&index, &request)?;
            if let Some(file) = svg {
                std::fs::write(&file, plancite::render::svg::trace_timeline(&result, from, to))
                    .with_context(|| format!("cannot write {}", file.display()))?;
            }
            emit(&mut out, json, &result, |out, v| {
                output::trace_result(out, v, style)
            })?;
            ExitCode::SUCCESS
        }
        Command::Diff { task_a, task_b, json } => {
            let index = open_or_build(&index_arg, Vec::new())?;
            let result = diff::diff_tasks(&index, &task_a, &task_b)?;
            emit(&mut out, json, &result, |out, v| output::task_diff(out, v, style))?;
            ExitCode::SUCCESS
        }
        Command::Serve {
            addr,
            allow_hosts,
            dirs,
        } => {
            let index = open_or_build(&index_arg, dirs)?;
            serve(index, addr, &allow_hosts)?;
            ExitCode::SUCCESS
        }
        Command::Show { id, json } => {
            let index = open_or_build(&index_arg, Vec::new())?;
            let (record, text) = reader::find_plan(&index, &id)?;
            if json {
                let mut value = serde_json::to_value(&record.plan)?;
                value["files"] = files_of(&record).into();
                value["id"] = record.id.into();
                value["text"] = text.into();
                output::json_line(out.raw(), &value)?;
            } else {
                output::plan_block(&mut out, &record.plan, style)?;
                writeln!(out, "{text}")?;
            }
            ExitCode::SUCCESS
        }
    };
    out.flush()?;
    Ok(code)
}

/// The files a plan was read from: its own, then its copies still on disk.
fn files_of(record: &plancite::index::PlanRecord) -> Vec<String> {
    std::iter::once(record.plan.file.clone())
        .chain(record.copies.iter().filter(|c| Path::new(c).is_file()).cloned())
        .collect()
}

/// A key no plan cites is a usage error (exit 2), as an unknown plan is.
fn nobody_cites(key: &str) -> plancite::Error {
    plancite::Error::NotFound(format!("no plan in the archive cites {key}"))
}

/// Prints a result as one JSON line, or for people with `human`.
fn emit<W: Write, T: serde::Serialize>(
    out: &mut output::Terminal<W>,
    json: bool,
    value: &T,
    human: impl FnOnce(&mut output::Terminal<W>, &T) -> io::Result<()>,
) -> io::Result<()> {
    if json {
        output::json_line(out.raw(), value)
    } else {
        human(out, value)
    }
}

/// `extract`: understand each file and print it; a bad file is reported on stderr and
/// the run goes on.
fn extract<W: Write>(
    out: &mut output::Terminal<W>,
    roots: &[PathBuf],
    json: bool,
    limits: &LimitArgs,
    style: Style,
) -> anyhow::Result<ExitCode> {
    let mut files = Vec::new();
    let mut skipped = 0;
    for found in walk_with(roots, limits.follow_links) {
        match found {
            Found::File(path) => files.push(path),
            Found::Unreadable(path, reason) => {
                eprintln!("{}: {reason}", output::clean(&path.display().to_string()));
                skipped += 1;
            }
        }
    }
    let never_unchanged = |_: &str, _: &str| false;
    let mut write_error = None;
    pipeline::run(
        &files,
        &pipeline::Options {
            limits: limits.limits(),
            follow_links: limits.follow_links,
        },
        &never_unchanged,
        &Silent,
        |outcome| {
            let written = match outcome {
                Outcome::Understood(u) if json => {
                    // The plan's fields, then how the file was read.
                    serde_json::to_value(&u.plan)
                        .map_err(std::io::Error::from)
                        .and_then(|mut value| {
                            value["format"] = u.format.into();
                            value["encoding"] = u.encoding.into();
                            output::json_line(out.raw(), &value)
                        })
                }
                Outcome::Understood(u) => output::plan_block(out, &u.plan, style),
                Outcome::Skipped { file, reason } => {
                    eprintln!("{}: {reason}", output::clean(&file));
                    skipped += 1;
                    Ok(())
                }
                Outcome::Unchanged { .. } => Ok(()),
            };
            if let Err(e) = written {
                write_error.get_or_insert(e);
            }
        },
    );
    if let Some(e) = write_error {
        return Err(e.into());
    }
    Ok(if skipped > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Indexes `dirs`; with `prune`, plans whose files are gone from them are removed.
fn index_dirs(
    index_path: &Path,
    dirs: &[PathBuf],
    args: &BuildArgs,
    prune: bool,
) -> anyhow::Result<BuildReport> {
    let index = Index::open_or_create(index_path)?;
    let options = BuildOptions {
        pipeline: pipeline::Options {
            limits: args.limits.limits(),
            follow_links: args.limits.follow_links,
        },
        memory_mb: args.memory_mb,
        prune,
        commit_every: args.commit_every,
    };
    let progress: Box<dyn Progress> = if args.quiet || !io::stderr().is_terminal() {
        Box::new(Silent)
    } else {
        Box::new(Bar::new())
    };
    let report = build(&index, dirs, &options, progress.as_ref())
        .with_context(|| format!("indexing into {}", index_path.display()))?;
    Ok(report)
}

fn print_build_report(report: &BuildReport) {
    for (file, reason) in &report.skipped {
        eprintln!("skipped {}: {reason}", output::clean(file));
    }
    for (copy, original) in &report.copies {
        eprintln!("same content as {original}: {copy} (listed with that plan)");
    }
    let mb = report.bytes as f64 / (1 << 20) as f64;
    let mut line = format!(
        "indexed {} ({mb:.1} MB) in {:.1} s, skipped {}",
        output::count(report.indexed as u64, "plan"),
        report.elapsed.as_secs_f64(),
        report.skipped.len()
    );
    if report.unchanged > 0 {
        line += &format!(", unchanged {}", report.unchanged);
    }
    if report.removed > 0 {
        line += &format!(", removed {}", report.removed);
    }
    if !report.copies.is_empty() {
        line += &format!(
            ", {}",
            match report.copies.len() {
                1 => "1 copy".to_string(),
                n => format!("{n} copies"),
            }
        );
    }
    eprintln!("{line}; {} in the index", output::count(report.total, "plan"));
}

fn exit_for(report: &BuildReport) -> ExitCode {
    if report.skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// The bundled archive: `corpus/` here, or the one this binary was built from.
fn default_corpus() -> anyhow::Result<PathBuf> {
    let here = PathBuf::from("corpus");
    if here.is_dir() {
        return Ok(here);
    }
    let built_from = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    if built_from.is_dir() {
        return Ok(built_from);
    }
    anyhow::bail!("no corpus/ folder here; give the folders to index")
}

/// Opens the index. When there is none, it is built first from `dirs` if the user gave
/// folders (`serve DIR…`), or from the bundled corpus when no index was named and the
/// command runs in the plancite checkout; anything else is a usage error, so a mistyped
/// `--index` never leaves a stray index behind.
fn open_or_build(index: &IndexArg, dirs: Vec<PathBuf>) -> anyhow::Result<Index> {
    let path = &index.path;
    if !Index::exists(path) {
        let dirs = if !dirs.is_empty() {
            dirs
        } else if !index.named && in_checkout() {
            vec![PathBuf::from("corpus")]
        } else {
            let hint = if index.named {
                "check the path, or build it with `plancite --index PATH index DIR`"
            } else {
                "build one with `plancite index DIR`, or name one with --index"
            };
            return Err(plancite::Error::NoIndexAt(path.display().to_string(), hint.into()).into());
        };
        let names: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
        eprintln!(
            "no index at {}; building it from {} first",
            path.display(),
            names.join(", ")
        );
        let args = BuildArgs {
            memory_mb: plancite::index::writer::DEFAULT_MEMORY_MB,
            limits: LimitArgs::default(),
            commit_every: plancite::index::build::DEFAULT_COMMIT_EVERY,
            quiet: true,
        };
        print_build_report(&index_dirs(path, &dirs, &args, true)?);
    }
    Ok(Index::open(path)?)
}

/// Whether the current folder is a plancite checkout (its `Cargo.toml` and `corpus/`),
/// the one place where building the bundled archive unasked is what a user expects.
fn in_checkout() -> bool {
    Path::new("corpus").is_dir()
        && std::fs::read_to_string("Cargo.toml").is_ok_and(|toml| toml.contains("name = \"plancite\""))
}

/// `serve`: the HTTP service on `addr` until Ctrl-C or SIGTERM.
fn serve(index: Index, addr: std::net::SocketAddr, allow_hosts: &[String]) -> anyhow::Result<()> {
    use plancite::http::{AppState, Config, serve};
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let plans = index.plan_count()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("cannot listen on {addr}"))?;
        let local = listener.local_addr()?;
        if !local.ip().is_loopback() {
            eprintln!(
                "warning: listening on {local}: anyone who can reach this machine can read the archive"
            );
        }
        let plans = output::count(plans, "plan");
        eprintln!("plancite: serving {plans} at http://{local}/ (Ctrl-C to stop)");
        // On loopback, or when told names: only requests that name this server.
        let allowed_hosts = (local.ip().is_loopback() || !allow_hosts.is_empty())
            .then(|| Config::loopback_hosts(local, allow_hosts));
        let config = Config {
            allowed_hosts,
            ..Config::default()
        };
        serve(
            listener,
            AppState::with_config(std::sync::Arc::new(index), config),
        )
        .await?;
        anyhow::Ok(())
    })?;
    // Requests already abandoned may still be running a query; do not wait long for them.
    runtime.shutdown_timeout(std::time::Duration::from_secs(5));
    Ok(())
}

/// A relation as typed after `--relation`.
fn parse_relation(name: &str) -> Result<plancite::model::Relation, String> {
    plancite::model::Relation::parse(name).ok_or_else(|| {
        let all: Vec<&str> = plancite::model::Relation::ALL
            .iter()
            .map(|r| r.as_str())
            .collect();
        format!("unknown relation {name:?}; one of {}", all.join(", "))
    })
}

//! The terminal: results for people (short blocks, bold where colour is on) and JSON
//! lines for programs. Finding happens elsewhere; this module only prints what it is
//! given.
//!
//! Titles, texts and file names come from documents nobody checked: printed as they are,
//! an escape sequence in them could retitle the terminal, hide lines or plant a link.
//! Human output goes through [`Terminal`], which drops every control character except
//! line breaks and tabs and passes only the few styling sequences this module writes
//! itself; [`clean`] does the same for one string (a file name in an error line). JSON
//! escapes control characters itself.

use std::io::{self, Write};

use crate::model::Plan;
use crate::query::highlight::Snippet;
use crate::query::search::SearchResult;

/// The escape sequences [`Style`] writes: the only ones a [`Terminal`] lets through.
const STYLE_SEQUENCES: &[&str] = &[
    "\x1b[0m",
    "\x1b[1m",
    "\x1b[2m",
    "\x1b[1;33m",
    "\x1b[31;9m",
    "\x1b[32m",
];

/// Characters never printed from a document: C0 and C1 controls but line break and tab,
/// DEL, and the bidirectional overrides that reorder what a line appears to say.
fn is_unprintable(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` without control characters (line breaks and tabs too): for one line naming a
/// file or a value.
pub fn clean(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(|c| is_unprintable(c) || c == '\n' || c == '\t') {
        text.chars()
            .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
            .filter(|c| !is_unprintable(*c))
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

/// A writer for people: drops control characters and foreign escape sequences from
/// everything written through it (see the module notes); [`Terminal::raw`] is the writer
/// underneath, for JSON.
pub struct Terminal<W: Write> {
    inner: W,
}

impl<W: Write> Terminal<W> {
    pub fn new(inner: W) -> Self {
        Terminal { inner }
    }

    pub fn raw(&mut self) -> &mut W {
        &mut self.inner
    }
}

impl<W: Write> Write for Terminal<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        let mut out = String::with_capacity(text.len());
        let mut rest: &str = &text;
        while let Some(c) = rest.chars().next() {
            if c == '\x1b'
                && let Some(sequence) = STYLE_SEQUENCES.iter().find(|s| rest.starts_with(**s))
            {
                out.push_str(sequence);
                rest = &rest[sequence.len()..];
                continue;
            }
            if !is_unprintable(c) {
                out.push(c);
            }
            rest = &rest[c.len_utf8()..];
        }
        self.inner.write_all(out.as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Writes one value as a JSON line.
pub fn json_line<T: serde::Serialize>(out: &mut impl Write, value: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    writeln!(out)
}

/// When to colour the terminal output (`--color`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorWhen {
    /// When stdout is a terminal and the environment allows it: never with `NO_COLOR`
    /// set, always with `CLICOLOR_FORCE` (the conventions anstream reads).
    #[default]
    Auto,
    Always,
    Never,
}

/// Styling for the terminal: bold highlights when colour is on, plain text otherwise.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
}

impl Style {
    /// The style for standard output: `when`, with `auto` settled by anstream (whether
    /// stdout is a terminal that takes colour, `NO_COLOR`, `CLICOLOR`, `CLICOLOR_FORCE`),
    /// so a pipe or a file never receives escape codes unless asked for.
    pub fn for_stdout(when: ColorWhen) -> Style {
        let color = match when {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => anstream::AutoStream::choice(&io::stdout()) != anstream::ColorChoice::Never,
        };
        Style { color }
    }

    fn bold(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    fn dim(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[2m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    /// A snippet as terminal text: bold matches (or `[…]` without colour), on one line.
    pub fn snippet(&self, snippet: &Snippet) -> String {
        let (open, close) = if self.color {
            ("\x1b[1;33m", "\x1b[0m")
        } else {
            ("[", "]")
        };
        let mut text = String::with_capacity(snippet.text.len() + 16);
        for (piece, matched) in snippet.pieces() {
            if matched {
                text.push_str(open);
                text.push_str(piece);
                text.push_str(close);
            } else {
                text.push_str(piece);
            }
        }
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

fn or_dash(value: &Option<String>) -> &str {
    value.as_deref().unwrap_or("—")
}

/// The human view of `extract`: one block per file.
pub fn plan_block(out: &mut impl Write, plan: &Plan, style: Style) -> io::Result<()> {
    writeln!(out, "{}", style.bold(&plan.file))?;
    let year = plan.year.map(|y| y.to_string());
    let rows = [
        ("number", or_dash(&plan.number)),
        ("type", or_dash(&plan.doc_type)),
        ("issuer", or_dash(&plan.issuer)),
        ("place", or_dash(&plan.place)),
        ("date", or_dash(&plan.date)),
        ("year", or_dash(&year)),
        ("title", or_dash(&plan.title)),
        ("signer", or_dash(&plan.signer)),
    ];
    for (name, value) in rows {
        writeln!(out, "  {} {value}", style.dim(&format!("{name:<10}")))?;
    }
    if !plan.recipients.is_empty() {
        writeln!(
            out,
            "  {} {}",
            style.dim("recipients"),
            plan.recipients.join("; ")
        )?;
    }
    if !plan.citations.is_empty() {
        let keys: Vec<&str> = plan.citations.iter().map(|c| c.key.as_str()).collect();
        writeln!(
            out,
            "  {} {}",
            style.dim(&format!("{:<10}", "cites")),
            dedup(&keys).join(", ")
        )?;
    }
    writeln!(out)
}

/// Keys in first-seen order, each once.
pub fn dedup<'a>(keys: &[&'a str]) -> Vec<&'a str> {
    let mut seen = std::collections::HashSet::new();
    keys.iter().copied().filter(|k| seen.insert(*k)).collect()
}

/// The human view of a search: a summary line, facet counts, then one block per hit.
pub fn search_result(
    out: &mut impl Write,
    result: &SearchResult,
    offset: usize,
    style: Style,
) -> io::Result<()> {
    let shown = result.hits.len();
    let range = if shown == 0 {
        String::new()
    } else {
        format!(" (showing {}–{})", offset + 1, offset + shown)
    };
    let noun = match result.level {
        crate::query::search::Level::Plan => "plan",
        crate::query::search::Level::Task => "task",
    };
    writeln!(
        out,
        "{} {} {:?}{range}",
        count(result.total as u64, noun),
        verb(result.total as u64, "match"),
        result.query
    )?;
    if result.all_words_total < result.total {
        writeln!(
            out,
            "  {} {} every word; the others hold some of them",
            result.all_words_total,
            verb(result.all_words_total as u64, "hold")
        )?;
    }
    let facet_line = |name: &str, counts: &std::collections::BTreeMap<String, u64>| {
        let parts: Vec<String> = counts.iter().map(|(k, v)| format!("{k} ({v})")).collect();
        // Padded before styling: escape codes would count as width.
        format!("  {}{}", style.dim(&format!("{name:<9}")), parts.join(", "))
    };
    if result.total > 0 {
        writeln!(out, "{}", facet_line("year", &result.facets.year))?;
        writeln!(out, "{}", facet_line("place", &result.facets.place))?;
        writeln!(out, "{}", facet_line("type", &result.facets.doc_type))?;
    }
    for (i, hit) in result.hits.iter().enumerate() {
        writeln!(out)?;
        let head = [
            hit.summary.number.as_deref(),
            hit.summary.doc_type.as_deref(),
            hit.summary.place.as_deref(),
            hit.summary.date.as_deref(),
        ]
        .iter()
        .map(|v| v.unwrap_or("—"))
        .collect::<Vec<_>>()
        .join(" · ");
        writeln!(
            out,
            "{}. {}  {}",
            offset + i + 1,
            style.bold(&head),
            style.dim(&format!("[{}]", hit.id))
        )?;
        match (&hit.path, &hit.title) {
            (Some(path), Some(heading)) => writeln!(out, "   {} {heading}", style.bold(path))?,
            (None, Some(title)) => writeln!(out, "   {title}")?,
            _ => {}
        }
        if !hit.snippet.is_empty() {
            writeln!(out, "   …{}…", style.snippet(&hit.snippet))?;
        }
    }
    Ok(())
}

fn plan_line(
    number: &Option<String>,
    place: &Option<String>,
    date: &Option<String>,
    year: Option<i32>,
) -> String {
    let when = date.clone().or_else(|| year.map(|y| y.to_string()));
    [number.as_deref(), place.as_deref(), when.as_deref()]
        .iter()
        .map(|v| v.unwrap_or("—"))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The human view of `cites`.
pub fn cites_result(
    out: &mut impl Write,
    result: &crate::query::citations::CitesResult,
    style: Style,
) -> io::Result<()> {
    let how = result
        .relation
        .map(|r| format!(" ({})", r.as_str()))
        .unwrap_or_default();
    write!(
        out,
        "{} {} {}{how}",
        count(result.total as u64, "plan"),
        verb(result.total as u64, "cite"),
        style.bold(&result.key)
    )?;
    if result.citing.len() < result.total {
        write!(out, " (showing {})", result.citing.len())?;
    }
    writeln!(out)?;
    citing_plans(out, &result.citing, style)?;
    for version in &result.versions {
        let in_force = version
            .in_force
            .as_deref()
            .map(|d| format!(", in force {d}"))
            .unwrap_or_default();
        writeln!(
            out,
            "\nversion {} (issued {}{in_force}): {} plans",
            style.bold(&version.key),
            version.issued,
            version.total
        )?;
        citing_plans(out, &version.citing, style)?;
    }
    Ok(())
}

fn citing_plans(
    out: &mut impl Write,
    plans: &[crate::query::citations::CitingPlan],
    style: Style,
) -> io::Result<()> {
    for plan in plans {
        writeln!(out)?;
        let head = plan_line(&plan.number, &plan.place, &plan.date, plan.year);
        writeln!(
            out,
            "{}  {}",
            style.bold(&head),
            style.dim(&format!("[{}]", plan.id))
        )?;
        if let Some(title) = &plan.title {
            writeln!(out, "  {title}")?;
        }
        for context in &plan.contexts {
            writeln!(out, "  > {context}")?;
        }
    }
    Ok(())
}

/// The human view of `refs`.
pub fn refs_result(
    out: &mut impl Write,
    result: &crate::query::citations::RefsResult,
    style: Style,
) -> io::Result<()> {
    let number = result.number.as_deref().unwrap_or(&result.id);
    writeln!(
        out,
        "{} cites {}",
        style.bold(number),
        count(result.refs.len() as u64, "document")
    )?;
    if let Some(status) = &result.status {
        let date = status
            .date
            .as_deref()
            .map(|d| format!(", {d}"))
            .unwrap_or_default();
        writeln!(
            out,
            "status: {} by {}{date}",
            status.state,
            style.bold(&status.by)
        )?;
    }
    // The Lược đồ: grouped by relation, in the order the legal databases list them.
    let mut ordered: Vec<&crate::query::citations::Reference> = result.refs.iter().collect();
    ordered.sort_by_key(|r| {
        crate::model::Relation::ALL
            .iter()
            .position(|x| *x == r.citation.relation)
    });
    let mut group = None;
    for reference in ordered {
        if group != Some(reference.citation.relation) {
            group = Some(reference.citation.relation);
            writeln!(out, " {}:", reference.citation.relation.as_str())?;
        }
        let c = &reference.citation;
        let where_ = match &reference.in_archive {
            Some(id) => format!("in archive [{id}]"),
            None => "outside the archive".to_string(),
        };
        // A law cited by name shows the name it was found under.
        let kind = c.name.as_deref().or(c.doc_type.as_deref());
        let detail = [kind, c.date.as_deref(), c.issuer.as_deref()]
            .iter()
            .flatten()
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        // How a law named without its number was settled, when it was not by number.
        let relation = match c.resolution {
            crate::model::Resolution::Number => String::new(),
            other => format!("({})", other.as_str()),
        };
        let times = if reference.times > 1 {
            format!("×{}", reference.times)
        } else {
            String::new()
        };
        let key = format!("{:<28}", c.key);
        writeln!(
            out,
            "  {} {times:<4} {relation:<15} {detail}  {}",
            style.bold(&key),
            style.dim(&where_)
        )?;
    }
    if !result.cited_by.is_empty() {
        writeln!(
            out,
            "cited by {} in the archive:",
            count(result.cited_by.len() as u64, "plan")
        )?;
        let mut by_relation: Vec<&crate::query::citations::CitingPlan> = result.cited_by.iter().collect();
        by_relation.sort_by_key(|p| crate::model::Relation::ALL.iter().position(|x| *x == p.relation));
        for plan in by_relation {
            let head = plan_line(&plan.number, &plan.place, &plan.date, plan.year);
            writeln!(
                out,
                "  {:<12} {head}  {}",
                plan.relation.as_str(),
                style.dim(&format!("[{}]", plan.id))
            )?;
        }
    }
    Ok(())
}

/// The human view of `top-cited`.
pub fn top_cited(
    out: &mut impl Write,
    documents: &[crate::query::citations::CitedDocument],
    style: Style,
) -> io::Result<()> {
    writeln!(out, "{:>5}  {:>9}  document", "plans", "citations")?;
    for d in documents {
        let kind = d
            .doc_type
            .as_deref()
            .map(|t| format!(" ({t})"))
            .unwrap_or_default();
        let here = d
            .in_archive
            .as_deref()
            .map(|id| format!(" [in archive: {id}]"))
            .unwrap_or_default();
        writeln!(
            out,
            "{:>5}  {:>9}  {}{kind}{}",
            d.plans,
            d.citations,
            style.bold(&d.key),
            style.dim(&here)
        )?;
    }
    Ok(())
}

/// The human view of `trace`: per year, then per thread.
pub fn trace_result(
    out: &mut impl Write,
    result: &crate::query::trace::TraceResult,
    style: Style,
) -> io::Result<()> {
    let tasks: usize = result.years.iter().map(|y| y.tasks.len()).sum();
    writeln!(
        out,
        "{} {} {:?}",
        count(tasks as u64, "task"),
        verb(tasks as u64, "match"),
        result.query
    )?;
    for year in &result.years {
        writeln!(out)?;
        writeln!(
            out,
            "{}  {}, {}",
            style.bold(&year.year.to_string()),
            count(year.plans as u64, "plan"),
            count(year.tasks.len() as u64, "task")
        )?;
        for task in &year.tasks {
            let place = task.place.as_deref().unwrap_or("—");
            writeln!(
                out,
                "  {place} {} {}  {}",
                style.bold(&task.path),
                task.heading,
                style.dim(&format!("[{}]", task.id))
            )?;
        }
    }
    for (i, thread) in result.threads.iter().enumerate() {
        writeln!(out)?;
        writeln!(
            out,
            "thread {}: {} ({})",
            i + 1,
            style.bold(&thread.label),
            count(thread.tasks.len() as u64, "task")
        )?;
        for task in &thread.tasks {
            let year = task.year.map_or("—".to_string(), |y| y.to_string());
            let place = task.place.as_deref().unwrap_or("—");
            writeln!(
                out,
                "  {year} {place} {}  …{}…",
                style.bold(&task.path),
                style.snippet(&task.snippet)
            )?;
        }
    }
    Ok(())
}

/// The human view of `diff`: the two tasks, then the text with deletions as `[-…-]` and
/// insertions as `{+…+}` (red and green on a terminal).
pub fn task_diff(out: &mut impl Write, diff: &crate::query::diff::TaskDiff, style: Style) -> io::Result<()> {
    use crate::query::diff::Op;
    for (sign, task) in [("---", &diff.a), ("+++", &diff.b)] {
        let when = task
            .summary
            .date
            .clone()
            .or(task.summary.year.map(|y| y.to_string()))
            .unwrap_or_default();
        let place = task.summary.place.as_deref().unwrap_or("—");
        writeln!(
            out,
            "{sign} {} {place} {when} {} {}",
            task.id, task.path, task.heading
        )?;
    }
    writeln!(out, "similarity {:.0}%", diff.similarity * 100.0)?;
    writeln!(out)?;
    let mut text = String::new();
    for change in &diff.changes {
        let piece = match (change.op, style.color) {
            (Op::Equal, _) => change.text.clone(),
            (Op::Delete, true) => format!("\x1b[31;9m{}\x1b[0m", change.text),
            (Op::Insert, true) => format!("\x1b[32m{}\x1b[0m", change.text),
            (Op::Delete, false) => format!("[-{}-]", change.text),
            (Op::Insert, false) => format!("{{+{}+}}", change.text),
        };
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&piece);
    }
    writeln!(out, "{text}")
}

/// `1 plan`, `2 plans`, `0 plans`: a count with its noun (regular English plurals).
pub fn count(n: u64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The verb agreeing with a count of `n`: `1 plan matches`, `2 plans match`.
pub fn verb(n: u64, plural_form: &str) -> String {
    if n == 1 {
        match plural_form {
            "match" => "matches".to_string(),
            other => format!("{other}s"),
        }
    } else {
        plural_form.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_output_carries_no_foreign_escape_sequences() {
        let style = Style { color: true };
        let cases: &[(String, &str)] = &[
            ("Kế hoạch\n\tmục 1".into(), "Kế hoạch\n\tmục 1"),
            ("title\x1b]0;owned\x07 end".into(), "title]0;owned end"),
            (
                "\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\".into(),
                "]8;;http://evil.example\\link]8;;\\",
            ),
            ("a\x1b[2Jb\x1b[1Ac\rd\x08".into(), "a[2Jb[1Acd"),
            ("\u{9b}31m c1 \u{7f}".into(), "31m c1 "),
            ("abc\u{202E}fed".into(), "abcfed"),
            (style.bold("Kế hoạch"), "\x1b[1mKế hoạch\x1b[0m"),
            (
                style.snippet(&Snippet {
                    text: "a\n b".into(),
                    matches: std::iter::once(3..4).collect(),
                }),
                "a \x1b[1;33mb\x1b[0m",
            ),
        ];
        for (written, want) in cases {
            let mut out = Terminal::new(Vec::new());
            write!(out, "{written}").unwrap();
            assert_eq!(String::from_utf8(out.inner).unwrap(), *want, "{written:?}");
        }
        assert_eq!(clean("x\x1b]0;t\x07.txt\nnext"), "x]0;t.txt next");
        assert_eq!(clean("plain.txt"), "plain.txt");
    }
}

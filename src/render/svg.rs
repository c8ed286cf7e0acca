//! SVG: the timeline chart of a trace — matching tasks per year, one line for all tasks
//! and one for each of the largest recurring threads, with a legend.

use std::fmt::Write;

use super::html::escape;
use crate::query::trace::{TraceResult, TraceTask};

/// A timeline chart of the trace: matching tasks per year, one line per thread (the
/// largest few) and one for all tasks.
pub fn trace_timeline(result: &TraceResult, from: Option<i32>, to: Option<i32>) -> String {
    const WIDTH: f64 = 920.0;
    const HEIGHT: f64 = 420.0;
    const LEFT: f64 = 60.0;
    const RIGHT: f64 = 320.0;
    const LABEL_CHARS: usize = 36;
    const TOP: f64 = 50.0;
    const BOTTOM: f64 = 50.0;
    const COLORS: &[&str] = &["#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#bf3989"];
    let years_seen: Vec<i32> = result.years.iter().map(|y| y.year).collect();
    let first = from.or(years_seen.first().copied()).unwrap_or(2017);
    let last = to.or(years_seen.last().copied()).unwrap_or(first).max(first);
    let span = (last - first).max(1) as f64;
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let count_in = |tasks: &[TraceTask], year: i32| tasks.iter().filter(|t| t.year == Some(year)).count();
    let all: Vec<TraceTask> = result.years.iter().flat_map(|y| y.tasks.clone()).collect();
    // The y axis runs to a whole number of steps of a whole size.
    let highest = (first..=last)
        .map(|y| count_in(&all, y))
        .max()
        .unwrap_or(0)
        .max(1);
    let step = highest.div_ceil(5);
    let steps = highest.div_ceil(step);
    let max = (step * steps) as f64;
    let x = |year: i32| LEFT + (year - first) as f64 / span * plot_w;
    let y = |count: usize| TOP + plot_h - count as f64 / max * plot_h;
    let esc = escape;

    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="DejaVu Sans, Noto Sans, Arial, sans-serif" font-size="12">"#
    );
    let _ = writeln!(svg, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
    let _ = writeln!(
        svg,
        r##"<text x="{LEFT}" y="28" font-size="16" font-weight="bold" fill="#24292f">Số nhiệm vụ khớp “{}” theo năm</text>"##,
        esc(&result.query)
    );
    // Axes and grid.
    for i in 0..=steps {
        let count = i * step;
        let gy = y(count);
        let _ = writeln!(
            svg,
            r##"<line x1="{LEFT}" y1="{gy:.1}" x2="{:.1}" y2="{gy:.1}" stroke="#d0d7de" stroke-width="1"/><text x="{:.1}" y="{:.1}" text-anchor="end" fill="#57606a">{count}</text>"##,
            LEFT + plot_w,
            LEFT - 8.0,
            gy + 4.0
        );
    }
    for year in first..=last {
        let _ = writeln!(
            svg,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill="#57606a">{year}</text>"##,
            x(year),
            TOP + plot_h + 20.0
        );
    }
    let mut series: Vec<(String, Vec<TraceTask>, &str, f64)> =
        vec![("tất cả nhiệm vụ khớp".to_string(), all.clone(), "#57606a", 1.5)];
    // Threads of one task are not lines; the chart shows the recurring ones.
    let recurring = result
        .threads
        .iter()
        .enumerate()
        .filter(|(_, t)| t.tasks.len() > 1);
    // Numbered as the CLI and the page number threads, so two legends never read the same.
    for (i, (n, thread)) in recurring.take(COLORS.len()).enumerate() {
        let label = format!("{}. {}", n + 1, thread.label);
        series.push((label, thread.tasks.clone(), COLORS[i], 2.5));
    }
    for (i, (label, tasks, color, width)) in series.iter().enumerate() {
        let points: Vec<String> = (first..=last)
            .map(|year| format!("{:.1},{:.1}", x(year), y(count_in(tasks, year))))
            .collect();
        let dash = if i == 0 { r#" stroke-dasharray="5 4""# } else { "" };
        let _ = writeln!(
            svg,
            r#"<polyline points="{}" fill="none" stroke="{color}" stroke-width="{width}"{dash}/>"#,
            points.join(" ")
        );
        for year in first..=last {
            let n = count_in(tasks, year);
            if n > 0 {
                let _ = writeln!(
                    svg,
                    r#"<circle cx="{:.1}" cy="{:.1}" r="3.5" fill="{color}"><title>{year}: {n} nhiệm vụ</title></circle>"#,
                    x(year),
                    y(n)
                );
            }
        }
        let ly = TOP + 10.0 + i as f64 * 22.0;
        // Cut at a space, not inside a word.
        let short = if label.chars().count() > LABEL_CHARS {
            let head: String = label.chars().take(LABEL_CHARS).collect();
            head.rsplit_once(' ').map_or(head.clone(), |(h, _)| h.to_string())
        } else {
            label.clone()
        };
        let ellipsis = if short.chars().count() < label.chars().count() {
            "…"
        } else {
            ""
        };
        let _ = writeln!(
            svg,
            r#"<line x1="{:.1}" y1="{ly:.1}" x2="{:.1}" y2="{ly:.1}" stroke="{color}" stroke-width="{width}"{dash}/><text x="{:.1}" y="{:.1}" fill="{color}">{}{ellipsis} ({})</text>"#,
            WIDTH - RIGHT + 16.0,
            WIDTH - RIGHT + 36.0,
            WIDTH - RIGHT + 42.0,
            ly + 4.0,
            esc(&short),
            tasks.len()
        );
    }
    svg.push_str("</svg>\n");
    svg
}

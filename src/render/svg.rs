//! SVG: the timeline chart of a trace ([`Timeline`]) — matching tasks per year, one
//! dashed line for all tasks and one for each of the largest recurring threads, with a
//! legend.

use std::fmt::Write;

use super::html::escape;
use crate::query::trace::{Series, Timeline, TraceResult};

/// The chart's size and margins around the plot, in pixels.
struct Frame {
    width: f64,
    height: f64,
    left: f64,
    /// Room for the legend.
    right: f64,
    top: f64,
    bottom: f64,
}

const FRAME: Frame = Frame {
    width: 920.0,
    height: 420.0,
    left: 60.0,
    right: 320.0,
    top: 50.0,
    bottom: 50.0,
};
/// Longest legend label, in characters.
const LABEL_CHARS: usize = 36;
/// A colour per thread line: as many threads as colours are drawn.
const COLORS: &[&str] = &["#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#bf3989"];

/// A timeline chart of the trace from `from` to `to`: matching tasks per year, one line
/// per thread (the largest few) and one for all tasks.
pub fn trace_timeline(result: &TraceResult, from: Option<i32>, to: Option<i32>) -> String {
    timeline(&result.timeline(from, to, COLORS.len()))
}

/// A [`Timeline`] as an SVG chart.
pub fn timeline(timeline: &Timeline) -> String {
    let Frame {
        width,
        height,
        left,
        right,
        top,
        bottom,
    } = FRAME;
    let (first, last) = (timeline.first, timeline.last);
    let span = (last - first).max(1) as f64;
    let plot_w = width - left - right;
    let plot_h = height - top - bottom;
    // The y axis runs to a whole number of steps of a whole size.
    let highest = timeline.all.per_year.iter().copied().max().unwrap_or(0).max(1);
    let step = highest.div_ceil(5);
    let steps = highest.div_ceil(step);
    let max = (step * steps) as f64;
    let x = |year: i32| left + (year - first) as f64 / span * plot_w;
    let y = |count: usize| top + plot_h - count as f64 / max * plot_h;

    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="DejaVu Sans, Noto Sans, Arial, sans-serif" font-size="12">"#
    );
    let _ = writeln!(svg, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
    let _ = writeln!(
        svg,
        r##"<text x="{left}" y="28" font-size="16" font-weight="bold" fill="#24292f">Số nhiệm vụ khớp “{}” theo năm</text>"##,
        escape(&timeline.query)
    );
    // Axes and grid.
    for i in 0..=steps {
        let count = i * step;
        let gy = y(count);
        let _ = writeln!(
            svg,
            r##"<line x1="{left}" y1="{gy:.1}" x2="{:.1}" y2="{gy:.1}" stroke="#d0d7de" stroke-width="1"/><text x="{:.1}" y="{:.1}" text-anchor="end" fill="#57606a">{count}</text>"##,
            left + plot_w,
            left - 8.0,
            gy + 4.0
        );
    }
    for year in first..=last {
        let _ = writeln!(
            svg,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill="#57606a">{year}</text>"##,
            x(year),
            top + plot_h + 20.0
        );
    }
    let mut lines: Vec<(String, &Series, &str, f64)> =
        vec![("tất cả nhiệm vụ khớp".to_string(), &timeline.all, "#57606a", 1.5)];
    // Numbered as the CLI and the page number threads, so two legends never read the same.
    for (thread, color) in timeline.threads.iter().zip(COLORS) {
        let label = format!("{}. {}", thread.number, thread.label);
        lines.push((label, &thread.series, color, 2.5));
    }
    for (i, (label, series, color, stroke)) in lines.iter().enumerate() {
        let points: Vec<String> = (first..=last)
            .zip(&series.per_year)
            .map(|(year, n)| format!("{:.1},{:.1}", x(year), y(*n)))
            .collect();
        let dash = if i == 0 { r#" stroke-dasharray="5 4""# } else { "" };
        let _ = writeln!(
            svg,
            r#"<polyline points="{}" fill="none" stroke="{color}" stroke-width="{stroke}"{dash}/>"#,
            points.join(" ")
        );
        for (year, &n) in (first..=last).zip(&series.per_year) {
            if n > 0 {
                let _ = writeln!(
                    svg,
                    r#"<circle cx="{:.1}" cy="{:.1}" r="3.5" fill="{color}"><title>{year}: {n} nhiệm vụ</title></circle>"#,
                    x(year),
                    y(n)
                );
            }
        }
        let ly = top + 10.0 + i as f64 * 22.0;
        let (short, ellipsis) = legend_label(label);
        let _ = writeln!(
            svg,
            r#"<line x1="{:.1}" y1="{ly:.1}" x2="{:.1}" y2="{ly:.1}" stroke="{color}" stroke-width="{stroke}"{dash}/><text x="{:.1}" y="{:.1}" fill="{color}">{}{ellipsis} ({})</text>"#,
            width - right + 16.0,
            width - right + 36.0,
            width - right + 42.0,
            ly + 4.0,
            escape(&short),
            series.tasks
        );
    }
    svg.push_str("</svg>\n");
    svg
}

/// A legend label of at most [`LABEL_CHARS`] characters, cut at a space (not inside a
/// word), and the ellipsis to write after it when it was cut.
fn legend_label(label: &str) -> (String, &'static str) {
    if label.chars().count() <= LABEL_CHARS {
        return (label.to_string(), "");
    }
    let head: String = label.chars().take(LABEL_CHARS).collect();
    let short = head.rsplit_once(' ').map_or(head.clone(), |(h, _)| h.to_string());
    let ellipsis = if short.chars().count() < label.chars().count() {
        "…"
    } else {
        ""
    };
    (short, ellipsis)
}

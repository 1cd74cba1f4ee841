//! The run's timeline as a standalone SVG picture, for slides and READMEs: one lane per process
//! (its name in its playground colour, its pid), state bars over lesson time, marks where it
//! printed and where it acted on an object, arrows for hand-overs between processes, how each
//! process ended, a time axis in lesson seconds, and a legend.
//!
//! Colour is never the only meaning, as in the playground: running is a full solid bar, sleeping
//! a full hatched bar, blocked a thin line; an output line is a tick above the bar, an operation a
//! diamond below it; each ending has its glyph (✓ ! ✗). Every bar and mark has a `<title>` (a
//! tooltip in a browser) with the exact times and what it waited on.

use std::fmt::Write as _;

use super::Timeline;
use super::timeline::{Outcome, Process};
use crate::session::model::LaneState;

/// The picture's width.
const WIDTH: f64 = 960.0;
/// Outer margin.
const MARGIN: f64 = 16.0;
/// Width of the name column.
const NAME_W: f64 = 180.0;
/// Width of the column that says how a process ended.
const END_W: f64 = 200.0;
/// Height of one lane.
const LANE_H: f64 = 40.0;
/// Height of the header.
const HEADER_H: f64 = 44.0;
/// Height of a full state bar.
const BAR_H: f64 = 14.0;
/// Height of the thin line of a blocked stretch.
const BLOCKED_H: f64 = 4.0;

/// The playground's colours (its terminal palette as the screenshots draw it).
const BACKGROUND: &str = "#1e1e1e";
const TEXT: &str = "#d4d4d4";
const DIM: &str = "#8a8a8a";
const GRID: &str = "#333333";
const RUNNING: &str = "#8cc265";
const SLEEPING: &str = "#4aa5f0";
const BLOCKED: &str = "#d18f52";
const FAILED: &str = "#e05561";
const OUTPUT: &str = "#e6e6e6";
const OP: &str = "#f0a45d";
const FLOW: &str = "#a0a0a0";
/// The colours processes get, in order of appearance (cyan, magenta, yellow, light blue, light
/// green, light red), as in the playground.
const PROCESS_COLORS: [&str; 6] = [
    "#42b3c2", "#c162de", "#d18f52", "#6cb6ff", "#a5e075", "#ff7b86",
];

/// The SVG document of `t`.
pub fn render(t: &Timeline) -> String {
    let axis = Axis::for_run(t.end_ns);
    let bar_x = MARGIN + NAME_W;
    let bar_w = WIDTH - bar_x - END_W - MARGIN;
    let x_of = |ns: u64| bar_x + bar_w * (ns as f64 / axis.span_ns as f64).min(1.0);
    let lanes_y = HEADER_H;
    let axis_y = lanes_y + LANE_H * t.processes.len() as f64 + 8.0;
    let legend_y = axis_y + 46.0;
    let height = legend_y + 62.0;
    let lane_y = |i: usize| lanes_y + LANE_H * i as f64;
    let bar_mid = |i: usize| lane_y(i) + LANE_H / 2.0;

    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="12">"#
    );
    let _ = writeln!(
        s,
        r#"<title>{}</title>"#,
        esc(&format!(
            "forkyard timeline of {}",
            t.file.as_deref().unwrap_or("a run")
        ))
    );
    let _ = writeln!(
        s,
        r#"<defs><pattern id="sleeping" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="{SLEEPING}" fill-opacity="0.35"/><rect width="2.5" height="6" fill="{SLEEPING}"/></pattern><marker id="arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L8,4 L0,8 z" fill="{FLOW}"/></marker></defs>"#
    );
    let _ = writeln!(
        s,
        r#"<rect width="100%" height="100%" fill="{BACKGROUND}"/>"#
    );
    header(&mut s, t);

    // The grid first, under everything.
    let _ = writeln!(s, r#"<g class="grid" stroke="{GRID}">"#);
    for tick in axis.ticks() {
        let x = x_of(tick);
        let _ = writeln!(
            s,
            r#"<line x1="{x:.1}" y1="{lanes_y:.1}" x2="{x:.1}" y2="{axis_y:.1}"/>"#
        );
    }
    let _ = writeln!(s, "</g>");

    for (i, p) in t.processes.iter().enumerate() {
        lane(&mut s, t, i, p, lane_y(i), &x_of);
    }

    // Hand-overs between processes, over the lanes.
    let _ = writeln!(
        s,
        r#"<g class="flows" stroke="{FLOW}" stroke-width="1.2" fill="none" opacity="0.8">"#
    );
    for f in &t.flows {
        let (from, to) = (&t.marks[f.from], &t.marks[f.to]);
        let lane_of = |pid| t.processes.iter().position(|p| p.pid == pid);
        let (Some(a), Some(b)) = (lane_of(from.pid), lane_of(to.pid)) else {
            continue;
        };
        if a == b {
            continue;
        }
        // From the giver's diamond to the taker's, ending at its bar's edge.
        let (x1, x2) = (x_of(from.lesson_ns), x_of(to.lesson_ns));
        let (y1, y2) = (bar_mid(a), bar_mid(b));
        let y2 = if y2 > y1 {
            y2 - BAR_H / 2.0 - 1.0
        } else {
            y2 + BAR_H / 2.0 + 1.0
        };
        let _ = writeln!(
            s,
            r#"<line class="flow" x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" marker-end="url(#arrow)"><title>{}</title></line>"#,
            esc(&format!(
                "{}: {} by {} at {:.3} s → {} by {} at {:.3} s",
                f.kind.word(),
                from.title,
                name_of(t, from.pid),
                secs(from.lesson_ns),
                to.title,
                name_of(t, to.pid),
                secs(to.lesson_ns)
            ))
        );
    }
    let _ = writeln!(s, "</g>");

    axis.draw(&mut s, axis_y, bar_x, bar_w);
    legend(&mut s, legend_y);
    s.push_str("</svg>\n");
    s
}

/// The title line: the program, how long the run took in lesson time, and a stop if there was.
fn header(s: &mut String, t: &Timeline) {
    let what = match (&t.title, &t.file) {
        (Some(title), Some(file)) if title != file && !title.ends_with(file.as_str()) => {
            format!("{title} ({file})")
        }
        (Some(title), _) => title.clone(),
        (None, Some(file)) => file.clone(),
        (None, None) => "run".into(),
    };
    let title = format!(
        "forkyard · {what} · {} process{}",
        t.processes.len(),
        if t.processes.len() == 1 { "" } else { "es" }
    );
    let _ = writeln!(
        s,
        r#"<text class="title" x="{MARGIN}" y="26" fill="{TEXT}" font-size="15" font-weight="bold">{}</text>"#,
        esc(&title)
    );
    let mut right = format!("lesson time {:.2} s", secs(t.end_ns));
    if let Some(reason) = &t.stopped {
        right.push_str(&format!(" · stopped ({reason})"));
    }
    let _ = writeln!(
        s,
        r#"<text x="{:.1}" y="26" fill="{DIM}" text-anchor="end">{}</text>"#,
        WIDTH - MARGIN,
        esc(&right)
    );
}

/// One process's lane.
fn lane(s: &mut String, t: &Timeline, i: usize, p: &Process, y: f64, x_of: &dyn Fn(u64) -> f64) {
    let color = PROCESS_COLORS[i % PROCESS_COLORS.len()];
    let mid = y + LANE_H / 2.0;
    let _ = writeln!(
        s,
        r#"<g class="lane" data-pid="{}" data-name="{}">"#,
        p.pid,
        esc(&p.name)
    );
    let _ = writeln!(
        s,
        r#"<text class="name" x="{MARGIN}" y="{:.1}" fill="{color}" font-weight="bold">{}</text>"#,
        y + 17.0,
        esc(&clip(&p.name, 22))
    );
    let mut sub = format!("pid {}", p.pid);
    if p.daemon {
        sub.push_str(" · daemon");
    }
    let _ = writeln!(
        s,
        r#"<text class="pid" x="{MARGIN}" y="{:.1}" fill="{DIM}" font-size="11">{}</text>"#,
        y + 31.0,
        esc(&sub)
    );
    for span in &p.spans {
        let (x1, x2) = (x_of(span.from_ns), x_of(span.to_ns));
        let w = (x2 - x1).max(0.0);
        if w <= 0.0 {
            continue;
        }
        let (class, h, fill) = match span.state {
            LaneState::Running => ("running", BAR_H, RUNNING.to_string()),
            LaneState::Sleeping { .. } => ("sleeping", BAR_H, "url(#sleeping)".to_string()),
            LaneState::Blocked { .. } => ("blocked", BLOCKED_H, BLOCKED.to_string()),
            LaneState::Ended => continue,
        };
        let _ = writeln!(
            s,
            r#"<rect class="state {class}" x="{x1:.2}" y="{:.1}" width="{w:.2}" height="{h}" fill="{fill}"><title>{}</title></rect>"#,
            mid - h / 2.0,
            esc(&format!(
                "{}: {} from {:.3} s to {:.3} s",
                p.name,
                span.words(),
                secs(span.from_ns),
                secs(span.to_ns)
            ))
        );
    }
    // One mark per pixel column is all an eye can tell apart; a run of 100k lines stays small.
    let mut last_x = f64::NEG_INFINITY;
    for line in t.lines.iter().filter(|l| l.pid == p.pid) {
        let x = x_of(line.lesson_ns);
        if x - last_x < 1.0 {
            continue;
        }
        last_x = x;
        let _ = writeln!(
            s,
            r#"<rect class="output" x="{:.2}" y="{:.1}" width="1.6" height="8" fill="{OUTPUT}"><title>{}</title></rect>"#,
            x - 0.8,
            mid - BAR_H / 2.0 - 10.0,
            esc(&format!(
                "{:.3} s {}: {}",
                secs(line.lesson_ns),
                p.name,
                clip(&line.text, 200)
            ))
        );
    }
    let mut last_x = f64::NEG_INFINITY;
    for mark in t.marks.iter().filter(|m| m.pid == p.pid) {
        let x = x_of(mark.lesson_ns);
        if x - last_x < 1.0 {
            continue;
        }
        last_x = x;
        let d = mid + BAR_H / 2.0 + 5.0;
        let mut tip = format!("{:.3} s {}: {}", secs(mark.lesson_ns), p.name, mark.title);
        if let Some(detail) = &mark.detail {
            tip.push_str(&format!(" ({})", clip(detail, 120)));
        }
        let _ = writeln!(
            s,
            r#"<path class="op" d="M{x:.1},{:.1} l3.5,3.5 l-3.5,3.5 l-3.5,-3.5 z" fill="{OP}"><title>{}</title></path>"#,
            d - 3.5,
            esc(&tip)
        );
    }
    let (glyph, glyph_color) = match p.outcome {
        Outcome::Done => ("✓", RUNNING),
        Outcome::Failed => ("!", FAILED),
        Outcome::Killed => ("✗", FAILED),
        Outcome::Unknown => ("?", DIM),
    };
    let end_x = x_of(p.end_ns);
    let _ = writeln!(
        s,
        r#"<text class="ending" x="{:.1}" y="{:.1}" fill="{glyph_color}" font-weight="bold">{glyph}<title>{}</title></text>"#,
        end_x + 3.0,
        mid + 4.0,
        esc(&format!(
            "{} ended at {:.3} s: {}",
            p.name,
            secs(p.end_ns),
            p.how
        ))
    );
    let _ = writeln!(
        s,
        r#"<text class="how" x="{:.1}" y="{:.1}" fill="{DIM}" font-size="11">{}<title>{}</title></text>"#,
        WIDTH - MARGIN - END_W + 14.0,
        mid + 4.0,
        esc(&format!("{glyph} {}", clip(&p.how, 28))),
        esc(&p.how)
    );
    let _ = writeln!(s, "</g>");
}

/// The legend: what each bar, mark and glyph means.
fn legend(s: &mut String, y: f64) {
    let _ = writeln!(s, r#"<g class="legend" fill="{TEXT}" font-size="11">"#);
    let items: [(&str, String); 6] = [
        (
            "running",
            format!(r#"<rect y="-10" width="22" height="{BAR_H}" fill="{RUNNING}"/>"#),
        ),
        (
            "sleeping",
            format!(r#"<rect y="-10" width="22" height="{BAR_H}" fill="url(#sleeping)"/>"#),
        ),
        (
            "blocked (waits)",
            format!(r#"<rect y="-5" width="22" height="{BLOCKED_H}" fill="{BLOCKED}"/>"#),
        ),
        (
            "printed a line",
            format!(r#"<rect x="10" y="-12" width="1.6" height="8" fill="{OUTPUT}"/>"#),
        ),
        (
            "an operation on a Lock, Queue, Pipe...",
            format!(r#"<path d="M11,-10 l3.5,3.5 l-3.5,3.5 l-3.5,-3.5 z" fill="{OP}"/>"#),
        ),
        (
            "hand-over (release → acquire, put → get, send → recv, Pool task)",
            format!(
                r#"<line x1="0" y1="-3" x2="20" y2="-3" stroke="{FLOW}" stroke-width="1.2" marker-end="url(#arrow)"/>"#
            ),
        ),
    ];
    // Two rows: what a lane shows, then the arrows; then the endings.
    for (row, items) in items.chunks(5).enumerate() {
        let y = y + 22.0 * row as f64;
        let mut x = MARGIN;
        for (words, swatch) in items {
            let _ = writeln!(
                s,
                r#"<g class="item" transform="translate({x:.1},{y:.1})">{swatch}<text x="28" y="0">{}</text></g>"#,
                esc(words)
            );
            // Monospace at 11 px: about 6.6 px a character.
            x += 28.0 + 6.6 * words.chars().count() as f64 + 22.0;
        }
    }
    let _ = writeln!(
        s,
        r#"<text class="item" x="{MARGIN}" y="{:.1}" fill="{DIM}"><tspan fill="{RUNNING}" font-weight="bold">✓</tspan> exit code 0   <tspan fill="{FAILED}" font-weight="bold">!</tspan> exit with an error   <tspan fill="{FAILED}" font-weight="bold">✗</tspan> killed by a signal   (hover a bar or mark for its times)</text>"#,
        y + 44.0
    );
    let _ = writeln!(s, "</g>");
}

/// The time axis: ticks at a round step in lesson seconds.
struct Axis {
    /// The lesson time the axis spans.
    span_ns: u64,
    /// Between two ticks.
    step_ns: u64,
}

impl Axis {
    /// An axis for a run that lasted `end_ns`: at most ten ticks at 1, 2 or 5 × 10^k seconds, the
    /// last one at or after the end.
    fn for_run(end_ns: u64) -> Axis {
        let end = end_ns.max(1_000_000);
        let mut step: u64 = 1_000_000;
        'outer: loop {
            for m in [1, 2, 5] {
                if end.div_ceil(step * m) <= 10 {
                    step *= m;
                    break 'outer;
                }
            }
            step *= 10;
        }
        Axis {
            span_ns: end.div_ceil(step) * step,
            step_ns: step,
        }
    }

    fn ticks(&self) -> impl Iterator<Item = u64> + '_ {
        (0..=self.span_ns / self.step_ns).map(|i| i * self.step_ns)
    }

    fn draw(&self, s: &mut String, y: f64, x0: f64, w: f64) {
        // Enough decimals to tell two ticks apart (0.005 s steps need three).
        let decimals = match self.step_ns {
            n if n >= 1_000_000_000 => 0,
            n if n >= 100_000_000 => 1,
            n if n >= 10_000_000 => 2,
            _ => 3,
        };
        let _ = writeln!(
            s,
            r#"<g class="axis" fill="{DIM}" stroke="{DIM}" font-size="11">"#
        );
        let _ = writeln!(
            s,
            r#"<line x1="{x0:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}"/>"#,
            x0 + w
        );
        for tick in self.ticks() {
            let x = x0 + w * tick as f64 / self.span_ns as f64;
            let label = format!("{:.decimals$}", secs(tick));
            let _ = writeln!(
                s,
                r#"<line x1="{x:.1}" y1="{y:.1}" x2="{x:.1}" y2="{:.1}"/><text class="tick" data-s="{label}" x="{x:.1}" y="{:.1}" stroke="none" text-anchor="middle">{label}</text>"#,
                y + 5.0,
                y + 18.0
            );
        }
        let _ = writeln!(
            s,
            r#"<text class="unit" x="{:.1}" y="{:.1}" stroke="none">lesson seconds</text>"#,
            x0 + w + 16.0,
            y + 18.0
        );
        let _ = writeln!(s, "</g>");
    }
}

fn name_of(t: &Timeline, pid: i32) -> &str {
    t.process(pid).map_or("?", |p| p.name.as_str())
}

fn secs(ns: u64) -> f64 {
    ns as f64 / 1e9
}

/// At most `n` characters of `text`, with an ellipsis if cut.
fn clip(text: &str, n: usize) -> String {
    if text.chars().count() <= n {
        return text.to_string();
    }
    text.chars().take(n - 1).chain(['…']).collect()
}

/// Text made safe for XML: markup characters escaped, and the control characters XML 1.0 cannot
/// hold at all (a program may print them) shown as �.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('�'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_axis_ends_on_a_round_tick_at_or_after_the_run() {
        let a = Axis::for_run(12_100_000_000);
        assert_eq!((a.step_ns, a.span_ns), (2_000_000_000, 14_000_000_000));
        let a = Axis::for_run(3_050_000_000);
        assert_eq!((a.step_ns, a.span_ns), (500_000_000, 3_500_000_000));
        let a = Axis::for_run(0);
        assert_eq!(a.ticks().count(), 2);
        assert!(Axis::for_run(95_000_000_000).ticks().count() <= 11);
    }

    #[test]
    fn text_is_escaped_and_control_characters_replaced() {
        assert_eq!(esc("a<b & 'c'\u{1}"), "a&lt;b &amp; &apos;c&apos;�");
        assert_eq!(clip("abcdef", 4), "abc…");
    }
}

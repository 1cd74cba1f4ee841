//! The stats overlay (`%`): while the runs go, how many are counted; then each outcome as a bar,
//! most frequent first, with its count and percentage and one line that tells it from the others.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{overlay, words, wrap};
use crate::lesson::Lang;
use crate::session::outcome::Outcome;
use crate::tui::app::App;
use crate::tui::background::STATS_RUNS;
use crate::tui::theme::Mood;

/// Each outcome in one line: its stdout lines the other outcomes do not all share; else (the
/// same lines in another order) its lines from where it parts from the most frequent outcome
/// (`from line 2: 0 · end`), the most frequent one all its lines; then its endings when a process
/// did not exit with 0.
pub fn distinguishing(outcomes: &[&Outcome]) -> Vec<String> {
    let all: Vec<Vec<&str>> = outcomes
        .iter()
        .map(|o| {
            o.stdout
                .lines()
                .map(str::trim_end)
                .filter(|l| !l.is_empty())
                .collect()
        })
        .collect();
    outcomes
        .iter()
        .zip(&all)
        .map(|(o, lines)| {
            let own: Vec<&str> = lines
                .iter()
                .copied()
                .filter(|l| !all.iter().all(|other| other.contains(l)))
                .collect();
            let first = &all[0];
            let parts = (0..lines.len()).find(|&j| lines.get(j) != first.get(j));
            let mut text = match parts {
                _ if !own.is_empty() => own.join(" · "),
                Some(at) if at > 0 => format!("from line {}: {}", at + 1, lines[at..].join(" · ")),
                _ if lines.is_empty() => "(no output)".to_string(),
                _ => lines.join(" · "),
            };
            if o.deadlock || o.endings.iter().any(|(_, h)| h != "exit code 0") {
                text.push_str(&format!(" · {}", o.endings_line()));
            }
            text
        })
        .collect()
}

/// A bar of `n` of `max` in `width` cells (at least one cell for any run at all).
fn bar(n: u32, max: u32, width: usize, ascii: bool) -> String {
    let cells = (n as usize * width).div_ceil(max.max(1) as usize).max(1);
    (if ascii { "#" } else { "█" }).repeat(cells.min(width))
}

/// The overlay's rows for an overlay `width` cells wide inside its border.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let mut out: Vec<Line<'static>> = Vec::new();
    let Some(view) = &app.stats else {
        return out;
    };
    let t = app.theme;
    let lang = app.lang;
    let w = width.saturating_sub(1).max(8);
    let para = |out: &mut Vec<Line<'static>>, text: &str, style: Style| {
        overlay::para(out, text, width, style);
    };
    let tally = match &view.tally {
        None => {
            let text = match lang {
                Lang::En => format!(
                    "running the program free, {} of {STATS_RUNS} runs counted… (Esc cancels)",
                    view.done
                ),
                Lang::Zh => format!(
                    "正在自由运行程序，已统计 {} / {STATS_RUNS} 次……（Esc 取消）",
                    view.done
                ),
            };
            para(&mut out, &text, t.mood(Mood::Blocked));
            let gauge = w.saturating_sub(2);
            let filled = (view.done as usize * gauge) / STATS_RUNS as usize;
            let (full, empty) = if t.ascii { ("#", ".") } else { ("█", "░") };
            para(
                &mut out,
                &format!("{}{}", full.repeat(filled), empty.repeat(gauge - filled)),
                t.dim(),
            );
            return out;
        }
        Some(Err(why)) => {
            let head = words(lang, "stats could not run:", "统计无法运行：");
            para(&mut out, &format!("{head} {why}"), t.mood(Mood::Failed));
            return out;
        }
        Some(Ok(tally)) => tally,
    };
    let median = tally
        .lesson_seconds
        .get(tally.lesson_seconds.len() / 2)
        .copied()
        .unwrap_or(0.0);
    let head = match lang {
        Lang::En => format!(
            "{} free runs, {} distinct outcome{}; lesson time per run: median {median:.2} s",
            tally.runs,
            tally.outcomes.len(),
            if tally.outcomes.len() == 1 { "" } else { "s" }
        ),
        Lang::Zh => format!(
            "自由运行 {} 次，{} 种不同结果；每次课程时间中位数 {median:.2} 秒",
            tally.runs,
            tally.outcomes.len()
        ),
    };
    para(&mut out, &head, t.bold());
    if tally.stopped > 0 {
        let text = match lang {
            Lang::En => format!("{} runs did not end and were stopped", tally.stopped),
            Lang::Zh => format!("{} 次运行没有结束，被停止", tally.stopped),
        };
        para(&mut out, &text, t.mood(Mood::Blocked));
    }
    out.push(Line::default());
    let outcomes: Vec<&Outcome> = tally.outcomes.iter().map(|(o, _)| o).collect();
    let summaries = distinguishing(&outcomes);
    let max = tally.outcomes.first().map_or(1, |(_, n)| *n);
    // ` 14  70.0% ` before the bar.
    let bar_w = w.saturating_sub(12).max(4);
    for (i, ((_, n), summary)) in tally.outcomes.iter().zip(&summaries).enumerate() {
        if i < view.scroll {
            continue;
        }
        let percent = f64::from(*n) * 100.0 / f64::from(tally.runs.max(1));
        out.push(Line::from(vec![
            Span::styled(format!(" {n:>3} {percent:>5.1}% "), t.bold()),
            Span::styled(bar(*n, max, bar_w, t.ascii), t.process(i)),
        ]));
        out.push(Line::from(format!(
            "           {}",
            wrap::cut(summary, w.saturating_sub(11))
        )));
    }
    out
}

/// Draws the overlay over the screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(view) = &app.stats else {
        return;
    };
    let all = lines(app, overlay::inner_width(area));
    let title = format!(" {} · {} ", words(app.lang, "Stats", "统计"), view.title);
    let bottom = if view.running() {
        words(app.lang, " Esc cancels ", " Esc 取消 ")
    } else {
        words(
            app.lang,
            " ↑/↓ scroll · Esc closes ",
            " ↑/↓ 滚动 · Esc 关闭 ",
        )
    };
    overlay::render(app, area, buf, &title, bottom, all, overlay::from_top);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(stdout: &str, ending: &str) -> Outcome {
        Outcome {
            stdout: stdout.into(),
            stderr: String::new(),
            endings: vec![("MainProcess".into(), ending.into())],
            deadlock: false,
        }
    }

    #[test]
    fn each_outcome_says_what_tells_it_from_the_others() {
        let a = outcome("a\nb\nc\n", "exit code 0");
        let b = outcome("a\nc\nb\n", "exit code 0");
        let c = outcome("a\nb\nc\nd\n", "exit code 0");
        let e = outcome("", "SIGTERM");
        let said = distinguishing(&[&a, &b, &c]);
        assert_eq!(said[0], "a · b · c", "the most frequent: all its lines");
        assert_eq!(said[1], "from line 2: c · b", "same lines, another order");
        assert_eq!(said[2], "d", "a line of its own");
        assert_eq!(
            distinguishing(&[&e])[0],
            "(no output) · MainProcess SIGTERM"
        );
        assert_eq!(bar(1, 20, 40, false).chars().count(), 2);
        assert_eq!(bar(20, 20, 40, true), "#".repeat(40));
    }
}

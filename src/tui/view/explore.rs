//! The explore overlay (`X`): while the search runs, how many schedules it has taken; then each
//! outcome found, with how many schedules gave it and how many times the last stats saw it, the
//! picked one marked (Enter opens its shortest schedule as a held run).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::stats::distinguishing;
use super::{overlay, words, wrap};
use crate::lesson::Lang;
use crate::session::outcome::Outcome;
use crate::tui::app::App;
use crate::tui::background::EXPLORE_RUNS;
use crate::tui::theme::Mood;

/// The overlay's rows for an overlay `width` cells wide inside its border, and the row of the
/// picked outcome (to keep it in view).
pub fn lines(app: &App, width: usize) -> (Vec<Line<'static>>, usize) {
    let mut out: Vec<Line<'static>> = Vec::new();
    let Some(view) = &app.explore else {
        return (out, 0);
    };
    let t = app.theme;
    let lang = app.lang;
    let w = width.saturating_sub(1).max(8);
    let para = |out: &mut Vec<Line<'static>>, text: &str, style: Style| {
        overlay::para(out, text, width, style);
    };
    let found = match &view.found {
        None => {
            let text = match lang {
                Lang::En => format!(
                    "exploring… {} of at most {EXPLORE_RUNS} schedules run (Esc cancels)",
                    view.done
                ),
                Lang::Zh => format!(
                    "探索中……已试 {} 种调度（最多 {EXPLORE_RUNS} 种；Esc 取消）",
                    view.done
                ),
            };
            para(&mut out, &text, t.mood(Mood::Blocked));
            return (out, 0);
        }
        Some(Err(why)) => {
            let head = words(lang, "explore could not run:", "探索无法运行：");
            para(&mut out, &format!("{head} {why}"), t.mood(Mood::Failed));
            return (out, 0);
        }
        Some(Ok(found)) => found,
    };
    let seen = view.seen(app);
    let runs = app.last_tally.as_ref().map_or(0, |(_, t)| t.runs);
    let head = match (lang, &seen) {
        (Lang::En, Some(_)) => format!(
            "{} outcomes in {} schedules; beside each, how often the last stats ({runs} free runs) saw it:",
            found.outcomes.len(),
            found.runs
        ),
        (Lang::En, None) => format!(
            "{} outcomes in {} schedules (% first, and each says how often the kernel gives it):",
            found.outcomes.len(),
            found.runs
        ),
        (Lang::Zh, Some(_)) => format!(
            "{} 种调度里有 {} 种结果；旁边是上次统计（{runs} 次自由运行）见到它的次数：",
            found.runs,
            found.outcomes.len()
        ),
        (Lang::Zh, None) => format!(
            "{} 种调度里有 {} 种结果（先按 %，就能看到内核多常给出每一种）：",
            found.runs,
            found.outcomes.len()
        ),
    };
    para(&mut out, &head, t.bold());
    out.push(Line::default());
    let outcomes: Vec<&Outcome> = found.outcomes.iter().map(|f| &f.outcome).collect();
    let summaries = distinguishing(&outcomes);
    let mut picked_row = 0;
    for (i, (f, summary)) in found.outcomes.iter().zip(&summaries).enumerate() {
        let picked = i == view.picked;
        if picked {
            picked_row = out.len();
        }
        let pointer = if picked { t.pointer() } else { " " };
        let stats = match (&seen, lang) {
            (Some(s), Lang::En) if s[i] == 0 => " · stats: never".to_string(),
            (Some(s), Lang::En) => format!(" · stats: {}×", s[i]),
            (Some(s), Lang::Zh) if s[i] == 0 => " · 统计：从未".to_string(),
            (Some(s), Lang::Zh) => format!(" · 统计：{} 次", s[i]),
            (None, _) => String::new(),
        };
        let schedules = match lang {
            Lang::En => format!(
                "{} schedule{}",
                f.count,
                if f.count == 1 { "" } else { "s" }
            ),
            Lang::Zh => format!("{} 种调度", f.count),
        };
        let style = if picked {
            t.selected()
        } else {
            Style::default()
        };
        out.push(Line::from(vec![Span::styled(
            wrap::cut(&format!("{pointer}{:>2}. {schedules}{stats}", i + 1), w),
            style.patch(t.bold()),
        )]));
        out.push(Line::from(Span::styled(
            format!("     {}", wrap::cut(summary, w.saturating_sub(5))),
            style,
        )));
        if picked && seen.as_ref().is_some_and(|s| s[i] == 0) {
            let rare = words(
                lang,
                "possible, but the kernel rarely does it",
                "可能发生，但内核很少这样调度",
            );
            out.push(Line::from(Span::styled(
                format!("     {rare}"),
                t.mood(Mood::Blocked),
            )));
        }
    }
    (out, picked_row)
}

/// Draws the overlay over the screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(view) = &app.explore else {
        return;
    };
    let (all, picked_row) = lines(app, overlay::inner_width(area));
    let title = format!(" {} · {} ", words(app.lang, "Explore", "探索"), view.title);
    let bottom = if view.running() {
        words(app.lang, " Esc cancels ", " Esc 取消 ")
    } else {
        words(
            app.lang,
            " ↑/↓ pick · Enter: its schedule, held · Esc closes ",
            " ↑/↓ 选择 · Enter：按它的调度接管运行 · Esc 关闭 ",
        )
    };
    // The picked outcome (and the line under it) stays in view.
    overlay::render(app, area, buf, &title, bottom, all, |shown, rows| {
        (picked_row + 3)
            .saturating_sub(shown)
            .min(rows.saturating_sub(shown))
    });
}

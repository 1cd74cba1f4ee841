//! The schedule popup (`S`): the held run's schedule as text to paste into `forkyard run
//! --schedule`, the command that replays it, and, when the run ended in a deadlock, who waits on
//! what and the cycle, in the headless run's words. `y` writes it to a file.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use super::{overlay, words};
use crate::tui::app::App;
use crate::tui::held;

/// The popup's rows for a popup `width` cells wide inside its border.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let lang = app.lang;
    let mut out: Vec<Line<'static>> = Vec::new();
    let para = |out: &mut Vec<Line<'static>>, text: &str, style: Style| {
        overlay::para(out, text, width, style);
    };
    let Some(run) = app.runs.iter().find(|r| r.held.is_some()) else {
        return out;
    };
    let Some(log) = run.held.as_ref() else {
        return out;
    };
    if let Some(deadlock) = held::deadlock(run) {
        for l in deadlock {
            para(&mut out, &l, t.mood(crate::tui::theme::Mood::Failed));
        }
        out.push(Line::default());
    }
    let steps = log.steps.len();
    let head = match lang {
        crate::lesson::Lang::En => format!("{steps} steps, one process at a time:"),
        crate::lesson::Lang::Zh => format!("共 {steps} 步，每次一个进程："),
    };
    para(&mut out, &head, t.bold());
    let schedule = held::schedule_of(app).unwrap_or_default();
    let shown = if schedule.is_empty() {
        words(lang, "(no step yet)", "（还没有走任何一步）").to_string()
    } else {
        schedule
    };
    para(&mut out, &shown, Style::default());
    out.push(Line::default());
    para(
        &mut out,
        words(
            lang,
            "The same run again, from the shell:",
            "在终端里重放同一次运行：",
        ),
        t.bold(),
    );
    if let Some(command) = held::command(app) {
        para(&mut out, &command, Style::default());
    }
    if run.held_live {
        para(
            &mut out,
            words(
                lang,
                "This run was held while it ran free: the steps before the hold were the \
                 kernel's, so a replay from the start may differ before this point.",
                "这次运行是在自由运行中途被接管的：接管之前由内核调度，所以从头重放在那之前可能不同。",
            ),
            t.dim(),
        );
    }
    if run.signalled {
        para(
            &mut out,
            words(
                lang,
                "Signals sent from the playground (t, K, z) are not part of a schedule: a replay \
                 does not send them.",
                "在 playground 里发送的信号（t、K、z）不属于调度：重放时不会发送。",
            ),
            t.dim(),
        );
    }
    out
}

/// Draws the popup over the screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let all = lines(app, overlay::inner_width(area));
    let close = words(
        app.lang,
        " y writes it to a file · Esc closes ",
        " y 写入文件 · Esc 关闭 ",
    );
    let title = words(app.lang, " Schedule ", " 调度 ");
    // The newest part matters most (the deadlock, the command): a long one shows its end.
    let deadlock = held::deadlock_of(app);
    overlay::render(app, area, buf, title, close, all, |shown, rows| {
        if deadlock {
            0
        } else {
            rows.saturating_sub(shown)
        }
    });
}

//! The output pane: every line any process printed, in the order it happened, with its lesson time
//! and its process (coloured like its lane). Only the lines on screen are visited: the log is
//! read from a line number, never walked whole.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::widgets::Widget;

use super::{pane, words, wrap};
use crate::session::model::shorten;
use crate::trace::Stream;
use crate::tui::app::{App, Focus};
use crate::tui::runs::RunView;

/// Draws the output pane (split in two for a comparison).
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let title = words(app.lang, " Output ", " 输出 ");
    if app.runs.len() < 2 {
        side(app, app.runs.first(), title.to_string(), area, buf);
        return;
    }
    let half = area.width / 2;
    for (i, run) in app.runs.iter().enumerate().take(2) {
        let x = area.x + half * i as u16;
        let w = if i == 0 { half } else { area.width - half };
        let title = format!(" {} {} {} ", title.trim(), app.theme.dot(), run.label);
        side(
            app,
            Some(run),
            title,
            Rect::new(x, area.y, w, area.height),
            buf,
        );
    }
}

/// The output line being looked at: the newest one on screen while the output pane has focus and
/// is scrolled back (its moment is marked on the timeline).
pub fn selected<'a>(app: &App, run: &'a RunView) -> Option<&'a crate::session::model::Line> {
    let log = &run.run.log;
    let back = app.scroll.output_back as u64;
    if app.focus != Focus::Output || back == 0 {
        return None;
    }
    let n = log.next_number().checked_sub(back + 1)?;
    log.since(n).next().map(|(_, l)| l)
}

fn side(app: &App, run: Option<&RunView>, title: String, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let log = run.map(|r| &r.run.log);
    let kept = log.map_or(0, |l| (l.next_number() - l.dropped()) as usize);
    let back = app.scroll.output_back.min(kept);
    let title = if back > 0 {
        format!("{title}(scrolled: End follows) ")
    } else {
        title
    };
    let block = pane(app, title, Focus::Output);
    let inner = block.inner(area);
    block.render(area, buf);
    let (Some(run), Some(log)) = (run, log) else {
        return;
    };
    let rows = inner.height as usize;
    let end = log.next_number() - back as u64;
    let from = end.saturating_sub(rows as u64).max(log.dropped());
    let order: Vec<i32> = run.run.lanes().map(|l| l.pid).collect();
    let widest = run
        .run
        .lanes()
        .map(|l| wrap::width(&l.name))
        .max()
        .unwrap_or(0);
    let name_w = widest.clamp(11, if inner.width < 60 { 12 } else { 18 });
    for (row, (_, line)) in log.since(from).take((end - from) as usize).enumerate() {
        let y = inner.y + row as u16;
        let n = order.iter().position(|p| *p == line.pid).unwrap_or(0);
        let time = format!("{:>7.2}  ", line.lesson_ns as f64 / 1e9);
        buf.set_string(inner.x, y, &time, t.dim());
        // Shortened as the lanes are: the part that tells processes apart survives.
        let name = wrap::pad(&shorten(&line.process, name_w), name_w);
        let nx = inner.x + time.len() as u16;
        // With a lane picked, its lines stand out and the others step back.
        let (name_style, dimmed) = match app.picked {
            Some(pid) if pid == line.pid => (t.process(n).patch(t.selected()), false),
            Some(_) => (t.dim(), true),
            None => (t.process(n), false),
        };
        let width = inner.width as usize - time.len();
        buf.set_stringn(nx, y, &name, width, name_style);
        let tx = nx + name_w as u16 + 1;
        let room = (inner.x + inner.width).saturating_sub(tx) as usize;
        let mut style = match line.stream {
            Stream::Stderr => t.fg(Color::Red),
            Stream::Stdout => ratatui::style::Style::default(),
        };
        if dimmed {
            style = t.dim();
        }
        if back > 0 && app.focus == Focus::Output && row + 1 == (end - from) as usize {
            style = style.patch(t.selected());
        }
        buf.set_stringn(tx, y, wrap::cut(&line.text, room), room, style);
    }
}

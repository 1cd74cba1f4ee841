//! The output pane: every line any process printed, in the order it happened, with its lesson time
//! and its process (coloured like its lane). Only the lines on screen are visited: the log is
//! read from a line number, never walked whole.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::widgets::Widget;

use super::{pane, words, wrap};
use crate::session::model::{Line, shorten};
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
        // The label is what tells the two sides apart: cut it last.
        let title = wrap::fit_title(title.trim(), app.theme.dot(), &run.label, w as usize);
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

/// One screen row of the output: a line's first row carries its time and process.
struct Row<'a> {
    /// The line's number in the log.
    number: u64,
    /// The line.
    line: &'a Line,
    /// Whether this is the line's first row.
    first: bool,
    /// This row's part of the text.
    text: String,
}

/// The rows of the log lines `number, line` at `room` cells of text: long lines wrap.
fn rows_of<'a>(lines: impl Iterator<Item = (u64, &'a Line)>, room: usize) -> Vec<Row<'a>> {
    let mut out = Vec::new();
    for (number, line) in lines {
        for (i, text) in wrap::hard_wrap(&line.text, room).into_iter().enumerate() {
            out.push(Row {
                number,
                line,
                first: i == 0,
                text,
            });
        }
    }
    out
}

fn side(app: &App, run: Option<&RunView>, title: String, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let log = run.map(|r| &r.run.log);
    let kept = log.map_or(0, |l| (l.next_number() - l.dropped()) as usize);
    let back = app.scroll.output_back.min(kept);
    let title = if back > 0 {
        format!(
            "{title}{} ",
            words(app.lang, "(scrolled: End follows)", "（已回滚：End 跟随）")
        )
    } else {
        title
    };
    // After a knob's rerun: how many lines the run before did not print (marked `●` below).
    let title = match run.filter(|r| r.before.is_some() && kept <= 5000) {
        Some(r) => match r.run.log.lines().filter(|l| r.is_new(l)).count() {
            0 => title,
            n => format!(
                "{title}{} {n} {} ",
                app.theme.changed(),
                words(app.lang, "new since the knob", "行随开关改变")
            ),
        },
        None => title,
    };
    let block = pane(app, title, Focus::Output);
    let inner = block.inner(area);
    block.render(area, buf);
    let (Some(run), Some(log)) = (run, log) else {
        return;
    };
    let height = inner.height as usize;
    let order: Vec<i32> = run.run.lanes().map(|l| l.pid).collect();
    let widest = run
        .run
        .lanes()
        .map(|l| wrap::width(&l.name))
        .max()
        .unwrap_or(0);
    let name_w = widest.clamp(11, if inner.width < 60 { 12 } else { 18 });
    let time_w = 9;
    let room = (inner.width as usize)
        .saturating_sub(time_w + name_w + 1)
        .max(1);
    // The newest line on screen is the one `output_back` points at; the rows above it are filled
    // from older lines, and when there are too few of those, from the lines after it: no holes.
    let end = log.next_number() - back as u64;
    let from = end.saturating_sub(height as u64).max(log.dropped());
    let mut rows = rows_of(log.since(from).take((end - from) as usize), room);
    if rows.len() > height {
        rows.drain(..rows.len() - height);
    } else {
        let more = log.since(end).take(height);
        rows.extend(rows_of(more, room));
        rows.truncate(height);
    }
    // Scrolled back in the output: its last line shown stands out. Scrubbing: the newest line of
    // the moment does (the output is what was printed up to it).
    let selected = if back > 0 && app.focus == Focus::Output {
        Some(end.saturating_sub(1))
    } else if app.scrub.is_some() {
        log.next_number().checked_sub(1)
    } else {
        None
    };
    for (y, row) in rows.iter().enumerate() {
        let y = inner.y + y as u16;
        let line = row.line;
        let n = order.iter().position(|p| *p == line.pid).unwrap_or(0);
        // With a lane picked, its lines stand out and the others step back.
        let (name_style, dimmed) = match app.picked {
            Some(pid) if pid == line.pid => (t.process(n).patch(t.selected()), false),
            Some(_) => (t.dim(), true),
            None => (t.process(n), false),
        };
        if row.first {
            let time = format!("{:>7.2}  ", line.lesson_ns as f64 / 1e9);
            buf.set_string(inner.x, y, &time, t.dim());
            if run.is_new(line) {
                let style = t
                    .fg(Color::Yellow)
                    .add_modifier(ratatui::style::Modifier::BOLD);
                buf.set_string(inner.x, y, t.changed(), style);
            }
            let name = wrap::pad(&shorten(&line.process, name_w), name_w);
            buf.set_stringn(inner.x + time_w as u16, y, &name, name_w, name_style);
        }
        let mut style = match line.stream {
            Stream::Stderr => t.fg(Color::Red),
            Stream::Stdout => ratatui::style::Style::default(),
        };
        if dimmed {
            style = t.dim();
        }
        if selected == Some(row.number) {
            style = style.patch(t.selected());
        }
        let tx = inner.x + (time_w + name_w + 1) as u16;
        buf.set_stringn(tx, y, &row.text, room, style);
    }
}

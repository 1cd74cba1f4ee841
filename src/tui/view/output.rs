//! The output pane: every line any process printed, in the order it happened, with its lesson time
//! and its process (coloured like its lane). Only the lines on screen are visited: the log is
//! read from a line number, never walked whole.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::widgets::Widget;

use super::{pane, words, wrap};
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
    let name_w = 12;
    for (row, (_, line)) in log.since(from).take((end - from) as usize).enumerate() {
        let y = inner.y + row as u16;
        let n = order.iter().position(|p| *p == line.pid).unwrap_or(0);
        let time = format!("{:>7.2}  ", line.lesson_ns as f64 / 1e9);
        buf.set_string(inner.x, y, &time, t.dim());
        let name = wrap::pad(&line.process, name_w);
        let nx = inner.x + time.len() as u16;
        buf.set_stringn(
            nx,
            y,
            &name,
            inner.width as usize - time.len(),
            t.process(n),
        );
        let tx = nx + name_w as u16 + 1;
        let room = (inner.x + inner.width).saturating_sub(tx) as usize;
        let style = match line.stream {
            Stream::Stderr => t.fg(Color::Red),
            Stream::Stdout => ratatui::style::Style::default(),
        };
        buf.set_stringn(tx, y, wrap::cut(&line.text, room), room, style);
    }
}

//! The code pane: the program exactly as it will run, coloured from the parser's own tokens, with
//! the lines knobs control tagged `[d] on` and the lines they changed marked. A lesson that did not
//! load shows its problems here instead (file:line:col), in red.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

use super::{pane, wrap};
use crate::python::parse::TokenClass;
use crate::tui::app::{App, Focus};
use crate::tui::theme::{Mood, Theme};

/// Draws the code pane.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let title = match &app.code {
        Ok(code) => format!(" {} ", code.program.file),
        Err(_) => " problems ".to_string(),
    };
    let block = pane(app, title, Focus::Code);
    let inner = block.inner(area);
    block.render(area, buf);
    let code = match &app.code {
        Ok(code) => code,
        Err(e) => {
            let mut row = 0;
            for line in e.lines().skip(app.scroll.code) {
                for part in wrap::wrap(line, inner.width as usize) {
                    if row >= inner.height {
                        return;
                    }
                    let style = t.mood(Mood::Failed);
                    buf.set_stringn(inner.x, inner.y + row, part, inner.width as usize, style);
                    row += 1;
                }
            }
            return;
        }
    };
    let src = &code.program.source;
    let width = inner.width as usize;
    let mut starts = vec![0];
    starts.extend(src.match_indices('\n').map(|(i, _)| i + 1));
    let n_lines = src.lines().count();
    let digits = n_lines.to_string().len().max(2);
    let mut tok = code.tokens.iter().peekable();
    for (row, line_no) in (app.scroll.code..n_lines).enumerate() {
        if row >= inner.height as usize {
            break;
        }
        let y = inner.y + row as u16;
        let start = starts[line_no];
        let end = starts.get(line_no + 1).map_or(src.len(), |e| e - 1);
        let text = &src[start..end.max(start)];
        let knob = code
            .program
            .knob_lines
            .iter()
            .find(|k| k.line == line_no + 1);
        let changed = knob.is_some_and(|k| k.changed);
        let gutter = format!(
            "{}{:>digits$} ",
            if changed { t.changed() } else { " " },
            line_no + 1
        );
        let gutter_style = if changed {
            t.fg(Color::Yellow).add_modifier(Modifier::BOLD)
        } else {
            t.dim()
        };
        buf.set_stringn(inner.x, y, &gutter, width, gutter_style);
        let here = here(app, line_no + 1);
        let tag = knob.map(|k| format!(" [{}] {}", k.key, k.value));
        let tag_w = tag.as_deref().map_or(0, wrap::width);
        let code_x = inner.x + wrap::width(&gutter) as u16;
        let here_w: usize = here.iter().map(|(s, _)| wrap::width(s)).sum();
        let room = width.saturating_sub(wrap::width(&gutter) + tag_w + here_w);
        // Skip tokens of earlier lines, then colour this line's text piece by piece.
        while tok.peek().is_some_and(|(r, _)| r.end <= start) {
            tok.next();
        }
        let mut x = 0usize;
        let mut at = start;
        let line_tokens: Vec<_> = tok.clone().take_while(|(r, _)| r.start < end).collect();
        let mut put = |piece: &str, style: Style, x: &mut usize| {
            if *x >= room {
                return;
            }
            let shown = wrap::cut(piece, room - *x);
            buf.set_stringn(code_x + *x as u16, y, &shown, room - *x, style);
            *x += wrap::width(&shown);
        };
        for (r, class) in line_tokens {
            let (s, e) = (r.start.max(start), r.end.min(end));
            if s > at {
                put(&src[at..s], Style::default(), &mut x);
            }
            if e > s {
                put(&src[s..e], token_style(t, *class), &mut x);
            }
            at = at.max(e);
        }
        if at < end {
            put(&src[at..end], Style::default(), &mut x);
        }
        let _ = text;
        // Where each process is: `◀P-1` in its lane's colour, left of the knob tag.
        let mut hx = inner.x + width.saturating_sub(tag_w + here_w) as u16;
        for (text, style) in &here {
            buf.set_string(hx, y, text, *style);
            hx += wrap::width(text) as u16;
        }
        if let Some(tag) = tag {
            let style = if changed {
                t.fg(Color::Yellow).add_modifier(Modifier::BOLD)
            } else {
                t.fg(Color::Yellow)
            };
            let tx = inner.x + width.saturating_sub(tag_w) as u16;
            buf.set_stringn(tx, y, tag, tag_w, style);
        }
    }
}

/// The processes running line `line` now, as `◀P-1` marks in their lanes' colours.
fn here(app: &App, line: usize) -> Vec<(String, Style)> {
    let t = app.theme;
    let mut out = Vec::new();
    for run in &app.runs {
        for (pid, l) in &run.lines {
            if *l as usize != line {
                continue;
            }
            let Some(n) = run.run.lanes().position(|lane| lane.pid == *pid) else {
                continue;
            };
            let name = run.run.lanes().nth(n).map_or("", |lane| lane.name.as_str());
            let short = name
                .strip_prefix("Process-")
                .map(|k| format!("P-{k}"))
                .or_else(|| {
                    name.strip_prefix("ForkPoolWorker-")
                        .map(|k| format!("W-{k}"))
                })
                .unwrap_or_else(|| {
                    if name == "MainProcess" {
                        "Main".into()
                    } else {
                        name.into()
                    }
                });
            let arrow = if t.ascii { "<" } else { "◀" };
            out.push((
                format!(" {arrow}{short}"),
                t.process(n).add_modifier(Modifier::BOLD),
            ));
        }
    }
    out
}

fn token_style(t: Theme, class: TokenClass) -> Style {
    match class {
        TokenClass::Keyword => t.fg(Color::Magenta).add_modifier(Modifier::BOLD),
        TokenClass::Constant => t.fg(Color::LightMagenta),
        TokenClass::Name => Style::default(),
        TokenClass::Number => t.fg(Color::LightCyan),
        TokenClass::String => t.fg(Color::Green),
        TokenClass::Comment => t.dim().add_modifier(Modifier::ITALIC),
        TokenClass::Operator => t.fg(Color::Gray),
    }
}

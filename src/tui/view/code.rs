//! The code pane: the program exactly as it will run, coloured from the parser's own tokens, with
//! the lines knobs control tagged `[d] on` and the lines they changed marked. A lesson with more
//! than one program shows them as tabs in the title (`o` switches). A line a knob controls is
//! always shown whole (wrapped onto more rows), other long lines end in `…`; tags and the `◀P-1`
//! marks go right of the code, or on a row of their own, never over it. The borders say how many
//! lines lie above and below. A lesson that did not load shows its problems here instead
//! (file:line:col), in red.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{layout, names, pane, words, wrap};
use crate::python::parse::TokenClass;
use crate::tui::app::{App, Code, Focus};
use crate::tui::theme::{Mood, Theme};

/// A piece of text in one style.
type Piece = (String, Style);

/// One screen row of the pane.
struct Row {
    /// The gutter (`* 13 `, or blank on a continuation row).
    gutter: Piece,
    /// The code on this row, left to right.
    code: Vec<Piece>,
    /// Tags and marks, right-aligned.
    extras: Vec<Piece>,
}

/// Draws the code pane.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    // Room for the `↑ N above` mark on the same border decides whether the tabs get `[o]`.
    let mut block = pane(app, title(app, area.width.saturating_sub(16)), Focus::Code);
    let inner = block.inner(area);
    if let Ok(code) = &app.code {
        let n = code.program.source.lines().count();
        let (first, last) = visible_in(app, code, inner.width as usize, inner.height as usize);
        let arrow = |up: bool| match (t.ascii, up) {
            (true, true) => "^",
            (true, false) => "v",
            (false, true) => "↑",
            (false, false) => "↓",
        };
        if first > 1 {
            let above = words(app.lang, "above", "在上面");
            block = block.title(
                Line::from(format!(" {} {} {above} ", arrow(true), first - 1)).right_aligned(),
            );
        }
        if last < n {
            let below = words(app.lang, "below", "在下面");
            block = block.title_bottom(
                Line::from(format!(" {} {} {below} ", arrow(false), n - last)).right_aligned(),
            );
        }
    }
    block.render(area, buf);
    let code = match &app.code {
        Ok(code) => code,
        Err(e) => {
            let mut row = 0;
            for line in caret_lines(e, inner.width as usize)
                .iter()
                .skip(app.scroll.code)
            {
                // A line that fits keeps its indentation: a SyntaxError's caret stays under its place.
                let parts = if wrap::width(line) <= inner.width as usize {
                    vec![line.to_string()]
                } else {
                    wrap::wrap(line, inner.width as usize)
                };
                for part in parts {
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
    let width = inner.width as usize;
    let n_lines = code.program.source.lines().count();
    let mut y = 0usize;
    'lines: for line_no in app.scroll.code..n_lines {
        for row in rows(app, code, line_no, width) {
            if y >= inner.height as usize {
                break 'lines;
            }
            let ry = inner.y + y as u16;
            let mut x = inner.x;
            for (text, style) in std::iter::once(&row.gutter).chain(&row.code) {
                buf.set_stringn(x, ry, text, width, *style);
                x += wrap::width(text) as u16;
            }
            let extras_w: usize = row.extras.iter().map(|(s, _)| wrap::width(s)).sum();
            let mut x = inner.x + width.saturating_sub(extras_w) as u16;
            for (text, style) in &row.extras {
                // Never past the border, however many processes share the line.
                let room = (inner.x + inner.width).saturating_sub(x) as usize;
                buf.set_stringn(x, ry, text, room, *style);
                x += wrap::width(text).min(room) as u16;
            }
            y += 1;
        }
    }
}

/// The lines of a problem: a SyntaxError's source line wider than `width` is cut, not wrapped, and
/// shifted left with its caret line (a `…` in front) when the caret would be past the edge, so the
/// caret stays under the place it points at, as CPython prints it.
fn caret_lines(text: &str, width: usize) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let is_caret = |l: &str| {
        let t = l.trim();
        !t.is_empty() && t.chars().all(|c| c == '^' || c == '~')
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let (line, next) = (lines[i], lines.get(i + 1).copied());
        match next {
            Some(caret) if is_caret(caret) && wrap::width(line) > width => {
                let last = caret.trim_end().chars().count().saturating_sub(1);
                let drop = (last + 2).saturating_sub(width);
                let (line, caret) = if drop == 0 {
                    (line.to_string(), caret.to_string())
                } else {
                    let shift = |s: &str| s.chars().skip(drop + 1).collect::<String>();
                    (format!("…{}", shift(line)), format!(" {}", shift(caret)))
                };
                out.push(wrap::cut(&line, width));
                out.push(caret);
                i += 2;
            }
            _ => {
                out.push(line.to_string());
                i += 1;
            }
        }
    }
    out
}

/// The pane's title: the program's file, or every program as tabs with the one shown bright
/// (and `[o]`, the key that switches, where `room` cells allow).
fn title(app: &App, room: u16) -> Line<'static> {
    let t = app.theme;
    let Ok(code) = &app.code else {
        return Line::from(words(app.lang, " problems ", " 问题 "));
    };
    let programs = app.lesson().map_or(&[][..], |l| l.programs.as_slice());
    if programs.len() < 2 {
        return Line::from(format!(" {} ", code.program.file));
    }
    let mut spans = vec![Span::raw(" ")];
    for (i, p) in programs.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(if t.ascii { " | " } else { " │ " }, t.dim()));
        }
        if p.file == code.program.file {
            spans.push(Span::styled(
                p.file.clone(),
                t.selected().add_modifier(Modifier::BOLD),
            ));
        } else {
            spans.push(Span::styled(p.file.clone(), t.dim()));
        }
    }
    let used: usize = spans.iter().map(|s| wrap::width(&s.content)).sum();
    if used + 5 <= usize::from(room) {
        spans.push(Span::styled(" [o] ", t.fg(Color::Yellow)));
    } else {
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}

/// The screen rows of 0-based line `line_no` at `width` cells.
fn rows(app: &App, code: &Code, line_no: usize, width: usize) -> Vec<Row> {
    let t = app.theme;
    let src = &code.program.source;
    let (start, end) = line_span(src, line_no);
    let knob = code
        .program
        .knob_lines
        .iter()
        .find(|k| k.line == line_no + 1);
    let changed = knob.is_some_and(|k| k.changed);
    let digits = src.lines().count().to_string().len().max(2);
    let gutter_w = digits + 2;
    let gutter_style = if changed {
        t.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    } else {
        t.dim()
    };
    let gutter = (
        format!(
            "{}{:>digits$} ",
            if changed { t.changed() } else { " " },
            line_no + 1
        ),
        gutter_style,
    );
    let blank = || {
        let arrow = if t.ascii { ">" } else { "↪" };
        (format!("{:>w$} ", arrow, w = gutter_w - 1), t.dim())
    };
    let mut extras = here(app, line_no + 1);
    if let Some(k) = knob {
        let style = if changed {
            t.fg(Color::Yellow).add_modifier(Modifier::BOLD)
        } else {
            t.fg(Color::Yellow)
        };
        extras.push((format!(" [{}] {}", k.key, k.value), style));
    }
    let extras_w: usize = extras.iter().map(|(s, _)| wrap::width(s)).sum();
    let room = width.saturating_sub(gutter_w).max(1);
    let pieces = coloured(t, code, start, end);
    let text_w: usize = pieces.iter().map(|(s, _)| wrap::width(s)).sum();
    if text_w + extras_w <= room {
        return vec![Row {
            gutter,
            code: pieces,
            extras,
        }];
    }
    let mut out = Vec::new();
    if knob.is_some() {
        // A line a knob controls is shown whole: the learner must see what the knob did.
        for (i, chunk) in split(&pieces, room).into_iter().enumerate() {
            out.push(Row {
                gutter: if i == 0 { gutter.clone() } else { blank() },
                code: chunk,
                extras: Vec::new(),
            });
        }
    } else if extras_w > 0 && room >= extras_w + 12 {
        return vec![Row {
            gutter,
            code: cut(&pieces, room - extras_w),
            extras,
        }];
    } else {
        out.push(Row {
            gutter,
            code: cut(&pieces, room),
            extras: Vec::new(),
        });
    }
    if extras_w > 0 {
        let last = out.last_mut().expect("a row");
        let used: usize = last.code.iter().map(|(s, _)| wrap::width(s)).sum();
        if used + extras_w <= room {
            last.extras = extras;
        } else {
            out.push(Row {
                gutter: (" ".repeat(gutter_w), Style::default()),
                code: Vec::new(),
                extras,
            });
        }
    }
    out
}

/// Byte range of 0-based line `line_no` in `src` (without its newline).
fn line_span(src: &str, line_no: usize) -> (usize, usize) {
    let mut start = 0;
    for _ in 0..line_no {
        match src[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return (src.len(), src.len()),
        }
    }
    let end = src[start..].find('\n').map_or(src.len(), |i| start + i);
    (start, end)
}

/// The text of `start..end` as pieces coloured by the parser's tokens.
fn coloured(t: Theme, code: &Code, start: usize, end: usize) -> Vec<Piece> {
    let src = &code.program.source;
    let mut out = Vec::new();
    let mut at = start;
    for (r, class) in code
        .tokens
        .iter()
        .filter(|(r, _)| r.end > start && r.start < end)
    {
        let (s, e) = (r.start.max(start), r.end.min(end));
        if s > at {
            out.push((src[at..s].to_string(), Style::default()));
        }
        if e > s && s >= at {
            out.push((src[s..e].to_string(), token_style(t, *class)));
        }
        at = at.max(e);
    }
    if at < end {
        out.push((src[at..end].to_string(), Style::default()));
    }
    out
}

/// `pieces` cut to `max` cells, ending in `…` when anything was cut.
fn cut(pieces: &[Piece], max: usize) -> Vec<Piece> {
    let total: usize = pieces.iter().map(|(s, _)| wrap::width(s)).sum();
    if total <= max {
        return pieces.to_vec();
    }
    let mut out = Vec::new();
    let mut used = 0;
    for (s, style) in pieces {
        let w = wrap::width(s);
        if used + w < max {
            out.push((s.clone(), *style));
            used += w;
            continue;
        }
        // Something follows (the total is wider): the `…` must show even if this piece fits.
        out.push((wrap::cut(&format!("{s}…"), max - used), *style));
        return out;
    }
    out
}

/// `pieces` split into rows of at most `max` cells (by display width).
fn split(pieces: &[Piece], max: usize) -> Vec<Vec<Piece>> {
    use unicode_width::UnicodeWidthChar;
    let mut rows = vec![Vec::new()];
    let mut used = 0;
    for (s, style) in pieces {
        let mut piece = String::new();
        for c in s.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > max && used > 0 {
                if !piece.is_empty() {
                    rows.last_mut()
                        .expect("a row")
                        .push((std::mem::take(&mut piece), *style));
                }
                rows.push(Vec::new());
                used = 0;
            }
            piece.push(c);
            used += w;
        }
        if !piece.is_empty() {
            rows.last_mut().expect("a row").push((piece, *style));
        }
    }
    rows
}

/// How many rows 0-based line `line_no` takes at the pane's width.
fn row_count(app: &App, code: &Code, line_no: usize, width: usize) -> usize {
    rows(app, code, line_no, width).len()
}

/// The first and last 1-based lines the pane shows whole (`width`×`height` inside its border).
fn visible_in(app: &App, code: &Code, width: usize, height: usize) -> (usize, usize) {
    let n = code.program.source.lines().count();
    let first = app.scroll.code.min(n.saturating_sub(1));
    let mut used = 0;
    let mut last = first;
    for line_no in first..n {
        used += row_count(app, code, line_no, width);
        if used > height {
            break;
        }
        last = line_no + 1;
    }
    (first + 1, last)
}

/// The first and last 1-based lines the code pane shows whole at the app's size.
pub fn visible(app: &App) -> (usize, usize) {
    let Ok(code) = &app.code else { return (1, 1) };
    let area = layout::areas(app.size).code;
    let (w, h) = (area.width.saturating_sub(2), area.height.saturating_sub(2));
    visible_in(app, code, w as usize, h as usize)
}

/// The last top line (0-based) scrolling can reach: the one that shows the program's end with the
/// pane full (lines a knob controls may take more than one row).
pub fn max_top(app: &App) -> usize {
    let Ok(code) = &app.code else { return 0 };
    let area = layout::areas(app.size).code;
    let (w, h) = (
        area.width.saturating_sub(2) as usize,
        area.height.saturating_sub(2) as usize,
    );
    let n = code.program.source.lines().count();
    let mut used = 0;
    let mut top = n;
    while top > 0 {
        let more = row_count(app, code, top - 1, w);
        if used + more > h {
            break;
        }
        used += more;
        top -= 1;
    }
    top
}

/// The top line (0-based) that shows 1-based `line` whole, a third of the way down the pane.
pub fn top_for(app: &App, line: usize) -> usize {
    let Ok(code) = &app.code else { return 0 };
    let area = layout::areas(app.size).code;
    let (w, h) = (
        area.width.saturating_sub(2) as usize,
        area.height.saturating_sub(2) as usize,
    );
    let target = line.saturating_sub(1);
    // Up to a third of the pane shows the lines above it, for context.
    let mut above = 0;
    let mut top = target;
    while top > 0 {
        let more = row_count(app, code, top - 1, w);
        if above + more > (h / 3).max(1) || above + more + row_count(app, code, target, w) > h {
            break;
        }
        above += more;
        top -= 1;
    }
    top
}

/// The processes running line `line` now, as `◀P-1` marks in their lanes' colours.
fn here(app: &App, line: usize) -> Vec<Piece> {
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
            let arrow = if t.ascii { "<" } else { "◀" };
            out.push((
                format!(" {arrow}{}", names::tiny(name)),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_ends_in_an_ellipsis_and_split_keeps_every_character() {
        let pieces = vec![
            ("lock".to_string(), Style::default()),
            (".acquire()".to_string(), Style::default()),
        ];
        let cut = cut(&pieces, 8);
        let text: String = cut.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(text, "lock.ac…");
        let rows = split(&pieces, 5);
        let texts: Vec<String> = rows
            .iter()
            .map(|r| r.iter().map(|(s, _)| s.as_str()).collect())
            .collect();
        assert_eq!(texts, ["lock.", "acqui", "re()"]);
    }

    #[test]
    fn a_caret_stays_under_its_place_in_a_narrow_pane() {
        let src = "    p = f(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, (";
        let caret = format!("{}^", " ".repeat(src.len() - 1));
        let e =
            format!("  File \"x.py\", line 1\n{src}\n{caret}\nSyntaxError: '(' was never closed");
        let lines = super::caret_lines(&e, 30);
        let col = |l: &str| l.chars().position(|c| c == '^');
        let paren = lines[1]
            .chars()
            .collect::<Vec<_>>()
            .iter()
            .rposition(|c| *c == '(');
        assert_eq!(col(&lines[2]), paren, "{lines:#?}");
        assert!(lines[1].starts_with('…'), "{lines:#?}");
        assert!(
            lines[1..3].iter().all(|l| l.chars().count() <= 30),
            "{lines:#?}"
        );
        // Near the start: the line is cut, the caret stays as it is.
        let e = "    p = g(a, b, c, d, e, f, g, h, i, j, k)\n         ^\nSyntaxError: x";
        let lines = super::caret_lines(e, 20);
        assert_eq!(lines[1], "         ^");
        assert!(lines[0].ends_with('…'), "{lines:#?}");
    }

    #[test]
    fn line_spans() {
        let src = "a\nbc\n\nd";
        assert_eq!(line_span(src, 0), (0, 1));
        assert_eq!(line_span(src, 1), (2, 4));
        assert_eq!(line_span(src, 2), (5, 5));
        assert_eq!(line_span(src, 3), (6, 7));
    }
}

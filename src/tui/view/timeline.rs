//! The timeline: one lane per real process (name, pid, state glyph, a bar over lesson time with
//! marks where it printed, and how it is waiting or how it ended), then the run's multiprocessing
//! objects (holder, waiters, last operation). Two runs side by side share one time axis.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::{pane, words, wrap};
use crate::session::model::{Lane, LaneState, summary};
use crate::trace::Ending;
use crate::tui::app::{App, Focus};
use crate::tui::runs::RunView;
use crate::tui::theme::{Mood, Theme};

/// The widest the name column gets.
const NAME_MAX: usize = 18;
/// Width of the pid column.
const PID_W: usize = 6;

/// Draws the timeline pane (split in two for a comparison).
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let span = axis_span(app);
    if app.runs.len() < 2 {
        let title = words(
            app.lang,
            " Timeline (lesson seconds) ",
            " 时间线（课程秒） ",
        );
        side(app, app.runs.first(), title.to_string(), span, area, buf);
        return;
    }
    let half = area.width / 2;
    for (i, run) in app.runs.iter().enumerate().take(2) {
        let x = area.x + half * i as u16;
        let w = if i == 0 { half } else { area.width - half };
        let total = match run.total_ns() {
            Some(ns) => format!("total {:.2} s", ns as f64 / 1e9),
            None => format!("{:.1} s", run.clock_ns as f64 / 1e9),
        };
        let title = format!(" {} {} {total} ", run.label, app.theme.dot());
        side(
            app,
            Some(run),
            title,
            span,
            Rect::new(x, area.y, w, area.height),
            buf,
        );
    }
}

/// The lesson time the axis spans: the longest run so far, rounded up to a step of its labels.
fn axis_span(app: &App) -> u64 {
    let longest = app.runs.iter().map(|r| r.clock_ns).max().unwrap_or(0) as f64 * 1.02;
    let step = nice(longest / 5.0) as f64;
    ((longest / step).ceil() * step).max(1e9) as u64
}

/// The smallest of 1, 2, 5 × 10^k ns at or above `ns`.
fn nice(ns: f64) -> u64 {
    let mut step = 1e8;
    loop {
        for m in [1.0, 2.0, 5.0] {
            if step * m >= ns {
                return (step * m) as u64;
            }
        }
        step *= 10.0;
    }
}

fn side(app: &App, run: Option<&RunView>, title: String, span: u64, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let block = pane(app, title, Focus::Timeline);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height == 0 {
        return;
    }
    let Some(run) = run else {
        let hint = words(
            app.lang,
            "Press r to run the program: each process becomes a lane here.",
            "按 r 运行程序：每个进程在这里成为一条时间线。",
        );
        buf.set_stringn(
            inner.x + 1,
            inner.y,
            hint,
            inner.width as usize - 1,
            t.dim(),
        );
        return;
    };
    if let Some(error) = &run.error {
        let style = t.mood(Mood::Failed);
        for (i, l) in wrap::wrap(error, inner.width as usize).iter().enumerate() {
            if i as u16 >= inner.height {
                break;
            }
            buf.set_stringn(inner.x, inner.y + i as u16, l, inner.width as usize, style);
        }
        return;
    }
    // As wide as the longest name (`ForkPoolWorker-1`), within reason.
    let widest = run
        .run
        .lanes()
        .map(|l| wrap::width(&l.name))
        .max()
        .unwrap_or(0);
    let name_w = widest.clamp(11, if inner.width < 60 { 12 } else { NAME_MAX });
    let bar_x = inner.x + (1 + name_w + 1 + PID_W + 4) as u16;
    let bar_w = (inner.x + inner.width).saturating_sub(bar_x) as usize;
    // The time labels sit in the bottom border: every row inside is a lane.
    axis(t, span, bar_x, area.y + area.height - 1, bar_w, buf);

    let rows = inner.height as usize;
    let lanes: Vec<&Lane> = run.run.lanes().collect();
    let mut row = 0;
    for (n, lane) in lanes.iter().enumerate().skip(app.scroll.timeline) {
        if row >= rows {
            break;
        }
        let y = inner.y + row as u16;
        lane_row(
            app,
            run,
            lane,
            n,
            (inner.x, bar_x, bar_w, y, name_w),
            span,
            buf,
        );
        row += 1;
    }
    let skip = app.scroll.timeline.saturating_sub(lanes.len());
    for obj in run.run.objects.iter().skip(skip) {
        if row >= rows {
            break;
        }
        let y = inner.y + row as u16;
        let name = obj.label();
        let mut facts = Vec::new();
        if let Some(cap) = obj.capacity.filter(|_| obj.class.contains("emaphore")) {
            facts.push(format!("value {}", cap - obj.holders.len() as i64));
        }
        // A queue's size and an event's flag, from their latest operations that tell.
        let size = obj.ops.iter().rev().find_map(|op| {
            let d = op.detail.as_deref()?.strip_prefix("size=")?;
            Some(d.split_whitespace().next().unwrap_or(d).to_string())
        });
        if let Some(n) = size {
            facts.push(format!("size {n}"));
        }
        if obj.class == "Event" {
            let set = obj.ops.iter().rev().find_map(|op| match op.op.as_str() {
                "set" => Some(true),
                "clear" | "cleared" => Some(false),
                _ => None,
            });
            facts.push(if set == Some(true) { "set" } else { "not set" }.to_string());
        }
        let dead = |p: &i32| obj.dead_holders.iter().any(|(d, _)| d == p);
        let live: Vec<String> = obj
            .holders
            .iter()
            .filter(|p| !dead(p))
            .map(|p| pname(run, *p))
            .collect();
        if !live.is_empty() {
            facts.push(format!("held by {}", live.join(", ")));
        }
        if !obj.dead_holders.is_empty() {
            let who: Vec<String> = obj
                .dead_holders
                .iter()
                .map(|(p, _)| pname(run, *p))
                .collect();
            facts.push(format!("held by a dead process ({})", who.join(", ")));
        }
        let waiters: Vec<String> = run
            .run
            .waiters(&name)
            .iter()
            .map(|p| pname(run, *p))
            .collect();
        if !waiters.is_empty() {
            facts.push(format!("waiting: {}", waiters.join(", ")));
        }
        if let Some(op) = obj.ops.back() {
            let detail = op
                .detail
                .as_deref()
                .map(|d| format!(" {d}"))
                .unwrap_or_default();
            facts.push(format!("last: {} {}{detail}", pname(run, op.pid), op.op));
        }
        if facts.is_empty() {
            facts.push(format!("made by {}", pname(run, obj.created_by)));
        }
        let text = format!(
            " {}  {}",
            wrap::pad(&name, name_w + PID_W + 2),
            facts.join(" · ")
        );
        buf.set_stringn(
            inner.x,
            y,
            text,
            inner.width as usize,
            t.fg(ratatui::style::Color::Yellow),
        );
        row += 1;
    }
    // The output line being looked at (output focused and scrolled back): its moment, as a
    // column through every lane.
    if let Some(ns) = super::output::selected(app, run).map(|l| l.lesson_ns)
        && bar_w > 0
    {
        let col = ((ns as f64 / span as f64) * bar_w as f64) as usize;
        let x = bar_x + col.min(bar_w - 1) as u16;
        for y in inner.y..inner.y + inner.height {
            buf[(x, y)].set_style(t.selected());
            if buf[(x, y)].symbol() == " " {
                buf[(x, y)].set_symbol(if t.ascii { "|" } else { "│" });
            }
        }
    }
}

fn pname(run: &RunView, pid: i32) -> String {
    run.run
        .process_name(pid)
        .map_or_else(|| pid.to_string(), ToString::to_string)
}

/// The time labels above the bars.
fn axis(t: Theme, span: u64, x: u16, y: u16, w: usize, buf: &mut Buffer) {
    if w < 4 {
        return;
    }
    let secs = span as f64 / 1e9;
    // About one label every 10 cells, and at least two.
    let step = nice(secs * 1e9 / (w as f64 / 10.0).max(2.0)) as f64 / 1e9;
    let mut v = 0.0;
    while v <= secs + 1e-9 {
        let col = ((v / secs) * w as f64) as usize;
        let label = if step < 1.0 {
            format!("{v:.1}")
        } else {
            format!("{v:.0}")
        };
        if col + wrap::width(&label) <= w {
            buf.set_string(x + col as u16, y, label, t.dim());
        }
        v += step;
    }
}

/// What a lane's glyph says now.
pub fn mood(run: &RunView, lane: &Lane) -> Mood {
    match (lane.ending.map(|e| e.0), lane.exit) {
        (Some(Ending::Signaled { .. }), _) => Mood::Killed,
        (Some(Ending::Exited { code: 0 }), _) | (None, Some((0, _))) => Mood::Done,
        (Some(Ending::Exited { .. }), _) | (None, Some(_)) => Mood::Failed,
        (None, None) if run.run.end.is_some() => Mood::Killed,
        (None, None) => state_mood(lane.state()),
    }
}

fn state_mood(state: &LaneState) -> Mood {
    match state {
        LaneState::Running => Mood::Running,
        LaneState::Sleeping { .. } => Mood::Sleeping,
        LaneState::Blocked { .. } => Mood::Blocked,
        LaneState::Ended => Mood::Done,
    }
}

/// What the lane says after its bar: what it waits on, or how it ended.
fn status(run: &RunView, lane: &Lane) -> String {
    if lane.has_ended() || run.run.end.is_some() {
        let how = summary::how_it_ended(&run.run, lane);
        return match lane.exitcode() {
            Some(code) if code < 0 => format!("{how} ({code})"),
            // What it raised, from the last line of its traceback.
            Some(code) if code > 0 => match run.last_error.get(&lane.pid) {
                Some(error) => format!("{how}: {error}"),
                None => how,
            },
            _ => how,
        };
    }
    match lane.state() {
        // The exit rules' join: the main has run its last line and waits for a child.
        LaneState::Blocked { on, op }
            if op == "join"
                && run
                    .run
                    .at_exit
                    .get(&lane.pid)
                    .is_some_and(|steps| steps.iter().any(|s| s.child_name == *on)) =>
        {
            format!("at its exit, waits for {on} (join)")
        }
        // "blocked on Lock#1 (acquire) held by Process-2", or by a dead process.
        LaneState::Blocked { on, op } => match run.run.blocked_sentence(lane.pid) {
            Some(s) => s
                .strip_prefix(&format!("{} ", lane.name))
                .map_or(s.clone(), str::to_string),
            None => format!("blocked on {on} ({op})"),
        },
        LaneState::Sleeping { .. } => "sleeping".into(),
        _ => String::new(),
    }
}

/// Whether any mark falls in `[t0, t1)` (or before, in the lane's first column); consumes them.
fn take_marks<'a>(
    marks: &mut Option<std::iter::Peekable<impl Iterator<Item = &'a u64>>>,
    t0: u64,
    t1: u64,
    first: bool,
) -> bool {
    let Some(m) = marks.as_mut() else {
        return false;
    };
    let mut hit = false;
    while m.peek().is_some_and(|&&ns| ns < t1) {
        hit |= m.next().is_some_and(|&ns| ns >= t0 || first);
    }
    hit
}

/// How it ended, in a few cells (`SIGTERM (-15)`, `exit 0`), for narrow lanes.
fn short_status(run: &RunView, lane: &Lane) -> Option<String> {
    if !(lane.has_ended() || run.run.end.is_some()) {
        return None;
    }
    Some(match (lane.ending.map(|e| e.0), lane.exitcode()) {
        (Some(Ending::Signaled { signal }), _) => {
            format!("{} (-{signal})", crate::trace::signal_name(signal))
        }
        (_, Some(code)) => format!("exit {code}"),
        _ => return None,
    })
}

type Geometry = (u16, u16, usize, u16, usize);

fn lane_row(
    app: &App,
    run: &RunView,
    lane: &Lane,
    n: usize,
    (x, bar_x, bar_w, y, name_w): Geometry,
    span: u64,
    buf: &mut Buffer,
) {
    let t = app.theme;
    let mood = mood(run, lane);
    let head = format!(" {} {:>PID_W$}  ", wrap::pad(&lane.name, name_w), lane.pid);
    let picked = app.picked == Some(lane.pid);
    let head_style = if picked {
        t.process(n).patch(t.selected())
    } else {
        t.process(n)
    };
    buf.set_string(x, y, &head, head_style);
    buf.set_string(
        x + wrap::width(&head) as u16,
        y,
        t.glyph(mood),
        t.mood(mood),
    );
    if bar_w == 0 {
        return;
    }
    let end = lane.end_ns().unwrap_or(run.clock_ns).max(lane.start_ns);
    let col_of = |ns: u64| ((ns as f64 / span as f64) * bar_w as f64) as usize;
    let (first, last) = (col_of(lane.start_ns), col_of(end).min(bar_w - 1));
    let mut seg = lane.segments.iter().peekable();
    let mut state = &LaneState::Running;
    // Marks only where they stay sparse: a lane full of marks would hide its states.
    let sparse = |m: &&std::collections::VecDeque<u64>, per: usize| m.len() <= bar_w / per;
    let mut m = run
        .marks
        .get(&lane.pid)
        .filter(|m| sparse(m, 2))
        .map(|m| m.iter().peekable());
    let mut ops = run
        .op_marks
        .get(&lane.pid)
        .filter(|m| sparse(m, 3))
        .map(|m| m.iter().peekable());
    for col in first..=last {
        let t0 = (col as u128 * span as u128 / bar_w as u128) as u64;
        let t1 = ((col + 1) as u128 * span as u128 / bar_w as u128) as u64;
        while let Some(s) = seg.peek() {
            if s.from_ns <= t0.max(lane.start_ns) {
                state = &s.state;
                seg.next();
            } else {
                break;
            }
        }
        let marked = take_marks(&mut m, t0, t1, col == first);
        let op = take_marks(&mut ops, t0, t1, col == first);
        let sm = state_mood(state);
        let (sym, style): (&str, Style) = if op {
            (t.op_mark(), t.fg(ratatui::style::Color::Yellow))
        } else if marked {
            (
                t.mark(),
                t.process(n).add_modifier(ratatui::style::Modifier::BOLD),
            )
        } else if matches!(state, LaneState::Ended) {
            (" ", Style::default())
        } else {
            (t.bar(sm), t.mood(sm))
        };
        buf.set_string(bar_x + col as u16, y, sym, style);
    }
    let mut text = status(run, lane);
    if text.is_empty() {
        return;
    }
    let room_after = bar_w.saturating_sub(last + 2);
    if wrap::width(&text) > room_after {
        text = short_status(run, lane).unwrap_or(text);
    }
    let text_w = wrap::width(&text);
    let style = t.mood(mood);
    if text_w <= room_after {
        buf.set_string(bar_x + last as u16 + 2, y, text, style);
    } else {
        let shown = wrap::cut(&text, bar_w);
        let sx = bar_x + bar_w.saturating_sub(wrap::width(&shown)) as u16;
        buf.set_string(
            sx,
            y,
            shown,
            style.add_modifier(ratatui::style::Modifier::REVERSED),
        );
    }
}

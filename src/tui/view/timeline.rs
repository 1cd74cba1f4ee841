//! The timeline: one lane per real process (name, pid, state glyph, a bar over lesson time with
//! marks where it printed, and how it is waiting or how it ended), then the run's multiprocessing
//! objects (holder, waiters, last operation). Two runs side by side share one time axis.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::{objects, pane, words, wrap};
use crate::session::model::{Lane, LaneState, shorten, summary};
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
        let title = match &app.scrub {
            Some(s) => s.title(app.lang),
            None => words(
                app.lang,
                " Timeline (lesson seconds) ",
                " 时间线（课程秒） ",
            )
            .to_string(),
        };
        side(app, app.runs.first(), title, span, area, buf);
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
        let title = super::wrap::fit_title(&run.label, app.theme.dot(), &total, w as usize);
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

/// The lesson time the axis spans: the longest run so far, rounded up to a step of its labels
/// (while scrubbing: the whole runs', so the scale stays as the cursor moves).
fn axis_span(app: &App) -> u64 {
    let longest = match &app.scrub {
        Some(s) => s.span_ns(),
        None => app.runs.iter().map(|r| r.clock_ns).max().unwrap_or(0),
    } as f64
        * 1.02;
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

/// What a row of the timeline shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// The lane of a process (its pid).
    Lane(i32),
    /// An object of the inspector (its index among the object rows).
    Object(usize),
}

/// The rows a side shows, and how many stay hidden above and below (each side of hidden rows
/// costs one row: its "N more" mark).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Window {
    /// Rows hidden above.
    pub above: usize,
    /// The rows shown, top to bottom (after the mark above, if any).
    pub rows: Vec<Row>,
    /// The rows hidden below.
    pub below: Vec<Row>,
}

/// Which rows of `run` fit in `height` rows scrolled by `scroll` (lanes first, then objects).
pub fn window(run: &RunView, objects: usize, height: usize, scroll: usize) -> Window {
    let all: Vec<Row> = run
        .run
        .lanes()
        .map(|l| Row::Lane(l.pid))
        .chain((0..objects).map(Row::Object))
        .collect();
    let total = all.len();
    if height == 0 {
        return Window::default();
    }
    if total <= height {
        return Window {
            rows: all,
            ..Window::default()
        };
    }
    let above = scroll.min(total + 1 - height);
    let mut shown = height.saturating_sub(usize::from(above > 0));
    if above + shown < total {
        shown = shown.saturating_sub(1);
    }
    Window {
        above,
        rows: all[above..above + shown].to_vec(),
        below: all[above + shown..].to_vec(),
    }
}

/// How far the timeline scrolls: its rows, and one more for the mark above once it scrolls.
pub fn scroll_len(app: &App) -> usize {
    let page = super::layout::areas(app.size).page(Focus::Timeline);
    app.runs
        .iter()
        .map(|run| {
            let total =
                run.run.lanes().count() + objects::rows(run, app.lang, false, NAME_MAX).len();
            total + usize::from(total > page)
        })
        .max()
        .unwrap_or(0)
}

/// The process whose lane is at `row` (0: the first row inside the pane) of side `side`.
pub fn lane_at(app: &App, side: usize, row: usize) -> Option<i32> {
    let run = app.runs.get(side)?;
    let height = super::layout::areas(app.size).page(Focus::Timeline);
    let objects = objects::rows(run, app.lang, false, NAME_MAX).len();
    let w = window(run, objects, height, app.scroll.timeline);
    let at = row.checked_sub(usize::from(w.above > 0))?;
    match w.rows.get(at)? {
        Row::Lane(pid) => Some(*pid),
        Row::Object(_) => None,
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
    let (name_w, pid_w, bar_x, bar_w) = columns(run, inner);
    let right = inner.x + inner.width;
    // The time labels sit in the bottom border: every row inside is a lane.
    axis(t, span, bar_x, area.y + area.height - 1, bar_w, buf);

    let object_rows = objects::rows(run, app.lang, t.ascii, name_w);
    let w = window(
        run,
        object_rows.len(),
        inner.height as usize,
        app.scroll.timeline,
    );
    let mut y = inner.y;
    let width = inner.width as usize;
    let (up, down) = if t.ascii { ("^", "v") } else { ("↑", "↓") };
    if w.above > 0 {
        let text = match app.lang {
            crate::lesson::Lang::En => format!(" {up} {} more", w.above),
            crate::lesson::Lang::Zh => format!(" {up} 上面还有 {} 行", w.above),
        };
        buf.set_stringn(inner.x, y, text, width, t.dim());
        y += 1;
    }
    let lanes: Vec<&Lane> = run.run.lanes().collect();
    for row in &w.rows {
        match *row {
            Row::Lane(pid) => {
                let Some(n) = lanes.iter().position(|l| l.pid == pid) else {
                    continue;
                };
                let geometry = Geometry {
                    x: inner.x,
                    bar_x,
                    bar_w,
                    y,
                    name_w,
                    pid_w,
                    right,
                };
                lane_row(app, run, lanes[n], n, geometry, span, buf);
            }
            Row::Object(i) => {
                let obj = &object_rows[i];
                let text = format!(
                    " {}  {}",
                    wrap::pad(&obj.label, name_w + pid_w + 1),
                    obj.facts
                );
                buf.set_stringn(
                    inner.x,
                    y,
                    wrap::cut(&text, width),
                    width,
                    t.fg(ratatui::style::Color::Yellow),
                );
            }
        }
        y += 1;
    }
    if !w.below.is_empty() {
        // What is hidden, by name: a lesson's objects stay in sight at 80×24 (`Value#1 value 3`).
        let hidden: Vec<String> = w
            .below
            .iter()
            .map(|row| match *row {
                Row::Lane(pid) => run
                    .run
                    .lane_by_pid(pid)
                    .map_or_else(String::new, |l| shorten(&l.name, name_w)),
                Row::Object(i) => {
                    let o = &object_rows[i];
                    let first = o.facts.split(" · ").next().unwrap_or_default();
                    format!("{} {first}", o.label)
                }
            })
            .collect();
        let text = match app.lang {
            crate::lesson::Lang::En => {
                format!(" {down} {} more: {}", hidden.len(), hidden.join(" · "))
            }
            crate::lesson::Lang::Zh => {
                format!(
                    " {down} 下面还有 {} 行：{}",
                    hidden.len(),
                    hidden.join(" · ")
                )
            }
        };
        buf.set_stringn(inner.x, y, wrap::cut(&text, width), width, t.dim());
    }
    // The scrub's moment: a column through every lane, and a mark on the axis.
    if let Some(s) = &app.scrub
        && bar_w > 0
    {
        let col = ((s.at_ns() as f64 / span as f64) * bar_w as f64) as usize;
        let x = bar_x + col.min(bar_w - 1) as u16;
        for y in inner.y..inner.y + inner.height {
            buf[(x, y)].set_style(t.selected());
            if buf[(x, y)].symbol() == " " {
                buf[(x, y)].set_symbol(if t.ascii { "|" } else { "│" });
            }
        }
        buf[(x, area.y + area.height - 1)].set_symbol(if t.ascii { "^" } else { "▲" });
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

/// Where a side's columns are: (name width, pid width, first bar column, bar width).
fn columns(run: &RunView, inner: Rect) -> (usize, usize, u16, usize) {
    // As wide as the longest name (`ForkPoolWorker-1`), within reason: a longer one is shortened
    // keeping its number (`…Worker-12`).
    let widest = run
        .run
        .lanes()
        .map(|l| wrap::width(&l.name))
        .max()
        .unwrap_or(0);
    let name_w = if inner.width < 60 {
        widest.clamp(9, 11)
    } else {
        widest.clamp(11, NAME_MAX)
    };
    // A half of a comparison at 80 or 100 columns keeps its cells for the bars: no pid column.
    let pid_w = if inner.width < 50 { 0 } else { PID_W + 1 };
    let bar_x = inner.x + (1 + name_w + pid_w + 4) as u16;
    // The bars end where the labels' room begins: every lane's bar has the same scale, and no
    // label ever covers a bar.
    let label_w = (inner.width as usize * 3 / 10).clamp(10, 32);
    let right = inner.x + inner.width;
    let bar_w = right.saturating_sub(bar_x).saturating_sub(label_w as u16) as usize;
    (name_w, pid_w, bar_x, bar_w)
}

/// The lesson time under (`col`, `row`) when that cell is on a time axis (the timeline's bottom
/// border, over the bars), else `None`. Scrubbing jumps there on a click.
pub fn axis_time(app: &App, col: u16, row: u16) -> Option<u64> {
    let area = super::layout::areas(app.size).timeline;
    if app.runs.is_empty() || row != area.y + area.height.checked_sub(1)? {
        return None;
    }
    let n = app.runs.len().min(2) as u16;
    let half = area.width / n;
    let i = ((col.checked_sub(area.x)?) / half.max(1)).min(n - 1);
    let x = area.x + half * i;
    let w = if i + 1 == n {
        area.width - half * i
    } else {
        half
    };
    let side = Rect::new(x, area.y, w, area.height);
    let inner = pane(app, "", Focus::Timeline).inner(side);
    // The moment a side's cells stand for is the same across sides: one axis for both.
    let (_, _, bar_x, bar_w) = columns(app.full_run(i as usize)?, inner);
    let at = col.checked_sub(bar_x)? as usize;
    if at >= bar_w {
        return None;
    }
    // The middle of the cell, as the bars draw it.
    Some(((at as f64 + 0.5) / bar_w as f64 * axis_span(app) as f64) as u64)
}

/// What a lane says in a held run (the step it is about to take: `▸ 12 Value#1 read`) or when
/// `z` froze it; `None`: its usual status (blocked, ended...).
fn held_status(app: &App, run: &RunView, lane: &Lane) -> Option<String> {
    use crate::session::Stand;
    let zh = app.lang == crate::lesson::Lang::Zh;
    let frozen = if zh {
        "已冻结（SIGSTOP）：z 解冻"
    } else {
        "frozen (SIGSTOP): z thaws it"
    };
    if lane.has_ended() {
        return None;
    }
    let Some(s) = run.standing(lane.pid) else {
        return run.frozen.contains(&lane.pid).then(|| frozen.to_string());
    };
    let next = if app.theme.ascii { ">" } else { "▸" };
    match s.stand {
        Stand::Ready | Stand::Sleeping(_) if s.line > 0 => {
            Some(format!("{next} {} {}", s.line, s.what))
        }
        Stand::Ready | Stand::Sleeping(_) => Some(format!("{next} {}", s.what)),
        Stand::Frozen => Some(frozen.to_string()),
        Stand::Blocked(_) | Stand::Ended => None,
    }
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
fn status(run: &RunView, lane: &Lane, zh: bool) -> String {
    if lane.has_ended() || run.run.end.is_some() {
        let ended = summary::how_ended(&run.run, lane);
        let how = if zh { ended.zh() } else { ended.en() };
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
        LaneState::Blocked { on, op } if op == "join" && at_exit_join(run, lane, on) => {
            if zh {
                format!("在退出时等待 {on}（join）")
            } else {
                format!("at its exit, waits for {on} (join)")
            }
        }
        // An idle Pool worker: blocked in the pool's task queue.
        LaneState::Blocked { on, op } if op == "task" && on.starts_with("Pool#") => if zh {
            "等待任务"
        } else {
            "waiting for a task"
        }
        .into(),
        // "blocked on Lock#1 (acquire) held by Process-2", or by a dead process.
        LaneState::Blocked { on, op } if zh => format!("阻塞于 {on}（{op}）"),
        LaneState::Blocked { on, op } => match run.run.blocked_sentence(lane.pid) {
            Some(s) => s
                .strip_prefix(&format!("{} ", lane.name))
                .map_or(s.clone(), str::to_string),
            None => format!("blocked on {on} ({op})"),
        },
        // A Pool worker says which task it is busy with.
        state => match (run.run.task_of(lane.pid), state) {
            (Some(task), LaneState::Sleeping { .. }) if zh => format!("任务 {task} · 睡眠中"),
            (Some(task), LaneState::Sleeping { .. }) => format!("task {task} · sleeping"),
            (Some(task), _) if zh => format!("任务 {task}"),
            (Some(task), _) => format!("task {task}"),
            (None, LaneState::Sleeping { .. }) => if zh { "睡眠中" } else { "sleeping" }.into(),
            _ => String::new(),
        },
    }
}

/// Whether `lane` waits for child `on` as a step of its exit rules (it ran its last line).
fn at_exit_join(run: &RunView, lane: &Lane, on: &str) -> bool {
    run.run
        .at_exit
        .get(&lane.pid)
        .is_some_and(|steps| steps.iter().any(|s| s.child_name == on))
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

/// What it waits on without the details (`blocked on Lock#1 (acquire)`, `at exit, waits for
/// Process-1`), for lanes with a little room.
fn medium_status(run: &RunView, lane: &Lane, zh: bool) -> Option<String> {
    if lane.has_ended() || run.run.end.is_some() {
        return None;
    }
    match lane.state() {
        LaneState::Blocked { on, op } if op == "join" && at_exit_join(run, lane, on) => {
            Some(if zh {
                format!("退出时等待 {on}")
            } else {
                format!("at exit, waits for {on}")
            })
        }
        LaneState::Blocked { on, op } if op != "task" && !zh => {
            Some(format!("blocked on {on} ({op})"))
        }
        _ => None,
    }
}

/// What it does or how it ended, in a few cells (`idle`, `join Process-1`, `SIGTERM (-15)`,
/// `exit 0`), for narrow lanes.
fn short_status(run: &RunView, lane: &Lane, zh: bool) -> Option<String> {
    if !(lane.has_ended() || run.run.end.is_some()) {
        return match lane.state() {
            LaneState::Blocked { on, op } if op == "task" && on.starts_with("Pool#") => {
                Some(if zh { "空闲" } else { "idle" }.into())
            }
            LaneState::Blocked { on, op } if op == "join" && at_exit_join(run, lane, on) => Some(
                if zh {
                    "退出时 join"
                } else {
                    "at its exit (join)"
                }
                .into(),
            ),
            LaneState::Blocked { on, op } => Some(format!("{op} {on}")),
            _ => run.run.task_of(lane.pid).map(|task| {
                if zh {
                    format!("任务 {task}")
                } else {
                    format!("task {task}")
                }
            }),
        };
    }
    Some(match (lane.ending.map(|e| e.0), lane.exitcode()) {
        (Some(Ending::Signaled { signal }), _) => {
            format!("{} (-{signal})", crate::trace::signal_name(signal))
        }
        (_, Some(code)) => format!("exit {code}"),
        _ => return None,
    })
}

/// Where a lane goes: the pane's left edge, the bars' left edge and width, the row, the name
/// column's width, and the pane's right edge.
#[derive(Clone, Copy)]
struct Geometry {
    x: u16,
    bar_x: u16,
    bar_w: usize,
    y: u16,
    name_w: usize,
    /// The pid column with its space (0: no pid column).
    pid_w: usize,
    right: u16,
}

fn lane_row(
    app: &App,
    run: &RunView,
    lane: &Lane,
    n: usize,
    g: Geometry,
    span: u64,
    buf: &mut Buffer,
) {
    let t = app.theme;
    let mood = mood(run, lane);
    let Geometry {
        x,
        bar_x,
        bar_w,
        y,
        name_w,
        pid_w,
        right,
    } = g;
    let pid = if pid_w > 0 {
        format!(" {:>PID_W$}", lane.pid)
    } else {
        String::new()
    };
    let name = shorten(&lane.name, name_w);
    let picked = app.picked == Some(lane.pid);
    // A held run's steps go to the picked lane: it says so in glyphs too, not only in colour.
    let pointer = if picked && run.is_held() {
        t.pointer()
    } else {
        " "
    };
    let head = format!("{pointer}{}{pid}  ", wrap::pad(&name, name_w));
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
    let zh = app.lang == crate::lesson::Lang::Zh;
    let held = held_status(app, run, lane);
    let long = held.clone().unwrap_or_else(|| status(run, lane, zh));
    if long.is_empty() {
        return;
    }
    // Beside the bar, in the room after it (the labels' column at least): never over it. The
    // longest wording that fits, else the shortest, cut.
    let text_x = bar_x + last as u16 + 2;
    let room = right.saturating_sub(text_x) as usize;
    let mut forms = vec![long];
    if held.is_none() {
        forms.extend(medium_status(run, lane, zh));
        forms.extend(short_status(run, lane, zh));
    }
    let text = match forms.iter().find(|f| wrap::width(f) <= room) {
        Some(fits) => fits.clone(),
        None => wrap::cut(forms.last().map_or("", String::as_str), room),
    };
    if room > 0 {
        buf.set_stringn(text_x, y, text, room, t.mood(mood));
    }
}

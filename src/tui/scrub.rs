//! Scrubbing: a time cursor over a finished (or paused, or held) run. Every pane then shows the run
//! as it was at that moment: the lanes' states, the running lines, the objects, the output so far.
//!
//! How: the runs on screen are swapped for views rebuilt from their own trace records (the records
//! up to the cursor, applied to a fresh `Run` model), and the runs as they are now wait aside in
//! [`Scrub::full`]. Drawing needs no change; updates of the real runs (a stray record after a
//! pause, a held run's steps) go to the runs aside ([`around`]). A copy of the view every
//! [`SNAPSHOT_EVERY`] records, taken as the records come ([`snapshot`]), makes any moment of a
//! long run quick to rebuild and entering the scrub free: a move applies at most the records since
//! the closest copy. The copies stay at most [`MAX_SNAPSHOTS`]: past that, every other one goes
//! and they are taken half as often.
//!
//! Keys: `[`/`]` one event back/forward (the keymap's), `{`/`}` a bigger step, anywhere; with the timeline
//! focused also ←/→ (Shift: the bigger step) and, once scrubbing, Home/End (the ends); a click on
//! the time axis jumps there; Esc (or anything that runs, steps or leaves the lesson) returns to now. ←/→ still
//! change the lesson elsewhere, as they always did.

use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::app::{App, Effect, Focus, Msg};
use super::keymap::{Action, Context, action_for};
use super::runs::RunView;
use super::view::words;

/// A copy of a side's view is kept every this many of its records (at first).
pub const SNAPSHOT_EVERY: usize = 1024;
/// The most copies a side keeps.
pub const MAX_SNAPSHOTS: usize = 64;
/// How many events `{`/`}` and Shift+←/→ move: a twentieth of the run, at least this many.
const BIG_STEP: usize = 10;

/// The cursor and what it needs.
pub struct Scrub {
    /// The runs as they are now (their whole trace); `app.runs` shows the moment.
    pub full: Vec<RunView>,
    /// Every side's records in lesson-time order: (lesson ns, side).
    order: Vec<(u64, usize)>,
    /// How many of `order` the screen shows applied (`order.len()`: the end).
    pub at: usize,
    /// Per side: how many of its records its view on screen has applied.
    shown: Vec<usize>,
    /// Per side: how many records it had when the scrub began.
    lens: Vec<usize>,
}

impl Scrub {
    /// The moment on the cursor, lesson ns (0 before the first event).
    pub fn at_ns(&self) -> u64 {
        self.at
            .checked_sub(1)
            .and_then(|i| self.order.get(i))
            .map_or(0, |e| e.0)
    }

    /// How many events the runs have.
    pub fn events(&self) -> usize {
        self.order.len()
    }

    /// The lesson time the whole runs span (the axis keeps its scale while scrubbing).
    pub fn span_ns(&self) -> u64 {
        self.full.iter().map(|r| r.clock_ns).max().unwrap_or(0)
    }

    /// How the timeline's title says where the cursor is.
    pub fn title(&self, lang: crate::lesson::Lang) -> String {
        let t = self.at_ns() as f64 / 1e9;
        match lang {
            crate::lesson::Lang::En => format!(
                " Timeline at {t:.3} s · event {}/{} · Esc: now ",
                self.at,
                self.events()
            ),
            crate::lesson::Lang::Zh => format!(
                " 时间线 {t:.3} 秒 · 事件 {}/{} · Esc 回到现在 ",
                self.at,
                self.events()
            ),
        }
    }
}

/// What to do with a message while scrubbing (or a scrub key before).
enum Route {
    /// A scrub key or click: handled.
    Done(Vec<Effect>),
    /// Back to now first, then as usual (it runs, steps, or leaves the lesson).
    Now,
    /// An update of the real runs: applied to them, aside.
    Full,
    /// As usual, on the moment on screen (scrolling, focus, help).
    Moment,
}

/// The playground's `update` with scrubbing in front: scrub keys move the cursor, updates of the
/// runs reach the runs aside, and what runs anything returns to now first.
pub fn update(app: &mut App, msg: Msg, now: fn(&mut App, Msg) -> Vec<Effect>) -> Vec<Effect> {
    // The runs on screen were replaced under the cursor (a click opened another lesson): the
    // moment is of runs that are gone.
    if let Some(s) = &app.scrub
        && (s.full.len() != app.runs.len()
            || s.full.iter().zip(&app.runs).any(|(f, r)| f.id != r.id))
    {
        app.scrub = None;
    }
    match route(app, &msg) {
        Route::Done(effects) => effects,
        Route::Now => {
            leave(app);
            now(app, msg)
        }
        Route::Full => around(app, |app| now(app, msg)),
        Route::Moment => now(app, msg),
    }
}

fn route(app: &mut App, msg: &Msg) -> Route {
    let scrubbing = app.scrub.is_some();
    match msg {
        Msg::Key(key) => {
            if key.kind == KeyEventKind::Release || app.help || app.schedule {
                return Route::Moment;
            }
            if let Some(step) = step_for(app, key) {
                return Route::Done(move_by(app, step));
            }
            if !scrubbing {
                return Route::Moment;
            }
            match action_for(key, Context::Main) {
                Some(Action::Close) => {
                    leave(app);
                    Route::Done(Vec::new())
                }
                Some(
                    Action::Up
                    | Action::Down
                    | Action::PageUp
                    | Action::PageDown
                    | Action::Home
                    | Action::End
                    | Action::FocusNext
                    | Action::FocusPrev
                    | Action::Lang
                    | Action::Help
                    | Action::Faster
                    | Action::Slower
                    | Action::Schedule
                    | Action::ScrubBack
                    | Action::ScrubForward
                    // The export is of the whole run, whatever the moment.
                    | Action::Export,
                ) => Route::Moment,
                _ => Route::Now,
            }
        }
        Msg::Mouse(m) => {
            if let Some(effects) = click(app, m) {
                return Route::Done(effects);
            }
            // A click on a lane picks it, on the output scrolls it: the moment stays. A click on
            // a lesson or a program tab changes what runs: back to now first.
            let areas = super::view::layout::areas(app.size);
            match (m.kind, areas.at(m.column, m.row)) {
                (MouseEventKind::Down(_), Some(Focus::Lessons | Focus::Code)) if scrubbing => {
                    Route::Now
                }
                _ => Route::Moment,
            }
        }
        Msg::Run(..)
        | Msg::Lines(..)
        | Msg::Held(..)
        | Msg::Started(..)
        | Msg::Failed(..)
        | Msg::Tick(_)
            if scrubbing =>
        {
            Route::Full
        }
        _ => Route::Moment,
    }
}

/// How far a key moves the cursor: `Some(isize::MIN)` the start, `Some(isize::MAX)` the end.
fn step_for(app: &App, key: &KeyEvent) -> Option<isize> {
    let shift = key.modifiers.contains(KeyModifiers::SHIFT);
    // ←/→ in the timeline scrub a run that can be scrubbed (else they change the lesson, as
    // elsewhere); Home/End move the cursor once scrubbing (else they scroll the lanes).
    let scrubbing = app.scrub.is_some();
    let timeline = app.focus == Focus::Timeline && (scrubbing || can_scrub(app));
    let ends = timeline && scrubbing;
    match key.code {
        KeyCode::Char('{') => Some(-big_step(app)),
        KeyCode::Char('}') => Some(big_step(app)),
        KeyCode::Left if timeline && shift => Some(-big_step(app)),
        KeyCode::Right if timeline && shift => Some(big_step(app)),
        KeyCode::Left if timeline => Some(-1),
        KeyCode::Right if timeline => Some(1),
        KeyCode::Home if ends => Some(isize::MIN),
        KeyCode::End if ends => Some(isize::MAX),
        _ => None,
    }
}

fn big_step(app: &App) -> isize {
    let events = app.scrub.as_ref().map_or_else(
        || app.runs.iter().map(|r| r.trace.len()).sum(),
        Scrub::events,
    );
    (events / 20).max(BIG_STEP) as isize
}

/// Whether the runs on screen can be scrubbed now: they have records and do not move by
/// themselves.
fn can_scrub(app: &App) -> bool {
    !app.animating() && app.runs.iter().any(|r| !r.trace.is_empty())
}

/// Moves the cursor by `step` events (entering the scrub at the end of the run first).
pub fn move_by(app: &mut App, step: isize) -> Vec<Effect> {
    if !enter(app) {
        return Vec::new();
    }
    let Some(s) = &app.scrub else {
        return Vec::new();
    };
    let to = match step {
        isize::MIN => 0,
        isize::MAX => s.events(),
        _ => s.at.saturating_add_signed(step).min(s.events()),
    };
    go_to(app, to);
    Vec::new()
}

/// Shows the moment after `to` events.
pub fn go_to(app: &mut App, to: usize) {
    let Some(s) = app.scrub.as_mut() else {
        return;
    };
    s.at = to.min(s.events());
    let at_ns = s.at_ns();
    let at_end = s.at == s.events();
    for side in 0..s.full.len() {
        let n = s.order[..s.at].iter().filter(|e| e.1 == side).count();
        let full = &s.full[side];
        let shown = s.shown[side];
        // From the view on screen when it is on the way, else from the closest copy before.
        let copy = full.snapshots.iter().rev().find(|(k, _)| *k <= n);
        let from = copy.map_or(0, |(k, _)| *k);
        let (mut view, done) = if shown <= n && n - shown <= n - from {
            let blank = RunView::new(full.id, String::new());
            (std::mem::replace(&mut app.runs[side], blank), shown)
        } else {
            match copy {
                Some((k, copy)) => (copy.clone(), *k),
                None => (base(full), 0),
            }
        };
        for r in &full.trace[done..n] {
            view.replay(r);
        }
        // Only a process still running at that moment has a current line.
        view.lines = lines_at(full, n)
            .into_iter()
            .filter(|(pid, _)| view.run.lane_by_pid(*pid).is_some_and(|l| !l.has_ended()))
            .collect();
        if at_end {
            if let Some(end) = &full.run.end {
                view.end(end);
            }
            view.clock_ns = full.clock_ns;
        } else {
            view.clock_ns = at_ns;
        }
        s.shown[side] = n;
        app.runs[side] = view;
    }
}

/// The running lines sampled last at or before the `n`th record (none once the run ended).
fn lines_at(full: &RunView, n: usize) -> Vec<(i32, u32)> {
    full.line_history
        .iter()
        .rev()
        .find(|(at, _)| *at <= n)
        .map(|(_, l)| l.clone())
        .unwrap_or_default()
}

/// A side's view before any record: who it is, not what happened.
fn base(full: &RunView) -> RunView {
    let mut view = RunView::new(full.id, full.label.clone());
    view.pid = full.pid;
    view.error = full.error.clone();
    view.before = full.before.clone();
    view
}

/// Starts scrubbing at the end of the runs on screen; false (and a sentence) when there is
/// nothing to scrub or the run still moves.
fn enter(app: &mut App) -> bool {
    if app.scrub.is_some() {
        return true;
    }
    let sentence = if app.runs.iter().all(|r| r.trace.is_empty()) {
        Some(words(
            app.lang,
            "nothing to scrub yet: run the program (r), then [ and ] move through it",
            "还没有可回看的运行：先按 r 运行，再用 [ 和 ] 前后移动",
        ))
    } else if app.animating() {
        Some(words(
            app.lang,
            "the run is still going: pause it (space) or let it end, then scrub",
            "程序还在运行：先暂停（space）或等它结束，再回看",
        ))
    } else {
        None
    };
    if let Some(sentence) = sentence {
        app.status = Some(sentence.into());
        return false;
    }
    // The views on screen are the runs now, without what only scrubbing needs (one copy of each:
    // the cursor starts at the end).
    let now: Vec<RunView> = app.runs.iter_mut().map(bare_copy).collect();
    let full = std::mem::replace(&mut app.runs, now);
    let mut order: Vec<(u64, usize)> = full
        .iter()
        .enumerate()
        .flat_map(|(side, r)| r.trace.iter().map(move |rec| (rec.lesson_ns, side)))
        .collect();
    // Stable: each side's own records keep their order.
    order.sort_by_key(|e| e.0);
    let shown: Vec<usize> = full.iter().map(|r| r.trace.len()).collect();
    app.scrub = Some(Scrub {
        lens: shown.clone(),
        at: order.len(),
        order,
        shown,
        full,
    });
    true
}

/// Keeps a copy of `view` when its records reach the next multiple of its interval (called as
/// each record comes).
pub fn snapshot(view: &mut RunView) {
    let n = view.trace.len();
    if n == 0 || !n.is_multiple_of(view.snapshot_every) {
        return;
    }
    let mut copy = bare_copy(view);
    // What the scheduler and the learner's signals said belongs to now, not to this moment.
    copy.held = None;
    copy.deadlock = None;
    copy.accesses.clear();
    copy.frozen.clear();
    view.snapshots.push((n, copy));
    if view.snapshots.len() > MAX_SNAPSHOTS {
        view.snapshot_every *= 2;
        let every = view.snapshot_every;
        view.snapshots.retain(|(k, _)| k.is_multiple_of(every));
    }
}

/// A copy of `view` without its records, line history and copies (what only scrubbing needs).
fn bare_copy(view: &mut RunView) -> RunView {
    let trace = std::mem::take(&mut view.trace);
    let history = std::mem::take(&mut view.line_history);
    let snapshots = std::mem::take(&mut view.snapshots);
    let copy = view.clone();
    view.trace = trace;
    view.line_history = history;
    view.snapshots = snapshots;
    copy
}

/// Back to now: the runs as they are.
pub fn leave(app: &mut App) {
    if let Some(s) = app.scrub.take() {
        app.runs = s.full;
    }
}

/// Carries out `f` on the runs as they are now, then shows the same moment again (the runs may
/// have grown: a stray record after a pause, a held run's step).
fn around(app: &mut App, f: impl FnOnce(&mut App) -> Vec<Effect>) -> Vec<Effect> {
    let Some(mut s) = app.scrub.take() else {
        return f(app);
    };
    std::mem::swap(&mut app.runs, &mut s.full);
    let moment = std::mem::take(&mut s.full);
    let effects = f(app);
    let grew = app
        .runs
        .iter()
        .zip(&s.lens)
        .any(|(r, n)| r.trace.len() != *n);
    let same =
        moment.len() == app.runs.len() && moment.iter().zip(&app.runs).all(|(m, r)| m.id == r.id);
    if !same || app.quitting {
        return effects;
    }
    let at = s.at;
    if grew {
        // Start again from the runs as they are, at the same event.
        app.scrub = None;
        if enter(app) {
            go_to(app, at);
        }
        return effects;
    }
    s.full = std::mem::replace(&mut app.runs, moment);
    app.scrub = Some(s);
    effects
}

/// A left click on the timeline's time axis jumps the cursor to that moment.
fn click(app: &mut App, m: &MouseEvent) -> Option<Vec<Effect>> {
    if !matches!(m.kind, MouseEventKind::Down(MouseButton::Left)) {
        return None;
    }
    let ns = super::view::timeline::axis_time(app, m.column, m.row)?;
    if !enter(app) {
        return Some(Vec::new());
    }
    let s = app.scrub.as_ref()?;
    // The last event at or before the moment clicked.
    let to = s.order.partition_point(|e| e.0 <= ns);
    go_to(app, to);
    Some(Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trace::{Event, Record, Stream};

    fn line(i: usize) -> Record {
        Record {
            pid: 10,
            ppid: 1,
            seq: i as u64,
            mono_ns: i as u64,
            lesson_ns: i as u64,
            event: Event::Output {
                stream: Stream::Stdout,
                text: format!("{i}\n"),
            },
        }
    }

    #[test]
    fn copies_stay_few_and_evenly_spaced_as_a_run_grows() {
        let mut view = RunView::new(1, String::new());
        let n = SNAPSHOT_EVERY * (MAX_SNAPSHOTS + 4);
        for i in 0..n {
            view.record(&line(i));
        }
        assert!(
            view.snapshots.len() <= MAX_SNAPSHOTS,
            "{}",
            view.snapshots.len()
        );
        assert_eq!(view.snapshot_every, SNAPSHOT_EVERY * 2);
        let at: Vec<usize> = view.snapshots.iter().map(|(k, _)| *k).collect();
        assert!(
            at.iter().all(|k| k.is_multiple_of(SNAPSHOT_EVERY * 2)),
            "{at:?}"
        );
        assert!(
            at.windows(2).all(|w| w[1] - w[0] == SNAPSHOT_EVERY * 2),
            "{at:?}"
        );
        // Each copy is the run after its records, and holds no records itself.
        for (k, copy) in &view.snapshots {
            assert_eq!(copy.run.records, *k as u64);
            assert!(copy.trace.is_empty() && copy.snapshots.is_empty());
        }
    }
}

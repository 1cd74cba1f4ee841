//! `update`: the only place the playground's state changes. Pure: a message in, the state changed,
//! effects out for the loop to carry out. No process, no terminal, no clock of its own.

use ratatui::crossterm::event::{KeyEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};

use super::app::{App, Effect, Focus, Msg, SPEEDS};
use super::keymap::{Action, Context, action_for};
use super::runs::RunView;
use super::view::{layout, text};
use crate::lesson::KnobSettings;
use crate::session::Update;

/// Applies `msg` to `app`; returns what the loop must do.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) => on_key(app, &key),
        Msg::Mouse(mouse) => on_mouse(app, &mouse),
        Msg::Resize(w, h) => {
            app.size = (w, h);
            Vec::new()
        }
        Msg::Tick(now) => {
            app.now_ns = now;
            if !app.paused {
                let speed = app.speed;
                app.runs.iter_mut().for_each(|r| r.tick(now, speed));
            }
            Vec::new()
        }
        Msg::Lines(id, lines) => {
            if let Some(r) = app.run_mut(id).filter(|r| r.is_live()) {
                // Only processes still running have a current line.
                r.lines = lines
                    .into_iter()
                    .filter(|(pid, _)| r.run.lane_by_pid(*pid).is_some_and(|l| !l.has_ended()))
                    .collect();
            }
            Vec::new()
        }
        Msg::Started(id, pid) => {
            if let Some(r) = app.run_mut(id) {
                r.pid = Some(pid);
            }
            Vec::new()
        }
        Msg::Failed(id, error) => {
            if let Some(r) = app.run_mut(id) {
                r.error = Some(error);
            }
            settle_pause(app);
            Vec::new()
        }
        Msg::Run(id, Update::Record(record)) => {
            if let Some(r) = app.run_mut(id) {
                r.record(&record);
            }
            Vec::new()
        }
        Msg::Run(id, Update::End(end)) => {
            let Some(r) = app.run_mut(id) else {
                return Vec::new();
            };
            r.end(&end);
            let completed = r.completed();
            settle_pause(app);
            let lesson = app.lesson().map(|l| l.id.clone());
            match lesson {
                Some(id) if completed && !app.progress.completed.contains(&id) => {
                    app.progress.completed.insert(id);
                    vec![Effect::SaveProgress]
                }
                _ => Vec::new(),
            }
        }
    }
}

/// A pause ends with the last live run.
fn settle_pause(app: &mut App) {
    if !app.is_live() {
        app.paused = false;
    }
}

fn on_key(app: &mut App, key: &KeyEvent) -> Vec<Effect> {
    if key.kind == KeyEventKind::Release {
        return Vec::new();
    }
    if app.help {
        return match action_for(key, Context::Help) {
            Some(Action::Close) => {
                app.help = false;
                Vec::new()
            }
            Some(Action::Quit) => quit(app),
            _ => Vec::new(),
        };
    }
    app.status = None;
    if let Some(action) = action_for(key, Context::Main) {
        return act(app, action);
    }
    if let ratatui::crossterm::event::KeyCode::Char(c) = key.code {
        return knob_key(app, c);
    }
    Vec::new()
}

/// Carries out a keymap action.
pub fn act(app: &mut App, action: Action) -> Vec<Effect> {
    let areas = layout::areas(app.size);
    match action {
        Action::Run => run(app),
        Action::Compare => compare(app),
        Action::Pause => pause(app),
        Action::Faster | Action::Slower => speed(app, action == Action::Faster),
        Action::NextLesson => change_lesson(app, app.selected + 1),
        Action::PrevLesson => match app.selected.checked_sub(1) {
            Some(i) => change_lesson(app, i),
            None => Vec::new(),
        },
        Action::Up if app.focus == Focus::Lessons => act(app, Action::PrevLesson),
        Action::Down if app.focus == Focus::Lessons => act(app, Action::NextLesson),
        Action::Up => scroll(app, app.focus, -1),
        Action::Down => scroll(app, app.focus, 1),
        Action::PageUp => scroll(app, app.focus, -(areas.page(app.focus) as isize)),
        Action::PageDown => scroll(app, app.focus, areas.page(app.focus) as isize),
        Action::Home => scroll(app, app.focus, isize::MIN / 2),
        Action::End => scroll(app, app.focus, isize::MAX / 2),
        Action::FocusNext | Action::FocusPrev => {
            app.focus = app.focus.step(action == Action::FocusNext);
            Vec::new()
        }
        Action::Lang => {
            app.lang = app.lang.other();
            app.scroll.text = 0;
            Vec::new()
        }
        Action::Help => {
            app.help = true;
            Vec::new()
        }
        Action::Close => Vec::new(),
        Action::Quit => quit(app),
    }
}

fn quit(app: &mut App) -> Vec<Effect> {
    app.quitting = true;
    let mut effects = stop_all(app);
    effects.push(Effect::SaveProgress);
    effects.push(Effect::Quit);
    effects
}

/// Stops every run on screen (their views go too).
fn stop_all(app: &mut App) -> Vec<Effect> {
    app.picked = None;
    let effects = app
        .runs
        .drain(..)
        .filter(RunView::is_live)
        .map(|r| Effect::Stop(r.id))
        .collect();
    app.paused = false;
    effects
}

/// Starts one run per `(label, settings)`, replacing the runs on screen.
fn start_runs(app: &mut App, sides: Vec<(String, KnobSettings)>) -> Vec<Effect> {
    let mut effects = stop_all(app);
    app.scroll.output_back = 0;
    app.scroll.timeline = 0;
    let Some(lesson) = app.lesson().cloned() else {
        app.status = Some("this lesson could not be loaded, so it cannot run".into());
        return effects;
    };
    for (label, settings) in sides {
        let id = app.next_run_id();
        let mut view = RunView::new(id, label);
        match lesson.program_with(&settings) {
            Ok(program) => effects.push(Effect::Start {
                id,
                source: program.source,
                file: program.file,
                speed: app.speed,
            }),
            Err(e) => view.error = Some(e.to_string()),
        }
        app.runs.push(view);
    }
    effects
}

fn run(app: &mut App) -> Vec<Effect> {
    let Some(settings) = app.current_settings().cloned() else {
        return start_runs(app, Vec::new());
    };
    let label = app
        .lesson()
        .map(|l| settings.changes(l).join(", "))
        .unwrap_or_default();
    start_runs(app, vec![(label, settings)])
}

fn compare(app: &mut App) -> Vec<Effect> {
    let (Some(lesson), Some(settings)) = (app.lesson().cloned(), app.current_settings().cloned())
    else {
        return Vec::new();
    };
    let Some((knob, pair)) = lesson
        .comparison()
        .map(|(k, p)| (k.clone(), p))
        .or_else(|| lesson.knobs.first().map(|k| (k.clone(), k.compare_pair())))
    else {
        app.status = Some("this lesson has no knob to compare".into());
        return Vec::new();
    };
    let mut sides = Vec::new();
    for value in pair {
        let mut s = settings.clone();
        if s.set(&knob, &value).is_ok() {
            sides.push((format!("{}={value}", knob.name), s));
        }
    }
    start_runs(app, sides)
}

fn knob_key(app: &mut App, c: char) -> Vec<Effect> {
    let Some(knob) = app.lesson().and_then(|l| l.knob_by_key(c)).cloned() else {
        return Vec::new();
    };
    if let Some(Some(settings)) = app.settings.get_mut(app.selected) {
        settings.cycle(&knob);
    }
    app.refresh_code();
    run(app)
}

fn pause(app: &mut App) -> Vec<Effect> {
    if !app.is_live() {
        return Vec::new();
    }
    let now = app.now_ns;
    if !app.paused {
        // Count the time up to now at the running speed before the clock stops.
        let speed = app.speed;
        app.runs.iter_mut().for_each(|r| r.tick(now, speed));
    }
    app.runs.iter_mut().for_each(|r| r.rebase(now));
    app.paused = !app.paused;
    vec![if app.paused {
        Effect::Pause
    } else {
        Effect::Resume
    }]
}

fn speed(app: &mut App, faster: bool) -> Vec<Effect> {
    let i = SPEEDS
        .iter()
        .position(|s| *s >= app.speed)
        .unwrap_or(SPEEDS.len() - 1);
    let j = if faster {
        (i + 1).min(SPEEDS.len() - 1)
    } else {
        i.saturating_sub(1)
    };
    if SPEEDS[j] == app.speed {
        return Vec::new();
    }
    let now = app.now_ns;
    if !app.paused {
        let old = app.speed;
        app.runs.iter_mut().for_each(|r| r.tick(now, old));
    }
    app.runs.iter_mut().for_each(|r| r.rebase(now));
    app.speed = SPEEDS[j];
    vec![Effect::Speed(app.speed)]
}

fn change_lesson(app: &mut App, i: usize) -> Vec<Effect> {
    if i >= app.lessons.len() || i == app.selected {
        return Vec::new();
    }
    let mut effects = stop_all(app);
    app.open_lesson(i);
    let page = layout::areas(app.size).page(Focus::Lessons);
    if app.selected < app.scroll.lessons {
        app.scroll.lessons = app.selected;
    } else if app.selected >= app.scroll.lessons + page {
        app.scroll.lessons = app.selected + 1 - page;
    }
    effects.push(Effect::SaveProgress);
    effects
}

/// How many lines pane `focus` has, and how many it shows.
fn extent(app: &App, focus: Focus) -> (usize, usize) {
    let areas = layout::areas(app.size);
    let page = areas.page(focus);
    let len = match focus {
        Focus::Lessons => app.lessons.len(),
        Focus::Code => match &app.code {
            Ok(code) => code.program.source.lines().count(),
            Err(e) => e.lines().count(),
        },
        Focus::Text => text::line_count(app, areas.text.width.saturating_sub(2)),
        Focus::Timeline => crate::tui::view::timeline::scroll_len(app),
        Focus::Output => app
            .runs
            .iter()
            .map(|r| (r.run.log.next_number() - r.run.log.dropped()) as usize)
            .max()
            .unwrap_or(0),
    };
    (len, page)
}

/// Scrolls pane `focus` by `by` lines (negative: up), within its content.
fn scroll(app: &mut App, focus: Focus, by: isize) -> Vec<Effect> {
    let (len, page) = extent(app, focus);
    let max = len.saturating_sub(page);
    let moved = |at: usize| at.saturating_add_signed(by).min(max);
    match focus {
        Focus::Lessons => app.scroll.lessons = moved(app.scroll.lessons),
        Focus::Code => app.scroll.code = moved(app.scroll.code),
        Focus::Text => app.scroll.text = moved(app.scroll.text),
        Focus::Timeline => app.scroll.timeline = moved(app.scroll.timeline),
        // The output counts from the newest line: scrolling up goes back, as far as the oldest
        // line (the newest line on screen is the one whose moment the timeline marks).
        Focus::Output => {
            let oldest = len.saturating_sub(1);
            app.scroll.output_back = app
                .scroll
                .output_back
                .saturating_add_signed(-by)
                .min(oldest)
        }
    }
    Vec::new()
}

fn on_mouse(app: &mut App, mouse: &MouseEvent) -> Vec<Effect> {
    if app.help || !layout::fits(app.size) {
        return Vec::new();
    }
    let areas = layout::areas(app.size);
    let Some(pane) = areas.at(mouse.column, mouse.row) else {
        return Vec::new();
    };
    match mouse.kind {
        MouseEventKind::ScrollUp => scroll(app, pane, -3),
        MouseEventKind::ScrollDown => scroll(app, pane, 3),
        MouseEventKind::Down(MouseButton::Left) => {
            app.focus = pane;
            if pane == Focus::Timeline {
                pick_lane(app, mouse.column, mouse.row, areas.timeline);
            }
            if pane == Focus::Lessons {
                let row = mouse.row.saturating_sub(areas.lessons.y + 1) as usize;
                let inside = mouse.row > areas.lessons.y
                    && mouse.row < areas.lessons.y + areas.lessons.height - 1;
                if inside {
                    return change_lesson(app, app.scroll.lessons + row);
                }
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// A click on a lane picks its process (a second click, or a click elsewhere in the pane, lets go).
fn pick_lane(app: &mut App, col: u16, row: u16, area: ratatui::layout::Rect) {
    let side = if app.runs.len() > 1 && col >= area.x + area.width / 2 {
        1
    } else {
        0
    };
    let inside = row > area.y && row + 1 < area.y + area.height;
    let index = row.saturating_sub(area.y + 1) as usize;
    let pid = inside
        .then(|| crate::tui::view::timeline::lane_at(app, side, index))
        .flatten();
    app.picked = if pid == app.picked { None } else { pid };
    if let Some(pid) = app.picked {
        show_lines_of(app, side, pid);
    }
}

/// Scrolls the output back to the newest line `pid` printed (it stays where it is if that line is
/// on screen already, or if the process printed nothing).
fn show_lines_of(app: &mut App, side: usize, pid: i32) {
    let Some(log) = app.runs.get(side).map(|r| &r.run.log) else {
        return;
    };
    let Some(newest) = log.lines().rev().position(|l| l.pid == pid) else {
        return;
    };
    let page = layout::areas(app.size).page(Focus::Output);
    let back = app.scroll.output_back;
    if newest < back || newest >= back + page {
        app.scroll.output_back = newest;
    }
}

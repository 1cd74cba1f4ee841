//! `update`: the only place the playground's state changes. Pure: a message in, the state changed,
//! effects out for the loop to carry out. No process, no terminal, no clock of its own.

use ratatui::crossterm::event::{KeyEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};

use super::app::{App, Effect, Focus, Msg, SPEEDS};
use super::keymap::{Action, Context, action_for};
use super::runs::RunView;
use super::view::{layout, text, words};
use crate::lesson::KnobSettings;
use crate::session::Update;

/// Applies `msg` to `app`; returns what the loop must do. Scrubbing goes first: it moves its
/// cursor, and returns to now before anything that runs.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    if let Some(effects) = super::export_key::on_msg(app, &msg) {
        return effects;
    }
    if let Some(effects) = super::recorded::refuse(app, &msg) {
        return effects;
    }
    if let Some(effects) = super::stats_key::on_msg(app, &msg) {
        return effects;
    }
    if let Some(effects) = super::explore_key::on_msg(app, &msg) {
        return effects;
    }
    if let Some(effects) = super::predict::on_msg(app, &msg) {
        return effects;
    }
    let ended = super::predict::ends(&msg);
    let mut effects = super::scrub::update(app, msg, update_now);
    effects.extend(super::predict::after(app, ended));
    effects
}

/// Applies `msg` to the runs on screen.
fn update_now(app: &mut App, msg: Msg) -> Vec<Effect> {
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
                let lines = lines
                    .into_iter()
                    .filter(|(pid, _)| r.run.lane_by_pid(*pid).is_some_and(|l| !l.has_ended()))
                    .collect();
                r.set_lines(lines);
            }
            follow_lines(app);
            Vec::new()
        }
        Msg::Held(id, news) => {
            super::held::news(app, id, news);
            follow_lines(app);
            Vec::new()
        }
        Msg::Edited(text, came) => super::own::edited(app, text, came),
        // Taken by `predict` before this (a search of a view since closed ends here).
        Msg::Explored(..) | Msg::Stats(..) | Msg::Progress(..) => Vec::new(),
        Msg::Said(sentence) => {
            app.status = Some(sentence);
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
        Msg::Run(id, Update::Records(records)) => {
            if let Some(r) = app.run_mut(id) {
                records.iter().for_each(|record| r.record(record));
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
            let mut effects = super::challenge::graded(app, id);
            match lesson {
                Some(id) if completed && !app.progress.completed.contains(&id) => {
                    app.progress.completed.insert(id);
                    effects.push(Effect::SaveProgress);
                }
                _ => {}
            }
            effects.dedup();
            effects
        }
    }
}

/// The code pane follows the running lines: when some are out of view (and the learner is not
/// scrolling the code), it shows them all if they fit, else the children's (the main mostly waits).
fn follow_lines(app: &mut App) {
    if app.focus == Focus::Code || !layout::fits(app.size) {
        return;
    }
    let before = app.scroll.code;
    follow(app);
    // The line a knob just changed stays in view: that is what the learner is looking at.
    if let Some(pinned) = app.scroll.pinned {
        let (first, last) = super::view::code::visible(app);
        if !(first..=last).contains(&pinned) {
            app.scroll.code = before;
        }
    }
}

fn follow(app: &mut App) {
    // A held run: the picked process's next line is what the learner is about to step.
    if let Some(line) = app.picked.and_then(|p| {
        app.held_run()
            .and_then(|r| r.standing(p))
            .map(|s| s.line as usize)
    }) && line > 0
    {
        app.reveal_line(line);
        return;
    }
    let (first, last) = super::view::code::visible(app);
    let mut all = Vec::new();
    let mut children = Vec::new();
    for r in &app.runs {
        for (pid, line) in &r.lines {
            let line = *line as usize;
            if line == 0 {
                continue;
            }
            all.push(line);
            if r.run.lane_by_pid(*pid).is_some_and(|l| !l.is_main) {
                children.push(line);
            }
        }
    }
    let (Some(lo), Some(hi)) = (all.iter().min().copied(), all.iter().max().copied()) else {
        return;
    };
    if lo >= first && hi <= last {
        return;
    }
    let page = last + 1 - first;
    if hi - lo < page {
        // Everything fits: centre the span.
        app.scroll.code = (lo - 1).saturating_sub((page - (hi - lo + 1)) / 2);
        let (first, last) = super::view::code::visible(app);
        if lo >= first && hi <= last {
            return;
        }
    }
    let want = children.iter().min().copied().unwrap_or(lo);
    app.reveal_line(want);
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
            Some(a @ (Action::Up | Action::Down | Action::PageUp | Action::PageDown)) => {
                let page = app.size.1.saturating_sub(6).max(1) as isize;
                let by = match a {
                    Action::Up => -1,
                    Action::Down => 1,
                    Action::PageUp => -page,
                    _ => page,
                };
                let max = super::view::help::max_scroll(app);
                app.scroll.help = app.scroll.help.saturating_add_signed(by).min(max);
                Vec::new()
            }
            _ => Vec::new(),
        };
    }
    if app.schedule {
        return match action_for(key, Context::Schedule) {
            Some(Action::Close) => {
                app.schedule = false;
                Vec::new()
            }
            Some(Action::SaveSchedule) => super::held::save_schedule(app),
            Some(Action::Quit) => quit(app),
            _ => Vec::new(),
        };
    }
    if app.challenge {
        return super::challenge::on_key(app, key);
    }
    app.status = None;
    // Below the minimum size nothing is on screen to act on: only quitting works (and resizing).
    if !layout::fits(app.size) {
        return match action_for(key, Context::Main) {
            Some(Action::Quit) => quit(app),
            _ => Vec::new(),
        };
    }
    if let Some(action) = action_for(key, Context::Main) {
        if action == Action::Steps
            && let ratatui::crossterm::event::KeyCode::Char(c) = key.code
        {
            return super::held::step(app, c.to_digit(10));
        }
        // Enter runs the program unless a run is held: then it steps, as `.` does.
        if action == Action::Run
            && key.code == ratatui::crossterm::event::KeyCode::Enter
            && app.held_run().is_some()
        {
            return act(app, Action::Step);
        }
        return act(app, action);
    }
    if let ratatui::crossterm::event::KeyCode::Char(c) = key.code {
        if let Some(said) = super::own::lost_knob(app, c) {
            app.status = Some(said);
            return Vec::new();
        }
        return knob_key(app, c);
    }
    Vec::new()
}

/// Carries out a keymap action.
pub fn act(app: &mut App, action: Action) -> Vec<Effect> {
    let areas = layout::areas(app.size);
    match action {
        Action::Run => super::predict::before_run(app).unwrap_or_else(|| run(app)),
        Action::Predictions => super::predict::toggle(app),
        Action::Stats => super::stats_key::open(app),
        Action::Explore => super::explore_key::open(app),
        Action::Hold => super::held::hold(app),
        // Enter steps a held run's picked lane; otherwise it runs (as `r`).
        Action::Step | Action::Steps => super::held::step(app, Some(1)),
        Action::Go => super::held::step(app, None),
        Action::Terminate => super::held::signal(app, libc::SIGTERM),
        Action::Kill => super::held::signal(app, libc::SIGKILL),
        Action::Interrupt => super::held::signal(app, libc::SIGINT),
        Action::Freeze => super::held::signal(app, libc::SIGSTOP),
        Action::Schedule => super::held::show_schedule(app),
        Action::Challenge => super::challenge::open(app),
        Action::SaveSchedule => super::held::save_schedule(app),
        Action::Up | Action::Down if app.held_run().is_some() => {
            super::held::pick(app, action == Action::Down);
            Vec::new()
        }
        Action::Stop => stop(app),
        Action::Program => next_program(app),
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
            app.scroll.help = 0;
            Vec::new()
        }
        Action::Edit => super::own::edit(app),
        Action::Original => super::own::original(app),
        Action::Export => super::export_key::open(app),
        Action::ScrubBack => super::scrub::move_by(app, -1),
        Action::ScrubForward => super::scrub::move_by(app, 1),
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
pub(crate) fn stop_all(app: &mut App) -> Vec<Effect> {
    app.picked = None;
    app.schedule = false;
    let effects = app
        .runs
        .drain(..)
        .filter(RunView::is_live)
        .map(|r| Effect::Stop(r.id))
        .collect();
    app.paused = false;
    effects
}

/// Stops the live runs; their lanes and output stay on screen until the next run.
fn stop(app: &mut App) -> Vec<Effect> {
    if !app.is_live() {
        app.status = Some(
            words(
                app.lang,
                "no run is live: nothing to stop",
                "没有正在运行的程序，无需停止",
            )
            .into(),
        );
        return Vec::new();
    }
    app.paused = false;
    app.runs
        .iter()
        .filter(|r| r.is_live())
        .map(|r| Effect::Stop(r.id))
        .collect()
}

/// Shows the lesson's next program (and ends a run of the one before: what is on screen runs).
fn next_program(app: &mut App) -> Vec<Effect> {
    let Some(lesson) = app.lesson() else {
        return Vec::new();
    };
    if lesson.programs.len() < 2 {
        app.status =
            Some(words(app.lang, "this lesson has one program", "本课只有一个程序").into());
        return Vec::new();
    }
    let i = app.programs.get(app.selected).copied().unwrap_or(0);
    let next = lesson.programs[(i + 1) % lesson.programs.len()]
        .file
        .clone();
    let effects = stop_all(app);
    app.show_program(&next);
    effects
}

/// Starts the lesson's program held for the learner's steps (`s` with no live run).
pub(crate) fn start_held(app: &mut App) -> Vec<Effect> {
    let mut effects = run(app);
    for e in &mut effects {
        if let Effect::Start { id, held, .. } = e {
            *held = true;
            // Held from its first record: a held read that comes before the scheduler's first
            // news is kept for its step.
            if let Some(view) = app.run_mut(*id) {
                view.held = Some(crate::session::HeldLog::default());
            }
        }
    }
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
    let file = app.program_file().unwrap_or_default().to_string();
    for (label, settings) in sides {
        let id = app.next_run_id();
        let mut view = RunView::new(id, label);
        match lesson.program_named(&file, &settings) {
            Ok(program) => effects.push(Effect::Start {
                id,
                source: program.source,
                file: program.file,
                speed: app.speed,
                stdout: program.stdout.unwrap_or_default(),
                held: false,
                ops_only: false,
            }),
            Err(e) => view.error = Some(e.to_string()),
        }
        app.runs.push(view);
    }
    effects
}

pub(crate) fn run(app: &mut App) -> Vec<Effect> {
    // A program that does not parse never runs: its SyntaxError is in the code pane.
    if app.code.is_err() && app.lesson().is_some() {
        app.status = Some(
            words(
                app.lang,
                "a SyntaxError (in the code pane): nothing runs until it is fixed (e edits)",
                "语法错误（见代码窗格）：改好之前什么都不会运行（按 e 编辑）",
            )
            .into(),
        );
        return Vec::new();
    }
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
    let file = app.program_file().unwrap_or_default().to_string();
    // The lesson's comparison if it belongs to the program on screen, else the first knob that
    // does; a lesson whose program on screen has no knob compares its own comparison's program.
    let own = |k: &&crate::lesson::Knob| k.concerns(&file);
    let knob = lesson
        .knobs
        .iter()
        .find(|k| k.compare && own(k))
        .or_else(|| lesson.knobs.iter().find(own))
        .or_else(|| lesson.knobs.iter().find(|k| k.compare))
        .or(lesson.knobs.first())
        .cloned();
    let Some(knob) = knob else {
        app.status = Some(
            if app.own.file.is_some() {
                words(
                    app.lang,
                    "compare runs a lesson's knob both ways: your own program has no knobs",
                    "对比是把课程的开关两种设置并排运行：你自己的程序没有开关",
                )
            } else {
                words(
                    app.lang,
                    "this lesson has no knob to compare",
                    "本课没有可对比的开关",
                )
            }
            .into(),
        );
        return Vec::new();
    };
    if let Some(other) = knob.files().first().filter(|f| **f != file) {
        app.show_program(other);
    }
    let current = settings
        .get(&knob.name)
        .unwrap_or(&knob.default)
        .to_string();
    let mut sides = Vec::new();
    for value in compare_values(&knob, &current) {
        let mut s = settings.clone();
        if s.set(&knob, &value).is_ok() {
            sides.push((knob_label(&knob, &value, app.lang), s));
        }
    }
    start_runs(app, sides)
}

/// The two values a comparison runs: both options of a two-option knob; otherwise the current
/// value and the option after it, in the knob's order (with 03's `join=none`: `join` and `none`).
pub fn compare_values(knob: &crate::lesson::Knob, current: &str) -> [String; 2] {
    if knob.options.len() == 2 {
        return knob.compare_pair();
    }
    let next = knob.next_option(current).to_string();
    let at = |v: &str| knob.options.iter().position(|o| o == v).unwrap_or(0);
    if at(&next) < at(current) {
        [next, current.to_string()]
    } else {
        [current.to_string(), next]
    }
}

/// A comparison side's title in the knob's words: a switch as `daemon flag: on`, a choice by its
/// value first (`apply_async · how tasks are handed over`), so a narrow title still tells the two
/// sides apart.
pub fn knob_label(knob: &crate::lesson::Knob, value: &str, lang: crate::lesson::Lang) -> String {
    let colon = match lang {
        crate::lesson::Lang::En => ": ",
        crate::lesson::Lang::Zh => "：",
    };
    match knob.kind {
        crate::lesson::KnobKind::Toggle => format!("{}{colon}{value}", knob.label.get(lang)),
        crate::lesson::KnobKind::Choice => format!("{value} · {}", knob.label.get(lang)),
    }
}

fn knob_key(app: &mut App, c: char) -> Vec<Effect> {
    let Some(knob) = app.lesson().and_then(|l| l.knob_by_key(c)).cloned() else {
        if c.is_alphanumeric() && app.lesson().is_some() {
            app.status = Some(match app.lang {
                crate::lesson::Lang::En => {
                    format!("`{c}` does nothing in this lesson: ? lists its keys")
                }
                crate::lesson::Lang::Zh => format!("本课没有 `{c}` 键：按 ? 查看所有按键"),
            });
        }
        return Vec::new();
    };
    if let Some(Some(settings)) = app.settings.get_mut(app.selected) {
        settings.cycle(&knob);
    }
    // The knob's own program is the one that runs (01's `t` runs subclass.py).
    let file = app.program_file().unwrap_or_default().to_string();
    // What the run on screen printed, to mark what the knob changed in the output.
    let before = match app.runs.as_slice() {
        [only] if knob.concerns(&file) && only.error.is_none() => Some(only.printed()),
        _ => None,
    };
    match knob.files().first() {
        Some(own) if !knob.files().contains(&file.as_str()) => app.show_program(own),
        _ => app.refresh_code(),
    }
    app.reveal_knob(&knob.name);
    // The new knob values may be what a prediction asks about: the question comes first.
    if let Some(effects) = super::predict::before_run(app) {
        return effects;
    }
    let effects = run(app);
    if let [view] = app.runs.as_mut_slice() {
        view.before = before;
    }
    effects
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
    if app.speed != super::app::DEFAULT_SPEED {
        // The speed carries from lesson to lesson: say so, once, where the keys are.
        let speed = super::view::speed_text(app.speed);
        app.status = Some(match app.lang {
            crate::lesson::Lang::En => {
                format!("still at speed {speed}× from before: +/- change it")
            }
            crate::lesson::Lang::Zh => format!("速度仍是之前的 {speed}×：按 +/- 调整"),
        });
    }
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
        Focus::Code => {
            let max = match app.code {
                Ok(_) => super::view::code::max_top(app),
                Err(_) => max,
            };
            app.scroll.code = app.scroll.code.saturating_add_signed(by).min(max);
            app.scroll.pinned = None;
        }
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
            if pane == Focus::Code && mouse.row == areas.code.y {
                return click_tab(app, mouse.column.saturating_sub(areas.code.x + 1));
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

/// A click on the code pane's title at cell `x` (after its corner): the program tab there, if any.
fn click_tab(app: &mut App, x: u16) -> Vec<Effect> {
    let Some(lesson) = app.lesson() else {
        return Vec::new();
    };
    if lesson.programs.len() < 2 {
        return Vec::new();
    }
    // The title reads ` main.py │ subclass.py [o] `: one space, then the tabs, ` │ ` between.
    let mut at = 1usize;
    let mut hit = None;
    for p in &lesson.programs {
        let w = super::view::wrap::width(&p.file);
        if (at..at + w).contains(&usize::from(x)) {
            hit = Some(p.file.clone());
        }
        at += w + 3;
    }
    match hit {
        Some(file) if Some(file.as_str()) != app.program_file() => {
            let effects = stop_all(app);
            app.show_program(&file);
            effects
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
    if let (Some(pid), Some(run)) = (app.picked, app.runs.get(side)) {
        jump_to_output_of(app, run.id, pid);
    }
}

/// Scrolls the output so the newest line of process `pid` (of run `id`) is on screen.
fn jump_to_output_of(app: &mut App, id: super::runs::RunId, pid: i32) {
    let Some(run) = app.runs.iter().find(|r| r.id == id) else {
        return;
    };
    let log = &run.run.log;
    let Some(number) = log
        .since(log.dropped())
        .filter(|(_, l)| l.pid == pid)
        .map(|(n, _)| n)
        .last()
    else {
        return;
    };
    let page = layout::areas(app.size).page(Focus::Output) as u64;
    let newest = log.next_number().saturating_sub(1);
    let back = app.scroll.output_back as u64;
    let bottom = newest.saturating_sub(back);
    // Already on screen: leave the output where it is.
    if number <= bottom && number + page > bottom {
        return;
    }
    app.scroll.output_back = (newest - number) as usize;
}

//! `X`: explore from the playground. The program on screen, with its knob values, is searched in
//! the background (explore's runs, held, each down another schedule; the overlay counts them);
//! then the overlay lists the outcomes found, each with how many schedules gave it and how many
//! times the last stats (`%`) of this program saw it. Enter on an outcome opens its shortest
//! schedule as a held run: the schedule's steps are given, then the learner steps on (`s`'s
//! machinery); an outcome stats never saw is said to be possible, but rare for the kernel.
//!
//! Lives here: the overlay's state and keys. Drawing is `view::explore`.

use ratatui::crossterm::event::{KeyCode, KeyEventKind, KeyModifiers};

use super::app::{App, Effect, Msg};
use super::background::JobId;
use super::view::words;
use crate::session::explore::Exploration;
use crate::session::{Steer, schedule};

/// The explore overlay.
#[derive(Debug, Clone)]
pub struct ExploreView {
    /// The job searching.
    pub job: JobId,
    /// The lesson and knob values searched (`04-lock · lock=off`).
    pub title: String,
    /// The program searched (its source).
    pub program: String,
    /// Runs taken so far.
    pub done: u64,
    /// What the search found, or why it could not search.
    pub found: Option<Result<Exploration, String>>,
    /// The outcome picked (↑/↓).
    pub picked: usize,
}

impl ExploreView {
    /// Whether the search still runs.
    pub fn running(&self) -> bool {
        self.found.is_none()
    }

    /// How many times the last stats of this program saw each outcome found (`None`: no stats
    /// of it this session).
    pub fn seen(&self, app: &App) -> Option<Vec<u32>> {
        let (program, tally) = app.last_tally.as_ref()?;
        if *program != self.program {
            return None;
        }
        let Some(Ok(found)) = &self.found else {
            return None;
        };
        Some(
            found
                .outcomes
                .iter()
                .map(|f| {
                    tally
                        .outcomes
                        .iter()
                        .find(|(o, _)| *o == f.outcome)
                        .map_or(0, |(_, n)| *n)
                })
                .collect(),
        )
    }
}

/// `X`: starts the search of the program on screen, or says why it cannot.
pub fn open(app: &mut App) -> Vec<Effect> {
    let program = match (&app.code, app.recorded) {
        (Ok(code), false) => code.program.clone(),
        (_, true) => {
            app.status = Some(
                words(
                    app.lang,
                    "a recorded run does not run again: explore needs the program (forkyard explore LESSON)",
                    "录下来的运行不能再运行：探索需要程序本身（forkyard explore 课程）",
                )
                .into(),
            );
            return Vec::new();
        }
        (Err(_), _) => {
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
    };
    let mut title = match app.lesson() {
        Some(l) if app.own.file.is_none() => l.id.clone(),
        _ => app.own.file_name(),
    };
    if let (Some(lesson), Some(settings)) = (app.lesson(), app.current_settings()) {
        let changes = settings.changes(lesson);
        if !changes.is_empty() && app.own.file.is_none() {
            title = format!("{title} · {}", changes.join(", "));
        }
    }
    let job = app.next_job_id();
    app.explore = Some(ExploreView {
        job,
        title,
        program: program.source.clone(),
        done: 0,
        found: None,
        picked: 0,
    });
    vec![Effect::Explore {
        job,
        source: program.source,
        file: program.file,
        stdout: program.stdout.unwrap_or_default(),
        // Operations only, as `forkyard explore` counts steps (fewer, so the search goes further);
        // Enter holds the run at the same granularity, so a schedule replays step for step.
        ops_only: true,
    }]
}

/// The overlay's messages while it is open (`None`: it is closed, the message goes on as usual).
pub fn on_msg(app: &mut App, msg: &Msg) -> Option<Vec<Effect>> {
    let view = app.explore.as_mut()?;
    match msg {
        Msg::Progress(job, n) if *job == view.job => {
            view.done = *n;
            Some(Vec::new())
        }
        Msg::Explored(job, found) if *job == view.job => {
            view.found = Some(found.clone());
            Some(Vec::new())
        }
        Msg::Key(key) if key.kind != KeyEventKind::Release && !app.help => {
            let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
            let rows = match &view.found {
                Some(Ok(found)) => found.outcomes.len(),
                _ => 0,
            };
            match key.code {
                KeyCode::Esc | KeyCode::Char('X') => Some(close(app)),
                KeyCode::Char('q') => Some(quit(app)),
                KeyCode::Char('c') if ctrl => Some(quit(app)),
                KeyCode::Up | KeyCode::Char('k') => {
                    view.picked = view.picked.saturating_sub(1);
                    Some(Vec::new())
                }
                KeyCode::Down | KeyCode::Char('j') => {
                    view.picked = (view.picked + 1).min(rows.saturating_sub(1));
                    Some(Vec::new())
                }
                KeyCode::Enter if rows > 0 => Some(open_picked(app)),
                _ => Some(Vec::new()),
            }
        }
        _ => None,
    }
}

fn quit(app: &mut App) -> Vec<Effect> {
    let mut effects = close(app);
    effects.extend(super::update::act(app, super::keymap::Action::Quit));
    effects
}

/// Closes the overlay; a search still running is cancelled.
pub fn close(app: &mut App) -> Vec<Effect> {
    match app.explore.take() {
        Some(view) if view.running() => vec![Effect::Cancel(view.job)],
        _ => Vec::new(),
    }
}

/// Enter: the picked outcome's shortest schedule as a held run (its steps given, then the
/// learner's), with what stats said of it.
fn open_picked(app: &mut App) -> Vec<Effect> {
    let Some(view) = app.explore.clone() else {
        return Vec::new();
    };
    let Some(Ok(found)) = &view.found else {
        return Vec::new();
    };
    let Some(outcome) = found.outcomes.get(view.picked) else {
        return Vec::new();
    };
    let seen = view.seen(app).and_then(|s| s.get(view.picked).copied());
    let entries = match schedule::parse(&outcome.schedule) {
        Ok(entries) => entries,
        Err(e) => {
            app.status = Some(format!("the schedule cannot be replayed: {e}"));
            return Vec::new();
        }
    };
    app.explore = None;
    let mut effects = super::update::start_held(app);
    let Some(id) = effects.iter_mut().find_map(|e| match e {
        Effect::Start { id, ops_only, .. } => {
            *ops_only = true;
            Some(*id)
        }
        _ => None,
    }) else {
        return effects;
    };
    effects.extend(entries.into_iter().map(|e| {
        Effect::Steer(
            id,
            Steer::Step {
                name: e.name,
                count: e.count,
            },
        )
    }));
    let runs = app.last_tally.as_ref().map_or(0, |(_, t)| t.runs);
    // One line at 80 columns: the status line takes the bar's place.
    app.status = Some(match (seen, app.lang) {
        (Some(0), crate::lesson::Lang::En) => {
            format!("possible, but the kernel rarely does it (stats: 0 of {runs}); s lets it go")
        }
        (Some(0), crate::lesson::Lang::Zh) => {
            format!("可能发生，但内核很少这样调度（统计：{runs} 次里 0 次）；s 放开")
        }
        (Some(n), crate::lesson::Lang::En) => {
            format!("stats saw this in {n} of {runs} runs; s lets it go")
        }
        (Some(n), crate::lesson::Lang::Zh) => format!("统计的 {runs} 次里见到 {n} 次；s 放开"),
        (None, crate::lesson::Lang::En) => {
            "its schedule, stepped; s lets it go, % says how often the kernel does it".to_string()
        }
        (None, crate::lesson::Lang::Zh) => "已按它的调度走；s 放开，% 看内核多常这样做".to_string(),
    });
    effects
}

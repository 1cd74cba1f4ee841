//! `%`: stats from the playground. The program on screen, with its knob values, runs
//! [`STATS_RUNS`](super::background::STATS_RUNS) times free in the background (the screen never
//! freezes; the overlay counts the runs), and the overlay draws its outcomes as bars, most frequent
//! first, each with its count, percentage and a line that tells it from the others. Esc closes
//! it; closing while the runs go cancels them (every process is reaped).
//!
//! Lives here: the overlay's state and keys. Drawing is `view::stats`; the runs are
//! `session::stats` on a `background` thread.

use ratatui::crossterm::event::{KeyCode, KeyEventKind, KeyModifiers};

use super::app::{App, Effect, Msg};
use super::background::JobId;
use super::view::words;
use crate::session::stats::Tally;

/// The stats overlay.
#[derive(Debug, Clone)]
pub struct StatsView {
    /// The job taking the runs.
    pub job: JobId,
    /// The lesson and knob values the runs ran with (`04-lock · lock=off`).
    pub title: String,
    /// The program the runs run (its source).
    pub program: String,
    /// Runs counted so far.
    pub done: u64,
    /// The tally once every run is counted, or why it could not be taken.
    pub tally: Option<Result<Tally, String>>,
    /// The first outcome row shown (↑/↓ scroll a long list).
    pub scroll: usize,
}

impl StatsView {
    /// Whether the runs are still going.
    pub fn running(&self) -> bool {
        self.tally.is_none()
    }
}

/// `%`: starts the runs of the program on screen, or says why it cannot.
pub fn open(app: &mut App) -> Vec<Effect> {
    if app.recorded {
        app.status = Some(
            words(
                app.lang,
                "a recorded run does not run again: stats need the program (forkyard stats LESSON)",
                "录下来的运行不能再运行：统计需要程序本身（forkyard stats 课程）",
            )
            .into(),
        );
        return Vec::new();
    }
    let Ok(code) = &app.code else {
        app.status = Some(
            words(
                app.lang,
                "a SyntaxError (in the code pane): nothing runs until it is fixed (e edits)",
                "语法错误（见代码窗格）：改好之前什么都不会运行（按 e 编辑）",
            )
            .into(),
        );
        return Vec::new();
    };
    let program = &code.program;
    let (source, file, stdout) = (
        program.source.clone(),
        program.file.clone(),
        program.stdout.unwrap_or_default(),
    );
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
    app.stats = Some(StatsView {
        job,
        title,
        program: source.clone(),
        done: 0,
        tally: None,
        scroll: 0,
    });
    vec![Effect::Stats {
        job,
        source,
        file,
        stdout,
        // The runs go at the CLI's default speed: a lesson's timing is what stats measure, and the
        // screen's speed is only how fast the learner watches.
        speed: 1.0,
    }]
}

/// The overlay's messages while it is open (`None`: it is closed, the message goes on as usual).
pub fn on_msg(app: &mut App, msg: &Msg) -> Option<Vec<Effect>> {
    let view = app.stats.as_mut()?;
    match msg {
        Msg::Progress(job, n) if *job == view.job => {
            view.done = *n;
            Some(Vec::new())
        }
        Msg::Stats(job, tally) if *job == view.job => {
            view.tally = Some(tally.clone());
            if let Ok(t) = tally
                && !t.cancelled
            {
                app.last_tally = Some((view.program.clone(), t.clone()));
            }
            Some(Vec::new())
        }
        Msg::Key(key) if key.kind != KeyEventKind::Release && !app.help => {
            let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
            match key.code {
                KeyCode::Esc | KeyCode::Char('%') => Some(close(app)),
                KeyCode::Char('q') => {
                    let mut effects = close(app);
                    effects.extend(super::update::act(app, super::keymap::Action::Quit));
                    Some(effects)
                }
                KeyCode::Char('c') if ctrl => {
                    let mut effects = close(app);
                    effects.extend(super::update::act(app, super::keymap::Action::Quit));
                    Some(effects)
                }
                KeyCode::Up | KeyCode::Char('k') => {
                    view.scroll = view.scroll.saturating_sub(1);
                    Some(Vec::new())
                }
                KeyCode::Down | KeyCode::Char('j') => {
                    let rows = match &view.tally {
                        Some(Ok(t)) => t.outcomes.len(),
                        _ => 0,
                    };
                    view.scroll = (view.scroll + 1).min(rows.saturating_sub(1));
                    Some(Vec::new())
                }
                _ => Some(Vec::new()),
            }
        }
        _ => None,
    }
}

/// Closes the overlay; runs still going are cancelled.
pub fn close(app: &mut App) -> Vec<Effect> {
    match app.stats.take() {
        Some(view) if view.running() => vec![Effect::Cancel(view.job)],
        _ => Vec::new(),
    }
}

//! Predict, then check: before the first run of a lesson with the knob values one of its
//! `[[predict]]` entries names, the playground asks that question in an overlay (one key per
//! answer, Esc or the run key just runs, `P` stops asking for the session). The answer waits for
//! the run's end, is graded from the run's trace by the grader `forkyard quiz` uses
//! (`lesson::Prediction::grade`), and the overlay says right or wrong with the explanation. When
//! the right answer is "any of these can happen", explore runs in the background and the overlay
//! lists the outcomes it finds. Progress keeps each lesson's predictions made and right.
//!
//! Lives here: the overlay's state and keys. Must not live here: drawing (`view::predict`), the
//! background thread (`background`), grading (`lesson::predict`).

use std::collections::HashSet;

use ratatui::crossterm::event::{KeyCode, KeyEventKind, KeyModifiers};

use super::app::{App, Effect, Msg};
use super::background::JobId;
use super::runs::{RunId, RunView};
use crate::lesson::{Ask, Grade, Lesson, Prediction, RunFacts};
use crate::session::explore::Exploration;
use crate::session::outcome::{Finished, Outcome};
use crate::session::{StdoutMode, Update};

/// The playground's predictions this session.
#[derive(Debug, Default)]
pub struct Predict {
    /// The learner turned asking off (`P`): runs just run until `P` again.
    pub off: bool,
    /// The questions asked this session, answered or skipped: (lesson id, prediction index).
    asked: HashSet<(String, usize)>,
    /// The question on screen, before its run.
    pub asking: Option<Asking>,
    /// An answer waiting for its run's end.
    pub waiting: Option<Waiting>,
    /// The graded answer on screen, after the run.
    pub told: Option<Told>,
}

/// A question on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Asking {
    /// The lesson's id.
    pub lesson: String,
    /// Which of its predictions.
    pub index: usize,
    /// For "which lines appear": the answers ticked so far (0-based).
    pub picked: Vec<usize>,
}

/// An answer whose run is going.
#[derive(Debug, Clone, PartialEq)]
pub struct Waiting {
    /// The lesson's id.
    pub lesson: String,
    /// Which of its predictions.
    pub index: usize,
    /// The learner's answers (0-based; "any" is `choices.len()`).
    pub picked: Vec<usize>,
    /// The run that answers it.
    pub run: RunId,
    /// The program it runs (explore runs the same one).
    pub program: (String, String, StdoutMode),
}

/// A graded answer on screen.
#[derive(Debug, Clone)]
pub struct Told {
    /// The lesson's id.
    pub lesson: String,
    /// Which of its predictions.
    pub index: usize,
    /// The learner's answers.
    pub picked: Vec<usize>,
    /// The grade, or why there is none (the run was stopped before its end).
    pub grade: Result<Grade, String>,
    /// This run's outcome (explore's list marks it).
    pub outcome: Option<Outcome>,
    /// What explore found, for an "any of these" answer.
    pub explored: Explored,
}

/// Explore's part of a graded answer.
#[derive(Debug, Clone)]
pub enum Explored {
    /// The answer is not "any of these": no search.
    None,
    /// The search runs in the background; it has taken this many runs.
    Running(JobId, u64),
    /// What it found.
    Found(Exploration),
    /// Why it could not search.
    Failed(String),
}

impl Predict {
    /// Whether an overlay of predictions is on screen.
    pub fn shown(&self) -> bool {
        self.asking.is_some() || self.told.is_some()
    }
}

/// The prediction of `lesson` that a run of program `file` with `settings` answers, if any.
pub fn matching(
    lesson: &Lesson,
    file: &str,
    settings: &crate::lesson::KnobSettings,
) -> Option<usize> {
    lesson.predictions.iter().position(|p| {
        let set: Vec<String> = p.set.iter().map(|(k, v)| format!("{k}={v}")).collect();
        lesson.settings_from(&set).is_ok_and(|s| s == *settings) && program_of(lesson, p) == file
    })
}

/// The program a prediction's run runs: its own, else the first every knob it sets edits.
fn program_of<'a>(lesson: &'a Lesson, p: &'a Prediction) -> &'a str {
    if let Some(file) = &p.program {
        return file;
    }
    let knobs: Vec<&crate::lesson::Knob> =
        p.set.iter().filter_map(|(k, _)| lesson.knob(k)).collect();
    lesson
        .programs
        .iter()
        .map(|f| f.file.as_str())
        .find(|f| knobs.iter().all(|k| k.concerns(f)))
        .unwrap_or_default()
}

/// Before a run: the question to ask instead, when the run on its way answers one not asked yet.
/// `Some`: the overlay is up (the runs on screen are stopped, as a run would stop them).
pub fn before_run(app: &mut App) -> Option<Vec<Effect>> {
    if app.predict.off || app.recorded || app.own.file.is_some() || app.code.is_err() {
        return None;
    }
    let lesson = app.lesson()?;
    // An edited lesson runs the learner's program, which the lesson's predictions do not describe.
    if app.own.originals.contains_key(&lesson.id) {
        return None;
    }
    let index = matching(lesson, app.program_file()?, app.current_settings()?)?;
    let key = (lesson.id.clone(), index);
    if app.predict.asked.contains(&key) {
        return None;
    }
    app.predict.asked.insert(key.clone());
    app.predict.told = None;
    let effects = super::update::stop_all(app);
    app.predict.asking = Some(Asking {
        lesson: key.0,
        index,
        picked: Vec::new(),
    });
    Some(effects)
}

/// The prediction `lesson`/`index` names, if the lesson is the open one.
pub fn prediction<'a>(app: &'a App, lesson: &str, index: usize) -> Option<&'a Prediction> {
    app.lesson()
        .filter(|l| l.id == lesson)
        .and_then(|l| l.predictions.get(index))
}

/// Keys while an overlay of predictions is up (`None`: none is, the message goes on as usual).
/// Also `P` anywhere: asking on or off.
pub fn on_msg(app: &mut App, msg: &Msg) -> Option<Vec<Effect>> {
    // Only this overlay's search: another view's (`X`), or one since closed, goes on as usual.
    if let Msg::Explored(job, found) = msg {
        let told = app.predict.told.as_mut()?;
        if !matches!(told.explored, Explored::Running(j, _) if j == *job) {
            return None;
        }
        told.explored = match found {
            Ok(found) => Explored::Found(found.clone()),
            Err(e) => Explored::Failed(e.clone()),
        };
        return Some(Vec::new());
    }
    if let Msg::Progress(job, runs) = msg {
        let told = app.predict.told.as_mut()?;
        let Explored::Running(j, n) = &mut told.explored else {
            return None;
        };
        if *j != *job {
            return None;
        }
        *n = *runs;
        return Some(Vec::new());
    }
    let Msg::Key(key) = msg else {
        return None;
    };
    if key.kind == KeyEventKind::Release || app.help {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        // Ctrl-C quits from under any overlay: the usual path closes it on the way.
        if app.predict.shown() {
            close(app);
        }
        return None;
    }
    if let Some(asking) = app.predict.asking.clone() {
        return Some(answer_key(app, asking, key.code));
    }
    if app.predict.told.is_some() {
        let effects = close(app);
        // Esc and Enter only close; any other key closes and then does what it does.
        return match key.code {
            KeyCode::Esc | KeyCode::Enter => Some(effects),
            _ => {
                let mut rest = super::update::update(app, msg.clone());
                rest.splice(0..0, effects);
                Some(rest)
            }
        };
    }
    None
}

/// `P` on the main screen: asking on or off for the session.
pub fn toggle(app: &mut App) -> Vec<Effect> {
    app.predict.off = !app.predict.off;
    app.status = Some(
        super::view::words(
            app.lang,
            if app.predict.off {
                "predictions off for this session: runs just run (P asks again)"
            } else {
                "predictions on: a run a lesson's question is about asks it first (P stops)"
            },
            if app.predict.off {
                "本次不再提问预测：直接运行（按 P 重新开启）"
            } else {
                "预测已开启：运行之前先问课程里相应的问题（按 P 关闭）"
            },
        )
        .into(),
    );
    Vec::new()
}

/// Closes the result overlay; a search still running is cancelled.
fn close(app: &mut App) -> Vec<Effect> {
    app.predict.asking = None;
    match app.predict.told.take().map(|t| t.explored) {
        Some(Explored::Running(job, _)) => vec![Effect::Cancel(job)],
        _ => Vec::new(),
    }
}

/// A key while the question is on screen.
fn answer_key(app: &mut App, mut asking: Asking, code: KeyCode) -> Vec<Effect> {
    let Some(p) = prediction(app, &asking.lesson, asking.index).cloned() else {
        app.predict.asking = None;
        return Vec::new();
    };
    let many = p.ask == Ask::Appears;
    match code {
        KeyCode::Char(c @ '1'..='9') => {
            let n = c as usize - '1' as usize;
            if n >= p.answers() {
                return Vec::new();
            }
            if many {
                match asking.picked.iter().position(|&i| i == n) {
                    Some(at) => {
                        asking.picked.remove(at);
                    }
                    None => asking.picked.push(n),
                }
                asking.picked.sort_unstable();
                app.predict.asking = Some(asking);
                return Vec::new();
            }
            asking.picked = vec![n];
            answered(app, asking)
        }
        KeyCode::Enter if many => answered(app, asking),
        KeyCode::Char('P') => {
            app.predict.asking = None;
            let _ = toggle(app);
            super::update::run(app)
        }
        // The run key again, Esc, Enter: no prediction this time, the run goes on.
        KeyCode::Esc | KeyCode::Enter | KeyCode::Char('r') => {
            app.predict.asking = None;
            super::update::run(app)
        }
        KeyCode::Char('q') => {
            app.predict.asking = None;
            super::update::act(app, super::keymap::Action::Quit)
        }
        _ => Vec::new(),
    }
}

/// The learner answered: the run starts and the answer waits for its end.
fn answered(app: &mut App, asking: Asking) -> Vec<Effect> {
    app.predict.asking = None;
    let effects = super::update::run(app);
    let started = effects.iter().find_map(|e| match e {
        Effect::Start {
            id,
            source,
            file,
            stdout,
            ..
        } => Some((*id, (source.clone(), file.clone(), *stdout))),
        _ => None,
    });
    if let Some((run, program)) = started {
        app.predict.waiting = Some(Waiting {
            lesson: asking.lesson,
            index: asking.index,
            picked: asking.picked,
            run,
            program,
        });
    }
    effects
}

/// After a message was applied: when it ended the run an answer waits for, the grade.
pub fn after(app: &mut App, ended: Option<RunId>) -> Vec<Effect> {
    let Some(waiting) = app.predict.waiting.clone() else {
        return Vec::new();
    };
    // The run was replaced (another run, another lesson): the answer goes with it.
    if !app.runs.iter().any(|r| r.id == waiting.run) {
        app.predict.waiting = None;
        return Vec::new();
    }
    if ended != Some(waiting.run) {
        return Vec::new();
    }
    app.predict.waiting = None;
    let Some(p) = prediction(app, &waiting.lesson, waiting.index).cloned() else {
        return Vec::new();
    };
    let Some(view) = app.runs.iter().find(|r| r.id == waiting.run) else {
        return Vec::new();
    };
    let (grade, outcome) = match facts_of(view) {
        Ok((facts, outcome)) => (
            Ok(p.grade(&waiting.picked, &facts, app.lang)),
            Some(outcome),
        ),
        Err(why) => (Err(why), None),
    };
    let mut effects = Vec::new();
    if let Ok(g) = &grade {
        let tally = app
            .progress
            .predictions
            .entry(waiting.lesson.clone())
            .or_default();
        tally.made += 1;
        tally.right += u32::from(g.right);
        effects.push(Effect::SaveProgress);
    }
    let explored = if p.any && grade.is_ok() {
        let job = app.next_job_id();
        let (source, file, stdout) = waiting.program.clone();
        effects.push(Effect::Explore {
            job,
            source,
            file,
            stdout,
            // The question reads outcomes, not schedules: the coarser search finds more of them.
            ops_only: true,
        });
        Explored::Running(job, 0)
    } else {
        Explored::None
    };
    app.predict.told = Some(Told {
        lesson: waiting.lesson,
        index: waiting.index,
        picked: waiting.picked,
        grade,
        outcome,
        explored,
    });
    effects
}

/// The run that ended, when `msg` ends one.
pub fn ends(msg: &Msg) -> Option<RunId> {
    match msg {
        Msg::Run(id, Update::End(_)) => Some(*id),
        _ => None,
    }
}

/// What a finished run did, as the grader reads it (its stdout, each process's ending, its lesson
/// time) and as explore and stats compare runs; or why it cannot be graded.
pub fn facts_of(view: &RunView) -> Result<(RunFacts, Outcome), String> {
    if let Some(e) = &view.error {
        return Err(format!("the run could not start: {e}"));
    }
    let end = view.run.end.clone();
    if let Some(why) = end.as_ref().and_then(|e| e.stopped.clone()) {
        return Err(format!(
            "the run was stopped before its end ({why}): not graded"
        ));
    }
    let finished = Finished {
        records: view.trace.clone(),
        run: view.run.clone(),
        end,
    };
    let outcome = finished.outcome(&[], None);
    let end_ns = view
        .run
        .lanes()
        .filter_map(|l| l.end_ns())
        .max()
        .unwrap_or(0);
    Ok((
        RunFacts {
            stdout: outcome.stdout.clone(),
            endings: outcome.endings.clone(),
            seconds: end_ns as f64 / 1e9,
        },
        outcome,
    ))
}

//! The lesson's challenge in the playground: `C` opens it (and sets the knobs it is graded with),
//! every run that ends with those knobs is graded, a met challenge is said in the status line and
//! kept in the progress (the lesson list marks it).

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::app::{App, Effect};
use super::runs::RunId;
use crate::lesson::{Challenge, Lang, Lesson, Trace};

fn say(lang: Lang, en: &str, zh: &str) -> String {
    match lang {
        Lang::En => en.to_string(),
        Lang::Zh => zh.to_string(),
    }
}

/// The open lesson's challenge.
pub fn of(app: &App) -> Option<&Challenge> {
    app.lesson().and_then(|l| l.challenge.as_ref())
}

/// `C`: opens the challenge popup and sets the challenge's knobs (and its program), so that the
/// next run, held or free, is one it grades.
pub fn open(app: &mut App) -> Vec<Effect> {
    if app.own.file.is_some() || of(app).is_none() {
        app.status = Some(say(
            app.lang,
            "this lesson has no challenge",
            "本课没有挑战",
        ));
        return Vec::new();
    }
    set_knobs(app);
    app.challenge = true;
    Vec::new()
}

/// Sets the challenge's knobs on the open lesson; the other knobs keep their values.
fn set_knobs(app: &mut App) {
    let Some(lesson) = app.lesson().cloned() else {
        return;
    };
    let Some(c) = lesson.challenge.as_ref() else {
        return;
    };
    let mut changed = false;
    if let Some(Some(settings)) = app.settings.get_mut(app.selected) {
        for (name, value) in &c.set {
            if let Some(knob) = lesson.knob(name)
                && settings.get(name) != Some(value.as_str())
            {
                changed |= settings.set(knob, value).is_ok();
            }
        }
    }
    let file = program_of(&lesson, c);
    match file {
        Some(f) if Some(f.as_str()) != app.program_file() => app.show_program(&f),
        _ if changed => app.refresh_code(),
        _ => {}
    }
}

/// The program the challenge runs, as `forkyard challenge` picks it: its own `program`, else the
/// one its knobs change, else the lesson's first.
fn program_of(lesson: &Lesson, c: &Challenge) -> Option<String> {
    c.program
        .clone()
        .or_else(|| {
            c.set.iter().find_map(|(name, _)| {
                lesson
                    .knob(name)
                    .and_then(|k| k.files().first().map(|f| f.to_string()))
            })
        })
        .or_else(|| lesson.programs.first().map(|p| p.file.clone()))
}

/// While the popup is open: Esc, `C` or `q` closes it; any other key is not acted on.
pub fn on_key(app: &mut App, key: &KeyEvent) -> Vec<Effect> {
    if matches!(
        key.code,
        KeyCode::Esc | KeyCode::Enter | KeyCode::Char('C' | 'q')
    ) {
        app.challenge = false;
    }
    Vec::new()
}

/// Whether the program on screen and the open lesson's knobs are those the challenge is graded
/// with.
pub fn knobs_match(app: &App) -> bool {
    let (Some(lesson), Some(settings)) = (app.lesson(), app.current_settings()) else {
        return false;
    };
    let Some(c) = lesson.challenge.as_ref() else {
        return false;
    };
    program_of(lesson, c).as_deref() == app.program_file()
        && c.set
            .iter()
            .all(|(name, value)| settings.get(name) == Some(value.as_str()))
}

/// A run ended: when it is the one run on screen, of a lesson's own program with the challenge's
/// knobs, it is graded; a met challenge is said and kept (the progress is saved the first time).
pub fn graded(app: &mut App, id: RunId) -> Vec<Effect> {
    if app.own.file.is_some() || app.runs.len() != 1 || !knobs_match(app) {
        return Vec::new();
    }
    let (Some(c), Some(lesson)) = (of(app).cloned(), app.lesson().map(|l| l.id.clone())) else {
        return Vec::new();
    };
    if app.own.originals.contains_key(&lesson) {
        // The learner's own version of the program: its outcomes are not the lesson's.
        return Vec::new();
    }
    let Some(r) = app.runs.iter().find(|r| r.id == id) else {
        return Vec::new();
    };
    let trace = Trace::of(&r.trace, &r.run, r.deadlock.is_some());
    let held = r.held.is_some();
    let verdict = c.grade(&trace, app.lang);
    if verdict.met {
        app.status = Some(say(
            app.lang,
            "challenge met ★ kept in your progress (C shows it)",
            "挑战完成 ★ 已记入进度（按 C 查看）",
        ));
        if app.progress.challenges.insert(lesson) {
            return vec![Effect::SaveProgress];
        }
    } else if held && let Some((_, fact)) = verdict.goals.iter().find(|(ok, _)| !ok) {
        // A held run is an attempt: say what it showed instead.
        app.status = Some(match app.lang {
            Lang::En => format!("challenge not met: {fact}"),
            Lang::Zh => format!("挑战未完成：{fact}"),
        });
    }
    Vec::new()
}

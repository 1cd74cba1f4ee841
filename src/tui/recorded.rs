//! `forkyard view RUN.jsonl`: the playground on a run recorded with `forkyard run ... --format
//! jsonl`. Nothing is run again: the recording's records become the run on screen, the scrub's
//! cursor starts at its end, and the keys that would run, step, signal or change the lesson say
//! so instead.

use ratatui::crossterm::event::{KeyCode, KeyEventKind, MouseButton, MouseEventKind};

use super::app::{App, Effect, Focus, Msg};
use super::keymap::{Action, Context, action_for};
use super::runs::RunView;
use super::view::words;
use crate::export::Recording;

/// Puts `recording` on screen as the run, with `lesson`'s program in the code pane when named.
pub fn load(app: &mut App, recording: Recording, lesson: Option<&str>) -> Result<(), String> {
    match lesson {
        Some(id) => {
            let Some(i) = app.lessons.iter().position(|l| super::app::id_of(l) == id) else {
                let ids: Vec<String> = app.lessons.iter().map(super::app::id_of).collect();
                return Err(format!(
                    "there is no lesson '{id}' to show the recorded run's program (lessons: {})",
                    ids.join(", ")
                ));
            };
            app.open_lesson(i);
        }
        None => {
            app.code = Err(
                "a recorded run holds no program text: name the lesson it ran to see its code \
                 (`forkyard view RUN.jsonl --lesson 04-lock`)"
                    .into(),
            );
        }
    }
    let id = app.next_run_id();
    let mut view = RunView::new(id, String::new());
    for r in &recording.records {
        view.record(r);
    }
    view.pid = view.run.main_pid;
    if let Some(end) = &recording.end {
        view.end(end);
    }
    app.runs = vec![view];
    app.recorded = true;
    app.recorded_lesson = lesson.map(str::to_string);
    app.focus = Focus::Timeline;
    super::scrub::move_by(app, isize::MAX);
    app.status = Some(
        words(
            app.lang,
            "a recorded run: [/] or ←/→ move through it, E exports it, q quits",
            "录下的运行：[/] 或 ←/→ 前后移动，E 导出，q 退出",
        )
        .into(),
    );
    Ok(())
}

/// What a recorded run does not do: running, stepping, signalling, changing the lesson or a knob.
/// `Some`: the message was refused (the status line says why).
pub fn refuse(app: &mut App, msg: &Msg) -> Option<Vec<Effect>> {
    if !app.recorded || app.help || app.schedule || app.exporting {
        return None;
    }
    let refused = match msg {
        Msg::Key(key) if key.kind != KeyEventKind::Release => {
            match action_for(key, Context::Main) {
                Some(
                    Action::Run
                    | Action::Stop
                    | Action::Program
                    | Action::Compare
                    | Action::Hold
                    | Action::Step
                    | Action::Steps
                    | Action::Go
                    | Action::Terminate
                    | Action::Kill
                    | Action::Interrupt
                    | Action::Freeze
                    | Action::Pause
                    | Action::NextLesson
                    | Action::PrevLesson,
                ) => !is_scrub_arrow(app, key.code),
                Some(Action::Up | Action::Down) => app.focus == Focus::Lessons,
                Some(_) => false,
                // A knob's key.
                None => matches!(key.code, KeyCode::Char(c) if c != '{' && c != '}'),
            }
        }
        Msg::Mouse(m) => {
            matches!(m.kind, MouseEventKind::Down(MouseButton::Left))
                && super::view::layout::areas(app.size).at(m.column, m.row) == Some(Focus::Lessons)
        }
        _ => false,
    };
    if !refused {
        return None;
    }
    app.status = Some(
        words(
            app.lang,
            "a recorded run: nothing runs here; [/] or ←/→ in the timeline move through it",
            "录下的运行：这里不会再运行；用 [/] 或时间线里的 ←/→ 前后移动",
        )
        .into(),
    );
    Some(Vec::new())
}

/// ←/→ scrub in the timeline (elsewhere they change the lesson).
fn is_scrub_arrow(app: &App, code: KeyCode) -> bool {
    app.focus == Focus::Timeline && matches!(code, KeyCode::Left | KeyCode::Right)
}

//! The learner's own program in the playground: `forkyard FILE.py` opens it as a one-entry
//! catalog (no lesson words, no knobs), and `e` edits a lesson's program as a copy in the state
//! directory. Here: the lesson a file becomes, what the right pane says about it (its docstring, or
//! what to look for), an edited program put in place of a lesson's (its knobs follow their lines
//! where they still are), and `R` back to the original.
//! Must not live here: the editor or the file watcher (they touch the terminal and the disk: `editor`,
//! `watch`), or anything that draws.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::app::{App, Effect};
use super::view::words;
use crate::lesson::{Lang, Lesson, Origin, ProgramFile, Text};

/// What the playground knows of programs edited by the learner.
#[derive(Debug, Default)]
pub struct Own {
    /// The file the playground was opened on (`forkyard FILE.py`): `e` edits it, saving it reruns.
    pub file: Option<PathBuf>,
    /// Lessons whose program the learner edited: the lesson as it shipped, for `R`.
    pub originals: HashMap<String, Lesson>,
    /// Per edited lesson, the knobs whose lines are no longer in the edited program.
    pub lost: HashMap<String, Vec<String>>,
}

impl Own {
    /// The learner's file as the header and the list name it (`my_program.py`).
    pub fn file_name(&self) -> String {
        self.file
            .as_deref()
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}

/// Why a program's text came in again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Came {
    /// The learner's editor (`e`) exited: check and rerun whatever the text is.
    Editor,
    /// The file was saved by some editor while the playground shows it: rerun if the text changed.
    Saved,
}

/// What `e` opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditWhat {
    /// The learner's own file, itself.
    File(PathBuf),
    /// A copy of a lesson's program in the state directory, written with `text` first.
    Copy {
        /// The lesson's id.
        lesson: String,
        /// The program's file name.
        file: String,
        /// The program as it is on screen (the original, or the learner's last edit).
        text: String,
    },
}

/// `e`: ends the runs on screen and asks for the editor on the program shown.
pub fn edit(app: &mut App) -> Vec<Effect> {
    let what = match (&app.own.file, app.lesson()) {
        (Some(path), _) => EditWhat::File(path.clone()),
        (None, Some(lesson)) => {
            let file = app.program_file().unwrap_or_default().to_string();
            let Some(program) = lesson.program_file(&file) else {
                return Vec::new();
            };
            EditWhat::Copy {
                lesson: lesson.id.clone(),
                file,
                text: program.source.clone(),
            }
        }
        (None, None) => {
            app.status = Some(
                words(
                    app.lang,
                    "this lesson could not be loaded: there is no program to edit",
                    "这一课加载失败：没有可编辑的程序",
                )
                .into(),
            );
            return Vec::new();
        }
    };
    let mut effects = super::update::stop_all(app);
    effects.push(Effect::Edit(what));
    effects
}

/// The program's new text: shown (checked: a SyntaxError is shown with its caret and nothing
/// runs) and run. A save that changed nothing reruns nothing.
pub fn edited(app: &mut App, text: Result<String, String>, came: Came) -> Vec<Effect> {
    let text = match text {
        Ok(t) => t,
        Err(why) => {
            app.status = Some(why);
            return Vec::new();
        }
    };
    let file = app.program_file().unwrap_or_default().to_string();
    let same = app
        .lesson()
        .and_then(|l| l.program_file(&file))
        .is_some_and(|p| p.source == text);
    if came == Came::Saved && same {
        return Vec::new();
    }
    let mut effects = super::update::stop_all(app);
    if let Some(path) = app.own.file.clone() {
        app.lessons[app.selected] = Ok(lesson_of_file(&path, &text));
        app.status = None;
    } else if let Some(lesson) = app.lesson().cloned() {
        let original = app
            .own
            .originals
            .entry(lesson.id.clone())
            .or_insert(lesson)
            .clone();
        let (edited, lost) = with_program(&original, &file, &text);
        app.status = lost_sentence(app.lang, &file, &lost).or_else(|| {
            Some(match app.lang {
                Lang::En => format!("your copy of {file} runs (R: the lesson's own)"),
                Lang::Zh => format!("运行的是你改过的 {file}（R 回到本课原版）"),
            })
        });
        app.own.lost.insert(original.id.clone(), lost);
        app.lessons[app.selected] = Ok(edited);
    }
    app.refresh_code();
    if app.code.is_err() {
        app.status = Some(
            words(
                app.lang,
                "a SyntaxError: nothing ran. Fix it (e edits) and it runs",
                "语法错误：什么都没有运行。改好它（按 e 编辑）就会运行",
            )
            .into(),
        );
        return effects;
    }
    let status = app.status.take();
    effects.extend(super::update::run(app));
    app.status = app.status.take().or(status);
    effects
}

/// `R`: the edited lesson's own program again (the copy stays in the state directory).
pub fn original(app: &mut App) -> Vec<Effect> {
    let id = app.lesson().map(|l| l.id.clone()).unwrap_or_default();
    let Some(lesson) = app.own.originals.remove(&id) else {
        app.status = Some(
            words(
                app.lang,
                "nothing to go back to: R returns an edited lesson to its own program",
                "没有可以回退的：R 让改过的课程回到原版程序",
            )
            .into(),
        );
        return Vec::new();
    };
    app.own.lost.remove(&id);
    let effects = super::update::stop_all(app);
    app.lessons[app.selected] = Ok(lesson);
    app.refresh_code();
    app.status = Some(
        words(
            app.lang,
            "the lesson's own program again",
            "回到了本课的原版程序",
        )
        .into(),
    );
    effects
}

/// A knob key whose lines the learner's edit removed: the sentence that says so.
pub fn lost_knob(app: &App, key: char) -> Option<String> {
    let lesson = app.lesson()?;
    let knob = lesson.knob_by_key(key)?;
    let lost = app.own.lost.get(&lesson.id)?;
    if !lost.contains(&knob.name) {
        return None;
    }
    lost_sentence(
        app.lang,
        app.program_file()?,
        std::slice::from_ref(&knob.name),
    )
}

/// A playground on the learner's file at `path` with text `source` (`forkyard FILE.py`): the
/// code pane has the focus; progress is neither read nor written (a file is no lesson).
pub fn app_for_file(
    path: &Path,
    source: &str,
    lang: Lang,
    theme: super::theme::Theme,
    size: (u16, u16),
) -> App {
    let mut app = App::new(
        vec![Ok(lesson_of_file(path, source))],
        super::progress::Progress::default(),
        lang,
        theme,
        size,
    );
    app.own.file = Some(path.to_path_buf());
    app.focus = super::app::Focus::Code;
    app.refresh_code();
    app
}

/// Reads the learner's file for `forkyard FILE.py`: its path and text, or a sentence that says
/// what is wrong and what to do.
pub fn read(path: &Path) -> Result<(PathBuf, String), String> {
    if path.is_dir() {
        return Err(format!(
            "{} is a directory: give a Python file (forkyard my_program.py), or run forkyard alone for the lessons",
            path.display()
        ));
    }
    if !path.exists() && path.extension().is_none() && path.components().count() == 1 {
        return Err(format!(
            "`{}` is neither a command (list, run, check, export) nor a Python file: forkyard --help says what there is, forkyard FILE.py opens your own program",
            path.display()
        ));
    }
    read_text(path).map(|text| (path.to_path_buf(), text))
}

/// The text of `path`, or a sentence naming the file and the way out.
pub fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!(
            "there is no file {}: check the name, or run forkyard alone for the lessons",
            path.display()
        ),
        std::io::ErrorKind::InvalidData => format!(
            "{} is not UTF-8 text: forkyard runs Python source files",
            path.display()
        ),
        _ => format!("cannot read {}: {e}", path.display()),
    })
}

/// Carries out `e` for the loop: writes a lesson's copy first, runs the editor on the file, and
/// reads the file back: the message that shows and reruns it (or says what went wrong).
pub fn open_editor(what: &EditWhat, gate: &super::editor::InputGate) -> super::app::Msg {
    use super::app::Msg;
    let path = match what {
        EditWhat::File(path) => path.clone(),
        EditWhat::Copy { lesson, file, text } => {
            let Some(path) = copy_path(lesson, file) else {
                return Msg::Said(
                    "neither XDG_STATE_HOME nor HOME is set: no state directory for your copy"
                        .into(),
                );
            };
            let written = path
                .parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| std::fs::write(&path, text));
            if let Err(e) = written {
                return Msg::Said(format!("could not write your copy {}: {e}", path.display()));
            }
            path
        }
    };
    if let Err(why) = super::editor::edit(&path, gate) {
        return Msg::Said(why);
    }
    Msg::Edited(read_text(&path), Came::Editor)
}

/// The one-program lesson the file at `path` (with text `source`) is shown as.
pub fn lesson_of_file(path: &Path, source: &str) -> Lesson {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let same = |s: &str| Text {
        en: s.to_string(),
        zh: s.to_string(),
    };
    Lesson {
        id: name.clone(),
        number: 0,
        dir: path.parent().map(Path::to_path_buf).unwrap_or_default(),
        origin: Origin::Disk,
        title: same(&name),
        summary: Text::default(),
        what: Text::default(),
        watch: Text::default(),
        why: Text::default(),
        notices: Vec::new(),
        predictions: Vec::new(),
        challenge: None,
        notes: Vec::new(),
        programs: vec![ProgramFile {
            file: name.clone(),
            label: same(&name),
            source: source.to_string(),
        }],
        knobs: Vec::new(),
        recap: None,
        next: None,
        cards: Vec::new(),
    }
}

/// The module docstring of `source` (its first statement, when that is a string literal), without
/// its quotes and with its common indentation removed, as `help()` shows it.
pub fn docstring(source: &str) -> Option<String> {
    let start = source
        .lines()
        .map(str::trim_start)
        .find(|l| !l.is_empty() && !l.starts_with('#'))?;
    let at = source.find(start)?;
    let rest = &source[at..];
    let rest = rest.trim_start_matches(['r', 'R', 'u', 'U']);
    for quote in ["\"\"\"", "'''", "\"", "'"] {
        if let Some(body) = rest.strip_prefix(quote) {
            let end = body.find(quote)?;
            let text = &body[..end];
            if quote.len() == 1 && text.contains('\n') {
                return None;
            }
            return Some(dedent(text));
        }
    }
    None
}

/// `inspect.cleandoc`'s rule: the first line as is, the others without their common indentation.
fn dedent(text: &str) -> String {
    let mut lines = text.lines();
    let first = lines.next().unwrap_or_default().trim().to_string();
    let rest: Vec<&str> = lines.collect();
    let indent = rest
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut out = vec![first];
    out.extend(
        rest.iter()
            .map(|l| l.get(indent..).unwrap_or("").trim_end().to_string()),
    );
    out.join("\n").trim().to_string()
}

/// The right pane's paragraphs for the learner's own file: its docstring, then what to look for.
pub fn about(app: &App) -> Vec<String> {
    let lang = app.lang;
    let mut out = Vec::new();
    if let Ok(code) = &app.code
        && let Some(doc) = docstring(&code.program.source)
    {
        out.extend(
            crate::lesson::Text {
                en: doc.clone(),
                zh: doc,
            }
            .paragraphs(lang),
        );
    }
    let help: &[(&str, &str)] = &[
        (
            "Your own program, run in real forked processes. r runs it; each process gets a lane with its real pid.",
            "你自己的程序，在真正 fork 出来的进程里运行。按 r 运行；每个进程一条时间线，带真实的 pid。",
        ),
        (
            "Look for: who prints when (the output pane and the marks on the lanes), who waits on what (a blocked lane names it), and how each process ends (exit code or signal).",
            "看什么：谁在什么时候打印（输出窗格和时间线上的标记），谁在等什么（阻塞的时间线会写出来），每个进程怎样结束（退出码或信号）。",
        ),
        (
            "s holds the run so you choose who goes next (. steps, g lets one go). e opens the file in your editor; saving it from any editor runs it again.",
            "s 接管运行，由你决定谁先走（. 单步，g 放行）。e 用你的编辑器打开这个文件；在任何编辑器里保存都会重新运行。",
        ),
    ];
    out.extend(help.iter().map(|(en, zh)| words(lang, en, zh).to_string()));
    out
}

/// Where `e` keeps the learner's copy of a lesson's program: `$XDG_STATE_HOME/forkyard/edits/
/// LESSON/FILE` (the lesson itself is never changed).
pub fn copy_path(lesson: &str, file: &str) -> Option<PathBuf> {
    let state = super::progress::path()?;
    Some(state.parent()?.join("edits").join(lesson).join(file))
}

/// `lesson` with its program `file` replaced by `source`. Each knob edit of that file follows its
/// `find` text to the line it is on now (the nearest to where it was); the knobs none of whose
/// lines are left come back in the second value (they change nothing in this program).
pub fn with_program(lesson: &Lesson, file: &str, source: &str) -> (Lesson, Vec<String>) {
    let mut edited = lesson.clone();
    if let Some(p) = edited.programs.iter_mut().find(|p| p.file == file) {
        p.source = source.to_string();
    }
    let lines: Vec<&str> = source.lines().collect();
    let mut lost = Vec::new();
    for knob in &mut edited.knobs {
        let mine = knob.edits.iter().filter(|e| e.file == file).count();
        if mine == 0 {
            continue;
        }
        knob.edits.retain_mut(|e| {
            if e.file != file {
                return true;
            }
            let at = lines
                .iter()
                .enumerate()
                .filter(|(_, l)| l.contains(e.find.as_str()))
                .min_by_key(|(i, _)| (*i + 1).abs_diff(e.line))
                .map(|(i, _)| i + 1);
            match at {
                Some(line) => {
                    e.line = line;
                    true
                }
                None => false,
            }
        });
        if !knob.edits.iter().any(|e| e.file == file) {
            lost.push(knob.name.clone());
        }
    }
    (edited, lost)
}

/// The status sentence for knobs whose lines an edit removed (None when every knob still works).
pub fn lost_sentence(lang: Lang, file: &str, lost: &[String]) -> Option<String> {
    if lost.is_empty() {
        return None;
    }
    let names = lost.join(", ");
    Some(match lang {
        Lang::En => format!(
            "the lines of knob {names} are not in your {file} any more: {} nothing here (R: the original)",
            if lost.len() == 1 {
                "it changes"
            } else {
                "they change"
            }
        ),
        Lang::Zh => format!(
            "你的 {file} 里已经没有开关 {names} 要改的那一行：它在这里不起作用（R 回到原版）"
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docstring_of_a_module() {
        let src = "#!/usr/bin/env python3\n# a comment\n\"\"\"Two workers.\n\n    Each prints its name.\n    \"\"\"\nimport os\n";
        assert_eq!(
            docstring(src).as_deref(),
            Some("Two workers.\n\nEach prints its name.")
        );
        assert_eq!(
            docstring("'one line'\nx = 1\n").as_deref(),
            Some("one line")
        );
        assert_eq!(docstring("import os\n\"\"\"not a docstring\"\"\"\n"), None);
        assert_eq!(docstring(""), None);
    }

    #[test]
    fn what_is_not_a_file_is_a_sentence_with_the_way_out() {
        let typo = read(Path::new("lst")).unwrap_err();
        assert!(
            typo.contains("neither a command") && typo.contains("--help"),
            "{typo}"
        );
        let missing = read(Path::new("no/such/mine.py")).unwrap_err();
        assert!(
            missing.contains("there is no file no/such/mine.py"),
            "{missing}"
        );
        let dir = read(Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap_err();
        assert!(dir.contains("is a directory"), "{dir}");
    }

    #[test]
    fn a_file_is_a_lesson_of_one_program_without_knobs() {
        let l = lesson_of_file(Path::new("/tmp/x/my_program.py"), "print(1)\n");
        assert_eq!(l.id, "my_program.py");
        assert_eq!(l.programs.len(), 1);
        assert_eq!(l.programs[0].source, "print(1)\n");
        assert!(l.knobs.is_empty() && l.comparison().is_none());
    }

    fn daemon() -> Lesson {
        let lessons =
            crate::lesson::catalog_in(&Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons"));
        lessons
            .into_iter()
            .flatten()
            .find(|l| l.id == "02-daemon")
            .unwrap()
    }

    #[test]
    fn knobs_follow_their_lines_and_say_when_they_are_gone() {
        let lesson = daemon();
        let knob = lesson.knob("daemon").unwrap();
        let edit = knob.edits[0].clone();
        let file = edit.file.clone();
        let original = lesson.program_file(&file).unwrap().source.clone();
        // Two lines added at the top: the knob's line moves down by two.
        let moved = format!("# mine\n# mine\n{original}");
        let (edited, lost) = with_program(&lesson, &file, &moved);
        assert!(lost.is_empty(), "{lost:?}");
        let line = edited.knob("daemon").unwrap().edits[0].line;
        assert_eq!(line, edit.line + 2);
        let mut settings = edited.default_settings();
        settings.set(edited.knob("daemon").unwrap(), "on").unwrap();
        let program = edited.program_named(&file, &settings).unwrap();
        let on = edit.text_for("on");
        assert!(
            program
                .source
                .lines()
                .nth(line - 1)
                .unwrap()
                .contains(on.as_ref())
        );
        // The knob's line removed: the knob is lost, the others stay.
        let gone: String = original
            .split_inclusive('\n')
            .filter(|l| !l.contains(edit.find.as_str()))
            .collect();
        let (edited, lost) = with_program(&lesson, &file, &gone);
        assert_eq!(lost, ["daemon"]);
        assert!(
            edited
                .knob("daemon")
                .unwrap()
                .edits
                .iter()
                .all(|e| e.file != file)
        );
        let said = lost_sentence(Lang::En, &file, &lost).unwrap();
        assert!(said.contains("daemon") && said.contains("R"), "{said}");
    }
}

//! Loading one lesson: lesson.toml + its programs -> a validated [`Lesson`], or every problem found,
//! each at its `file:line:col` with a fix. Python parsing is not done here (see `check`).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::diagnostic::{Diagnostic, LessonError};
use super::model::{
    Card, Edit, Knob, KnobKind, Lesson, NOTICE_EVENTS, NoteClaim, Notice, Origin, ProgramFile,
    RESERVED_KEYS, Replacement, Text, is_wide,
};
use super::predict::{Ask, KINDS, Prediction};
use super::raw::{
    RawCard, RawEdit, RawKnob, RawLesson, RawNote, RawNotice, RawPredict, RawRun, RawText, S,
};
use crate::trace::StdoutMode;

mod challenge;

/// Reads a file of the lesson directory by name (`lesson.toml`, `main.py`).
pub(crate) type ReadFile<'a> = &'a dyn Fn(&str) -> io::Result<String>;

/// Load the lesson whose directory is shown as `dir` (its last component is the id).
pub(crate) fn load_with(dir: &Path, origin: Origin, read: ReadFile) -> Result<Lesson, LessonError> {
    let id = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    load_named(dir, &id, origin, read)
}

/// Load the lesson `id` whose directory is shown as `dir`: the shown path may not end in the id
/// (it is `.` when the lesson directory is the working directory).
pub(crate) fn load_named(
    dir: &Path,
    id: &str,
    origin: Origin,
    read: ReadFile,
) -> Result<Lesson, LessonError> {
    let id = id.to_string();
    let fail = |d: Diagnostic| LessonError {
        id: if id.is_empty() {
            dir.display().to_string()
        } else {
            id.clone()
        },
        diagnostics: vec![d],
    };
    let Some(number) = parse_id(&id) else {
        return Err(fail(Diagnostic::file(
            dir,
            format!(
                "the lesson directory `{id}` is not named NN-name (two digits, a dash, a lowercase \
                 name, like `04-lock`); rename it"
            ),
        )));
    };
    let toml_path = dir.join("lesson.toml");
    let source = match read("lesson.toml") {
        Ok(s) => s,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(fail(Diagnostic::file(
                &toml_path,
                "there is no lesson.toml: every lesson directory needs one (see docs/lesson-format.md)",
            )));
        }
        Err(e) => {
            return Err(fail(Diagnostic::file(
                &toml_path,
                format!("cannot be read: {e}"),
            )));
        }
    };
    let raw: RawLesson = match toml::from_str(&source) {
        Ok(raw) => raw,
        Err(e) => {
            let message = format!(
                "{} (see docs/lesson-format.md)",
                plain_words(&e.message().trim().replace('\n', ": "))
            );
            let d = match e.span() {
                Some(span) => Diagnostic::at(&toml_path, &source, span.start, message),
                None => Diagnostic::file(&toml_path, message),
            };
            return Err(fail(d));
        }
    };
    let mut cx = Cx {
        dir,
        toml_path: toml_path.clone(),
        source: &source,
        diags: Vec::new(),
    };
    let lesson = cx.lesson(id.clone(), number, origin, raw, read);
    if cx.diags.is_empty() {
        Ok(lesson)
    } else {
        cx.diags.sort_by_key(|d| (d.path.clone(), d.pos));
        Err(LessonError {
            id,
            diagnostics: cx.diags,
        })
    }
}

/// `04-lock` -> 4; None unless the name is two digits, a dash and a lowercase-dashed name.
pub(crate) fn parse_id(id: &str) -> Option<u32> {
    let (num, name) = id.split_once('-')?;
    let ok_num = num.len() == 2 && num.bytes().all(|b| b.is_ascii_digit());
    let ok_name = !name.is_empty()
        && name.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
    if ok_num && ok_name {
        num.parse().ok()
    } else {
        None
    }
}

struct Cx<'a> {
    dir: &'a Path,
    toml_path: PathBuf,
    source: &'a str,
    diags: Vec<Diagnostic>,
}

impl Cx<'_> {
    fn err(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.diags.push(Diagnostic::at(
            &self.toml_path,
            self.source,
            span.start,
            message,
        ));
    }

    fn lesson(
        &mut self,
        id: String,
        number: u32,
        origin: Origin,
        raw: RawLesson,
        read: ReadFile,
    ) -> Lesson {
        let title = self.required_text(raw.title, "title", false);
        let summary = self.required_text(raw.summary, "summary", false);
        let what = self.required_text(raw.what, "what", true);
        let watch = self.required_text(raw.watch, "watch", true);
        let why = self.required_text(raw.why, "why", true);
        let programs = self.programs(raw.program, read);
        let mut knobs: Vec<Knob> = Vec::new();
        let mut edited_lines: HashMap<(String, usize), String> = HashMap::new();
        for rk in raw.knob {
            let knob = self.knob(rk, &programs, &knobs, &mut edited_lines);
            knobs.push(knob);
        }
        let notices = raw
            .notice
            .into_iter()
            .map(|n| self.notice(n, &programs, &knobs))
            .collect();
        let notes = raw
            .note
            .into_iter()
            .map(|n| self.note(n, &programs, &knobs))
            .collect();
        let recap = raw.recap.map(|t| self.one_line_text(t, "recap"));
        let next = raw.next.map(|t| self.one_line_text(t, "next"));
        let cards = raw.card.into_iter().map(|c| self.card(c)).collect();
        let predictions = raw
            .predict
            .into_iter()
            .map(|p| self.predict(p, &programs, &knobs))
            .collect();
        let challenge = self.challenges(raw.challenge, &programs, &knobs);
        Lesson {
            id,
            number,
            dir: self.dir.to_path_buf(),
            origin,
            title,
            summary,
            what,
            watch,
            why,
            notices,
            notes,
            programs,
            knobs,
            recap,
            next,
            cards,
            predictions,
            challenge,
        }
    }

    /// `recap` and `next`: a `{ en, zh }` text of one line each, the Chinese in Chinese.
    fn one_line_text(&mut self, raw: S<RawText>, name: &str) -> Text {
        let span = raw.span();
        let text = self.text(raw, &format!("`{name}`"), true);
        if text.en.trim().contains('\n') || text.zh.trim().contains('\n') {
            self.err(
                span,
                format!(
                    "`{name}` is one line: write it as {name} = {{ en = \"...\", zh = \"...\" }}"
                ),
            );
        }
        text
    }

    /// A `[[card]]`: a title and the words, both languages, the Chinese in Chinese.
    fn card(&mut self, raw: S<RawCard>) -> Card {
        let span = raw.span();
        let rc = raw.into_inner();
        let title = match rc.title {
            Some(t) => self.text(t, "this [[card]]'s `title`", true),
            None => {
                self.err(
                    span.clone(),
                    "this [[card]] has no `title`: add title = { en = \"...\", zh = \"...\" }",
                );
                Text::default()
            }
        };
        let en = self.lang_text(rc.en, &span, "this [[card]]", "en", "English", false);
        let zh = self.lang_text(rc.zh, &span, "this [[card]]", "zh", "Chinese", true);
        Card {
            title,
            text: Text { en, zh },
        }
    }

    fn required_text(&mut self, raw: Option<S<RawText>>, name: &str, long: bool) -> Text {
        match raw {
            Some(t) => self.text(t, &format!("`{name}`"), long),
            None => {
                let hint = if long {
                    format!(
                        "add a [{name}] table with en = \"\"\"...\"\"\" and zh = \"\"\"...\"\"\""
                    )
                } else {
                    format!("add {name} = {{ en = \"...\", zh = \"...\" }}")
                };
                self.err(0..0, format!("lesson.toml has no `{name}`: {hint}"));
                Text::default()
            }
        }
    }

    /// Check a `{ en, zh }` text: both present and non-empty; with `long`, zh must hold Chinese.
    fn text(&mut self, raw: S<RawText>, name: &str, long: bool) -> Text {
        let span = raw.span();
        let raw = raw.into_inner();
        let en = self.lang_text(raw.en, &span, name, "en", "English", false);
        let zh = self.lang_text(raw.zh, &span, name, "zh", "Chinese", long);
        Text { en, zh }
    }

    fn lang_text(
        &mut self,
        value: Option<S<String>>,
        table: &Range<usize>,
        name: &str,
        field: &str,
        language: &str,
        need_cjk: bool,
    ) -> String {
        match value {
            None => {
                self.err(
                    table.clone(),
                    format!("{name} has no {language} text: add {field} = \"...\""),
                );
                String::new()
            }
            Some(v) => {
                let span = v.span();
                let v = v.into_inner();
                if v.trim().is_empty() {
                    self.err(
                        span,
                        format!("{name}: {field} is empty: write the {language} text"),
                    );
                } else if need_cjk && !v.chars().any(is_wide) {
                    self.err(
                        span,
                        format!("{name}: {field} has no Chinese in it: write it in Chinese"),
                    );
                }
                v
            }
        }
    }

    fn programs(
        &mut self,
        raw: Vec<S<super::raw::RawProgram>>,
        read: ReadFile,
    ) -> Vec<ProgramFile> {
        if raw.is_empty() {
            self.err(
                0..0,
                "lesson.toml lists no program: add [[program]] with file = \"main.py\"",
            );
        }
        let mut out: Vec<ProgramFile> = Vec::new();
        for rp in raw {
            let span = rp.span();
            let rp = rp.into_inner();
            let Some(file) = rp.file else {
                self.err(span, "this [[program]] has no file: add file = \"main.py\"");
                continue;
            };
            let fspan = file.span();
            let file = file.into_inner();
            if file.contains('/') || file.contains('\\') || !file.ends_with(".py") || file.len() < 4
            {
                self.err(
                    fspan,
                    format!(
                        "program `{file}` must be a .py file in the lesson's own directory \
                         (a plain name like `main.py`)"
                    ),
                );
                continue;
            }
            if out.iter().any(|p| p.file == file) {
                self.err(
                    fspan,
                    format!("program `{file}` is listed twice: remove one"),
                );
                continue;
            }
            let label = match rp.label {
                Some(l) => self.text(l, &format!("the label of `{file}`"), false),
                None => Text {
                    en: file.clone(),
                    zh: file.clone(),
                },
            };
            let source = match read(&file) {
                Ok(s) => s,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    let path = self.dir.join(&file);
                    self.err(
                        fspan,
                        format!(
                            "program file `{file}` is missing: there is no {}; create it or fix the name",
                            path.display()
                        ),
                    );
                    continue;
                }
                Err(e) => {
                    self.err(fspan, format!("program file `{file}` cannot be read: {e}"));
                    continue;
                }
            };
            out.push(ProgramFile {
                file,
                label,
                source,
            });
        }
        out
    }

    fn knob(
        &mut self,
        raw: S<RawKnob>,
        programs: &[ProgramFile],
        earlier: &[Knob],
        edited_lines: &mut HashMap<(String, usize), String>,
    ) -> Knob {
        let span = raw.span();
        let rk = raw.into_inner();
        let name = match rk.name {
            None => {
                self.err(
                    span.clone(),
                    "this [[knob]] has no name: add name = \"daemon\"",
                );
                String::new()
            }
            Some(n) => {
                let nspan = n.span();
                let n = n.into_inner();
                let mut chars = n.chars();
                let ok = chars.next().is_some_and(|c| c.is_ascii_lowercase())
                    && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
                if !ok {
                    self.err(
                        nspan,
                        format!(
                            "knob name `{n}` must be lowercase letters, digits and `_`, starting \
                             with a letter (it is typed in `--set {n}=...`)"
                        ),
                    );
                } else if earlier.iter().any(|b| b.name == n) {
                    self.err(
                        nspan,
                        format!("there are two knobs named `{n}`: rename one"),
                    );
                }
                n
            }
        };
        let key = self.key(rk.key, &span, &name, earlier);
        let label = match rk.label {
            Some(l) => self.text(l, &format!("the label of knob `{name}`"), false),
            None => {
                self.err(
                    span.clone(),
                    format!(
                        "knob `{name}` has no label: add label = {{ en = \"...\", zh = \"...\" }}"
                    ),
                );
                Text::default()
            }
        };
        let (kind, options) = match rk.options {
            None => (KnobKind::Toggle, vec!["off".to_string(), "on".to_string()]),
            Some(opts) => (KnobKind::Choice, self.options(opts, &name)),
        };
        let hint = if kind == KnobKind::Toggle {
            "on|off".to_string()
        } else {
            options.join("|")
        };
        let default = match rk.default {
            None => options.first().cloned().unwrap_or_default(),
            Some(d) => {
                let dspan = d.span();
                match self.value(d.into_inner(), dspan.clone()) {
                    Some(v) if options.contains(&v) => v,
                    Some(v) => {
                        self.err(
                            dspan,
                            format!(
                                "knob `{name}`: default `{v}` is not one of its options ({hint}); \
                                 pick one of them"
                            ),
                        );
                        options.first().cloned().unwrap_or_default()
                    }
                    None => options.first().cloned().unwrap_or_default(),
                }
            }
        };
        let compare = match rk.compare {
            Some(c) => {
                let cspan = c.span();
                let c = c.into_inner();
                if c && let Some(other) = earlier.iter().find(|b| b.compare) {
                    self.err(
                        cspan,
                        format!(
                            "only one knob can be the lesson's comparison, and `{}` already is; \
                                 remove one `compare = true`",
                            other.name
                        ),
                    );
                }
                c
            }
            None => false,
        };
        let mut endless = Vec::new();
        if let Some(list) = rk.endless {
            for v in list.into_inner() {
                let vspan = v.span();
                let Some(v) = self.value(v.into_inner(), vspan.clone()) else {
                    continue;
                };
                if !options.contains(&v) {
                    self.err(
                        vspan,
                        format!(
                            "knob `{name}`: endless names `{v}`, which is not an option ({hint})"
                        ),
                    );
                } else if v == default {
                    self.err(
                        vspan,
                        format!(
                            "knob `{name}`: the default `{v}` cannot be endless: every program with \
                             its knobs at their defaults must end by itself (under CPython too)"
                        ),
                    );
                } else {
                    endless.push(v);
                }
            }
        }
        let mut knob = Knob {
            name,
            key,
            label,
            kind,
            options,
            default,
            compare,
            endless,
            edits: Vec::new(),
            stdout: BTreeMap::new(),
        };
        let runs = rk.run.is_some();
        if let Some(run) = rk.run {
            knob.stdout = self.run(run, &knob, earlier);
        }
        if rk.edit.is_empty() && !runs {
            self.err(
                span,
                format!(
                    "knob `{}` changes no line: add [[knob.edit]] with find = \"...\" and when = {{ ... }} \
                     or template = \"...{{value}}...\" (or, to change only how it runs, \
                     run = {{ option = {{ stdout = \"pipe\" }} }})",
                    knob.name
                ),
            );
        }
        for re in rk.edit {
            if let Some(edit) = self.edit(re, &knob, programs, edited_lines) {
                knob.edits.push(edit);
            }
        }
        knob
    }

    /// `run = { pipe = { stdout = "pipe" } }`: per option, how the run buffers stdout. An option
    /// of the knob, not its default (at its default a knob leaves the run as it is, as the program
    /// on disk is the default), a mode forkyard knows, and one such knob per lesson (two could
    /// disagree).
    fn run(
        &mut self,
        run: S<BTreeMap<S<String>, S<RawRun>>>,
        knob: &Knob,
        earlier: &[Knob],
    ) -> BTreeMap<String, StdoutMode> {
        let kname = &knob.name;
        let rspan = run.span();
        let mut out = BTreeMap::new();
        for (option, change) in run.into_inner() {
            let ospan = option.span();
            let option = option.into_inner();
            let cspan = change.span();
            if !knob.options.contains(&option) {
                self.err(
                    ospan,
                    format!(
                        "knob `{kname}` has no option `{option}` (options: {})",
                        knob.options_hint()
                    ),
                );
                continue;
            }
            if option == knob.default {
                self.err(
                    ospan,
                    format!(
                        "knob `{kname}`: at its default `{option}` a knob leaves the run as it is \
                         (the program on disk runs as a terminal shows it); drop this entry"
                    ),
                );
                continue;
            }
            let Some(mode) = change.into_inner().stdout else {
                self.err(
                    cspan,
                    format!(
                        "knob `{kname}`: run.{option} changes nothing: add stdout = \"pipe\" \
                         (tty, pipe or unbuffered)"
                    ),
                );
                continue;
            };
            let mspan = mode.span();
            match mode.into_inner().parse::<StdoutMode>() {
                Ok(m) => {
                    out.insert(option, m);
                }
                Err(e) => self.err(mspan, format!("knob `{kname}`: {e}")),
            }
        }
        if !out.is_empty()
            && let Some(other) = earlier.iter().find(|k| !k.stdout.is_empty())
        {
            self.err(
                rspan,
                format!(
                    "knob `{kname}`: knob `{}` already sets the run's stdout, and two could \
                     disagree; let one knob set it",
                    other.name
                ),
            );
        }
        out
    }

    fn key(
        &mut self,
        raw: Option<S<String>>,
        knob_span: &Range<usize>,
        name: &str,
        earlier: &[Knob],
    ) -> char {
        let Some(k) = raw else {
            self.err(
                knob_span.clone(),
                format!("knob `{name}` has no key: add key = \"x\" (one character)"),
            );
            return '\0';
        };
        let kspan = k.span();
        let k = k.into_inner();
        let mut chars = k.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            self.err(
                kspan,
                format!("knob `{name}`: key `{k}` must be a single character, like key = \"d\""),
            );
            return '\0';
        };
        if RESERVED_KEYS.contains(&c) {
            let reserved: Vec<String> = RESERVED_KEYS
                .iter()
                .map(|r| {
                    if *r == ' ' {
                        "space".into()
                    } else {
                        r.to_string()
                    }
                })
                .collect();
            self.err(
                kspan,
                format!(
                    "knob `{name}`: key `{c}` is the playground's own (taken: {}); pick another",
                    reserved.join(" ")
                ),
            );
        } else if c.is_control() || c.is_whitespace() {
            self.err(
                kspan,
                format!("knob `{name}`: key must be a visible character"),
            );
        } else if let Some(other) = earlier.iter().find(|b| b.key == c) {
            self.err(
                kspan,
                format!(
                    "knob `{name}`: key `{c}` is already knob `{}`'s; pick another",
                    other.name
                ),
            );
        }
        c
    }

    fn options(&mut self, raw: S<Vec<S<toml::Value>>>, name: &str) -> Vec<String> {
        let span = raw.span();
        let mut out: Vec<String> = Vec::new();
        for v in raw.into_inner() {
            let vspan = v.span();
            if let Some(s) = self.value(v.into_inner(), vspan.clone()) {
                if out.contains(&s) {
                    self.err(
                        vspan,
                        format!("knob `{name}`: option `{s}` is listed twice"),
                    );
                } else {
                    out.push(s);
                }
            }
        }
        if out.len() < 2 {
            self.err(
                span,
                format!(
                    "knob `{name}` needs at least two options (leave `options` out for an on/off toggle)"
                ),
            );
        }
        out
    }

    /// An option value: a word or a number, written as `--set knob=value` takes it.
    fn value(&mut self, v: toml::Value, span: Range<usize>) -> Option<String> {
        let s = match v {
            toml::Value::String(s) => s,
            toml::Value::Integer(i) => i.to_string(),
            toml::Value::Float(f) => f.to_string(),
            other => {
                self.err(
                    span,
                    format!(
                        "an option is a word or a number, not a {}; for Python's True write \"True\"",
                        other.type_str()
                    ),
                );
                return None;
            }
        };
        if s.is_empty() || s.chars().any(|c| c.is_whitespace() || c == '=' || c == ',') {
            self.err(
                span,
                format!("option `{s}` must be one word without spaces, `=` or `,`"),
            );
            return None;
        }
        Some(s)
    }

    fn edit(
        &mut self,
        raw: S<RawEdit>,
        knob: &Knob,
        programs: &[ProgramFile],
        edited_lines: &mut HashMap<(String, usize), String>,
    ) -> Option<Edit> {
        let span = raw.span();
        let re = raw.into_inner();
        let kname = &knob.name;
        let program = match re.file {
            Some(f) => {
                let fspan = f.span();
                let f = f.into_inner();
                match programs.iter().find(|p| p.file == f) {
                    Some(p) => p,
                    None => {
                        self.err(
                            fspan,
                            format!(
                                "knob `{kname}`: edit names `{f}`, which is not a program of this \
                                 lesson (programs: {})",
                                program_list(programs)
                            ),
                        );
                        return None;
                    }
                }
            }
            None if programs.len() == 1 => &programs[0],
            None if programs.is_empty() => return None,
            None => {
                self.err(
                    span,
                    format!(
                        "knob `{kname}`: this edit needs file = \"...\": the lesson has {} programs ({})",
                        programs.len(),
                        program_list(programs)
                    ),
                );
                return None;
            }
        };
        let Some(find) = re.find else {
            self.err(
                span,
                format!("knob `{kname}`: this edit has no find = \"...\" (the text of the line to change)"),
            );
            return None;
        };
        let fspan = find.span();
        let find = find.into_inner();
        if find.is_empty() || find.contains('\n') {
            self.err(
                fspan,
                format!("knob `{kname}`: find must be a non-empty part of one line"),
            );
            return None;
        }
        let line = self.locate(
            &find,
            fspan.clone(),
            program,
            &format!("knob `{kname}`: find"),
        )?;
        let replace = match (re.when, re.template) {
            (Some(_), Some(t)) => {
                self.err(
                    t.span(),
                    format!("knob `{kname}`: an edit has either `when` or `template`, not both"),
                );
                return None;
            }
            (None, None) => {
                self.err(
                    span,
                    format!(
                        "knob `{kname}`: this edit says nothing to put in place of `{find}`: add \
                         when = {{ option = \"new text\" }} or template = \"...{{value}}...\""
                    ),
                );
                return None;
            }
            (Some(when), None) => self.when(when, knob, &find)?,
            (None, Some(t)) => self.template(t, knob, &find)?,
        };
        let slot = (program.file.clone(), line);
        if let Some(other) = edited_lines.get(&slot) {
            self.err(
                fspan,
                format!(
                    "knob `{kname}`: line {line} of {} is already changed by knob `{other}`; \
                     two edits may not change one line",
                    program.file
                ),
            );
            return None;
        }
        edited_lines.insert(slot, kname.clone());
        Some(Edit {
            file: program.file.clone(),
            line,
            find,
            replace,
        })
    }

    fn when(
        &mut self,
        when: S<BTreeMap<S<String>, S<String>>>,
        knob: &Knob,
        find: &str,
    ) -> Option<Replacement> {
        let kname = &knob.name;
        let mut map = BTreeMap::new();
        let mut ok = true;
        for (k, v) in when.into_inner() {
            let kspan = k.span();
            let vspan = v.span();
            let (k, v) = (k.into_inner(), v.into_inner());
            if !knob.options.contains(&k) {
                self.err(
                    kspan,
                    format!(
                        "knob `{kname}` has no option `{k}` (options: {})",
                        knob.options_hint()
                    ),
                );
                ok = false;
            } else if v.contains('\n') {
                self.err(
                    vspan,
                    format!("knob `{kname}`: a replacement must stay on one line (no line breaks)"),
                );
                ok = false;
            } else if k == knob.default && v != find {
                self.err(
                    vspan,
                    format!(
                        "knob `{kname}`: at its default `{k}` this edit must give back the file's own \
                         text `{find}` (the program on disk is the default); drop this entry"
                    ),
                );
                ok = false;
            }
            map.insert(k, v);
        }
        ok.then_some(Replacement::When(map))
    }

    fn template(&mut self, t: S<String>, knob: &Knob, find: &str) -> Option<Replacement> {
        let kname = &knob.name;
        let tspan = t.span();
        let t = t.into_inner();
        if !t.contains("{value}") {
            self.err(
                tspan,
                format!("knob `{kname}`: a template needs `{{value}}` where the option goes"),
            );
            return None;
        }
        if t.contains('\n') {
            self.err(
                tspan,
                format!("knob `{kname}`: a template must stay on one line (no line breaks)"),
            );
            return None;
        }
        let at_default = t.replace("{value}", &knob.default);
        if at_default != find {
            self.err(
                tspan,
                format!(
                    "knob `{kname}`: template `{t}` with the default `{}` gives `{at_default}`, but \
                     the file has `{find}`; the program on disk must be the default",
                    knob.default
                ),
            );
            return None;
        }
        Some(Replacement::Template(t))
    }

    /// The 1-based line of `program` holding `find`, which must occur exactly once in the file.
    fn locate(
        &mut self,
        find: &str,
        span: Range<usize>,
        program: &ProgramFile,
        what: &str,
    ) -> Option<usize> {
        let lines: Vec<usize> = program
            .source
            .lines()
            .enumerate()
            .flat_map(|(i, l)| std::iter::repeat_n(i + 1, l.matches(find).count()))
            .collect();
        let file = &program.file;
        match lines.as_slice() {
            [line] => Some(*line),
            [] => {
                self.err(
                    span,
                    format!(
                        "{what} `{find}` names no line of {file}; copy the text exactly from the \
                         line you mean"
                    ),
                );
                None
            }
            [a, rest @ ..] if rest.iter().all(|l| l == a) => {
                self.err(
                    span,
                    format!(
                        "{what} `{find}` is on line {a} of {file} {} times; make it longer so it \
                         names one place",
                        lines.len()
                    ),
                );
                None
            }
            _ => {
                let mut distinct = lines.clone();
                distinct.dedup();
                let list: Vec<String> = distinct.iter().map(|l| l.to_string()).collect();
                self.err(
                    span,
                    format!(
                        "{what} `{find}` is on {} lines of {file} ({}); make it longer so it names one line",
                        distinct.len(),
                        list.join(", ")
                    ),
                );
                None
            }
        }
    }

    fn notice(&mut self, raw: S<RawNotice>, programs: &[ProgramFile], knobs: &[Knob]) -> Notice {
        let span = raw.span();
        let rn = raw.into_inner();
        let en = self.lang_text(rn.en, &span, "this [[notice]]", "en", "English", false);
        let zh = self.lang_text(rn.zh, &span, "this [[notice]]", "zh", "Chinese", true);
        let lane = rn.lane.map(|l| {
            let lspan = l.span();
            let l = l.into_inner();
            if !is_lane_name(&l) {
                self.err(
                    lspan,
                    format!(
                        "lane `{l}` is not a process name: write it as Python names it \
                         (`MainProcess`, `Process-1`, `Process-2:1`, `ForkPoolWorker-3`)"
                    ),
                );
            }
            l
        });
        let event = rn.event.map(|e| {
            let espan = e.span();
            let e = e.into_inner();
            if !NOTICE_EVENTS.contains(&e.as_str()) {
                self.err(
                    espan,
                    format!("event `{e}` is not one of {}", NOTICE_EVENTS.join(", ")),
                );
            }
            e
        });
        let program = self.program_ref(rn.program, programs);
        let line = rn.code.and_then(|c| {
            let cspan = c.span();
            let target = match &program {
                Some(p) => programs.iter().find(|f| &f.file == p),
                None => programs.first(),
            }?;
            self.locate(&c.into_inner(), cspan, target, "notice: code")
        });
        let when = self.settings_list(rn.when, knobs, "when");
        Notice {
            text: Text { en, zh },
            lane,
            event,
            program,
            line,
            when,
        }
    }

    fn note(&mut self, raw: S<RawNote>, programs: &[ProgramFile], knobs: &[Knob]) -> NoteClaim {
        let span = raw.span();
        let rn = raw.into_inner();
        let part = |cx: &mut Self, t: Option<S<RawText>>, name: &str| match t {
            Some(t) => cx.text(t, &format!("`{name}`"), true),
            None => {
                cx.err(
                    span.clone(),
                    format!("this [[note]] has no `{name}`: add {name} = {{ en = \"...\", zh = \"...\" }}"),
                );
                Text::default()
            }
        };
        let says = part(self, rn.says, "says");
        let really = part(self, rn.really, "really");
        let program = self.program_ref(rn.program, programs);
        let set = self.settings_list(rn.set, knobs, "set");
        NoteClaim {
            says,
            really,
            program,
            set,
        }
    }

    /// A `[[predict]]`: the question and explanation in both languages, a known `kind` with the
    /// field it needs (and none it does not), at least two distinct choices, the run's knobs.
    fn predict(
        &mut self,
        raw: S<RawPredict>,
        programs: &[ProgramFile],
        knobs: &[Knob],
    ) -> Prediction {
        let span = raw.span();
        let rp = raw.into_inner();
        let text = |cx: &mut Self, t: Option<S<RawText>>, name: &str| match t {
            Some(t) => cx.text(t, &format!("this [[predict]]'s `{name}`"), true),
            None => {
                cx.err(
                    span.clone(),
                    format!(
                        "this [[predict]] has no `{name}`: add {name} = {{ en = \"...\", zh = \"...\" }}"
                    ),
                );
                Text::default()
            }
        };
        let question = text(self, rp.question, "question");
        let explain = text(self, rp.explain, "explain");
        let kind = match &rp.kind {
            Some(k) if KINDS.contains(&k.get_ref().as_str()) => Some(k.get_ref().clone()),
            Some(k) => {
                self.err(
                    k.span(),
                    format!("kind `{}` is not one of {}", k.get_ref(), KINDS.join(", ")),
                );
                None
            }
            None => {
                self.err(
                    span.clone(),
                    format!(
                        "this [[predict]] has no `kind`: add kind = \"...\", one of {}",
                        KINDS.join(", ")
                    ),
                );
                None
            }
        };
        let wants = |field: &str| {
            matches!(
                (kind.as_deref(), field),
                (Some("ending"), "process")
                    | (Some("value"), "prefix")
                    | (Some("time"), "tolerance")
            )
        };
        for (field, there) in [
            ("process", rp.process.as_ref().map(S::span)),
            ("prefix", rp.prefix.as_ref().map(S::span)),
            ("tolerance", rp.tolerance.as_ref().map(S::span)),
        ] {
            match there {
                Some(at) if kind.is_some() && !wants(field) => self.err(
                    at,
                    format!(
                        "`{field}` belongs to kind = \"{}\" only: remove it",
                        match field {
                            "process" => "ending",
                            "prefix" => "value",
                            _ => "time",
                        }
                    ),
                ),
                None if wants(field) => self.err(
                    span.clone(),
                    format!(
                        "kind = \"{}\" needs `{field}`: add {}",
                        kind.as_deref().unwrap_or_default(),
                        match field {
                            "process" =>
                                "process = \"Process-1\" (the process whose ending is asked)",
                            "prefix" => "prefix = \"counter:\" (the value is the word after it)",
                            _ => "tolerance = 0.5 (seconds an answer may be off)",
                        }
                    ),
                ),
                _ => {}
            }
        }
        let process = rp.process.map(|p| {
            let (pspan, p) = (p.span(), p.into_inner());
            if !is_lane_name(&p) {
                self.err(
                    pspan,
                    format!(
                        "process `{p}` is not a process name: write it as Python names it \
                         (`MainProcess`, `Process-1`, `ForkPoolWorker-3`)"
                    ),
                );
            }
            p
        });
        let prefix = rp.prefix.map(|p| {
            let (pspan, p) = (p.span(), p.into_inner());
            if p.trim().is_empty() {
                self.err(pspan, "prefix is empty: write the text the value follows");
            }
            p
        });
        let tolerance = rp.tolerance.and_then(|t| {
            let (tspan, t) = (t.span(), t.into_inner());
            match t.as_float().or_else(|| t.as_integer().map(|i| i as f64)) {
                Some(x) if x > 0.0 && x.is_finite() => Some(x),
                _ => {
                    self.err(
                        tspan,
                        format!("tolerance is a number of seconds above 0, not {t}"),
                    );
                    None
                }
            }
        });
        let mut choices: Vec<String> = Vec::new();
        match rp.choices {
            None => self.err(
                span.clone(),
                "this [[predict]] has no `choices`: add choices = [\"...\", \"...\"] (lines, \
                 endings, values or seconds, as the run shows them)",
            ),
            Some(list) => {
                let lspan = list.span();
                for c in list.into_inner() {
                    let (cspan, c) = (c.span(), c.into_inner());
                    let text = match &c {
                        toml::Value::String(s) => s.clone(),
                        toml::Value::Integer(i) => i.to_string(),
                        toml::Value::Float(f) => f.to_string(),
                        other => {
                            self.err(
                                cspan,
                                format!("a choice is a string or a number, not {other}"),
                            );
                            continue;
                        }
                    };
                    if text.trim().is_empty() {
                        self.err(cspan, "a choice is empty: write what the run would show");
                    } else if choices.contains(&text) {
                        self.err(cspan, format!("the choice `{text}` is there twice"));
                    } else if kind.as_deref() == Some("time") && text.parse::<f64>().is_err() {
                        self.err(
                            cspan,
                            format!("kind = \"time\": a choice is seconds, not `{text}`"),
                        );
                    } else {
                        choices.push(text);
                    }
                }
                if choices.len() < 2 {
                    self.err(lspan, "a [[predict]] needs at least two choices");
                }
            }
        }
        let any = rp.any.is_some_and(S::into_inner);
        let program = self.program_ref(rp.program, programs);
        let set = self.settings_list(rp.set, knobs, "set");
        let ask = match kind.as_deref() {
            Some("appears") => Ask::Appears,
            Some("ending") => Ask::Ending {
                process: process.unwrap_or_default(),
            },
            Some("value") => Ask::Value {
                prefix: prefix.unwrap_or_default(),
            },
            Some("time") => Ask::Time {
                tolerance: tolerance.unwrap_or(0.5),
            },
            _ => Ask::LastLine,
        };
        if any && ask == Ask::Appears {
            self.err(
                span,
                "kind = \"appears\" is graded line by line: it cannot take any = true",
            );
        }
        Prediction {
            question,
            ask,
            choices,
            any,
            explain,
            program,
            set,
        }
    }

    fn program_ref(&mut self, raw: Option<S<String>>, programs: &[ProgramFile]) -> Option<String> {
        let p = raw?;
        let pspan = p.span();
        let p = p.into_inner();
        if !programs.iter().any(|f| f.file == p) {
            self.err(
                pspan,
                format!(
                    "`{p}` is not a program of this lesson (programs: {})",
                    program_list(programs)
                ),
            );
        }
        Some(p)
    }

    /// `["daemon=on", "join=none"]`, each naming a knob of this lesson and one of its options.
    fn settings_list(
        &mut self,
        raw: Option<S<Vec<S<String>>>>,
        knobs: &[Knob],
        field: &str,
    ) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        for s in raw.map(S::into_inner).unwrap_or_default() {
            let sspan = s.span();
            let s = s.into_inner();
            let Some((k, v)) = s.split_once('=') else {
                self.err(
                    sspan,
                    format!("{field}: `{s}` must be knob=value, like \"daemon=on\""),
                );
                continue;
            };
            let (k, v) = (k.trim(), v.trim());
            match knobs.iter().find(|kn| kn.name == k) {
                None => {
                    let names: Vec<&str> = knobs.iter().map(|k| k.name.as_str()).collect();
                    self.err(
                        sspan,
                        format!(
                            "{field}: there is no knob `{k}` (knobs: {})",
                            if names.is_empty() {
                                "none".into()
                            } else {
                                names.join(", ")
                            }
                        ),
                    );
                }
                Some(kn) if !kn.options.iter().any(|o| o == v) => self.err(
                    sspan,
                    format!("{field}: knob {k} takes {}, not `{v}`", kn.options_hint()),
                ),
                Some(_) if !seen.insert(k.to_string()) => {
                    self.err(sspan, format!("{field}: knob `{k}` is set twice"));
                }
                Some(_) => out.push((k.to_string(), v.to_string())),
            }
        }
        out
    }
}

/// serde's words for the schema's types, in the words of lesson.toml.
fn plain_words(message: &str) -> String {
    [
        ("struct RawText", "a table { en = \"...\", zh = \"...\" }"),
        ("struct RawLesson", "a lesson.toml table"),
        ("struct RawProgram", "a [[program]] table"),
        ("struct RawKnob", "a [[knob]] table"),
        ("struct RawEdit", "a [[knob.edit]] table"),
        ("struct RawRun", "a table { stdout = \"...\" }"),
        ("struct RawNotice", "a [[notice]] table"),
        ("struct RawNote", "a [[note]] table"),
        ("struct RawPredict", "a [[predict]] table"),
        ("struct RawChallenge", "a [[challenge]] table"),
        ("struct RawGoal", "a [[challenge.goal]] table"),
        ("a sequence", "an array"),
        ("a map", "a table"),
    ]
    .iter()
    .fold(message.to_string(), |m, (from, to)| m.replace(from, to))
}

fn program_list(programs: &[ProgramFile]) -> String {
    if programs.is_empty() {
        return "none".into();
    }
    programs
        .iter()
        .map(|p| p.file.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// `MainProcess`, or a class name, a dash and a `N(:N)*` identity: `Process-2:1`, `ForkPoolWorker-3`.
fn is_lane_name(s: &str) -> bool {
    if s == "MainProcess" {
        return true;
    }
    let Some((class, identity)) = s.rsplit_once('-') else {
        return false;
    };
    let class_ok = class
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && class.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    class_ok
        && identity
            .split(':')
            .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert_eq!(parse_id("04-lock"), Some(4));
        assert_eq!(parse_id("10-big-one"), Some(10));
        for bad in [
            "4-lock", "04lock", "04-", "04-Lock", "004-lock", "04--x", "ab-cd",
        ] {
            assert_eq!(parse_id(bad), None, "{bad}");
        }
    }

    #[test]
    fn lanes() {
        for ok in [
            "MainProcess",
            "Process-1",
            "Process-2:1",
            "ForkPoolWorker-3",
            "Counter-12",
        ] {
            assert!(is_lane_name(ok), "{ok}");
        }
        for bad in [
            "Process1",
            "Process-",
            "-1",
            "Process-a",
            "Main Process",
            "Process-1:",
        ] {
            assert!(!is_lane_name(bad), "{bad}");
        }
    }
}

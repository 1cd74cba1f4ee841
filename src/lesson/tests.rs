//! Tests of loading, diagnostics (each kind at its exact place), knobs and the catalog, on small
//! in-memory lessons; and of every shipped lesson.

use std::io;
use std::path::{Path, PathBuf};

use super::load::{ReadFile, load_with};
use super::*;

const MAIN: &str = "import multiprocessing

if __name__ == \"__main__\":
    p = multiprocessing.Process(target=print)
    # p.daemon = True
    p.start()
    p.join()
    print(\"end\")
";

/// A valid lesson; tests replace parts of it. Line numbers matter: the assertions name them.
const GOOD: &str = r##"title = { en = "daemon", zh = "守护" }
summary = { en = "s", zh = "摘要" }
what = { en = "w", zh = "是什么" }
watch = { en = "w", zh = "看什么" }
why = { en = "w", zh = "为什么" }

[[program]]
file = "main.py"

[[knob]]
name = "daemon"
key = "d"
label = { en = "daemon", zh = "守护" }

[[knob.edit]]
find = "# p.daemon = True"
when = { on = "p.daemon = True" }

[[knob]]
name = "join"
key = "w"
label = { en = "join", zh = "等待" }
options = ["join", "timeout", "none"]
compare = true

[[knob.edit]]
find = "p.join()"
when = { timeout = "p.join(1.5)", none = "# p.join()" }
"##;

fn load_files(id: &str, files: &[(&str, &str)]) -> Result<Lesson, LessonError> {
    let read = |name: &str| {
        files
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| (*t).to_string())
            .ok_or_else(|| io::Error::from(io::ErrorKind::NotFound))
    };
    let read: ReadFile = &read;
    load_with(&Path::new("lessons").join(id), Origin::Disk, read)
}

fn load_toml(toml: &str) -> Result<Lesson, LessonError> {
    load_files("02-daemon", &[("lesson.toml", toml), ("main.py", MAIN)])
}

fn good() -> Lesson {
    load_toml(GOOD).expect("GOOD loads")
}

/// The diagnostics of `toml` as strings.
fn problems(toml: &str) -> Vec<String> {
    match load_toml(toml) {
        Ok(_) => Vec::new(),
        Err(e) => e.diagnostics.iter().map(ToString::to_string).collect(),
    }
}

/// `GOOD` with `from` replaced by `to` (which must be there once).
fn edited(from: &str, to: &str) -> String {
    assert_eq!(GOOD.matches(from).count(), 1, "{from}");
    GOOD.replace(from, to)
}

fn assert_one(toml: &str, expected: &str) {
    assert_eq!(problems(toml), [expected.to_string()]);
}

const T: &str = "lessons/02-daemon/lesson.toml";

#[test]
fn good_lesson_loads() {
    let l = good();
    assert_eq!(l.id, "02-daemon");
    assert_eq!(l.number, 2);
    assert_eq!(l.title.get(Lang::Zh), "守护");
    assert_eq!(l.programs[0].file, "main.py");
    assert_eq!(l.programs[0].label.en, "main.py");
    let d = l.knob("daemon").unwrap();
    assert_eq!(
        (d.key, d.kind, d.default.as_str()),
        ('d', KnobKind::Toggle, "off")
    );
    assert_eq!(d.options, ["off", "on"]);
    assert_eq!(d.edits[0].line, 5);
    let j = l.knob_by_key('w').unwrap();
    assert_eq!(j.name, "join");
    assert_eq!(j.default, "join");
    assert_eq!(j.edits[0].line, 7);
    let (k, pair) = l.comparison().unwrap();
    assert_eq!(k.name, "join");
    assert_eq!(pair, ["join".to_string(), "timeout".to_string()]);
}

// ---- diagnostics, each at its place ----

#[test]
fn toml_syntax_error() {
    assert_one(
        &edited(
            "title = { en = \"daemon\", zh = \"守护\" }",
            "title = { en = \"daemon\"",
        ),
        &format!("{T}:1:24: invalid inline table: expected `}}` (see docs/lesson-format.md)"),
    );
}

#[test]
fn unknown_field() {
    assert_one(
        &edited("key = \"w\"\n", "key = \"w\"\nkeys = 3\n"),
        &format!(
            "{T}:22:1: unknown field `keys`, expected one of `name`, `key`, `label`, `options`, \
             `default`, `compare`, `endless`, `edit`, `run` (see docs/lesson-format.md)"
        ),
    );
    assert_one(
        &edited("find = \"p.join()\"\n", "find = \"p.join()\"\nfnd = 1\n"),
        &format!(
            "{T}:28:1: unknown field `fnd`, expected one of `file`, `find`, `when`, `template` \
             (see docs/lesson-format.md)"
        ),
    );
}

#[test]
fn wrong_type() {
    assert_one(
        &edited("key = \"d\"", "key = 4"),
        &format!(
            "{T}:12:7: invalid type: integer `4`, expected a string (see docs/lesson-format.md)"
        ),
    );
}

#[test]
fn type_names_are_in_lesson_words() {
    assert_one(
        &edited("title = { en = \"daemon\", zh = \"守护\" }", "title = 1"),
        &format!(
            "{T}:1:9: invalid type: integer `1`, expected a table {{ en = \"...\", zh = \"...\" }} \
             (see docs/lesson-format.md)"
        ),
    );
    assert_one(
        &edited(
            "when = { on = \"p.daemon = True\" }",
            "when = \"p.daemon = True\"",
        ),
        &format!(
            "{T}:17:8: invalid type: string \"p.daemon = True\", expected a table (see \
             docs/lesson-format.md)"
        ),
    );
    assert_one(
        &edited("compare = true", "endless = \"none\""),
        &format!(
            "{T}:24:11: invalid type: string \"none\", expected an array (see docs/lesson-format.md)"
        ),
    );
}

#[test]
fn missing_texts() {
    assert_one(
        &edited("summary = { en = \"s\", zh = \"摘要\" }\n", ""),
        &format!(
            "{T}:1:1: lesson.toml has no `summary`: add summary = {{ en = \"...\", zh = \"...\" }}"
        ),
    );
    assert_one(
        &edited(
            "what = { en = \"w\", zh = \"是什么\" }",
            "what = { en = \"w\" }",
        ),
        &format!("{T}:3:8: `what` has no Chinese text: add zh = \"...\""),
    );
    assert_one(
        &edited(
            "watch = { en = \"w\", zh = \"看什么\" }",
            "watch = { zh = \"看什么\" }",
        ),
        &format!("{T}:4:9: `watch` has no English text: add en = \"...\""),
    );
    assert_one(
        &edited(
            "why = { en = \"w\", zh = \"为什么\" }",
            "why = { en = \"\", zh = \"为什么\" }",
        ),
        &format!("{T}:5:14: `why`: en is empty: write the English text"),
    );
    assert_one(
        &edited(
            "why = { en = \"w\", zh = \"为什么\" }",
            "why = { en = \"w\", zh = \"why\" }",
        ),
        &format!("{T}:5:24: `why`: zh has no Chinese in it: write it in Chinese"),
    );
    assert_one(
        &edited(
            "label = { en = \"join\", zh = \"等待\" }",
            "label = { en = \"join\" }",
        ),
        &format!("{T}:22:9: the label of knob `join` has no Chinese text: add zh = \"...\""),
    );
}

#[test]
fn edit_names_no_line_or_several() {
    assert_one(
        &edited("find = \"p.join()\"", "find = \"p.joint()\""),
        &format!(
            "{T}:27:8: knob `join`: find `p.joint()` names no line of main.py; copy the text \
             exactly from the line you mean"
        ),
    );
    assert_one(
        &edited("find = \"p.join()\"", "find = \"p.\""),
        &format!(
            "{T}:27:8: knob `join`: find `p.` is on 3 lines of main.py (5, 6, 7); make it \
             longer so it names one line"
        ),
    );
    assert_one(
        &edited("find = \"# p.daemon = True\"", "find = \"e\""),
        &format!(
            "{T}:16:8: knob `daemon`: find `e` is on 5 lines of main.py (1, 3, 4, 5, 8); make it \
             longer so it names one line"
        ),
    );
}

#[test]
fn edit_twice_on_one_line() {
    let main = "import time\ntime.sleep(1); time.sleep(1)\n";
    let toml = edited("find = \"p.join()\"", "find = \"time.sleep(1)\"");
    let e = load_files("02-daemon", &[("lesson.toml", &toml), ("main.py", main)]).unwrap_err();
    let msgs: Vec<String> = e.diagnostics.iter().map(ToString::to_string).collect();
    assert!(
        msgs.contains(&format!(
            "{T}:27:8: knob `join`: find `time.sleep(1)` is on line 2 of main.py 2 times; make it \
         longer so it names one place"
        )),
        "{msgs:#?}"
    );
}

#[test]
fn two_knobs_on_one_line() {
    assert_one(
        &edited("find = \"p.join()\"", "find = \"p.daemon = True\""),
        &format!(
            "{T}:27:8: knob `join`: line 5 of main.py is already changed by knob `daemon`; two \
             edits may not change one line"
        ),
    );
}

#[test]
fn keys_clash_or_are_reserved() {
    assert_one(
        &edited("key = \"w\"", "key = \"d\""),
        &format!("{T}:21:7: knob `join`: key `d` is already knob `daemon`'s; pick another"),
    );
    assert_one(
        &edited("key = \"w\"", "key = \"j\""),
        &format!(
            "{T}:21:7: knob `join`: key `j` is the playground's own (taken: r c q n p L ? space + = - \
             _ h j k l x o s . g e t T K I z Z 0 1 2 3 4 5 6 7 8 9 S y R E [ ] {{ }} C P X %); pick another"
        ),
    );
    // The keys the playground is growing into are refused already: hold, step, go, explore, edit,
    // the per-lane signals, the step counts, the schedule's popup and file.
    for key in [
        's', '.', 'g', 'x', 'e', 't', 'T', 'K', 'z', 'Z', '3', 'S', 'y', 'C',
    ] {
        let p = problems(&edited("key = \"w\"", &format!("key = \"{key}\"")));
        assert_eq!(p.len(), 1, "{key}: {p:?}");
        assert!(
            p[0].starts_with(&format!(
                "{T}:21:7: knob `join`: key `{key}` is the playground's own"
            )),
            "{p:?}"
        );
    }
    assert_one(
        &edited("key = \"w\"", "key = \"wx\""),
        &format!("{T}:21:7: knob `join`: key `wx` must be a single character, like key = \"d\""),
    );
    assert_one(
        &edited("name = \"join\"", "name = \"daemon\""),
        &format!("{T}:20:8: there are two knobs named `daemon`: rename one"),
    );
    assert_one(
        &edited("name = \"join\"", "name = \"Join\""),
        &format!(
            "{T}:20:8: knob name `Join` must be lowercase letters, digits and `_`, starting with \
             a letter (it is typed in `--set Join=...`)"
        ),
    );
}

#[test]
fn defaults_and_options() {
    assert_one(
        &edited(
            "options = [\"join\", \"timeout\", \"none\"]",
            "options = [\"join\", \"timeout\", \"none\"]\ndefault = \"wait\"",
        ),
        &format!(
            "{T}:24:11: knob `join`: default `wait` is not one of its options (join|timeout|none); \
             pick one of them"
        ),
    );
    assert_one(
        &edited(
            "when = { timeout = \"p.join(1.5)\", none = \"# p.join()\" }",
            "when = { later = \"p.join(1.5)\" }",
        ),
        &format!("{T}:28:10: knob `join` has no option `later` (options: join|timeout|none)"),
    );
    assert_eq!(
        problems(&edited(
            "options = [\"join\", \"timeout\", \"none\"]",
            "options = [\"join\", \"timeout\", \"join\"]"
        )),
        [
            format!("{T}:23:31: knob `join`: option `join` is listed twice"),
            format!("{T}:28:35: knob `join` has no option `none` (options: join|timeout)"),
        ]
    );
    let p = problems(&edited(
        "options = [\"join\", \"timeout\", \"none\"]",
        "options = [\"join\", true]",
    ));
    assert_eq!(
        p,
        [
            format!(
                "{T}:23:11: knob `join` needs at least two options (leave `options` out for an on/off toggle)"
            ),
            format!(
                "{T}:23:20: an option is a word or a number, not a boolean; for Python's True write \"True\""
            ),
            format!("{T}:28:10: knob `join` has no option `timeout` (options: join)"),
            format!("{T}:28:35: knob `join` has no option `none` (options: join)"),
        ]
    );
    assert_one(
        &edited(
            "when = { on = \"p.daemon = True\" }",
            "when = { on = \"p.daemon = True\", off = \"x\" }",
        ),
        &format!(
            "{T}:17:40: knob `daemon`: at its default `off` this edit must give back the file's \
             own text `# p.daemon = True` (the program on disk is the default); drop this entry"
        ),
    );
}

#[test]
fn templates() {
    let toml = edited(
        "options = [\"join\", \"timeout\", \"none\"]",
        "options = [1, 2, 3]\ndefault = 1",
    )
    .replace(
        "when = { timeout = \"p.join(1.5)\", none = \"# p.join()\" }",
        "template = \"p.join({value})\"",
    );
    assert_one(
        &toml,
        &format!(
            "{T}:29:12: knob `join`: template `p.join({{value}})` with the default `1` gives \
             `p.join(1)`, but the file has `p.join()`; the program on disk must be the default"
        ),
    );
    assert_one(
        &edited(
            "when = { timeout = \"p.join(1.5)\", none = \"# p.join()\" }",
            "template = \"p.join()\"",
        ),
        &format!("{T}:28:12: knob `join`: a template needs `{{value}}` where the option goes"),
    );
    assert_one(
        &edited(
            "when = { timeout = \"p.join(1.5)\", none = \"# p.join()\" }",
            "",
        ),
        &format!(
            "{T}:26:1: knob `join`: this edit says nothing to put in place of `p.join()`: add when = \
             {{ option = \"new text\" }} or template = \"...{{value}}...\""
        ),
    );
}

#[test]
fn programs_missing_or_unknown() {
    assert_one(
        &edited("file = \"main.py\"", "file = \"mian.py\""),
        &format!(
            "{T}:8:8: program file `mian.py` is missing: there is no lessons/02-daemon/mian.py; \
             create it or fix the name"
        ),
    );
    let p = problems(&edited("[[program]]\nfile = \"main.py\"\n", ""));
    assert_eq!(
        p[0],
        format!("{T}:1:1: lesson.toml lists no program: add [[program]] with file = \"main.py\"")
    );
    assert_one(
        &edited(
            "find = \"p.join()\"",
            "file = \"other.py\"\nfind = \"p.join()\"",
        ),
        &format!(
            "{T}:27:8: knob `join`: edit names `other.py`, which is not a program of this lesson \
             (programs: main.py)"
        ),
    );
    assert_one(
        &edited("file = \"main.py\"", "file = \"../main.py\""),
        &format!(
            "{T}:8:8: program `../main.py` must be a .py file in the lesson's own directory (a \
             plain name like `main.py`)"
        ),
    );
}

#[test]
fn edit_needs_file_with_two_programs() {
    let toml = edited(
        "[[program]]\nfile = \"main.py\"\n",
        "[[program]]\nfile = \"main.py\"\n\n[[program]]\nfile = \"b.py\"\n",
    );
    let e = load_files(
        "02-daemon",
        &[
            ("lesson.toml", &toml),
            ("main.py", MAIN),
            ("b.py", "pass\n"),
        ],
    )
    .unwrap_err();
    let msgs: Vec<String> = e.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        msgs,
        [
            format!(
                "{T}:18:1: knob `daemon`: this edit needs file = \"...\": the lesson has 2 programs (main.py, b.py)"
            ),
            format!(
                "{T}:29:1: knob `join`: this edit needs file = \"...\": the lesson has 2 programs (main.py, b.py)"
            ),
        ]
    );
}

#[test]
fn comparison_endless_and_no_edits() {
    assert_one(
        &edited(
            "label = { en = \"daemon\", zh = \"守护\" }",
            "label = { en = \"daemon\", zh = \"守护\" }\ncompare = true",
        ),
        &format!(
            "{T}:25:11: only one knob can be the lesson's comparison, and `daemon` already is; \
             remove one `compare = true`"
        ),
    );
    assert_one(
        &edited("compare = true", "endless = [\"join\"]"),
        &format!(
            "{T}:24:12: knob `join`: the default `join` cannot be endless: every program with its \
             knobs at their defaults must end by itself (under CPython too)"
        ),
    );
    assert_one(
        &edited("compare = true", "endless = [\"never\"]"),
        &format!(
            "{T}:24:12: knob `join`: endless names `never`, which is not an option (join|timeout|none)"
        ),
    );
    let p = problems(&edited(
        "[[knob.edit]]\nfind = \"# p.daemon = True\"\nwhen = { on = \"p.daemon = True\" }\n",
        "",
    ));
    assert_eq!(
        p,
        [format!(
            "{T}:10:1: knob `daemon` changes no line: add [[knob.edit]] with find = \"...\" and \
             when = {{ ... }} or template = \"...{{value}}...\" (or, to change only how it runs, \
             run = {{ option = {{ stdout = \"pipe\" }} }})"
        )]
    );
}

#[test]
fn notices_and_notes() {
    let base = format!("{GOOD}\n");
    let with = |extra: &str| problems(&format!("{base}{extra}"));
    // line 30 is the first line of `extra`
    assert_eq!(
        with("[[notice]]\nen = \"x\"\nzh = \"注意\"\nlane = \"Process1\"\n"),
        [format!(
            "{T}:33:8: lane `Process1` is not a process name: write it as Python names it \
             (`MainProcess`, `Process-1`, `Process-2:1`, `ForkPoolWorker-3`)"
        )]
    );
    assert_eq!(
        with("[[notice]]\nen = \"x\"\nzh = \"注意\"\nevent = \"exited\"\n"),
        [format!(
            "{T}:33:9: event `exited` is not one of spawn, output, running, sleeping, blocked, \
             at_exit, signal, exit, reaped, object, op"
        )]
    );
    assert_eq!(
        with(
            "[[notice]]\nen = \"x\"\nzh = \"注意\"\nwhen = [\"daemon=yes\", \"jon=none\", \"join\"]\n"
        ),
        [
            format!("{T}:33:9: when: knob daemon takes on|off, not `yes`"),
            format!("{T}:33:23: when: there is no knob `jon` (knobs: daemon, join)"),
            format!("{T}:33:35: when: `join` must be knob=value, like \"daemon=on\""),
        ]
    );
    assert_eq!(
        with("[[notice]]\nen = \"x\"\nzh = \"注意\"\ncode = \"p.stop()\"\n"),
        [format!(
            "{T}:33:8: notice: code `p.stop()` names no line of main.py; copy the text exactly \
             from the line you mean"
        )]
    );
    assert_eq!(
        with("[[notice]]\nen = \"x\"\n"),
        [format!(
            "{T}:30:1: this [[notice]] has no Chinese text: add zh = \"...\""
        )]
    );
    assert_eq!(
        with("[[note]]\nsays = { en = \"a\", zh = \"说\" }\nprogram = \"x.py\"\n"),
        [
            format!(
                "{T}:30:1: this [[note]] has no `really`: add really = {{ en = \"...\", zh = \"...\" }}"
            ),
            format!("{T}:32:11: `x.py` is not a program of this lesson (programs: main.py)"),
        ]
    );
    let l = load_toml(&format!(
        "{base}[[notice]]\nen = \"x\"\nzh = \"注意\"\nlane = \"Process-1\"\nevent = \"reaped\"\n\
         code = \"p.start()\"\nwhen = [\"daemon=on\"]\n\n[[note]]\nsays = {{ en = \"a\", zh = \"说\" }}\n\
         really = {{ en = \"b\", zh = \"真\" }}\nset = [\"join=none\"]\n"
    ))
    .unwrap();
    let n = &l.notices[0];
    assert_eq!(
        (n.lane.as_deref(), n.event.as_deref(), n.line),
        (Some("Process-1"), Some("reaped"), Some(6))
    );
    let on = l.settings_from(&["daemon=on"]).unwrap();
    assert!(n.applies(&l, "main.py", &on));
    assert!(!n.applies(&l, "main.py", &l.default_settings()));
    assert_eq!(l.notes[0].set, [("join".to_string(), "none".to_string())]);
}

#[test]
fn bad_directory_and_missing_toml() {
    let e = load_files("daemon", &[]).unwrap_err();
    assert_eq!(
        e.diagnostics[0].to_string(),
        "lessons/daemon: the lesson directory `daemon` is not named NN-name (two digits, a dash, \
         a lowercase name, like `04-lock`); rename it"
    );
    let e = load_files("02-daemon", &[("main.py", MAIN)]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "lesson 02-daemon has 1 problem:\n  lessons/02-daemon/lesson.toml: there is no lesson.toml: \
         every lesson directory needs one (see docs/lesson-format.md)"
    );
}

#[test]
fn several_problems_are_all_reported_in_order() {
    let toml =
        edited("key = \"w\"", "key = \"q\"").replace("file = \"main.py\"", "file = \"x.py\"");
    let p = problems(&toml);
    assert_eq!(p.len(), 2, "{p:#?}");
    assert!(p[0].starts_with(&format!("{T}:8:8: program file `x.py` is missing")));
    assert!(p[1].starts_with(&format!(
        "{T}:21:7: knob `join`: key `q` is the playground's own"
    )));
}

// ---- knobs and programs ----

#[test]
fn program_with_settings_edits_lines() {
    let l = good();
    let p = l.program_with(&l.default_settings()).unwrap();
    assert_eq!(p.source, MAIN);
    assert_eq!(p.path, PathBuf::from("lessons/02-daemon/main.py"));
    assert!(p.changed_lines().is_empty());
    assert_eq!(
        p.knob_lines
            .iter()
            .map(|k| (k.line, k.key, k.value.as_str(), k.changed))
            .collect::<Vec<_>>(),
        [(5, 'd', "off", false), (7, 'w', "join", false)]
    );

    let s = l.settings_from(&["daemon=on", "join=timeout"]).unwrap();
    let p = l.program_with(&s).unwrap();
    let lines: Vec<&str> = p.source.lines().collect();
    assert_eq!(lines[4], "    p.daemon = True");
    assert_eq!(lines[6], "    p.join(1.5)");
    assert_eq!(p.source.lines().count(), MAIN.lines().count());
    assert_eq!(p.changed_lines(), [5, 7]);
    assert_eq!(s.changes(&l), ["daemon=on", "join=timeout"]);
    assert_eq!(s.to_string(), "daemon=on, join=timeout");

    let s = l.settings_from(&["join=none"]).unwrap();
    assert_eq!(
        l.program_with(&s).unwrap().source.lines().nth(6),
        Some("    # p.join()")
    );
}

#[test]
fn templates_apply_every_value() {
    let main = "import multiprocessing\nsem = multiprocessing.Semaphore(2)\n";
    let toml = r#"title = { en = "t", zh = "题" }
summary = { en = "s", zh = "摘要" }
what = { en = "w", zh = "是什么" }
watch = { en = "w", zh = "看什么" }
why = { en = "w", zh = "为什么" }
[[program]]
file = "main.py"
[[knob]]
name = "permits"
key = "m"
label = { en = "permits", zh = "许可" }
options = [1, 2, 3, 4, 5]
default = 2
[[knob.edit]]
find = "Semaphore(2)"
template = "Semaphore({value})"
"#;
    let l = load_files("05-semaphore", &[("lesson.toml", toml), ("main.py", main)]).unwrap();
    for v in 1..=5 {
        let s = l.settings_from(&[format!("permits={v}")]).unwrap();
        let p = l.program_with(&s).unwrap();
        assert_eq!(
            p.source,
            format!("import multiprocessing\nsem = multiprocessing.Semaphore({v})\n")
        );
        assert_eq!(p.changed_lines().len(), usize::from(v != 2));
    }
    let k = l.knob("permits").unwrap();
    assert_eq!(k.compare_pair(), ["2".to_string(), "3".to_string()]);
}

#[test]
fn set_errors_are_sentences() {
    let l = good();
    let err = |args: &[&str]| l.settings_from(args).unwrap_err().to_string();
    assert_eq!(
        err(&["x=1"]),
        "unknown knob `x` for 02-daemon (knobs: daemon, join)"
    );
    assert_eq!(
        err(&["daemon=maybe"]),
        "knob daemon takes on|off, not `maybe`"
    );
    assert_eq!(
        err(&["join=forever"]),
        "knob join takes join|timeout|none, not `forever`"
    );
    assert_eq!(
        err(&["daemon"]),
        "`daemon` is not knob=value (for example `daemon=on`)"
    );
    for (alias, want) in [
        ("true", "on"),
        ("YES", "on"),
        ("1", "on"),
        ("false", "off"),
        ("0", "off"),
    ] {
        let s = l.settings_from(&[format!("daemon={alias}")]).unwrap();
        assert_eq!(s.get("daemon"), Some(want));
    }
    let other = load_files("03-join", &[("lesson.toml", GOOD), ("main.py", MAIN)]).unwrap();
    assert_eq!(
        other
            .program_with(&l.default_settings())
            .unwrap_err()
            .to_string(),
        "these knob settings are for 02-daemon, not 03-join"
    );
    assert_eq!(
        l.program_named("nope.py", &l.default_settings())
            .unwrap_err()
            .to_string(),
        "02-daemon has no program `nope.py` (programs: main.py)"
    );
}

#[test]
fn cycle_moves_to_the_next_option() {
    let l = good();
    let mut s = l.default_settings();
    let join = l.knob("join").unwrap();
    assert_eq!(s.cycle(join), Some("timeout"));
    assert_eq!(s.cycle(join), Some("none"));
    assert_eq!(s.cycle(join), Some("join"));
    assert_eq!(s.cycle(l.knob("daemon").unwrap()), Some("on"));
}

// ---- catalog ----

fn lesson_stub(id: &str) -> (String, Result<Lesson, LessonError>) {
    (
        id.to_string(),
        load_files(id, &[("lesson.toml", GOOD), ("main.py", MAIN)]),
    )
}

#[test]
fn find_by_id_number_or_name() {
    let lessons = || {
        vec![
            lesson_stub("01-process").1,
            lesson_stub("02-daemon").1,
            Err(LessonError {
                id: "03-join".into(),
                diagnostics: vec![Diagnostic::file(Path::new("x"), "broken")],
            }),
        ]
    };
    for q in ["02-daemon", "02", "2", "daemon", "02-daemon/"] {
        assert_eq!(find_in(lessons(), q).unwrap().id, "02-daemon", "{q}");
    }
    assert!(matches!(
        find_in(lessons(), "03"),
        Err(FindError::Invalid(_))
    ));
    assert_eq!(
        find_in(lessons(), "queue").unwrap_err().to_string(),
        "no lesson `queue` (lessons: 01-process, 02-daemon, 03-join)"
    );
}

struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let p = std::env::temp_dir().join(format!("forkyard-lesson-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn catalog_in_a_directory_keeps_bad_lessons_in_place() {
    let root = TempDir::new("catalog");
    for id in ["01-a", "02-b", "02-c", "bad", ".hidden"] {
        let d = root.0.join(id);
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(d.join("lesson.toml"), GOOD).unwrap();
        std::fs::write(d.join("main.py"), MAIN).unwrap();
    }
    std::fs::write(root.0.join("README.md"), "not a lesson").unwrap();
    std::fs::write(root.0.join("02-b/lesson.toml"), "title = 1\n").unwrap();
    let cat = catalog_in(&root.0);
    let ids: Vec<String> = cat
        .iter()
        .map(|e| match e {
            Ok(l) => format!("ok {}", l.id),
            Err(e) => format!("err {}", e.id),
        })
        .collect();
    assert_eq!(ids, ["ok 01-a", "err 02-b", "ok 02-c", "err bad"]);
    let dup = load_dir(&root.0.join("02-c")).unwrap();
    assert_eq!(dup.origin, Origin::Disk);
    // a duplicate number is an error only when both load: 02-b is broken, so 02-c keeps 02
    std::fs::write(root.0.join("02-b/lesson.toml"), GOOD).unwrap();
    let cat = catalog_in(&root.0);
    let e = cat[2].as_ref().unwrap_err();
    assert!(
        e.diagnostics[0].message
            == "lesson number 02 is taken by 02-b already; renumber one of them",
        "{e}"
    );
    let missing = catalog_in(&root.0.join("nope"));
    assert!(
        missing[0].as_ref().unwrap_err().diagnostics[0]
            .message
            .starts_with("cannot read the lessons directory")
    );
}

// ---- the shipped lessons ----

const SHIPPED: [&str; 9] = [
    "01-process",
    "02-daemon",
    "03-join",
    "04-lock",
    "05-semaphore",
    "06-event",
    "07-queue",
    "08-pipe",
    "09-pool",
];

fn shipped() -> Vec<Lesson> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
    catalog_in(&root)
        .into_iter()
        .map(|e| e.unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

#[test]
fn every_shipped_lesson_loads() {
    let lessons = shipped();
    let ids: Vec<&str> = lessons.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, SHIPPED);
    for l in &lessons {
        assert!(!l.knobs.is_empty(), "{} has knobs", l.id);
        assert!(!l.notices.is_empty(), "{} has notices", l.id);
        assert!(!l.notes.is_empty(), "{} has the note's claims", l.id);
        assert!(!l.cards.is_empty(), "{} has its pitfall cards", l.id);
        assert!(l.recap.is_some(), "{} ends with a recap", l.id);
    }
    // Each lesson but the last says what the next one adds; the last has its closing card instead.
    let (last, rest) = lessons.split_last().unwrap();
    for l in rest {
        assert!(l.next.is_some(), "{} says what the next lesson adds", l.id);
    }
    assert!(last.next.is_none());
    assert!(last.cards.iter().any(|c| c.title.en == "Python 3 today"));
    assert!(
        lessons[0]
            .cards
            .iter()
            .any(|c| c.title.en == "The note is Python 2"),
        "01 puts the note's Python 2 beside Python 3"
    );
    assert_eq!(
        lessons
            .iter()
            .find(|l| l.id == "09-pool")
            .unwrap()
            .comparison()
            .unwrap()
            .1,
        ["apply".to_string(), "apply_async".to_string()]
    );
}

#[test]
fn every_knob_option_of_every_shipped_lesson_applies() {
    for l in shipped() {
        for knob in &l.knobs {
            for option in &knob.options {
                let s = l
                    .settings_from(&[format!("{}={option}", knob.name)])
                    .unwrap();
                for file in knob.files() {
                    let p = l.program_named(file, &s).unwrap();
                    let original = &l.program_file(file).unwrap().source;
                    assert_eq!(p.source.lines().count(), original.lines().count());
                    let mine: Vec<&KnobLine> = p
                        .knob_lines
                        .iter()
                        .filter(|k| k.knob == knob.name)
                        .collect();
                    assert!(!mine.is_empty());
                    for kl in &mine {
                        let before = original.lines().nth(kl.line - 1).unwrap();
                        let after = p.source.lines().nth(kl.line - 1).unwrap();
                        assert_eq!(
                            kl.changed,
                            before != after,
                            "{} {}={option}",
                            l.id,
                            knob.name
                        );
                        // At the default no line changes (the file on disk is the default).
                        if *option == knob.default {
                            assert!(!kl.changed, "{} {}={option}", l.id, knob.name);
                        }
                    }
                    // Any other option changes at least one of its lines in some file (a knob
                    // with several lines may leave some alone: 09's finish=none keeps `join()`).
                    if *option != knob.default && knob.files().len() == 1 {
                        assert!(
                            mine.iter().any(|kl| kl.changed),
                            "{} {}={option} changes no line",
                            l.id,
                            knob.name
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn embedded_lessons_match_the_source_tree() {
    let disk = shipped();
    let embedded: Vec<Lesson> = embedded_catalog()
        .into_iter()
        .map(|e| e.unwrap_or_else(|e| panic!("{e}")))
        .collect();
    assert_eq!(disk.len(), embedded.len());
    for (d, e) in disk.iter().zip(&embedded) {
        assert_eq!(d.id, e.id);
        assert_eq!(e.origin, Origin::Embedded);
        assert_eq!(e.dir, Path::new("lessons").join(&e.id));
        assert_eq!(d.title, e.title);
        assert_eq!(d.why, e.why);
        for (dp, ep) in d.programs.iter().zip(&e.programs) {
            assert_eq!(dp.source, ep.source, "{} {}", d.id, dp.file);
        }
    }
}

#[test]
fn catalog_source_follows_the_environment() {
    // Only reads the environment; FORKYARD_LESSONS is not set by the test harness.
    if std::env::var_os(LESSONS_ENV).is_none() {
        assert_eq!(
            catalog_source(),
            CatalogSource::SourceTree(Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons"))
        );
    }
}

// ---- check ----

#[test]
fn check_parses_every_knob_setting() {
    let l = good();
    let seen = std::cell::RefCell::new(Vec::new());
    let fake = |source: &str, file: &str| -> Result<(), String> {
        seen.borrow_mut().push(source.to_string());
        if source.contains("p.join(1.5)") && source.contains("    p.daemon") {
            Err(format!(
                "  File \"{file}\", line 7\n    p.join(1.5)\nSyntaxError: made up"
            ))
        } else {
            Ok(())
        }
    };
    let lessons = vec![
        Ok(l),
        Err(LessonError {
            id: "03-x".into(),
            diagnostics: vec![Diagnostic::file(Path::new("lessons/03-x"), "broken")],
        }),
    ];
    let d = check_with(&lessons, &fake);
    assert_eq!(seen.borrow().len(), 6, "2 x 3 settings, each parsed once");
    assert_eq!(
        d.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            "lessons/02-daemon/main.py:7:1: forkyard cannot run this program with daemon=on, \
             join=timeout:\n  File \"lessons/02-daemon/main.py\", line 7\n    p.join(1.5)\nSyntaxError: made up"
                .to_string(),
            "lessons/03-x: broken".to_string(),
        ]
    );
}

#[test]
fn shipped_lessons_pass_check_with_forkyards_parser() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
    let problems = check(&catalog_in(&root));
    assert!(
        problems.is_empty(),
        "{}",
        problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn check_reports_a_program_forkyard_cannot_parse() {
    let toml = edited(
        "when = { on = \"p.daemon = True\" }",
        "when = { on = \"from . import p\" }",
    );
    let l = load_toml(&toml).unwrap();
    let d = check(&[Ok(l)]);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].path, Path::new("lessons/02-daemon/main.py"));
    assert_eq!(d[0].pos, Some((5, 5)));
    assert!(
        d[0].to_string().starts_with(
            "lessons/02-daemon/main.py:5:5: forkyard cannot run this program with daemon=on:\n  File"
        ),
        "{}",
        d[0]
    );
    assert!(
        d[0].message.contains("not supported by forkyard"),
        "{}",
        d[0]
    );
}

#[test]
fn recap_next_and_cards_load() {
    let toml = format!(
        "{GOOD}\nrecap = {{ en = \"r\", zh = \"回顾\" }}\nnext = {{ en = \"n\", zh = \"下一课\" }}\n\n\
         [[card]]\ntitle = {{ en = \"Pitfall\", zh = \"陷阱\" }}\nen = \"words\"\nzh = \"文字\"\n"
    );
    // recap and next are top-level keys: they must come before the first table.
    let toml = toml.replacen(
        "[[program]]",
        "recap = { en = \"r\", zh = \"回顾\" }\nnext = { en = \"n\", zh = \"下一课\" }\n\n[[program]]",
        1,
    );
    let toml = toml.replace(
        "\nrecap = { en = \"r\", zh = \"回顾\" }\nnext = { en = \"n\", zh = \"下一课\" }\n\n[[card]]",
        "\n[[card]]",
    );
    let l = load_toml(&toml).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(l.recap.as_ref().unwrap().get(Lang::Zh), "回顾");
    assert_eq!(l.next.as_ref().unwrap().en, "n");
    assert_eq!(l.cards.len(), 1);
    assert_eq!(l.cards[0].title.get(Lang::Zh), "陷阱");
    assert_eq!(l.cards[0].text.en, "words");
    // Without them a lesson still loads: they are optional in the format.
    let g = good();
    assert!(g.recap.is_none() && g.next.is_none() && g.cards.is_empty());
}

#[test]
fn recap_and_cards_are_checked() {
    let with = |top: &str, tail: &str| {
        let toml = GOOD.replacen("[[program]]", &format!("{top}\n[[program]]"), 1);
        problems(&format!("{toml}{tail}"))
    };
    assert_eq!(
        with("recap = { en = \"one\\ntwo\", zh = \"回顾\" }\n", ""),
        [format!(
            "{T}:7:9: `recap` is one line: write it as recap = {{ en = \"...\", zh = \"...\" }}"
        )]
    );
    assert_eq!(
        with("next = { en = \"n\", zh = \"next\" }\n", ""),
        [format!(
            "{T}:7:25: `next`: zh has no Chinese in it: write it in Chinese"
        )]
    );
    assert_eq!(
        with("", "\n[[card]]\nen = \"e\"\nzh = \"中文\"\n"),
        [format!(
            "{T}:31:1: this [[card]] has no `title`: add title = {{ en = \"...\", zh = \"...\" }}"
        )]
    );
    assert_eq!(
        with(
            "",
            "\n[[card]]\ntitle = { en = \"t\", zh = \"标题\" }\nen = \"e\"\n"
        ),
        [format!(
            "{T}:31:1: this [[card]] has no Chinese text: add zh = \"...\""
        )]
    );
    assert_eq!(
        with(
            "",
            "\n[[card]]\ntitle = { en = \"t\", zh = \"标题\" }\nen = \"e\"\nzh = \"e\"\n"
        ),
        [format!(
            "{T}:34:6: this [[card]]: zh has no Chinese in it: write it in Chinese"
        )]
    );
}

// ---- a knob that sets how the run buffers stdout (`run = { option = { stdout = ... } }`) ----

/// `GOOD` plus a knob `output` whose `run` line (35) is `run`.
fn with_output_knob(run: &str) -> String {
    format!(
        "{GOOD}\n[[knob]]\nname = \"output\"\nkey = \"b\"\nlabel = {{ en = \"output\", zh = \"输出\" }}\n\
         options = [\"terminal\", \"pipe\"]\n{run}\n"
    )
}

#[test]
fn a_knob_may_set_the_runs_stdout_and_edit_nothing() {
    use crate::trace::StdoutMode;
    let l = load_toml(&with_output_knob("run = { pipe = { stdout = \"pipe\" } }")).unwrap();
    let k = l.knob("output").unwrap();
    assert!(k.edits.is_empty());
    assert_eq!(k.stdout_for("pipe"), Some(StdoutMode::Pipe));
    assert_eq!(k.stdout_for("terminal"), None);
    // It goes with every program, and check tries it.
    assert!(k.concerns("main.py") && k.concerns("other.py"));
    assert!(l.knobs_for("main.py").any(|k| k.name == "output"));
    // At its default the run is the plain one; with `pipe` the same source runs as into a pipe.
    let plain = l.program_with(&l.default_settings()).unwrap();
    assert_eq!(plain.stdout, None);
    let s = l.settings_from(&["output=pipe", "daemon=on"]).unwrap();
    let piped = l.program_with(&s).unwrap();
    assert_eq!(piped.stdout, Some(StdoutMode::Pipe));
    assert_eq!(piped.changed_lines(), [5]);
    assert!(piped.knob_lines.iter().all(|kl| kl.knob != "output"));
    // A knob may both edit a line and set the mode.
    let both = with_output_knob(
        "run = { pipe = { stdout = \"unbuffered\" } }\n\n[[knob.edit]]\nfind = \"print(\\\"end\\\")\"\n\
         when = { pipe = \"print(\\\"end\\\", flush=True)\" }",
    );
    let l = load_toml(&both).unwrap();
    let p = l
        .program_with(&l.settings_from(&["output=pipe"]).unwrap())
        .unwrap();
    assert_eq!(p.stdout, Some(StdoutMode::Unbuffered));
    assert!(p.source.contains("print(\"end\", flush=True)"));
    assert_eq!(check_with(&[Ok(l)], &|_, _| Ok(())), Vec::new());
}

#[test]
fn a_knobs_run_is_checked_at_its_place() {
    // An unknown mode is named, with the modes there are.
    assert_one(
        &with_output_knob("run = { pipe = { stdout = \"file\" } }"),
        &format!(
            "{T}:35:27: knob `output`: unknown stdout mode `file` (use tty, pipe or unbuffered)"
        ),
    );
    // An option the knob does not have.
    assert_one(
        &with_output_knob("run = { pipes = { stdout = \"pipe\" } }"),
        &format!("{T}:35:9: knob `output` has no option `pipes` (options: terminal|pipe)"),
    );
    // At its default a knob leaves the run alone.
    assert_one(
        &with_output_knob("run = { terminal = { stdout = \"tty\" } }"),
        &format!(
            "{T}:35:9: knob `output`: at its default `terminal` a knob leaves the run as it is \
             (the program on disk runs as a terminal shows it); drop this entry"
        ),
    );
    // An option that changes nothing.
    assert_one(
        &with_output_knob("run = { pipe = {} }"),
        &format!(
            "{T}:35:16: knob `output`: run.pipe changes nothing: add stdout = \"pipe\" (tty, pipe \
             or unbuffered)"
        ),
    );
    // A typo in the run table.
    assert_one(
        &with_output_knob("run = { pipe = { stdot = \"pipe\" } }"),
        &format!("{T}:35:18: unknown field `stdot`, expected `stdout` (see docs/lesson-format.md)"),
    );
    // Two knobs that set stdout could disagree.
    let two = format!(
        "{}\n[[knob]]\nname = \"again\"\nkey = \"a\"\nlabel = {{ en = \"a\", zh = \"再\" }}\n\
         run = {{ on = {{ stdout = \"unbuffered\" }} }}\n",
        with_output_knob("run = { pipe = { stdout = \"pipe\" } }")
    );
    assert_eq!(
        problems(&two),
        [format!(
            "{T}:41:7: knob `again`: knob `output` already sets the run's stdout, and two could \
             disagree; let one knob set it"
        )]
    );
}

#[test]
fn the_lesson_03_output_knob_runs_into_a_pipe() {
    use crate::trace::StdoutMode;
    let l = shipped().into_iter().find(|l| l.id == "03-join").unwrap();
    let out = l.knob("output").unwrap();
    assert_eq!(out.options, ["terminal", "pipe"]);
    assert_eq!(out.stdout_for("pipe"), Some(StdoutMode::Pipe));
    let s = l
        .settings_from(&["output=pipe", "flush=on", "join=timeout", "daemon=on"])
        .unwrap();
    let p = l.program_with(&s).unwrap();
    assert_eq!(p.stdout, Some(StdoutMode::Pipe));
    assert!(p.source.contains("print(i, flush=True)"));
    assert!(p.source.contains("p.join(1.5)"));
}

// ---- [[predict]] ----

/// `GOOD` with a `[[predict]]` table of `body` appended.
fn with_predict(body: &str) -> String {
    format!("{GOOD}\n[[predict]]\n{body}\n")
}

const QUESTION: &str =
    "question = { en = \"q\", zh = \"问题\" }\nexplain = { en = \"e\", zh = \"解释\" }";

/// `path:line:col` of the first `needle` in `toml` (1-based, columns in characters).
fn at(toml: &str, needle: &str) -> String {
    let offset = toml.find(needle).unwrap_or_else(|| panic!("{needle}"));
    let line = toml[..offset].matches('\n').count() + 1;
    let col = toml[..offset].rsplit('\n').next().unwrap().chars().count() + 1;
    format!("{T}:{line}:{col}")
}

#[test]
fn predictions_load_with_their_kind_and_knobs() {
    let toml = with_predict(&format!(
        "{QUESTION}\nkind = \"ending\"\nprocess = \"Process-1\"\nset = [\"daemon=on\"]\n\
         choices = [\"exit code 0\", \"SIGTERM\"]"
    ));
    let l = load_toml(&toml).unwrap();
    let p = &l.predictions[0];
    assert_eq!(
        p.ask,
        Ask::Ending {
            process: "Process-1".into()
        }
    );
    assert_eq!(p.set, [("daemon".to_string(), "on".to_string())]);
    assert_eq!(p.choices, ["exit code 0", "SIGTERM"]);
    assert!(!p.any);
    assert_eq!(p.question.zh, "问题");
    let toml = with_predict(&format!(
        "{QUESTION}\nkind = \"time\"\ntolerance = 2\nchoices = [3, 12.5]"
    ));
    let p = &load_toml(&toml).unwrap().predictions[0];
    assert_eq!(p.ask, Ask::Time { tolerance: 2.0 });
    assert_eq!(p.choices, ["3", "12.5"]);
}

#[test]
fn prediction_mistakes_are_said_at_their_place() {
    let toml = with_predict(&format!(
        "{QUESTION}\nkind = \"order\"\nchoices = [\"a\", \"b\"]"
    ));
    assert_one(
        &toml,
        &format!(
            "{}: kind `order` is not one of last_line, appears, ending, value, time",
            at(&toml, "\"order\"")
        ),
    );
    let toml = with_predict(&format!(
        "{QUESTION}\nkind = \"value\"\nchoices = [\"a\", \"b\"]"
    ));
    assert_one(
        &toml,
        &format!(
            "{}: kind = \"value\" needs `prefix`: add prefix = \"counter:\" (the value is the word after it)",
            at(&toml, "[[predict]]")
        ),
    );
    let toml = with_predict(&format!(
        "{QUESTION}\nkind = \"last_line\"\nprocess = \"Process-1\"\nchoices = [\"a\", \"b\"]"
    ));
    assert_one(
        &toml,
        &format!(
            "{}: `process` belongs to kind = \"ending\" only: remove it",
            at(&toml, "\"Process-1\"")
        ),
    );
    let toml = with_predict(&format!(
        "{QUESTION}\nkind = \"last_line\"\nchoices = [\"a\", \"a\"]"
    ));
    let p = problems(&toml);
    assert!(
        p.contains(&format!(
            "{}: the choice `a` is there twice",
            at(&toml, "\"a\"]")
        )) && p.contains(&format!(
            "{}: a [[predict]] needs at least two choices",
            at(&toml, "[\"a\"")
        )),
        "{p:?}"
    );
    let toml = with_predict(&format!(
        "{QUESTION}\nkind = \"time\"\ntolerance = 0\nchoices = [1, \"soon\"]"
    ));
    let p = problems(&toml);
    assert!(
        p.contains(&format!(
            "{}: tolerance is a number of seconds above 0, not 0",
            at(&toml, "0\nchoices")
        )) && p.contains(&format!(
            "{}: kind = \"time\": a choice is seconds, not `soon`",
            at(&toml, "\"soon\"")
        )),
        "{p:?}"
    );
    let toml = with_predict(&format!(
        "{QUESTION}\nkind = \"ending\"\nprocess = \"worker\"\nset = [\"daemon=maybe\"]\nchoices = [\"a\", \"b\"]"
    ));
    let p = problems(&toml);
    assert!(
        p.contains(&format!(
            "{}: process `worker` is not a process name: write it as Python names it \
             (`MainProcess`, `Process-1`, `ForkPoolWorker-3`)",
            at(&toml, "\"worker\"")
        )) && p.contains(&format!(
            "{}: set: knob daemon takes on|off, not `maybe`",
            at(&toml, "\"daemon=maybe\"")
        )),
        "{p:?}"
    );
    let toml = with_predict("kind = \"appears\"\nany = true\nchoices = [\"a\", \"b\"]");
    let p = problems(&toml);
    let head = at(&toml, "[[predict]]");
    assert!(
        p.contains(&format!(
            "{head}: this [[predict]] has no `question`: add question = {{ en = \"...\", zh = \"...\" }}"
        )) && p.contains(&format!(
            "{head}: kind = \"appears\" is graded line by line: it cannot take any = true"
        )),
        "{p:?}"
    );
}

#[test]
fn every_shipped_lesson_asks_at_least_two_predictions() {
    for entry in catalog() {
        let l = entry.expect("every lesson loads");
        assert!(l.predictions.len() >= 2, "{}", l.id);
        for p in &l.predictions {
            assert!(p.question.zh.chars().any(super::model::is_wide), "{}", l.id);
            assert!(p.explain.zh.chars().any(super::model::is_wide), "{}", l.id);
        }
    }
}

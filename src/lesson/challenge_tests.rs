//! Tests of loading `[[challenge]]`: a good one, and each mistake said at its `file:line:col`.

use std::io;
use std::path::Path;

use super::load::{ReadFile, load_with};
use super::*;

const MAIN: &str = "import multiprocessing

if __name__ == \"__main__\":
    p = multiprocessing.Process(target=print)
    # p.daemon = True
    p.start()
    print(\"end\")
";

const LESSON: &str = r##"title = { en = "daemon", zh = "守护" }
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
"##;

const TEXT: &str =
    "text = { en = \"make it\", zh = \"做到\" }\nhint = { en = \"hold\", zh = \"暂停\" }";

const T: &str = "lessons/02-daemon/lesson.toml";

/// The lesson with `tail` appended: the lesson, or its diagnostics as strings.
fn load(tail: &str) -> Result<Lesson, Vec<String>> {
    let toml = format!("{LESSON}\n{tail}\n");
    let files = [("lesson.toml", toml.as_str()), ("main.py", MAIN)];
    let read = |name: &str| {
        files
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| (*t).to_string())
            .ok_or_else(|| io::Error::from(io::ErrorKind::NotFound))
    };
    let read: ReadFile = &read;
    load_with(&Path::new("lessons").join("02-daemon"), Origin::Disk, read)
        .map_err(|e| e.diagnostics.iter().map(ToString::to_string).collect())
}

/// `file:line:col` of the first `needle` in the lesson with `tail` appended.
fn at(tail: &str, needle: &str) -> String {
    let toml = format!("{LESSON}\n{tail}\n");
    let offset = toml.find(needle).unwrap_or_else(|| panic!("{needle}"));
    let line = toml[..offset].matches('\n').count() + 1;
    let col = toml[..offset].rsplit('\n').next().unwrap().chars().count() + 1;
    format!("{T}:{line}:{col}")
}

fn one_problem(tail: &str, expected: &str) {
    assert_eq!(
        load(tail).err().unwrap_or_default(),
        vec![expected.to_string()]
    );
}

#[test]
fn a_challenge_loads_with_its_goals_and_knobs() {
    let tail = format!(
        "[[challenge]]\n{TEXT}\nset = [\"daemon=on\"]\n\n[[challenge.goal]]\nkind = \"appears\"\n\
         line = \"2\"\n\n[[challenge.goal]]\nkind = \"ending\"\nprocess = \"Process-1\"\n\
         ending = \"SIGTERM\"\n\n[[challenge.goal]]\nkind = \"deadlock\"\n\n\
         [[challenge.goal]]\nkind = \"time\"\nseconds = 3\n\n[[challenge.goal]]\n\
         kind = \"raises\"\nexception = \"ValueError\""
    );
    let l = load(&tail).unwrap();
    let c = l.challenge.unwrap();
    assert_eq!(c.set, [("daemon".to_string(), "on".to_string())]);
    assert_eq!(c.hint.zh, "暂停");
    assert_eq!(
        c.goals,
        vec![
            Goal::Appears { line: "2".into() },
            Goal::Ending {
                process: "Process-1".into(),
                ending: "SIGTERM".into()
            },
            Goal::Deadlock,
            Goal::Time {
                seconds: 3.0,
                tolerance: 0.5
            },
            Goal::Raises {
                exception: "ValueError".into(),
                process: None
            },
        ]
    );
    assert!(
        load("").unwrap().challenge.is_none(),
        "a challenge is optional"
    );
}

#[test]
fn challenge_mistakes_are_said_at_their_place() {
    let tail = format!("[[challenge]]\n{TEXT}\n\n[[challenge.goal]]\nkind = \"order\"");
    one_problem(
        &tail,
        &format!(
            "{}: kind `order` is not one of last_line, appears, ending, value, time, before, \
             raises, deadlock",
            at(&tail, "\"order\"")
        ),
    );
    let tail =
        format!("[[challenge]]\n{TEXT}\n\n[[challenge.goal]]\nkind = \"before\"\nfirst = \"a\"");
    one_problem(
        &tail,
        &format!(
            "{}: kind = \"before\" needs `then`: add then = \"recv: 0\" (the line that must come \
             after it)",
            at(&tail, "[[challenge.goal]]")
        ),
    );
    let tail =
        format!("[[challenge]]\n{TEXT}\n\n[[challenge.goal]]\nkind = \"deadlock\"\nline = \"end\"");
    one_problem(
        &tail,
        &format!(
            "{}: kind = \"deadlock\" takes no other field: remove `line`",
            at(&tail, "\"end\"")
        ),
    );
    let tail = format!(
        "[[challenge]]\n{TEXT}\n\n[[challenge.goal]]\nkind = \"appears\"\nline = \"end\"\nprocess = \"Process-1\""
    );
    one_problem(
        &tail,
        &format!(
            "{}: kind = \"appears\" takes line, not `process`: remove it",
            at(&tail, "\"Process-1\"")
        ),
    );
    let tail = "[[challenge]]\nhint = { en = \"hold\", zh = \"暂停\" }";
    let problems = load(tail).unwrap_err();
    assert_eq!(
        problems,
        vec![
            format!(
                "{}: this [[challenge]] has no `text`: add text = {{ en = \"...\", zh = \"...\" }}",
                at(tail, "[[challenge]]")
            ),
            format!(
                "{}: this [[challenge]] has no goal: add a [[challenge.goal]] with kind = \"...\", \
                 one of last_line, appears, ending, value, time, before, raises, deadlock",
                at(tail, "[[challenge]]")
            ),
        ]
    );
    let goal = "[[challenge.goal]]\nkind = \"deadlock\"";
    let tail = format!("[[challenge]]\n{TEXT}\n\n{goal}\n\n[[challenge]]\n{TEXT}\n\n{goal}");
    let second = format!("{LESSON}\n{tail}\n")
        .rfind("[[challenge]]")
        .unwrap();
    let toml = format!("{LESSON}\n{tail}\n");
    let line = toml[..second].matches('\n').count() + 1;
    let problems = load(&tail).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with(&format!("{T}:{line}:"))
            && problems[0].ends_with("a lesson has at most one [[challenge]]: remove this one or merge its goals into the first"),
        "{problems:?}"
    );
    let tail = format!("[[challenge]]\n{TEXT}\nset = [\"daemon=maybe\"]\n\n{goal}");
    one_problem(
        &tail,
        &format!(
            "{}: set: knob daemon takes on|off, not `maybe`",
            at(&tail, "\"daemon=maybe\"")
        ),
    );
}

#[test]
fn every_shipped_lesson_has_a_challenge_with_both_languages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
    let lessons = catalog_in(&dir);
    assert_eq!(lessons.len(), 9);
    for l in lessons {
        let l = l.expect("every shipped lesson loads");
        let c = l
            .challenge
            .unwrap_or_else(|| panic!("{} has no [[challenge]]", l.id));
        assert!(!c.goals.is_empty(), "{}", l.id);
        assert!(
            !c.text.zh.is_empty() && !c.hint.zh.is_empty(),
            "{}: both languages",
            l.id
        );
    }
}

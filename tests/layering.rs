//! The layering of `src/lib.rs` as a checked fact: each top-level module may name only the modules
//! below it (`crate::other::...`), so an upward import fails this test instead of slipping in. The
//! few places where a face reaches past its neighbours are listed with the reason they may.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What each module may name, bottom to top (lib.rs: "arrows point down only").
const ALLOWED: &[(&str, &[&str])] = &[
    ("trace", &[]),
    ("runtime", &["trace"]),
    ("python", &["runtime", "trace"]),
    ("session", &["trace"]),
    ("export", &["session", "trace"]),
    ("lesson", &["session", "trace"]),
    ("cli", &["export", "lesson", "session", "trace", "tui"]),
    ("tui", &["export", "lesson", "session", "trace"]),
];

/// Files allowed one more arrow, and why.
const EXCEPTIONS: &[(&str, &str, &str)] = &[
    // The lesson process's entry: the binary re-executed as a lesson process runs the interpreter.
    (
        "src/cli/lesson_main.rs",
        "python",
        "the lesson process runs the interpreter",
    ),
    (
        "src/cli/lesson_main.rs",
        "runtime",
        "the lesson process sets up its runtime",
    ),
    // Checking a lesson's program parses it, before any run.
    (
        "src/lesson/check.rs",
        "python",
        "a lesson's program is parsed when it is checked",
    ),
    // The playground colours code with the parser's tokens and checks a program before a run.
    (
        "src/tui/app.rs",
        "python",
        "tokens to colour the code; a program checked before its run",
    ),
    (
        "src/tui/view/code.rs",
        "python",
        "tokens to colour the code",
    ),
    // The held view shows a schedule as the sentences `forkyard run --schedule` reads.
    (
        "src/tui/held.rs",
        "cli",
        "a schedule written as the headless face writes it",
    ),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The top-level modules `text` names as `crate::NAME`.
fn named_modules(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let word = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    for (at, _) in text.match_indices("crate::") {
        // `$crate::` in a macro is the crate itself, named the same way.
        let rest = &text[at + 7..];
        let names: Vec<String> = match rest.strip_prefix('{') {
            // `use crate::{python, session::x}`: each path's first name, at the braces' depth.
            Some(group) => {
                let mut depth = 0;
                let mut starts = vec![0];
                let mut end = group.len();
                for (i, c) in group.char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => {
                            end = i;
                            break;
                        }
                        '}' => depth -= 1,
                        ',' if depth == 0 => starts.push(i + 1),
                        _ => {}
                    }
                }
                starts
                    .into_iter()
                    .filter(|&s| s <= end)
                    .map(|s| word(&group[s..end]))
                    .collect()
            }
            None => vec![word(rest)],
        };
        for name in names {
            if ALLOWED.iter().any(|(m, _)| *m == name) {
                out.insert(name);
            }
        }
    }
    out
}

#[test]
fn every_module_names_only_the_modules_below_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut wrong = Vec::new();
    let mut checked = 0;
    for (module, below) in ALLOWED {
        let mut files = Vec::new();
        rust_files(&root.join("src").join(module), &mut files);
        let single = root.join("src").join(format!("{module}.rs"));
        if single.exists() {
            files.push(single);
        }
        assert!(!files.is_empty(), "src/{module} has no files");
        for file in files {
            let rel = file
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(&file).unwrap();
            checked += 1;
            for named in named_modules(&text) {
                let ok = named == *module
                    || below.contains(&named.as_str())
                    || EXCEPTIONS
                        .iter()
                        .any(|(f, to, _)| *f == rel && *to == named);
                if !ok {
                    wrong.push(format!(
                        "{rel} names crate::{named}: {module} may name only {below:?}"
                    ));
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} files were read");
    assert!(wrong.is_empty(), "upward imports:\n{}", wrong.join("\n"));
}

#[test]
fn the_exceptions_are_still_needed() {
    // An exception whose file no longer names the module is stale: it would let a later upward
    // import into that file pass unseen.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (file, to, why) in EXCEPTIONS {
        let text = std::fs::read_to_string(root.join(file))
            .unwrap_or_else(|e| panic!("{file} ({why}): {e}"));
        assert!(
            named_modules(&text).contains(*to),
            "{file} no longer names crate::{to}: remove its exception ({why})"
        );
    }
}

#[test]
fn a_name_is_read_whole() {
    let names = named_modules("use crate::python::x; crate::tui_extra; crate::trace::Op");
    assert_eq!(
        names.into_iter().collect::<Vec<_>>(),
        vec!["python".to_string(), "trace".to_string()]
    );
    let grouped = named_modules("use crate::{\n    session::{a, b},\n    tui,\n};");
    assert_eq!(
        grouped.into_iter().collect::<Vec<_>>(),
        vec!["session".to_string(), "tui".to_string()]
    );
}

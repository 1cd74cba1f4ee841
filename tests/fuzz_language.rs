//! Hostile input for the language: programs from the conformance corpus, mutated (lines deleted,
//! swapped, duplicated, truncated, random tokens, deep nesting, huge literals, long lines, unusual
//! unicode) and programs generated from scratch. Each one must end, within a step budget, in a
//! result or a clear Python error — never a panic, never a hang.
//!
//! `FORKYARD_FUZZ_CASES=N` runs more cases (default 3000 in CI time).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use forkyard::python;
use forkyard::runtime::capture::capture;

mod fuzz_support;
use fuzz_support::Rng;

const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ".",
    "=",
    "==",
    "+",
    "-",
    "*",
    "**",
    "/",
    "//",
    "%",
    "lambda",
    "def",
    "class",
    "return",
    "if",
    "else",
    "elif",
    "while",
    "for",
    "in",
    "not",
    "and",
    "or",
    "is",
    "None",
    "True",
    "False",
    "try",
    "except",
    "finally",
    "raise",
    "with",
    "as",
    "yield",
    "async",
    "await",
    "global",
    "nonlocal",
    "del",
    "pass",
    "break",
    "continue",
    "import",
    "from",
    "x",
    "y",
    "print",
    "len",
    "range",
    "0",
    "1",
    "-1",
    "3.5",
    "'s'",
    "\"t\"",
    "f'{x}'",
    "\\",
    "\n",
    "    ",
    "\t",
    "#",
    "@",
    "->",
    ":=",
    "...",
    "中文",
    "é",
    "\u{200b}",
    "\u{1F600}",
    "'",
    "\"\"\"",
];

/// The single-process corpus programs (multi-process ones, `multiprocessing` or `concurrent.futures`,
/// would fork inside the test harness, and signal ones would signal it: a mutation that drops a `try` around `raise_signal(SIGINT)` ends the
/// whole test binary).
fn seeds() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("tests/corpus exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .filter_map(|p| {
            let src = std::fs::read_to_string(&p).ok()?;
            // `concurrent.futures` starts worker processes too, and a mutated program could wait on
            // them forever; a one-process `queue.get()` with nothing put waits forever as CPython's.
            let single = !src.contains("multiprocessing")
                && !src.contains("concurrent")
                && !src.contains("import queue")
                && !src.contains("from queue")
                && !src.contains("import signal");
            single.then(|| (p.display().to_string(), src))
        })
        .collect();
    out.sort();
    assert!(
        out.len() >= 40,
        "the corpus should give at least 40 single-process seeds, found {}",
        out.len()
    );
    out.into_iter().map(|(_, s)| s).collect()
}

fn mutate(src: &str, r: &mut Rng) -> String {
    let mut lines: Vec<String> = src.lines().map(String::from).collect();
    let n = lines.len().max(1);
    for _ in 0..1 + r.below(3) {
        match r.below(10) {
            0 if !lines.is_empty() => {
                lines.remove(r.below(lines.len()));
            }
            1 if lines.len() > 1 => {
                let (a, b) = (r.below(lines.len()), r.below(lines.len()));
                lines.swap(a, b);
            }
            2 if !lines.is_empty() => {
                let i = r.below(lines.len());
                let l = lines[i].clone();
                lines.insert(i, l);
            }
            3 if !lines.is_empty() => {
                let i = r.below(lines.len());
                let cut = r.below(lines[i].len() + 1);
                let cut = (0..=cut)
                    .rev()
                    .find(|c| lines[i].is_char_boundary(*c))
                    .unwrap_or(0);
                lines[i].truncate(cut);
            }
            4 => {
                let i = r.below(n).min(lines.len());
                let tok = r.pick(TOKENS).to_string();
                match lines.get_mut(i) {
                    Some(l) => {
                        let at = r.below(l.len() + 1);
                        let at = (0..=at).rev().find(|c| l.is_char_boundary(*c)).unwrap_or(0);
                        l.insert_str(at, &tok);
                    }
                    None => lines.push(tok),
                }
            }
            5 => {
                let depth = 1 + r.below(3000);
                lines.push(format!("z = {}1{}", "(".repeat(depth), ")".repeat(depth)));
            }
            6 => {
                let depth = 1 + r.below(5000);
                lines.push(format!("z = {}1", "-".repeat(depth)));
            }
            7 => {
                let digits = 1 + r.below(60);
                lines.push(format!("z = {} * 7", "9".repeat(digits)));
            }
            8 => lines.push(format!("z = '{}'", "ab\u{301}中".repeat(r.below(20_000)))),
            _ => {
                let i = r.below(n).min(lines.len());
                let stmt = r.pick(&[
                    "while True: pass",
                    "x = [x for x in range(10**9)]",
                    "s = 'a' * 10**12",
                    "def f(): return f()\nf()",
                    "l = list(range(10**15))",
                    "import socket",
                    "open('/etc/passwd')",
                    "raise SystemExit(3)",
                    "del undefined_name",
                    "x = {}; x[[]] = 1",
                ]);
                lines.insert(i, stmt.to_string());
            }
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// A program made from scratch: nested statements of random small expressions.
fn generate(r: &mut Rng) -> String {
    let mut out = String::new();
    let depth = 1 + r.below(6);
    for d in 0..depth {
        let indent = "    ".repeat(d);
        let head = r.pick(&[
            "if x:",
            "for i in range(3):",
            "while x > 100:",
            "try:",
            "def g(a, *b, **c):",
            "class C(object):",
        ]);
        out.push_str(&format!("{indent}x = {}\n{indent}{head}\n", r.below(10)));
    }
    let indent = "    ".repeat(depth);
    for _ in 0..1 + r.below(4) {
        let expr: Vec<&str> = (0..1 + r.below(8)).map(|_| r.pick(TOKENS)).collect();
        out.push_str(&format!("{indent}print({})\n", expr.join(" ")));
    }
    out
}

/// Runs one program in-process; `Err` says what went wrong (a panic, or an error with no message).
fn check(src: &str) -> Result<i32, String> {
    let ran = catch_unwind(AssertUnwindSafe(|| {
        capture(|| python::run_with_budget(src, "fuzz.py", 20_000))
    }));
    let (code, got) = ran.map_err(|p| {
        let msg = p
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()));
        format!("panicked: {}", msg.unwrap_or_default())
    })?;
    if code != 0 {
        // The error's own line: under a traceback, the first line after its indented frames
        // (notes from `add_note` may follow it); else the last line but a Python 2 form's hint
        // (`Hint: this is Python 2 ...`), which follows it.
        // An uncaught exception group's own line is inside its box (`  | ExceptionGroup: ...`).
        let group = got
            .stderr
            .find("+ Exception Group Traceback (most recent call last):\n")
            .and_then(|at| {
                got.stderr[at..]
                    .lines()
                    .skip(1)
                    .filter_map(|l| l.strip_prefix("  | "))
                    .find(|l| !l.starts_with(' '))
            });
        let last = match got.stderr.rfind("Traceback (most recent call last):\n") {
            _ if group.is_some() => group.unwrap_or(""),
            Some(at) => got.stderr[at..]
                .lines()
                .skip(1)
                .find(|l| !l.starts_with(' '))
                .unwrap_or(""),
            None => got
                .stderr
                .lines()
                .rev()
                .find(|l| !l.starts_with("Hint: "))
                .unwrap_or(""),
        };
        let named = last.split(':').next().is_some_and(|k| {
            k.ends_with("Error")
                || k.ends_with("Exception")
                || k == "NotSupported"
                || k == "KeyboardInterrupt"
                || (group.is_some() && k.ends_with("ExceptionGroup"))
                // A program's own exception class (`InsufficientFunds: ...`) under a traceback.
                || (got.stderr.starts_with("Traceback (most recent call last):")
                    && !k.is_empty()
                    && k.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '.'))
        });
        // sys.exit(n) ends quietly with its code; anything else must say what went wrong. A
        // program that wrote to stderr (a logging line) before `raise SystemExit(3)` ends with
        // that line and its code, as under CPython.
        let quiet_exit = got.stderr.is_empty() && code != 1;
        if !named && !quiet_exit && !src.contains("exit") && !src.contains("SystemExit") {
            return Err(format!(
                "exit {code} without a clear error; stderr ends with {last:?}"
            ));
        }
    }
    Ok(code)
}

#[test]
fn mutated_and_generated_programs_end_in_a_result_or_a_clear_error() {
    let cases: usize = std::env::var("FORKYARD_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3000);
    let seeds = seeds();
    let (mut ok, mut errors) = (0usize, 0usize);
    let mut failures = Vec::new();
    let started = std::time::Instant::now();
    for case in 0..cases {
        let mut r = Rng::new(case as u64 + 1);
        let src = if case % 4 == 3 {
            generate(&mut r)
        } else {
            mutate(&seeds[case % seeds.len()], &mut r)
        };
        let t = std::time::Instant::now();
        match check(&src) {
            Ok(0) => ok += 1,
            Ok(_) => errors += 1,
            Err(why) => failures.push(format!("case {case}: {why}\n--- program ---\n{src}")),
        }
        if t.elapsed().as_secs() > 20 {
            failures.push(format!(
                "case {case}: took {:?} (a hang)\n--- program ---\n{src}",
                t.elapsed()
            ));
        }
    }
    println!(
        "fuzz: {cases} cases in {:.1?}: {ok} ran to the end, {errors} ended in a Python error, {} panics or unclear endings",
        started.elapsed(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} bad cases; the first:\n{}",
        failures.len(),
        failures[0]
    );
}

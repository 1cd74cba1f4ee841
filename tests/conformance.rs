//! The conformance corpus: every program in `tests/corpus/` runs under forkyard and must print what
//! CPython 3.11 prints (committed as `NAME.out` / `NAME.err` / `NAME.code`), at speed 1 and at
//! `--speed 10`, and, where CPython 3.11 is installed, what it prints live. `tests/corpus/README.md`
//! describes the files, the `# forkyard-compare:` header and the normalization of tracebacks.
//!
//! All mismatches are collected and reported in one failure, so one broken feature never hides
//! another.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{Read, Write as _};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, mpsc};
use std::time::{Duration, Instant};

const FORKYARD: &str = env!("CARGO_BIN_EXE_forkyard");
/// forkyard's own wall timeout for one run (`run --timeout`).
const FORKYARD_TIMEOUT_S: u32 = 20;
/// The harness's limit for one run of anything: past it the run's process group is killed.
const HARNESS_LIMIT: Duration = Duration::from_secs(45);
/// The corpus is recorded with this CPython; other versions word some messages differently.
const CPYTHON_VERSION: &str = "3.11";
/// The header options a program may declare (`# forkyard-compare: OPTION`).
const KNOWN_OPTIONS: &[&str] = &["sorted"];

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// Writes straight to the test process's stderr: unlike `eprintln!`, libtest does not capture it,
/// so a skipped comparison is visible even when the test passes.
fn notice(text: &str) {
    let _ = writeln!(std::io::stderr(), "conformance: {text}");
}

/// One program of the corpus.
#[derive(Clone, Debug)]
struct Program {
    /// `NN_name`
    name: String,
    /// Options from `# forkyard-compare:` header lines.
    options: Vec<String>,
}

impl Program {
    fn file_name(&self) -> String {
        format!("{}.py", self.name)
    }

    fn sorted(&self) -> bool {
        self.options.iter().any(|o| o == "sorted")
    }
}

/// Reads the `# forkyard-compare:` options from the comment lines at the top of a program.
fn header_options(source: &str) -> Vec<String> {
    let mut options = Vec::new();
    for line in source.lines() {
        let line = line.trim();
        if !line.starts_with('#') {
            break;
        }
        if let Some(rest) = line
            .trim_start_matches('#')
            .trim()
            .strip_prefix("forkyard-compare:")
        {
            options.extend(
                rest.split([',', ' '])
                    .filter(|s| !s.is_empty())
                    .map(String::from),
            );
        }
    }
    options
}

/// Every `.py` in the corpus, sorted by name (optionally filtered by `FORKYARD_CORPUS_FILTER`).
fn programs() -> Vec<Program> {
    let filter = std::env::var("FORKYARD_CORPUS_FILTER").unwrap_or_default();
    let mut list = Vec::new();
    for entry in std::fs::read_dir(corpus_dir()).expect("tests/corpus is readable") {
        let path = entry.expect("corpus entry").path();
        if path.extension().is_none_or(|e| e != "py") {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if !name.contains(&filter) {
            continue;
        }
        let source = std::fs::read_to_string(&path).expect("program is UTF-8");
        list.push(Program {
            name,
            options: header_options(&source),
        });
    }
    list.sort_by(|a, b| a.name.cmp(&b.name));
    list
}

/// What one run printed and how it ended.
#[derive(Clone, Debug, PartialEq)]
struct Outcome {
    stdout: String,
    stderr: String,
    /// Exit status; a death by signal N is `-N` (as `Process.exitcode` says it).
    code: Option<i32>,
    /// Set when the harness had to kill the run.
    harness_timeout: bool,
}

/// The committed CPython output of a program.
fn expected(p: &Program) -> Outcome {
    let dir = corpus_dir();
    let read = |ext: &str| std::fs::read_to_string(dir.join(format!("{}.{ext}", p.name)));
    let code = match read("code") {
        Ok(text) => text.trim().parse().expect("NAME.code holds an integer"),
        Err(_) => 0,
    };
    Outcome {
        stdout: read("out").unwrap_or_default(),
        stderr: read("err").unwrap_or_default(),
        code: Some(code),
        harness_timeout: false,
    }
}

/// Runs a command from the corpus directory with stdin closed, capturing stdout and stderr
/// separately, in its own process group so that a run past `HARNESS_LIMIT` is killed whole.
fn run_captured(mut cmd: Command) -> Result<Outcome, String> {
    cmd.current_dir(corpus_dir())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start {cmd:?}: {e}"))?;
    let group = child.id() as i32;
    let kill_group = || unsafe {
        libc::kill(-group, libc::SIGKILL);
    };
    let (tx, rx) = mpsc::channel();
    for (stream, mut pipe) in [
        (
            0,
            Box::new(child.stdout.take().unwrap()) as Box<dyn Read + Send>,
        ),
        (1, Box::new(child.stderr.take().unwrap())),
    ] {
        let tx = tx.clone();
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            let _ = tx.send((stream, bytes));
        });
    }
    drop(tx);
    let deadline = Instant::now() + HARNESS_LIMIT;
    let mut harness_timeout = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if Instant::now() >= deadline => {
                harness_timeout = true;
                kill_group();
                break child.wait().ok();
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(format!("waiting for {cmd:?}: {e}")),
        }
    };
    // The pipes close when every process holding them is gone; a leftover process (an orphaned
    // child) keeps them open, so it gets until the deadline, then the group is killed.
    let mut streams = [Vec::new(), Vec::new()];
    for _ in 0..2 {
        let left = deadline
            .saturating_duration_since(Instant::now())
            .max(Duration::from_secs(1));
        let got = match rx.recv_timeout(left) {
            Ok(got) => got,
            Err(_) => {
                harness_timeout = true;
                kill_group();
                rx.recv_timeout(Duration::from_secs(5))
                    .map_err(|_| format!("{cmd:?}: output pipes stayed open after kill"))?
            }
        };
        streams[got.0] = got.1;
    }
    let code = status.and_then(|s| s.code().or_else(|| s.signal().map(|n| -n)));
    let [stdout, stderr] = streams.map(|b| String::from_utf8_lossy(&b).into_owned());
    Ok(Outcome {
        stdout,
        stderr,
        code,
        harness_timeout,
    })
}

/// How a program is run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Runner {
    Forkyard,
    ForkyardFast,
    CPython,
}

impl Runner {
    fn label(self) -> &'static str {
        match self {
            Runner::Forkyard => "forkyard",
            Runner::ForkyardFast => "forkyard --speed 10",
            Runner::CPython => "CPython (live)",
        }
    }

    fn command(self, p: &Program, python: &str) -> Command {
        match self {
            Runner::Forkyard | Runner::ForkyardFast => {
                let mut cmd = Command::new(FORKYARD);
                cmd.arg("run")
                    .arg(p.file_name())
                    .args(["--format", "plain"])
                    // CPython runs with `-u`: the same buffering on both sides.
                    .args(["--stdout", "unbuffered"]);
                cmd.args(["--timeout", &FORKYARD_TIMEOUT_S.to_string()]);
                if self == Runner::ForkyardFast {
                    cmd.args(["--speed", "10"]);
                }
                cmd
            }
            Runner::CPython => {
                let mut cmd = Command::new(python);
                cmd.arg("-u").arg(p.file_name());
                cmd.env("PYTHONHASHSEED", "0")
                    .env("PYTHONIOENCODING", "utf-8")
                    .env("PYTHONDONTWRITEBYTECODE", "1")
                    .env_remove("PYTHONSTARTUP")
                    .env_remove("PYTHONPATH");
                cmd
            }
        }
    }
}

/// The CPython to compare with live, or why there is none.
fn find_cpython() -> Result<(String, String), String> {
    let python = std::env::var("FORKYARD_PYTHON").unwrap_or_else(|_| "python3".into());
    let out = Command::new(&python)
        .args(["-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"])
        .output()
        .map_err(|e| format!("`{python}` cannot be run ({e})"))?;
    if !out.status.success() {
        return Err(format!("`{python}` failed to report its version"));
    }
    let version = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if version != CPYTHON_VERSION && !version.starts_with(&format!("{CPYTHON_VERSION}.")) {
        return Err(format!(
            "`{python}` is CPython {version}; the corpus records CPython {CPYTHON_VERSION} \
             (set FORKYARD_PYTHON to a {CPYTHON_VERSION} interpreter)"
        ));
    }
    Ok((python, version))
}

/// Replaces hexadecimal addresses (six or more digits after `0x`) with `0x?`.
fn scrub_addresses(line: &str) -> String {
    let bytes = line.as_bytes();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'0' && bytes.get(i + 1) == Some(&b'x') {
            let digits = bytes[i + 2..]
                .iter()
                .take_while(|b| b.is_ascii_hexdigit())
                .count();
            if digits >= 6 {
                out.push_str("0x?");
                i += 2 + digits;
                continue;
            }
        }
        let ch = line[i..].chars().next().unwrap();
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

/// Splits text into lines; a missing final newline shows as a line of its own.
fn lines_of(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text.lines().map(scrub_addresses).collect();
    if !text.is_empty() && !text.ends_with('\n') {
        lines.push("<no newline at end>".into());
    }
    lines
}

/// The file of a traceback frame line (`  File "PATH", line N, in F`), if it is one.
fn frame_path(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("  File \"")?;
    let end = rest.find('"')?;
    rest[end..].starts_with("\", line ").then(|| &rest[..end])
}

/// Is this a CPython 3.11 position-marker line (only `^` and `~` after the indentation)?
fn is_marker_line(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && t.chars().all(|c| c == '^' || c == '~')
}

/// The frames of CPython's multiprocessing code that forkyard prints as CPython does (above a
/// Process's target, above a Pool task): file under the stdlib, function.
const REPRODUCED_FRAMES: [(&str, &str); 5] = [
    ("multiprocessing/process.py", "_bootstrap"),
    ("multiprocessing/process.py", "run"),
    ("multiprocessing/pool.py", "worker"),
    ("multiprocessing/pool.py", "mapstar"),
    ("multiprocessing/pool.py", "starmapstar"),
];

/// A frame line of one of [`REPRODUCED_FRAMES`], with its stdlib prefix (CPython's install path,
/// `<stdlib>` in the recorded files, `/usr/lib/python3.11` in forkyard's) made `<stdlib>/`.
fn reproduced_frame(line: &str, path: &str) -> Option<String> {
    let func = line.rsplit(", in ").next()?;
    let (file, _) = REPRODUCED_FRAMES
        .iter()
        .find(|(file, f)| *f == func && path.ends_with(&format!("/{file}")))?;
    Some(line.replacen(path, &format!("<stdlib>/{file}"), 1))
}

/// The stderr normalization of `tests/corpus/README.md`: drop position markers, drop frames of
/// files other than the program (but for CPython's frames forkyard reproduces), reduce the
/// program's path to its file name.
fn normalize_stderr(text: &str, file_name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut skipping_frame = false;
    // CPython names the program by its absolute path in messages too (`<module '__mp_main__' from
    // '/.../NAME.py'>`); regen.sh records them without this directory's prefix.
    let here = format!("{}/", corpus_dir().display());
    for line in lines_of(text) {
        let line = line.replace(&here, "");
        if let Some(path) = frame_path(&line) {
            let base = path.rsplit('/').next().unwrap_or(path);
            skipping_frame = base != file_name;
            if !skipping_frame {
                out.push(line.replacen(path, file_name, 1));
            } else if let Some(kept) = reproduced_frame(&line, path) {
                skipping_frame = false;
                out.push(kept);
            }
            continue;
        }
        if skipping_frame && line.starts_with("    ") {
            continue;
        }
        skipping_frame = false;
        if !is_marker_line(&line) {
            out.push(line);
        }
    }
    out
}

/// An outcome reduced to what is compared.
#[derive(Clone, Debug, PartialEq)]
struct Normalized {
    stdout: Vec<String>,
    stderr: Vec<String>,
    code: Option<i32>,
    harness_timeout: bool,
}

fn normalize(p: &Program, o: &Outcome) -> Normalized {
    let mut stdout = lines_of(&o.stdout);
    let mut stderr = normalize_stderr(&o.stderr, &p.file_name());
    if p.sorted() {
        stdout.sort();
        stderr.sort();
    }
    Normalized {
        stdout,
        stderr,
        code: o.code,
        harness_timeout: o.harness_timeout,
    }
}

/// Describes the first difference of two line lists, or None when equal.
fn first_difference(stream: &str, want: &[String], got: &[String]) -> Option<String> {
    if want == got {
        return None;
    }
    let at = want.iter().zip(got).take_while(|(a, b)| a == b).count();
    let show = |v: &[String]| {
        v.get(at)
            .map_or("<end of output>".to_string(), |l| format!("{l:?}"))
    };
    Some(format!(
        "  {stream}: first difference at line {} ({} lines expected, {} got)\n    expected: {}\n    got:      {}\n",
        at + 1,
        want.len(),
        got.len(),
        show(want),
        show(got)
    ))
}

fn excerpt(title: &str, lines: &[String]) -> String {
    const MAX: usize = 12;
    let mut s = format!("  --- {title} ({} lines) ---\n", lines.len());
    for l in lines.iter().take(MAX) {
        let _ = writeln!(s, "  | {l}");
    }
    if lines.len() > MAX {
        let _ = writeln!(s, "  | ... {} more", lines.len() - MAX);
    }
    s
}

/// Compares two normalized outcomes; on a difference returns the report body.
fn compare(want: &Normalized, got: &Normalized) -> Option<String> {
    let mut report = String::new();
    if got.harness_timeout {
        let _ = writeln!(
            report,
            "  the harness killed the run after {}s",
            HARNESS_LIMIT.as_secs()
        );
    }
    if want.code != got.code {
        let _ = writeln!(
            report,
            "  exit status: expected {:?}, got {:?}",
            want.code, got.code
        );
    }
    let stdout = first_difference("stdout", &want.stdout, &got.stdout);
    let stderr = first_difference("stderr", &want.stderr, &got.stderr);
    report.extend(stdout.clone());
    report.extend(stderr.clone());
    if report.is_empty() {
        return None;
    }
    if stdout.is_some() {
        report += &excerpt("expected stdout", &want.stdout);
        report += &excerpt("got stdout", &got.stdout);
    }
    if stderr.is_some() || want.code != got.code {
        report += &excerpt("expected stderr", &want.stderr);
        report += &excerpt("got stderr", &got.stderr);
    }
    Some(report)
}

/// Runs every (program, runner) job on a few threads; results keyed by (runner, program index).
fn run_all(
    programs: &[Program],
    runners: &[Runner],
    python: &str,
) -> BTreeMap<(Runner, usize), Result<Outcome, String>> {
    let jobs: Vec<(Runner, usize)> = (0..programs.len())
        .flat_map(|i| runners.iter().map(move |&r| (r, i)))
        .collect();
    let threads = std::env::var("FORKYARD_CORPUS_JOBS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map_or(2, |n| n.get())
                .clamp(2, 4)
        });
    let next = AtomicUsize::new(0);
    let results = Mutex::new(BTreeMap::new());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                while let Some(&(runner, i)) = jobs.get(next.fetch_add(1, Ordering::SeqCst)) {
                    let outcome = run_captured(runner.command(&programs[i], python));
                    results.lock().unwrap().insert((runner, i), outcome);
                }
            });
        }
    });
    results.into_inner().unwrap()
}

/// Runs once more, alone, each run that differs from what it is compared with: the programs order
/// their processes by sleeps of 0.2 s, 20 ms at `--speed 10`, and two programs of the corpus run at
/// once on a 2-core machine, so the harness's own load can move a run's timing by that much. A
/// difference that stays when the program runs alone is the one reported; one that goes is said
/// in a notice, never silently.
fn confirm_alone(
    programs: &[Program],
    python: &str,
    results: &mut BTreeMap<(Runner, usize), Result<Outcome, String>>,
) {
    let differs =
        |results: &BTreeMap<(Runner, usize), Result<Outcome, String>>, r: Runner, i: usize| {
            let p = &programs[i];
            let want = normalize(p, &expected(p));
            let get = |r: Runner| {
                results
                    .get(&(r, i))
                    .map(|o| o.as_ref().map(|o| normalize(p, o)))
            };
            let against = match r {
                Runner::ForkyardFast => match get(Runner::Forkyard) {
                    Some(Ok(slow)) => slow,
                    _ => want,
                },
                _ => want,
            };
            match get(r) {
                Some(Ok(got)) => compare(&against, &got).is_some(),
                Some(Err(_)) => true,
                None => false,
            }
        };
    let suspects: Vec<(Runner, usize)> = results
        .keys()
        .copied()
        .filter(|&(r, i)| differs(results, r, i))
        .collect();
    for (r, i) in suspects {
        let again = run_captured(r.command(&programs[i], python));
        results.insert((r, i), again);
        let what = if differs(results, r, i) {
            "differs again when run alone"
        } else {
            "matched when run alone (its first run was moved by the harness's load)"
        };
        notice(&format!("{} under {}: {what}", programs[i].name, r.label()));
    }
}

#[test]
fn corpus_matches_cpython() {
    let programs = programs();
    assert!(
        !programs.is_empty(),
        "no programs in tests/corpus (filter too narrow?)"
    );
    let cpython = find_cpython();
    let mut runners = vec![Runner::Forkyard, Runner::ForkyardFast];
    let python = match &cpython {
        Ok((python, version)) => {
            notice(&format!(
                "live comparison with CPython {version} (`{python}`)"
            ));
            runners.push(Runner::CPython);
            python.clone()
        }
        Err(why) => {
            let line = format!(
                "live CPython comparison SKIPPED: {why}; comparing with the committed CPython output only"
            );
            notice(&line);
            if std::env::var("FORKYARD_REQUIRE_CPYTHON").is_ok_and(|v| v == "1") {
                panic!("{line} (FORKYARD_REQUIRE_CPYTHON=1)");
            }
            String::new()
        }
    };
    let started = Instant::now();
    let mut results = run_all(&programs, &runners, &python);
    confirm_alone(&programs, &python, &mut results);

    let mut failures: BTreeMap<String, String> = BTreeMap::new();
    let mut fail = |p: &Program, what: &str, body: String| {
        let entry = failures.entry(p.name.clone()).or_default();
        let _ = write!(entry, "=== {} [{what}]\n{body}", p.name);
    };
    for (i, p) in programs.iter().enumerate() {
        let want = normalize(p, &expected(p));
        let get = |r: Runner| {
            results
                .get(&(r, i))
                .map(|o| o.as_ref().map(|o| normalize(p, o)))
        };
        let slow = match get(Runner::Forkyard) {
            Some(Ok(n)) => Some(n),
            Some(Err(e)) => {
                fail(p, Runner::Forkyard.label(), format!("  {e}\n"));
                None
            }
            None => None,
        };
        if let Some(slow) = &slow
            && let Some(body) = compare(&want, slow)
        {
            fail(p, "forkyard vs committed CPython output", body);
        }
        match (get(Runner::ForkyardFast), &slow) {
            (Some(Ok(fast)), Some(slow)) => {
                if let Some(body) = compare(slow, &fast) {
                    fail(
                        p,
                        "forkyard --speed 10 vs forkyard at speed 1: output changed with the speed",
                        body,
                    );
                }
            }
            (Some(Err(e)), _) => fail(p, Runner::ForkyardFast.label(), format!("  {e}\n")),
            _ => {}
        }
        match get(Runner::CPython) {
            Some(Ok(live)) => {
                if let Some(body) = compare(&want, &live) {
                    fail(
                        p,
                        "live CPython vs committed CPython output: stale expected files or a nondeterministic program (tests/corpus/regen.sh --check)",
                        body,
                    );
                    // Only then does forkyard-vs-live say something the committed files did not.
                    if let Some(slow) = &slow
                        && let Some(body) = compare(&live, slow)
                    {
                        fail(p, "forkyard vs live CPython", body);
                    }
                }
            }
            Some(Err(e)) => fail(p, Runner::CPython.label(), format!("  {e}\n")),
            None => {}
        }
    }
    notice(&format!(
        "{} programs x {} runners in {:.1}s: {} mismatching",
        programs.len(),
        runners.len(),
        started.elapsed().as_secs_f64(),
        failures.len()
    ));
    if !failures.is_empty() {
        let names: Vec<&str> = failures.keys().map(String::as_str).collect();
        panic!(
            "{} of {} corpus programs do not match CPython: {}\n\n{}",
            failures.len(),
            programs.len(),
            names.join(", "),
            failures.into_values().collect::<String>()
        );
    }
}

#[test]
fn every_program_has_expected_output() {
    let dir = corpus_dir();
    let mut problems = Vec::new();
    let mut names = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some((stem, ext)) = file.rsplit_once('.') else {
            continue;
        };
        match ext {
            "py" => names.push(stem.to_string()),
            "out" | "err" | "code" => {
                if !dir.join(format!("{stem}.py")).exists() {
                    problems.push(format!("{file} has no {stem}.py"));
                }
                if ext == "code" {
                    let text = std::fs::read_to_string(&path).unwrap();
                    match text.trim().parse::<i32>() {
                        Ok(0) => problems.push(format!(
                            "{file} says 0: an exit status of 0 has no .code file"
                        )),
                        Ok(_) => {}
                        Err(_) => {
                            problems.push(format!("{file} does not hold an integer: {text:?}"))
                        }
                    }
                }
                if ext == "err" && std::fs::metadata(&path).unwrap().len() == 0 {
                    problems.push(format!("{file} is empty: an empty stderr has no .err file"));
                }
            }
            _ => {}
        }
    }
    names.sort();
    for name in &names {
        if !dir.join(format!("{name}.out")).exists() {
            problems.push(format!(
                "{name}.py has no {name}.out (record it with tests/corpus/regen.sh {name}.py)"
            ));
        }
        let source = std::fs::read_to_string(dir.join(format!("{name}.py"))).unwrap();
        for option in header_options(&source) {
            if !KNOWN_OPTIONS.contains(&option.as_str()) {
                problems.push(format!("{name}.py: unknown forkyard-compare option {option:?} (known: {KNOWN_OPTIONS:?})"));
            }
        }
    }
    let multi = names.iter().filter(|n| n.contains("_mp_")).count();
    assert!(
        names.len() - multi >= 60,
        "the corpus needs at least 60 single-process programs, has {}",
        names.len() - multi
    );
    assert!(
        multi >= 20,
        "the corpus needs at least 20 multi-process programs, has {multi}"
    );
    assert!(
        problems.is_empty(),
        "corpus problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn stderr_normalization() {
    let cpython = "Process Process-1:\nTraceback (most recent call last):\n  \
        File \"/usr/lib/python3.11/multiprocessing/process.py\", line 314, in _bootstrap\n    \
        self.run()\n  File \"/work/x/tests/corpus/7_t.py\", line 3, in f\n    return a / b\n           \
        ~~^~~\nZeroDivisionError: division by zero\n";
    let forkyard = "Process Process-1:\nTraceback (most recent call last):\n  \
        File \"/usr/lib/python3.11/multiprocessing/process.py\", line 314, in _bootstrap\n    \
        self.run()\n  \
        File \"7_t.py\", line 3, in f\n    return a / b\nZeroDivisionError: division by zero\n";
    assert_eq!(
        normalize_stderr(cpython, "7_t.py"),
        normalize_stderr(forkyard, "7_t.py")
    );
    assert_eq!(normalize_stderr(forkyard, "7_t.py").len(), 7);
    // The recorded files name the stdlib `<stdlib>`; a frame CPython has and forkyard lacks is a
    // difference; frames of the stdlib that forkyard does not reproduce are dropped.
    let recorded = "Traceback (most recent call last):\n  \
        File \"<stdlib>/multiprocessing/queues.py\", line 244, in _feed\n    obj = _ForkingPickler.dumps(obj)\n  \
        File \"<stdlib>/multiprocessing/process.py\", line 314, in _bootstrap\n    \
        self.run()\n  \
        File \"7_t.py\", line 3, in f\n    return a / b\nZeroDivisionError: division by zero\n";
    assert_eq!(
        normalize_stderr(recorded, "7_t.py")[1..],
        normalize_stderr(forkyard, "7_t.py")[2..]
    );
    let without = "Process Process-1:\nTraceback (most recent call last):\n  \
        File \"7_t.py\", line 3, in f\n    return a / b\nZeroDivisionError: division by zero\n";
    assert_ne!(
        normalize_stderr(cpython, "7_t.py"),
        normalize_stderr(without, "7_t.py")
    );
    assert_eq!(lines_of("a\nb"), ["a", "b", "<no newline at end>"]);
    assert_eq!(
        scrub_addresses("<A object at 0x7f00deadbeef> 0x1f"),
        "<A object at 0x?> 0x1f"
    );
    assert_eq!(
        header_options("# forkyard-compare: sorted\n# more\nx = 1\n# forkyard-compare: no"),
        ["sorted"]
    );
}

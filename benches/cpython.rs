//! forkyard against CPython on the same Python programs, in the same run.
//!
//! Each program in `benches/programs/` measures one thing and prints `figure: NAME VALUE UNIT`.
//! This runner runs every program under forkyard and under `python3`, alternately, several times,
//! and prints the median of each, the ratio forkyard/CPython, and the machine. Run it with
//! `cargo bench --bench cpython` (`FORKYARD_BENCH_ROUNDS=N` for more rounds).
//!
//! Then the programs in `benches/memory/` are run the same way for their peak memory, measured
//! from outside (see `peak_memory`): the largest process's peak RSS, as `/usr/bin/time -v`
//! reports it, and the sum of every process's own peak.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

struct Figure {
    name: String,
    value: f64,
    unit: String,
}

fn parse_figure(stdout: &str) -> Option<Figure> {
    let line = stdout.lines().find(|l| l.starts_with("figure: "))?;
    let mut parts = line["figure: ".len()..].split_whitespace();
    let name = parts.next()?.to_string();
    let value = parts.next()?.parse().ok()?;
    let unit = parts.collect::<Vec<_>>().join(" ");
    Some(Figure { name, value, unit })
}

fn run(cmd: &mut Command) -> Result<Figure, String> {
    let out = cmd.output().map_err(|e| format!("could not start: {e}"))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        let last = err.lines().last().unwrap_or("").to_string();
        return Err(format!("exit {:?}: {last}", out.status.code()));
    }
    parse_figure(&stdout).ok_or_else(|| "printed no `figure:` line".to_string())
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    v[v.len() / 2]
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let python = Command::new("python3")
        .arg("--version")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| "no python3".into());
    format!("{cores} cores, {cpu}, {python}")
}

/// The pids below `root` now (children, their children...), from `/proc/*/stat`.
fn descendants(root: i32) -> Vec<i32> {
    let mut children: HashMap<i32, Vec<i32>> = HashMap::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<i32>().ok())
        else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // `pid (comm) state ppid ...`: comm may hold spaces, so read after its last `)`.
        let ppid = stat
            .rfind(')')
            .and_then(|at| stat[at + 1..].split_whitespace().nth(1))
            .and_then(|s| s.parse::<i32>().ok());
        if let Some(ppid) = ppid {
            children.entry(ppid).or_default().push(pid);
        }
    }
    let (mut out, mut todo) = (Vec::new(), vec![root]);
    while let Some(p) = todo.pop() {
        out.push(p);
        todo.extend(children.get(&p).into_iter().flatten());
    }
    out
}

/// A process's peak resident set so far (`VmHWM`), in kB.
fn high_water_kb(pid: i32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Runs `cmd` to its end and returns its peak memory in MB: the largest single process's peak
/// (the kernel's `ru_maxrss` of the child and every descendant reaped below it, what
/// `/usr/bin/time -v` prints), and the sum of each process's own peak, read from
/// `/proc/PID/status` every 2 ms while the run goes (a process's growth in its last 2 ms can
/// be missed).
fn peak_memory(cmd: &mut Command) -> Result<(f64, f64), String> {
    let child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("could not start: {e}"))?;
    let pid = child.id() as i32;
    let mut peaks: HashMap<i32, u64> = HashMap::new();
    loop {
        for p in descendants(pid) {
            if let Some(kb) = high_water_kb(p) {
                let slot = peaks.entry(p).or_default();
                *slot = (*slot).max(kb);
            }
        }
        let mut status = 0;
        // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: waiting without blocking for our own child, into locals.
        let r = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if r == pid {
            if !libc::WIFEXITED(status) || libc::WEXITSTATUS(status) != 0 {
                return Err(format!("ended with wait status {status}"));
            }
            let largest = usage.ru_maxrss as f64 / 1024.0;
            let sum = peaks.values().sum::<u64>() as f64 / 1024.0;
            return Ok((largest, sum));
        }
        if r < 0 {
            return Err(format!("wait4: {}", std::io::Error::last_os_error()));
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// The peak-memory rows: each program of `benches/memory/` under forkyard and CPython,
/// alternately, `rounds` times; medians and ratios.
fn memory_rows(root: &Path, forkyard: &Path, rounds: usize, have_python: bool) {
    let mut programs: Vec<PathBuf> = std::fs::read_dir(root.join("benches/memory"))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    programs.retain(|p| p.extension().is_some_and(|x| x == "py"));
    programs.sort();
    for prog in &programs {
        let label = prog
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let dir = prog.parent().unwrap_or(Path::new("."));
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
        let mut failure = None;
        for _ in 0..rounds {
            match peak_memory(
                Command::new(forkyard)
                    .args(["run", "--format", "plain", "--timeout", "120"])
                    .arg(prog)
                    .current_dir(dir),
            ) {
                Ok(m) => ours.push(m),
                Err(e) => failure = Some(e),
            }
            if have_python
                && let Ok(m) = peak_memory(Command::new("python3").arg(prog).current_dir(dir))
            {
                theirs.push(m);
            }
        }
        if ours.is_empty() {
            println!(
                "{label:<26} forkyard cannot run it yet: {}",
                failure.unwrap_or_default()
            );
            continue;
        }
        for (what, pick) in [
            (
                "largest process",
                (|m: &(f64, f64)| m.0) as fn(&(f64, f64)) -> f64,
            ),
            ("sum of processes", |m: &(f64, f64)| m.1),
        ] {
            let name = format!("{label} peak RSS, {what}");
            let a = median(ours.iter().map(pick).collect());
            if theirs.is_empty() {
                println!("{name:<26} {a:>12.1} {:>12} {:>8}  MB", "-", "-");
            } else {
                let b = median(theirs.iter().map(pick).collect());
                println!("{name:<26} {a:>12.1} {b:>12.1} {:>8.2}  MB", a / b);
            }
        }
    }
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let forkyard = PathBuf::from(env!("CARGO_BIN_EXE_forkyard"));
    let rounds: usize = std::env::var("FORKYARD_BENCH_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let have_python = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let mut programs: Vec<PathBuf> = std::fs::read_dir(root.join("benches/programs"))
        .expect("benches/programs exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    programs.sort();

    println!("machine: {}", machine());
    if !have_python {
        println!("CPython column skipped: python3 is not installed on this machine");
    }
    println!(
        "{:<26} {:>12} {:>12} {:>8}  unit",
        "figure", "forkyard", "CPython", "ratio"
    );
    for prog in &programs {
        let label = prog
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
        let (mut name, mut unit, mut failure) = (label.clone(), String::new(), None);
        for _ in 0..rounds {
            match run(Command::new(&forkyard)
                .args(["run", "--format", "plain", "--timeout", "120"])
                .arg(prog))
            {
                Ok(f) => {
                    name = f.name;
                    unit = f.unit;
                    ours.push(f.value);
                }
                Err(e) => failure = Some(e),
            }
            let python = || {
                let mut cmd = Command::new("python3");
                cmd.arg(prog)
                    .current_dir(prog.parent().unwrap_or(Path::new(".")));
                run(&mut cmd)
            };
            if have_python && let Ok(f) = python() {
                theirs.push(f.value);
            }
        }
        if ours.is_empty() {
            println!(
                "{label:<26} forkyard cannot run it yet: {}",
                failure.unwrap_or_default()
            );
            continue;
        }
        let a = median(ours);
        match theirs.is_empty() {
            true => println!("{name:<26} {a:>12.3} {:>12} {:>8}  {unit}", "-", "-"),
            false => {
                let b = median(theirs);
                println!("{name:<26} {a:>12.3} {b:>12.3} {:>8.2}  {unit}", a / b);
            }
        }
    }
    memory_rows(&root, &forkyard, rounds, have_python);
}

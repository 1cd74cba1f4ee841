//! forkyard against CPython on the same Python programs, in the same run.
//!
//! Each program in `benches/programs/` measures one thing and prints `figure: NAME VALUE UNIT`.
//! This runner runs every program under forkyard and under `python3`, alternately, several times,
//! and prints the median of each, the ratio forkyard/CPython, and the machine. Run it with
//! `cargo bench --bench cpython` (`FORKYARD_BENCH_ROUNDS=N` for more rounds).

use std::path::{Path, PathBuf};
use std::process::Command;

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
}

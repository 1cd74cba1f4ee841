//! `forkyard run LESSON --compare KNOB`: both settings run at once, then both transcripts and a
//! line with each side's total lesson time.

use std::process::Command;

fn totals(line: &str) -> Vec<f64> {
    line.split("took ")
        .skip(1)
        .filter_map(|p| p.split(' ').next()?.parse().ok())
        .collect()
}

#[test]
fn pool_apply_against_apply_async_side_by_side() {
    let out = Command::new(env!("CARGO_BIN_EXE_forkyard"))
        .args([
            "run",
            "09-pool",
            "--compare",
            "method",
            "--speed",
            "30",
            "--timeout",
            "60",
        ])
        .output()
        .expect("forkyard runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let apply_at = text
        .find("=== 09-pool (method=apply) ===")
        .expect("the apply transcript");
    let async_at = text
        .find("=== 09-pool (method=apply_async) ===")
        .expect("the apply_async transcript");
    assert!(apply_at < async_at, "{text}");
    let line = text.lines().last().expect("a comparison line");
    assert!(
        line.starts_with("compare method: method=apply took "),
        "{line}"
    );
    let t = totals(line);
    assert_eq!(t.len(), 2, "{line}");
    // Ten 3-second tasks: one at a time with apply, three at a time with apply_async.
    assert!(
        (29.0..36.0).contains(&t[0]),
        "apply took {} lesson s: {line}",
        t[0]
    );
    assert!(
        (11.5..16.0).contains(&t[1]),
        "apply_async took {} lesson s: {line}",
        t[1]
    );
}

#[test]
fn compare_names_an_unknown_knob() {
    let out = Command::new(env!("CARGO_BIN_EXE_forkyard"))
        .args(["run", "09-pool", "--compare", "nope"])
        .output()
        .expect("forkyard runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown knob `nope` for 09-pool (knobs: method"),
        "{err}"
    );
}

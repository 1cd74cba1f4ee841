//! A child's traceback shows CPython's own multiprocessing frames above the program's, as CPython
//! 3.11 prints them: `_bootstrap` and `run` in `process.py`, `worker` and `mapstar` in `pool.py`,
//! with 3.11's `^^^^` marker lines where CPython has them. The corpus (`tests/corpus/tb*`) drops
//! marker lines and reduces install paths; this test checks the exact text, and, where `python3`
//! (CPython 3.11) is installed, that every block of those frames CPython prints is forkyard's too.

mod run_support;

use std::process::{Command, Stdio};

use run_support::{program, run_to_end};

const PROGRAM: &str = r#"
import multiprocessing as mp
import sys

def div(a, b=0):
    return a / b

if __name__ == "__main__":
    p = mp.Process(target=div, args=(1,))
    p.start()
    p.join()
    with mp.Pool(1) as pool:
        try:
            pool.map(div, [1])
        except ZeroDivisionError as e:
            sys.stderr.write(str(e.__cause__))
"#;

/// What forkyard prints on stderr for [`PROGRAM`]: CPython's text, with a Debian install's path
/// and without the markers of the program's own lines (forkyard prints those for no frame).
const EXPECTED: &str = r#"Process Process-1:
Traceback (most recent call last):
  File "/usr/lib/python3.11/multiprocessing/process.py", line 314, in _bootstrap
    self.run()
  File "/usr/lib/python3.11/multiprocessing/process.py", line 108, in run
    self._target(*self._args, **self._kwargs)
  File "FILE", line 6, in div
    return a / b
ZeroDivisionError: division by zero

"""
Traceback (most recent call last):
  File "/usr/lib/python3.11/multiprocessing/pool.py", line 125, in worker
    result = (True, func(*args, **kwds))
                    ^^^^^^^^^^^^^^^^^^^
  File "/usr/lib/python3.11/multiprocessing/pool.py", line 48, in mapstar
    return list(map(*args))
           ^^^^^^^^^^^^^^^^
  File "FILE", line 6, in div
    return a / b
ZeroDivisionError: division by zero
""""#;

#[test]
fn child_tracebacks_start_in_cpythons_frames_with_its_markers() {
    let file = program("tb_frames.py", PROGRAM);
    let (code, _, stderr) = run_to_end(&file, &["--format", "plain", "--timeout", "20"]);
    assert_eq!(code, 0, "{stderr}");
    // forkyard names the program by its file name (the corpus reduces CPython's absolute path).
    let want = EXPECTED.replace("FILE", "tb_frames.py");
    assert_eq!(stderr, want);

    let Ok(out) = Command::new("python3")
        .arg("-c")
        .arg("import sys, sysconfig; print(sys.version_info[:2] == (3, 11)); print(sysconfig.get_paths()['stdlib'])")
        .stderr(Stdio::null())
        .output()
    else {
        eprintln!("child_tracebacks: python3 is not installed; the live comparison was skipped");
        return;
    };
    let info = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut lines = info.lines();
    if lines.next() != Some("True") {
        eprintln!("child_tracebacks: python3 is not CPython 3.11; the live comparison was skipped");
        return;
    }
    let stdlib = lines.next().expect("python3 prints its stdlib path");
    let cpython = Command::new("python3")
        .arg("-u")
        .arg(&file)
        .stdin(Stdio::null())
        .output()
        .expect("python3 runs");
    let cpython = String::from_utf8_lossy(&cpython.stderr).replace(stdlib, "/usr/lib/python3.11");
    // Every frame of CPython's multiprocessing with the lines under it (source, marker).
    let cpython_lines: Vec<&str> = cpython.lines().collect();
    let mut blocks = 0;
    for (i, line) in cpython_lines.iter().enumerate() {
        if !line.starts_with("  File \"/usr/lib/python3.11/multiprocessing/") {
            continue;
        }
        let mut block = vec![*line];
        block.extend(
            cpython_lines[i + 1..]
                .iter()
                .take_while(|l| l.starts_with("    "))
                .copied(),
        );
        let block = block.join("\n");
        assert!(
            stderr.contains(&block),
            "CPython prints\n{block}\nforkyard's stderr:\n{stderr}"
        );
        blocks += 1;
    }
    assert_eq!(blocks, 4, "CPython's stderr:\n{cpython}");
}

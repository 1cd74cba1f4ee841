//! What a held run costs: the real time from granting a one-statement step until the run is
//! still again (median), and held steps per second over a whole run. Prints `figure:` lines like
//! the cpython bench. Run it with `cargo bench --bench held`.

use std::path::PathBuf;
use std::time::Instant;

use forkyard::session::{self, Hold, RunSpec, Update};

/// A loop of plain statements: every step is one statement, in one process; then two processes
/// taking turns (round-robin), so a step also switches process.
const ONE: &str = "x = 0\nfor i in range(3000):\n    x = i\n";
const TWO: &str = r#"
import multiprocessing

def work():
    x = 0
    for i in range(1500):
        x = i

if __name__ == "__main__":
    p = multiprocessing.Process(target=work)
    p.start()
    work()
    p.join()
"#;

fn held_run(source: &str) -> (Vec<u64>, f64) {
    let mut spec = RunSpec::new(source, "bench.py");
    spec.exe = Some(PathBuf::from(env!("CARGO_BIN_EXE_forkyard")));
    let t0 = Instant::now();
    let handle = session::start_held(spec, Hold::default()).expect("the run starts");
    while let Ok(update) = handle.updates().recv() {
        if matches!(update, Update::End(_)) {
            break;
        }
    }
    let secs = t0.elapsed().as_secs_f64();
    let log = handle.held_log().expect("a held run has a log");
    let took = log.steps.iter().map(|s| s.took_ns).collect();
    (took, secs)
}

fn median(mut v: Vec<u64>) -> u64 {
    v.sort_unstable();
    v[v.len() / 2]
}

fn main() {
    for (name, source) in [("one_process", ONE), ("two_processes", TWO)] {
        let (took, secs) = held_run(source);
        let steps = took.len();
        println!(
            "figure: held_step_median_{name} {:.1} us",
            median(took) as f64 / 1e3
        );
        println!(
            "figure: held_steps_per_second_{name} {:.0} steps/s ({steps} steps in {secs:.2} s)",
            steps as f64 / secs
        );
    }
}

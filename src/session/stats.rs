//! Stats: one program run N times free, a few at once, and its distinct outcomes counted (what the
//! kernel really does on this machine, and how often). `forkyard stats` prints the tally; the
//! playground's `%` draws it. Cancelling (the playground's view closed) stops the live runs, reaps
//! them, and returns what was counted so far.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::outcome::{Finished, Outcome};
use super::{RunHandle, RunSpec};

/// What the runs came to.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    /// Outcomes, most frequent first (ties: first seen first), with their counts.
    pub outcomes: Vec<(Outcome, u32)>,
    /// Each run's lesson time from start to its last process's end, seconds, sorted.
    pub lesson_seconds: Vec<f64>,
    /// Runs stopped at the timeout.
    pub stopped: u32,
    /// Runs at once.
    pub at_once: usize,
    /// Runs counted (fewer than asked when cancelled).
    pub runs: u32,
    /// The tally was cancelled before every run was taken.
    pub cancelled: bool,
    /// Real time for all of them.
    pub seconds: f64,
}

/// How many runs at once: one per core, at least two (a run mostly waits), at most eight.
pub fn at_once(runs: u32) -> usize {
    let cores = std::thread::available_parallelism().map_or(2, usize::from);
    cores.clamp(2, 8).min(runs as usize).max(1)
}

/// Takes `runs` runs of `spec`, a few at once; a run not ended after `within` is stopped and its
/// live processes' ending is `cut(within)`. `each` is told how many runs are counted after each.
/// Runs are started from this thread (a run's lesson main dies with the thread that started it)
/// and read to their end on threads of their own, joined before this returns.
pub fn take_runs(
    spec: &RunSpec,
    runs: u32,
    within: Duration,
    cut: &dyn Fn(Duration) -> String,
    cancel: Option<&AtomicBool>,
    mut each: impl FnMut(u32),
) -> Result<Tally, String> {
    let started = Instant::now();
    let at_once = at_once(runs);
    let (tx, rx) = crossbeam_channel::unbounded::<(usize, Finished)>();
    let mut live: HashMap<usize, (RunHandle, JoinHandle<()>)> = HashMap::new();
    let mut next = 0usize;
    let mut counts: Vec<(Outcome, u32)> = Vec::new();
    let mut lesson_seconds = Vec::new();
    let mut stopped = 0;
    let mut done = 0u32;
    let cancelled = || cancel.is_some_and(|c| c.load(Ordering::Relaxed));
    // Polled while waiting for a run, so a cancel is seen within this long.
    let poll = Duration::from_millis(50);
    let mut result = Ok(());
    'runs: while done < runs {
        while next < runs as usize && live.len() < at_once && !cancelled() {
            let handle = match super::start(spec.clone()) {
                Ok(h) => h,
                Err(e) => {
                    result = Err(format!("{e:#}"));
                    break 'runs;
                }
            };
            let updates = handle.updates().clone();
            let tx = tx.clone();
            let i = next;
            let reader = std::thread::Builder::new()
                .name(format!("forkyard-stats-{i}"))
                .spawn(move || {
                    let _ = tx.send((i, Finished::read(&updates, within)));
                });
            match reader {
                Ok(reader) => {
                    live.insert(i, (handle, reader));
                }
                Err(e) => {
                    result = Err(format!("could not start a thread to read a run: {e}"));
                    break 'runs;
                }
            }
            next += 1;
        }
        if cancelled() {
            break;
        }
        let (i, finished) = match rx.recv_timeout(poll) {
            Ok(got) => got,
            Err(crossbeam_channel::RecvTimeoutError::Timeout) => continue,
            Err(crossbeam_channel::RecvTimeoutError::Disconnected) => {
                result = Err("a thread reading a run died".into());
                break;
            }
        };
        let Some((mut handle, reader)) = live.remove(&i) else {
            continue;
        };
        let cut = if finished.end.is_none() {
            stopped += 1;
            let why = cut(within);
            handle.stop_because(&why);
            Some(why)
        } else {
            None
        };
        drop(handle);
        let _ = reader.join();
        let outcome = finished.outcome(&[], cut.as_deref());
        let end = finished
            .run
            .lanes()
            .filter_map(|l| l.end_ns())
            .max()
            .unwrap_or(0);
        lesson_seconds.push(end as f64 / 1e9);
        match counts.iter_mut().find(|(o, _)| *o == outcome) {
            Some((_, n)) => *n += 1,
            None => counts.push((outcome, 1)),
        }
        done += 1;
        each(done);
    }
    // Cancelled or failed: the runs still live are stopped and reaped (dropping a handle does),
    // and their readers, whose channel then ends, are joined.
    for (_, (handle, reader)) in live.drain() {
        drop(handle);
        let _ = reader.join();
    }
    result?;
    // Most frequent first; the sort is stable, so ties stay in the order first seen.
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    lesson_seconds.sort_by(f64::total_cmp);
    Ok(Tally {
        outcomes: counts,
        lesson_seconds,
        stopped,
        at_once,
        runs: done,
        cancelled: done < runs,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// A cancel flag to share with another thread.
pub fn cancel_flag() -> Arc<AtomicBool> {
    Arc::new(AtomicBool::new(false))
}

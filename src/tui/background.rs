//! Work the playground does beside the runs on screen: explore's search and stats' runs on a
//! thread of its own, so the screen never freezes. A [`Job`] is owned by the loop; dropping it
//! cancels the work and joins its thread, so no thread outlives its view and every process it
//! started is reaped (the session reaps a run before `explore` or a run's handle returns).
//!
//! Must not live here: state (what a job found comes back as a message to `update`).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use crossbeam_channel::Sender;

use super::app::Msg;
use crate::session::explore;
use crate::session::{RunSpec, StdoutMode};

/// Identifies a background job; a message of a job the view has since left is ignored.
pub type JobId = u64;

/// A thread doing a job; dropping it cancels the job and waits for the thread.
pub struct Job {
    cancel: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Job {
    /// Whether the thread has finished (its message is in the channel).
    pub fn is_finished(&self) -> bool {
        self.thread.as_ref().is_none_or(JoinHandle::is_finished)
    }
}

impl Drop for Job {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            // The search stops after the run it is taking, which the session reaps first.
            let _ = t.join();
        }
    }
}

/// The most runs the playground's search takes: a few seconds to half a minute on a busy machine,
/// where the command's default (2,000) would keep the learner waiting minutes. The shortest
/// prefixes come first, so the likely outcomes are among the first found.
pub const EXPLORE_RUNS: u64 = 300;

/// Starts explore's search of a program; its result comes back as `Msg::Explored(job, _)`.
pub fn explore(
    job: JobId,
    source: String,
    file: String,
    stdout: StdoutMode,
    ops_only: bool,
    tx: Sender<Msg>,
) -> Job {
    let cancel = Arc::new(AtomicBool::new(false));
    let options = explore::Options {
        cancel: Some(cancel.clone()),
        max_runs: EXPLORE_RUNS,
        ops_only,
        ..explore::Options::default()
    };
    let spec = RunSpec {
        stdout,
        ..RunSpec::new(source, file)
    };
    let told = tx.clone();
    let thread = std::thread::Builder::new()
        .name("forkyard-explore".into())
        .spawn(move || {
            let mut runs = 0u64;
            let each = |_: &explore::Explored| {
                runs += 1;
                let _ = told.send(Msg::Progress(job, runs));
            };
            let found = explore::explore(&spec, &options, each).map_err(|e| format!("{e:#}"));
            let _ = told.send(Msg::Explored(job, found));
        });
    let thread = match thread {
        Ok(thread) => Some(thread),
        Err(e) => {
            let _ = tx.send(Msg::Explored(
                job,
                Err(format!("could not start a thread: {e}")),
            ));
            None
        }
    };
    Job { cancel, thread }
}

/// How many runs `%` takes: the same as `forkyard stats`.
pub const STATS_RUNS: u32 = 20;
/// A run of stats still going after this long (real time) is stopped, as `forkyard stats` does.
pub const STATS_TIMEOUT: Duration = Duration::from_secs(60);

/// Starts stats' runs of a program at `speed`; each counted run comes back as
/// `Msg::Progress(job, n)`, the tally as `Msg::Stats(job, _)`.
pub fn stats(
    job: JobId,
    source: String,
    file: String,
    stdout: StdoutMode,
    speed: f64,
    tx: Sender<Msg>,
) -> Job {
    let cancel = Arc::new(AtomicBool::new(false));
    let spec = RunSpec {
        stdout,
        speed,
        ..RunSpec::new(source, file)
    };
    let told = tx.clone();
    let flag = cancel.clone();
    let thread = std::thread::Builder::new()
        .name("forkyard-stats".into())
        .spawn(move || {
            let cut = |within: Duration| format!("still running after {} s", within.as_secs());
            let progress = |n| {
                let _ = told.send(Msg::Progress(job, u64::from(n)));
            };
            let tally = crate::session::stats::take_runs(
                &spec,
                STATS_RUNS,
                STATS_TIMEOUT,
                &cut,
                Some(&flag),
                progress,
            );
            let _ = told.send(Msg::Stats(job, tally));
        });
    let thread = match thread {
        Ok(thread) => Some(thread),
        Err(e) => {
            let _ = tx.send(Msg::Stats(
                job,
                Err(format!("could not start a thread: {e}")),
            ));
            None
        }
    };
    Job { cancel, thread }
}

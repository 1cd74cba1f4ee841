//! The observer side of a run: start it, read its trace, keep the `Run` model, stop it, and reap
//! until nothing of it is left.
//!
//! Lives here: spawning the lesson main by exec (`spawn`; the observer never `fork()`s), the run's
//! thread that reads and orders records and reaps (`pump`), killing and reaping (`reap`), the
//! guarantees that hold when the observer itself is interrupted or panics (`guard`), and the pure
//! data model that faces render (`model`). Must not live here: drawing, parsing Python.
//!
//! Faces use [`start`] → [`RunHandle`]: a channel of [`Update`]s, `set_speed`, `pause`, `resume`,
//! `stop`; and feed the records into a [`Run`] with [`Run::apply`]. Runs are independent: each has
//! its own process group, trace, control page and thread, so two can run side by side.

mod broker;
mod budget;
pub mod explore;
mod guard;
pub mod model;
pub mod outcome;
mod pump;
mod reap;
pub mod schedule;
mod scheduler;
mod shared;
mod spawn;
pub mod stats;
mod stray;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::thread::JoinHandle;

use anyhow::Context;
use crossbeam_channel::Receiver;

pub use budget::{OVER_BUDGET, default_max_memory, describe as describe_size};
pub use guard::{in_foreground, install as install_guards, on_job_control, on_signal, write_raw};
pub use model::Run;
pub use reap::processes_in_group;
pub use scheduler::{
    CHOOSER_STOPPED, Chooser, DEADLOCK, DIVERGED, HeldEnd, HeldLog, Stand, Standing, Steer, Step,
};
pub use spawn::LESSON_SUBCOMMAND;

pub use crate::trace::StdoutMode;
use crate::trace::{Ending, Record};

/// The default process cap of a run.
pub const DEFAULT_MAX_PROCESSES: u32 = 64;

/// What to run and how.
#[derive(Debug, Clone)]
pub struct RunSpec {
    /// The Python program.
    pub source: String,
    /// Its file name as tracebacks show it (`main.py`).
    pub file_name: String,
    /// Lesson seconds per real second (> 0).
    pub speed: f64,
    /// The most processes the run may create, its main included.
    pub max_processes: u32,
    /// The memory all the run's processes may use together, bytes; `None`: the default budget
    /// ([`default_max_memory`]).
    pub max_memory: Option<u64>,
    /// The forkyard executable to run as the lesson main; `None`: this very executable. Tests of the
    /// library pass `env!("CARGO_BIN_EXE_forkyard")`.
    pub exe: Option<PathBuf>,
    /// How the run's processes buffer their stdout (CPython in a terminal, into a pipe, or `-u`).
    pub stdout: StdoutMode,
    /// The program's arguments after its name (`sys.argv[1:]`).
    pub argv: Vec<String>,
}

impl RunSpec {
    /// A spec for `source` at speed 1 with the default cap.
    pub fn new(source: impl Into<String>, file_name: impl Into<String>) -> RunSpec {
        RunSpec {
            source: source.into(),
            file_name: file_name.into(),
            speed: 1.0,
            max_processes: DEFAULT_MAX_PROCESSES,
            max_memory: None,
            exe: None,
            stdout: StdoutMode::default(),
            argv: Vec::new(),
        }
    }
}

/// What a run's channel carries.
#[derive(Debug, Clone, PartialEq)]
pub enum Update {
    /// The next trace record, in time order.
    Record(Record),
    /// The next trace records, in time order: what the observer took in one turn, in one update.
    /// Sent only once the consumer asked for them with [`RunHandle::batch_updates`] (the headless
    /// printer): a channel message per record cost the observer and the printer more than the
    /// records themselves in a flood of Lock operations.
    Records(Vec<Record>),
    /// The run is over and nothing of it is left; the last update.
    End(RunEnd),
}

/// How a run ended.
#[derive(Debug, Clone, PartialEq)]
pub struct RunEnd {
    /// How the lesson main ended (`None` if it could not be reaped, e.g. after an observer signal).
    pub main: Option<Ending>,
    /// Why the observer stopped the run, if it did ("stopped", "timeout after 5 s").
    pub stopped: Option<String>,
}

/// The statement a process is running, from the control page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CurrentLine {
    /// The process.
    pub pid: i32,
    /// Its line, 1-based (0: before its first statement).
    pub line: u32,
    /// The statement's column, 1-based.
    pub col: u32,
}

/// A live (or finished) run. Dropping it stops the run and reaps it.
pub struct RunHandle {
    shared: Arc<shared::Shared>,
    updates: Receiver<Update>,
    thread: Option<JoinHandle<()>>,
    held: Option<Arc<std::sync::Mutex<HeldLog>>>,
    /// A steered run (the playground's): where the learner's steps go, and the scheduler's news.
    steering: Option<(crossbeam_channel::Sender<Steer>, Receiver<HeldLog>)>,
}

/// How a held run is held: its schedule, and which checkpoints count.
#[derive(Debug, Clone, Default)]
pub struct Hold {
    /// The steps to give first; then the run goes on round-robin in creation order.
    pub schedule: Vec<schedule::Entry>,
    /// `--granularity op`: only operations are checkpoints, not statement starts.
    pub ops_only: bool,
}

/// Starts a run. Call it from a thread that outlives the run (the main thread of a face): the lesson
/// main is killed when the thread that started it exits (`PR_SET_PDEATHSIG`).
pub fn start(spec: RunSpec) -> anyhow::Result<RunHandle> {
    start_with(spec, None, false, None)
}

/// Starts a held run (`scheduler.md`): one process takes one step at a time, as `hold` says. Its
/// steps are in [`RunHandle::held_log`].
pub fn start_held(spec: RunSpec, hold: Hold) -> anyhow::Result<RunHandle> {
    start_with(spec, Some(hold), false, None)
}

/// Starts a run held for a learner (the playground's `s` before a run): no process takes a step
/// until [`RunHandle::steer`] gives it one; [`RunHandle::held_changes`] says where each stands.
pub fn start_steered(spec: RunSpec) -> anyhow::Result<RunHandle> {
    start_with(spec, Some(Hold::default()), true, None)
}

/// [`start_steered`] with operations only as steps (`--granularity op`): how explore's runs step,
/// so a schedule explore found replays step for step (the playground's `X`, Enter).
pub fn start_steered_ops(spec: RunSpec) -> anyhow::Result<RunHandle> {
    let hold = Hold {
        schedule: Vec::new(),
        ops_only: true,
    };
    start_with(spec, Some(hold), true, None)
}

/// Starts a held run whose every step is picked by `chooser` (explore steers runs with it).
pub fn start_chosen(
    spec: RunSpec,
    ops_only: bool,
    chooser: Box<dyn Chooser>,
) -> anyhow::Result<RunHandle> {
    let hold = Hold {
        schedule: Vec::new(),
        ops_only,
    };
    start_with(spec, Some(hold), false, Some(chooser))
}

fn start_with(
    spec: RunSpec,
    hold: Option<Hold>,
    steered: bool,
    chooser: Option<Box<dyn Chooser>>,
) -> anyhow::Result<RunHandle> {
    guard::install();
    let exe = spec
        .exe
        .clone()
        .unwrap_or_else(|| PathBuf::from("/proc/self/exe"));
    let speed = if spec.speed > 0.0 { spec.speed } else { 1.0 };
    let max_memory = spec.max_memory.unwrap_or_else(default_max_memory);
    let spawned = spawn::spawn(
        &exe,
        &spec,
        speed,
        max_memory,
        hold.as_ref().map(|h| h.ops_only),
    )
    .context("could not start the run")?;
    guard::register(spawned.pid);
    let pid = spawned.pid;
    // Past this point a failure must not leave the started lesson main unobserved.
    let abandon = || {
        reap::kill_run(pid);
        reap::reap_group(pid, true);
        guard::unregister(pid);
    };
    let shared = match shared::Shared::new(spawned.control, pid, speed) {
        Ok(shared) => Arc::new(shared),
        Err(e) => {
            abandon();
            return Err(e).context("could not set up the run's observer");
        }
    };
    guard::attach(pid, &shared);
    let (tx, updates) = crossbeam_channel::unbounded();
    let mut pump = pump::Pump::new(
        shared.clone(),
        tx,
        spawned.pid,
        spawned.trace,
        spawned.stdout,
        spawned.stderr,
        spawned.pidfd,
        spawned.lifeline,
    );
    pump.budget = Some(budget::Budget::new(max_memory, pid));
    pump.broker = Some(spawned.broker);
    let thread = std::thread::Builder::new()
        .name(format!("forkyard-run-{pid}"))
        .spawn(move || pump.run());
    let mut steering = None;
    let held = match hold {
        Some(hold) => {
            let log = Arc::new(std::sync::Mutex::new(HeldLog::default()));
            let steer = steered.then(|| {
                let (steer, commands) = crossbeam_channel::unbounded();
                let (notify, news) = crossbeam_channel::unbounded();
                steering = Some((steer, news));
                scheduler::Steering { commands, notify }
            });
            match spawn_scheduler(&shared, pid, hold.schedule, &log, steer, chooser) {
                Ok(()) => Some(log),
                Err(e) => {
                    abandon();
                    return Err(e).context("could not start the held run's scheduler");
                }
            }
        }
        None => None,
    };
    match thread {
        Ok(thread) => Ok(RunHandle {
            shared,
            updates,
            thread: Some(thread),
            held,
            steering,
        }),
        Err(e) => {
            abandon();
            Err(e).context("could not start the run's observer thread")
        }
    }
}

/// Starts the scheduler of a held run on its own thread.
fn spawn_scheduler(
    shared: &Arc<shared::Shared>,
    pid: i32,
    schedule: Vec<schedule::Entry>,
    log: &Arc<std::sync::Mutex<HeldLog>>,
    steering: Option<scheduler::Steering>,
    chooser: Option<Box<dyn Chooser>>,
) -> std::io::Result<()> {
    let (s, l) = (shared.clone(), log.clone());
    std::thread::Builder::new()
        .name(format!("forkyard-scheduler-{pid}"))
        .spawn(move || scheduler::run(s, pid, schedule, l, steering, chooser))
        .map(drop)
}

impl RunHandle {
    /// Holds this live free run for a learner: every process stops at its next checkpoint (one in
    /// a sleep or a kernel wait stops there) and the clock stands still. A run held already,
    /// released or over is left as it is (false).
    pub fn hold(&mut self) -> bool {
        if self.held.is_some() || self.is_over() {
            return false;
        }
        scheduler::hold_live(&self.shared.control);
        let log = Arc::new(std::sync::Mutex::new(HeldLog::default()));
        let (steer, commands) = crossbeam_channel::unbounded();
        let (notify, news) = crossbeam_channel::unbounded();
        let steering = scheduler::Steering { commands, notify };
        if spawn_scheduler(
            &self.shared,
            self.shared.pgid,
            Vec::new(),
            &log,
            Some(steering),
            None,
        )
        .is_err()
        {
            // No scheduler: the run must not stay held with nobody to give steps.
            let (speed, paused) = self.shared.speed();
            self.shared
                .control
                .release(if paused { 0.0 } else { speed });
            for i in 0..self.shared.control.started() {
                if let Some(slot) = self.shared.control.slot(i) {
                    slot.gate
                        .credit
                        .store(crate::trace::gate::FREE, Ordering::SeqCst);
                    crate::trace::gate::futex_wake(&slot.gate.credit);
                }
            }
            return false;
        }
        self.held = Some(log);
        self.steering = Some((steer, news));
        true
    }

    /// Gives a steered run's scheduler the learner's step (or lets the run go free).
    pub fn steer(&self, steer: Steer) {
        if let Some((tx, _)) = &self.steering {
            let _ = tx.send(steer);
        }
    }

    /// A steered run's news: its [`HeldLog`] each time the scheduler waits for the learner, ends
    /// the run (a deadlock) or lets it go free.
    pub fn held_changes(&self) -> Option<&Receiver<HeldLog>> {
        self.steering.as_ref().map(|(_, rx)| rx)
    }

    /// Sends `sig` to one process of this run (the playground's `t`, `K`, `z`). Refused, with a
    /// sentence, when the process is not (or no longer) one of this run's.
    pub fn signal(&self, pid: i32, sig: i32) -> Result<(), String> {
        self.shared.signal_one(pid, sig)
    }

    /// The run's updates: records in time order, then one [`Update::End`].
    pub fn updates(&self) -> &Receiver<Update> {
        &self.updates
    }

    /// From now on the observer sends the records it takes in one turn as one
    /// [`Update::Records`] instead of an [`Update::Record`] each (those sent already stay as they
    /// are): for a consumer that handles both, and cares for throughput more than for one update
    /// per record.
    pub fn batch_updates(&self) {
        self.shared.ask_for_batches();
    }

    /// The lesson main's pid, which is also the run's process group.
    pub fn pid(&self) -> i32 {
        self.shared.pgid
    }

    /// Runs the lesson clock at `speed` lesson seconds per real second from now on.
    pub fn set_speed(&self, speed: f64) {
        if speed > 0.0 && speed.is_finite() {
            self.shared.set_speed(speed);
        }
    }

    /// The current speed, and whether the run is paused.
    pub fn speed(&self) -> (f64, bool) {
        self.shared.speed()
    }

    /// Freezes the run: the lesson clock stops and every process of it gets SIGSTOP.
    pub fn pause(&self) {
        self.shared.pause();
    }

    /// Undoes [`pause`](Self::pause): SIGCONT, and the clock runs again at the set speed.
    pub fn resume(&self) {
        self.shared.resume();
    }

    /// Stops the run ("stopped"): kills every process of it and returns once all are reaped. The
    /// remaining records and the end are still in [`updates`](Self::updates).
    pub fn stop(&mut self) {
        self.stop_because("stopped");
    }

    /// Like [`stop`](Self::stop), with the reason the trace's `stop` record and [`RunEnd`] give.
    pub fn stop_because(&mut self, reason: &str) {
        if let Some(thread) = self.thread.take() {
            if !thread.is_finished() {
                self.shared.request_stop(reason);
            }
            let _ = thread.join();
        }
    }

    /// Where each process of the run is in its program now, sampled from the control page (cheap:
    /// call it per frame). One entry per process started so far, ended ones with their last line.
    pub fn current_lines(&self) -> Vec<CurrentLine> {
        let page = &self.shared.control;
        (0..page.started())
            .filter_map(|i| page.slot(i))
            .map(|s| CurrentLine {
                pid: s.pid.load(Ordering::Relaxed),
                line: s.line.load(Ordering::Relaxed),
                col: s.col.load(Ordering::Relaxed),
            })
            .filter(|c| c.pid != 0)
            .collect()
    }

    /// The steps a held run took so far and how the scheduler ended it (`None`: a free run).
    pub fn held_log(&self) -> Option<HeldLog> {
        self.held
            .as_ref()
            .map(|l| l.lock().unwrap_or_else(|e| e.into_inner()).clone())
    }

    /// Whether every process of the run has been reaped.
    pub fn is_over(&self) -> bool {
        self.thread.as_ref().is_none_or(JoinHandle::is_finished)
    }
}

impl Drop for RunHandle {
    fn drop(&mut self) {
        self.stop_because("the run's handle was dropped");
    }
}

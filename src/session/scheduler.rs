//! The scheduler of a held run: it lets one process take one step at a time, by the schedule it
//! was given and then round-robin in creation order, so that a schedule determines the run
//! (`scheduler.md`). It runs on its own thread of the observer and only touches the control page.
//!
//! Before each decision it waits until the run is still: every process at a gate, blocked in the
//! kernel (and asleep there, as `/proc` says, so no wake-up is on its way), or ended. Time is
//! virtual: the clock moves only when the scheduler moves it, to a sleeper's wake-up or to the
//! earliest deadline when no process can take a step.

use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::schedule::{Count, Entry};
use super::shared::Shared;
use crate::trace::control::ControlPage;
use crate::trace::gate::{NO_DEADLINE, Status, futex_wake};

/// One step a held run took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// 1, 2, ... in the order they were taken.
    pub n: u64,
    /// The process's Python name.
    pub name: String,
    /// The line the step starts at (0: before the first statement).
    pub line: u32,
    /// What the step does ("statement", "Value#1 read", "Lock#2.acquire", "sleep until 0.500 s").
    pub what: String,
    /// Lesson time when it was taken.
    pub lesson_ns: u64,
    /// Real time from the grant until the run was still again (the cost of a step; not part of
    /// what a replay reproduces).
    pub took_ns: u64,
}

/// How a held run ended, when the scheduler ended it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeldEnd {
    /// Every live process was blocked with no deadline: each one's name and what it waits on.
    Deadlock(Vec<(String, String)>),
    /// The schedule named a step that could not be taken; the sentence says where and why.
    Diverged(String),
}

/// What a held run did: its steps and, if the scheduler ended it, why.
#[derive(Debug, Clone, Default)]
pub struct HeldLog {
    pub steps: Vec<Step>,
    pub end: Option<HeldEnd>,
    /// A steered run (the playground's): where every process stands while the scheduler waits
    /// for the learner's next step, in creation order.
    pub standing: Vec<Standing>,
    /// Whether the scheduler waits for the learner now.
    pub waiting: bool,
    /// Why the learner's last step could not be taken ("Process-2 is blocked (acquire Lock#3)...").
    pub refused: Option<String>,
    /// The learner let the run go free again.
    pub released: bool,
    /// Lesson time when this was written.
    pub lesson_ns: u64,
}

/// What the learner asks of a steered run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Steer {
    /// Give `name` steps (one, N, or until it blocks, sleeps or ends).
    Step { name: String, count: Count },
    /// Let the run go free from here on.
    Release,
}

/// Where one process of a steered run stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    /// Its Python name.
    pub name: String,
    /// Its pid.
    pub pid: i32,
    /// The line of its next step (0: before its first statement).
    pub line: u32,
    /// What its next step does, or what it waits on.
    pub what: String,
    /// Whether it can take that step.
    pub stand: Stand,
}

/// Whether a process can be given a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stand {
    /// At a checkpoint: a step takes it to the next one.
    Ready,
    /// Asleep until this lesson time: a step moves the clock there.
    Sleeping(u64),
    /// Inside a kernel wait, until another process lets it go on (or until a timeout, lesson ns).
    Blocked(Option<u64>),
    /// Stopped by SIGSTOP (the playground's `z`): it takes no step until it is continued.
    Frozen,
    /// It has ended.
    Ended,
}

/// The learner's side of a steered run: the steps asked for, and where each new standing goes.
pub(crate) struct Steering {
    pub commands: crossbeam_channel::Receiver<Steer>,
    pub notify: crossbeam_channel::Sender<HeldLog>,
}

/// The stop reason of a run that ended in a deadlock.
pub const DEADLOCK: &str = "deadlock";
/// The stop reason of a replay that diverged.
pub const DIVERGED: &str = "the schedule diverged";
/// The stop reason of a run whose [`Chooser`] gave up (an explored run past its step limit).
pub const CHOOSER_STOPPED: &str = "the explorer's step limit";

/// Picks the next step once a held run's schedule is spent, in place of round-robin: explore
/// (`session::explore`) uses it to steer each run down one path and to learn the choice points.
pub trait Chooser: Send {
    /// `choices`: every process at a gate, in creation order, with whether it can go on now
    /// (`true`) or is asleep until a later lesson time (picking it moves the clock to its wake-up,
    /// as the others wait); at least one can go on now. `last`: the index of the process that took
    /// the previous step, if it can go on now. Returns the index to step, or `None` to stop the run.
    fn choose(&mut self, choices: &[(String, bool)], last: Option<usize>) -> Option<usize>;
}

#[derive(Debug, Clone, PartialEq)]
enum Where {
    /// At a gate; `deadline` is a sleep's wake-up.
    Gate {
        deadline: u64,
    },
    /// In a kernel wait until `deadline`.
    Blocked {
        deadline: u64,
    },
    /// Stopped by a signal (seen only by a steered run's scheduler).
    Frozen,
    Ended,
}

#[derive(Debug, Clone, PartialEq)]
struct View {
    slot: u32,
    pid: i32,
    name: String,
    line: u32,
    what: String,
    at: Where,
}

/// Runs the scheduler until the run is over or stopped.
pub(crate) fn run(
    shared: Arc<Shared>,
    main_pid: i32,
    schedule: Vec<Entry>,
    log: Arc<Mutex<HeldLog>>,
    steering: Option<Steering>,
    mut chooser: Option<Box<dyn Chooser>>,
) {
    let page = &shared.control;
    let mut queue: std::collections::VecDeque<(Entry, u32)> =
        schedule.into_iter().map(|e| (e, 0)).collect();
    let mut last: Option<u32> = None;
    let mut n = log.lock().unwrap_or_else(|e| e.into_inner()).steps.len() as u64;
    let steered = steering.is_some();
    let tell = |waiting: bool, views: &[View]| {
        if let Some(s) = &steering {
            let mut l = log.lock().unwrap_or_else(|e| e.into_inner());
            l.waiting = waiting;
            l.lesson_ns = page.lesson_now_ns();
            l.standing = views.iter().map(standing).collect();
            let _ = s.notify.send(l.clone());
        }
    };
    let stop = |end: HeldEnd, reason: &str, views: &[View]| {
        log.lock().unwrap_or_else(|e| e.into_inner()).end = Some(end);
        tell(false, views);
        shared.request_stop(reason);
    };
    // A step the learner asked for that cannot be taken: said, and dropped (a replay stops).
    let refuse = |why: String| {
        log.lock().unwrap_or_else(|e| e.into_inner()).refused = Some(why);
    };
    let mut granted: Option<std::time::Instant> = None;
    let mut last_views: Vec<View> = Vec::new();
    while let Some(views) = settle(&shared, page, main_pid, steered) {
        last_views.clone_from(&views);
        if let Some(at) = granted.take()
            && let Some(step) = log
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .steps
                .last_mut()
        {
            step.took_ns = at.elapsed().as_nanos() as u64;
        }
        let now = page.lesson_now_ns();
        let live: Vec<&View> = views.iter().filter(|v| v.at != Where::Ended).collect();
        if live.is_empty() {
            break;
        }
        let pick = match queue.front_mut() {
            Some((entry, done)) => {
                let found = live.iter().rev().find(|v| v.name == entry.name).copied();
                let stepping_on = match (entry.count, found) {
                    (Count::Steps(k), _) if *done >= k => None,
                    (Count::UntilItStops, Some(v)) if *done > 0 && !runnable(v, now) => None,
                    (Count::UntilItStops, None) if *done > 0 => None,
                    (_, v) => Some(v),
                };
                let Some(found) = stepping_on else {
                    queue.pop_front();
                    continue;
                };
                let Some(v) = found else {
                    let ended = views.iter().any(|v| v.name == entry.name);
                    let why = format!(
                        "{} {}",
                        entry.name,
                        if ended {
                            "has ended"
                        } else {
                            "is no process of this run"
                        }
                    );
                    if steered {
                        refuse(why);
                        queue.pop_front();
                        continue;
                    }
                    stop(
                        HeldEnd::Diverged(format!(
                            "step {}: the schedule gives a step to {}, which {}",
                            n + 1,
                            entry.name,
                            if ended {
                                "has ended"
                            } else {
                                "no process of this run is called"
                            }
                        )),
                        DIVERGED,
                        &views,
                    );
                    return;
                };
                match v.at {
                    Where::Frozen => {
                        refuse(format!(
                            "{} is frozen (SIGSTOP): it takes no step until z thaws it",
                            v.name
                        ));
                        queue.pop_front();
                        continue;
                    }
                    Where::Blocked { deadline } if deadline == NO_DEADLINE => {
                        if steered {
                            refuse(format!(
                                "{} cannot take a step: it is blocked ({}) until another \
                                 process lets it go on",
                                v.name, v.what
                            ));
                            queue.pop_front();
                            continue;
                        }
                        stop(
                            HeldEnd::Diverged(format!(
                                "step {}: {} cannot take a step: it is blocked ({}) with no \
                                 timeout, until another process lets it go on",
                                n + 1,
                                v.name,
                                v.what
                            )),
                            DIVERGED,
                            &views,
                        );
                        return;
                    }
                    Where::Blocked { deadline } => {
                        // Scheduling a process waiting with a timeout: time passes to its end.
                        page.advance_to(deadline);
                        continue;
                    }
                    _ => {}
                }
                *done += 1;
                v
            }
            None if steered => {
                // The learner's turn: the clock jumps only when no process is at a gate (a
                // sleeper at its gate is the learner's to wake by stepping it).
                let at_gate = live
                    .iter()
                    .any(|v| matches!(v.at, Where::Gate { .. } | Where::Frozen));
                if !at_gate {
                    let next = live
                        .iter()
                        .filter_map(|v| match v.at {
                            Where::Blocked { deadline } if deadline != NO_DEADLINE => {
                                Some(deadline)
                            }
                            _ => None,
                        })
                        .min();
                    match next {
                        Some(deadline) => {
                            page.advance_to(deadline);
                            continue;
                        }
                        None => {
                            let waits = live
                                .iter()
                                .map(|v| (v.name.clone(), v.what.clone()))
                                .collect();
                            stop(HeldEnd::Deadlock(waits), DEADLOCK, &views);
                            return;
                        }
                    }
                }
                tell(true, &views);
                let Some(s) = &steering else { return };
                match wait_for_learner(&shared, page, main_pid, &views, s) {
                    Learner::Asks(Steer::Step { name, count }) => {
                        queue.push_back((Entry { name, count }, 0));
                        log.lock().unwrap_or_else(|e| e.into_inner()).refused = None;
                        continue;
                    }
                    Learner::Asks(Steer::Release) => {
                        release(&shared, page);
                        log.lock().unwrap_or_else(|e| e.into_inner()).released = true;
                        tell(false, &views);
                        return;
                    }
                    Learner::Changed => continue,
                    Learner::Gone => break,
                }
            }
            None => match next_step(&mut chooser, &live, last, now) {
                Next::Step(v) => v,
                Next::GiveUp => {
                    shared.request_stop(CHOOSER_STOPPED);
                    return;
                }
                Next::NoneReady => {
                    let next = live
                        .iter()
                        .filter_map(|v| match v.at {
                            Where::Gate { deadline } | Where::Blocked { deadline }
                                if deadline != NO_DEADLINE =>
                            {
                                Some(deadline)
                            }
                            _ => None,
                        })
                        .min();
                    match next {
                        Some(deadline) => {
                            page.advance_to(deadline);
                            continue;
                        }
                        None => {
                            let waits = live
                                .iter()
                                .map(|v| (v.name.clone(), v.what.clone()))
                                .collect();
                            stop(HeldEnd::Deadlock(waits), DEADLOCK, &views);
                            return;
                        }
                    }
                }
            },
        };
        if let Where::Gate { deadline } = pick.at
            && deadline != NO_DEADLINE
        {
            page.advance_to(deadline);
        }
        n += 1;
        let step = Step {
            n,
            name: pick.name.clone(),
            line: pick.line,
            what: pick.what.clone(),
            lesson_ns: page.lesson_now_ns(),
            took_ns: 0,
        };
        log.lock()
            .unwrap_or_else(|e| e.into_inner())
            .steps
            .push(step);
        last = Some(pick.slot);
        granted = Some(std::time::Instant::now());
        grant(page, pick.slot);
    }
    tell(false, &last_views);
}

/// What came while the scheduler waited for the learner.
enum Learner {
    Asks(Steer),
    /// The run moved without a step (a signal killed, froze or thawed a process).
    Changed,
    /// The run is over or being stopped, or the face is gone.
    Gone,
}

/// Waits for the learner's next step, watching the run meanwhile: a signal from the playground
/// may end, freeze or thaw a process without any step (then the standings are told again).
fn wait_for_learner(
    shared: &Shared,
    page: &ControlPage,
    main_pid: i32,
    views: &[View],
    steering: &Steering,
) -> Learner {
    use crossbeam_channel::RecvTimeoutError;
    loop {
        match steering.commands.recv_timeout(Duration::from_millis(50)) {
            Ok(steer) => return Learner::Asks(steer),
            Err(RecvTimeoutError::Disconnected) => return Learner::Gone,
            Err(RecvTimeoutError::Timeout) => {}
        }
        if shared.stop_reason().is_some() {
            return Learner::Gone;
        }
        match snapshot(page, main_pid, true) {
            Snapshot::Over => return Learner::Gone,
            Snapshot::Still(now) if now == views => {}
            _ => return Learner::Changed,
        }
    }
}

/// Lets every process of the run go free: the page's flag first (new processes start free), then
/// every slot's credit, each waiter woken.
fn release(shared: &Shared, page: &ControlPage) {
    let (speed, paused) = shared.speed();
    page.release(if paused { 0.0 } else { speed });
    // Pairs with the fence in `runtime::gate::init`: a process starting now sees the flag, or
    // this pass sees its slot.
    std::sync::atomic::fence(Ordering::SeqCst);
    for i in 0..page.started() {
        if let Some(slot) = page.slot(i) {
            slot.gate
                .credit
                .store(crate::trace::gate::FREE, Ordering::SeqCst);
            futex_wake(&slot.gate.credit);
        }
    }
}

/// Holds a free run at its processes' next checkpoints (the playground's `s` on a live run).
pub(crate) fn hold_live(page: &ControlPage) {
    page.hold(false);
    std::sync::atomic::fence(Ordering::SeqCst);
    for i in 0..page.started() {
        if let Some(slot) = page.slot(i) {
            let _ = slot.gate.credit.compare_exchange(
                crate::trace::gate::FREE,
                0,
                Ordering::SeqCst,
                Ordering::Relaxed,
            );
        }
    }
}

fn standing(v: &View) -> Standing {
    Standing {
        name: v.name.clone(),
        pid: v.pid,
        line: v.line,
        what: v.what.clone(),
        stand: match v.at {
            Where::Gate { deadline } if deadline != NO_DEADLINE => Stand::Sleeping(deadline),
            Where::Gate { .. } => Stand::Ready,
            Where::Blocked { deadline } => {
                Stand::Blocked((deadline != NO_DEADLINE).then_some(deadline))
            }
            Where::Frozen => Stand::Frozen,
            Where::Ended => Stand::Ended,
        },
    }
}

enum Next<'a> {
    Step(&'a View),
    /// No process can take a step without the clock moving.
    NoneReady,
    /// The chooser stopped the run.
    GiveUp,
}

/// The step after the schedule: the chooser's pick among the ready processes, else round-robin.
fn next_step<'a>(
    chooser: &mut Option<Box<dyn Chooser>>,
    live: &[&'a View],
    last: Option<u32>,
    now: u64,
) -> Next<'a> {
    let Some(chooser) = chooser else {
        return round_robin(live, last, now).map_or(Next::NoneReady, Next::Step);
    };
    if !live.iter().any(|v| runnable(v, now)) {
        return Next::NoneReady;
    }
    let at_gate: Vec<&View> = live
        .iter()
        .copied()
        .filter(|v| matches!(v.at, Where::Gate { .. }))
        .collect();
    let choices: Vec<(String, bool)> = at_gate
        .iter()
        .map(|v| (v.name.clone(), runnable(v, now)))
        .collect();
    let previous = at_gate
        .iter()
        .position(|v| Some(v.slot) == last && runnable(v, now));
    match chooser.choose(&choices, previous) {
        Some(i) if i < at_gate.len() => Next::Step(at_gate[i]),
        _ => Next::GiveUp,
    }
}

/// Whether `v` can take a step now without the clock moving.
fn runnable(v: &View, now: u64) -> bool {
    matches!(v.at, Where::Gate { deadline } if deadline == NO_DEADLINE || deadline <= now)
}

/// The next runnable process after `last` in creation order, wrapping around.
fn round_robin<'a>(live: &[&'a View], last: Option<u32>, now: u64) -> Option<&'a View> {
    let ready: Vec<&View> = live.iter().copied().filter(|v| runnable(v, now)).collect();
    let after = last.map_or(0, |l| l + 1);
    ready
        .iter()
        .find(|v| v.slot >= after)
        .or_else(|| ready.first())
        .copied()
}

/// Gives the process in `slot` one step.
fn grant(page: &ControlPage, slot: u32) {
    let Some(gate) = page.slot(slot).map(|s| &s.gate) else {
        return;
    };
    // Running first: until it reaches its next gate, the run is not still.
    gate.set_status(Status::Running);
    gate.credit.fetch_add(1, Ordering::AcqRel);
    futex_wake(&gate.credit);
}

/// Waits until the run is still, and returns where every process stands; `None` once the run is
/// over or being stopped.
fn settle(shared: &Shared, page: &ControlPage, main_pid: i32, steered: bool) -> Option<Vec<View>> {
    let mut previous: Option<Vec<View>> = None;
    let mut rounds = 0u32;
    loop {
        if shared.stop_reason().is_some() {
            return None;
        }
        match snapshot(page, main_pid, steered) {
            Snapshot::Over => return None,
            Snapshot::Still(views) => {
                // Still twice in a row: no wake-up was on its way between the two looks.
                if previous.as_ref() == Some(&views) {
                    return Some(views);
                }
                previous = Some(views);
            }
            Snapshot::Moving => previous = None,
        }
        rounds += 1;
        if rounds < 200 {
            std::thread::yield_now();
        } else {
            std::thread::sleep(Duration::from_micros(if rounds < 2_000 {
                20
            } else {
                1_000
            }));
        }
    }
}

enum Snapshot {
    Still(Vec<View>),
    Moving,
    Over,
}

/// Where every process stands; `steered`: a process stopped by SIGSTOP is `Frozen` (still), as
/// only the playground's `z` stops one process of a held run.
fn snapshot(page: &ControlPage, main_pid: i32, steered: bool) -> Snapshot {
    let mut views = Vec::new();
    // Before the lesson main has claimed its slot, the run has not begun.
    let mut moving = page.started() == 0 && proc_state(main_pid).is_some_and(|s| s != 'Z');
    for i in 0..page.started() {
        let Some(slot) = page.slot(i) else { break };
        let pid = slot.pid.load(Ordering::Acquire);
        let gate = &slot.gate;
        let name = gate.name.load();
        let kernel = proc_state(pid);
        let dead = pid != 0 && matches!(kernel, None | Some('Z' | 'X'));
        let at = if dead {
            Where::Ended
        } else if steered && matches!(kernel, Some('T' | 't')) {
            Where::Frozen
        } else if pid == 0 {
            // A child between fork and its first gate, or a lesson main not started yet.
            if i == 0 && proc_state(main_pid).is_none_or(|s| s == 'Z' || s == 'X') {
                Where::Ended
            } else {
                moving = true;
                continue;
            }
        } else {
            match gate.status() {
                Status::AtGate => Where::Gate {
                    deadline: gate.deadline_ns.load(Ordering::Relaxed),
                },
                // Asleep in the kernel, and no timeout has come: still.
                Status::Blocked if kernel == Some('S') => {
                    let deadline = gate.deadline_ns.load(Ordering::Relaxed);
                    if deadline != NO_DEADLINE && deadline <= page.lesson_now_ns() {
                        moving = true;
                        continue;
                    }
                    Where::Blocked { deadline }
                }
                _ => {
                    moving = true;
                    continue;
                }
            }
        };
        views.push(View {
            slot: i,
            pid,
            name,
            line: gate.line.load(Ordering::Relaxed),
            what: gate.what.load(),
            at,
        });
    }
    if moving {
        Snapshot::Moving
    } else if views.iter().all(|v| v.at == Where::Ended) {
        Snapshot::Over
    } else {
        Snapshot::Still(views)
    }
}

/// The state letter of `pid` in `/proc/PID/stat` (`R`, `S`, `Z`...), `None` when it is gone.
fn proc_state(pid: i32) -> Option<char> {
    if pid <= 0 {
        return None;
    }
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &stat[stat.rfind(')')? + 1..];
    rest.trim_start().chars().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(slot: u32, at: Where) -> View {
        View {
            slot,
            pid: 0,
            name: format!("P{slot}"),
            line: 1,
            what: String::new(),
            at,
        }
    }

    #[test]
    fn round_robin_goes_on_after_the_last_and_skips_sleepers() {
        let free = Where::Gate {
            deadline: NO_DEADLINE,
        };
        let a = view(0, free.clone());
        let b = view(1, Where::Gate { deadline: 50 });
        let c = view(2, free.clone());
        let live = [&a, &b, &c];
        assert_eq!(round_robin(&live, None, 10).unwrap().slot, 0);
        assert_eq!(
            round_robin(&live, Some(0), 10).unwrap().slot,
            2,
            "b sleeps until 50"
        );
        assert_eq!(
            round_robin(&live, Some(2), 10).unwrap().slot,
            0,
            "wraps around"
        );
        assert_eq!(
            round_robin(&live, Some(0), 50).unwrap().slot,
            1,
            "b woke up"
        );
    }

    #[test]
    fn a_learner_sees_ready_sleeping_blocked_frozen_and_ended() {
        let at = |at: Where| standing(&view(1, at)).stand;
        let deadline = NO_DEADLINE;
        assert_eq!(at(Where::Gate { deadline }), Stand::Ready);
        assert_eq!(at(Where::Gate { deadline: 50 }), Stand::Sleeping(50));
        assert_eq!(at(Where::Blocked { deadline }), Stand::Blocked(None));
        assert_eq!(at(Where::Blocked { deadline: 7 }), Stand::Blocked(Some(7)));
        assert_eq!(at(Where::Frozen), Stand::Frozen);
        assert_eq!(at(Where::Ended), Stand::Ended);
        let s = standing(&view(2, Where::Ended));
        assert_eq!((s.name.as_str(), s.line), ("P2", 1));
    }

    #[test]
    fn proc_state_tells_asleep_ended_and_gone() {
        let mut child = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .unwrap();
        let pid = child.id() as i32;
        // It falls asleep in the kernel soon after exec: wait for it, bounded.
        let t0 = std::time::Instant::now();
        while proc_state(pid) != Some('S') && t0.elapsed() < Duration::from_secs(20) {
            std::thread::sleep(Duration::from_millis(1));
        }
        assert_eq!(proc_state(pid), Some('S'));
        child.kill().unwrap();
        while proc_state(pid) != Some('Z') && t0.elapsed() < Duration::from_secs(20) {
            std::thread::sleep(Duration::from_millis(1));
        }
        assert_eq!(proc_state(pid), Some('Z'), "killed, not reaped yet");
        child.wait().unwrap();
        assert_eq!(proc_state(pid), None);
        assert_eq!(proc_state(0), None);
    }
}

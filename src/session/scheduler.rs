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
    Ended,
}

#[derive(Debug, Clone, PartialEq)]
struct View {
    slot: u32,
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
    mut chooser: Option<Box<dyn Chooser>>,
) {
    let page = &shared.control;
    let mut queue: std::collections::VecDeque<(Entry, u32)> =
        schedule.into_iter().map(|e| (e, 0)).collect();
    let mut last: Option<u32> = None;
    let mut n = 0u64;
    let stop = |end: HeldEnd, reason: &str| {
        log.lock().unwrap_or_else(|e| e.into_inner()).end = Some(end);
        shared.request_stop(reason);
    };
    let mut granted: Option<std::time::Instant> = None;
    while let Some(views) = settle(&shared, page, main_pid) {
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
            return;
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
                    );
                    return;
                };
                match v.at {
                    Where::Blocked { deadline } if deadline == NO_DEADLINE => {
                        stop(
                            HeldEnd::Diverged(format!(
                                "step {}: {} cannot take a step: it is blocked ({}) with no \
                                 timeout, until another process lets it go on",
                                n + 1,
                                v.name,
                                v.what
                            )),
                            DIVERGED,
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
                            stop(HeldEnd::Deadlock(waits), DEADLOCK);
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
fn settle(shared: &Shared, page: &ControlPage, main_pid: i32) -> Option<Vec<View>> {
    let mut previous: Option<Vec<View>> = None;
    let mut rounds = 0u32;
    loop {
        if shared.stop_reason().is_some() {
            return None;
        }
        match snapshot(page, main_pid) {
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

fn snapshot(page: &ControlPage, main_pid: i32) -> Snapshot {
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

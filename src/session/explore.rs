//! Explore: run one program again and again held, each time down another path of choices, and
//! collect every distinct outcome with the schedule that produces it (`scheduler.md`, the idea of
//! CHESS and loom).
//!
//! A choice point is a step at which more than one process could go on. A run is steered by a
//! prefix of choices and then by the non-preemptive rule (the process that took the last step goes
//! on while it can, else the first ready in creation order), so a prefix determines a whole run.
//! After a run, every other choice at a point past its prefix is a new prefix to run: a search of
//! the tree of runs that takes each run once, the shortest prefixes (the earliest choices) first.
//! A choice is any process at a gate: one that can go on, or one asleep, whose step lets the
//! lesson time pass to its wake-up while the others wait (the kernel may always keep a process
//! off the processor that long; that is how one worker of 04 can finish before another reads).
//!
//! Preemption bounding: taking the step away from a process that could have gone on costs one
//! preemption. Runs are taken with at most 0 preemptions first, then 1, 2... up to the bound (a
//! prefix over the current bound waits for its round), so the cheap, likely runs come first and a
//! run budget cut leaves the search exhaustive within the bounds it finished.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::outcome::{Finished, Outcome};
use super::schedule::compress;
use super::{CHOOSER_STOPPED, Chooser, HeldEnd, RunSpec};
use crate::trace::Record;

/// How far to explore.
#[derive(Debug, Clone)]
pub struct Options {
    /// Only operations are checkpoints (`--granularity op`), not statement starts.
    pub ops_only: bool,
    /// The most preemptions a run may have.
    pub preemptions: u32,
    /// The most runs to take.
    pub max_runs: u64,
    /// A run longer than this many steps is cut (a program that never ends).
    pub max_steps: usize,
    /// A run that takes longer than this in real time is stopped (it should never happen).
    pub run_timeout: Duration,
    /// Set by another thread to end the search after the run it is taking (the playground's view
    /// closed): what was found so far is returned, as when the run budget is spent.
    pub cancel: Option<Arc<AtomicBool>>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            ops_only: true,
            preemptions: 2,
            max_runs: 2_000,
            max_steps: 20_000,
            run_timeout: Duration::from_secs(30),
            cancel: None,
        }
    }
}

/// One explored run, as the caller's `each` sees it.
pub struct Explored<'a> {
    /// The process given each step, in order.
    pub steps: &'a [String],
    /// Its preemptions.
    pub preemptions: u32,
    /// What it came to.
    pub outcome: &'a Outcome,
    /// Its trace.
    pub records: &'a [Record],
}

/// An outcome the search found.
#[derive(Debug, Clone)]
pub struct Found {
    pub outcome: Outcome,
    /// How many explored runs came to it.
    pub count: u64,
    /// The shortest schedule found for it (fewest entries once compressed, then fewest steps):
    /// replayed with `run --schedule` at the same granularity it gives this outcome.
    pub schedule: String,
    /// The steps of that schedule.
    pub steps: usize,
    /// Its preemptions.
    pub preemptions: u32,
}

/// What a search found and how far it got.
#[derive(Debug, Clone, Default)]
pub struct Exploration {
    /// The distinct outcomes in the order they were first found.
    pub outcomes: Vec<Found>,
    /// Runs taken.
    pub runs: u64,
    /// Every run with at most this many preemptions was taken (`None`: not even all with 0).
    pub exhaustive_within: Option<u32>,
    /// Every run there is was taken: none was left over the bound or cut for its length.
    pub complete: bool,
    /// Runs cut at `max_steps`, or stopped at `run_timeout`.
    pub cut: u64,
    /// Runs that did not follow their prefix: the kernel chose which of several waiting processes
    /// went on (a Pool's task, a queue's item); each is counted as the run it really was.
    pub diverged: u64,
    /// Real time the search took.
    pub seconds: f64,
}

impl Exploration {
    /// Runs per second of real time.
    pub fn runs_per_second(&self) -> f64 {
        if self.seconds > 0.0 {
            self.runs as f64 / self.seconds
        } else {
            0.0
        }
    }
}

/// One choice point of a run.
#[derive(Debug, Clone)]
struct Point {
    /// Every process at a gate; `false`: asleep, picking it lets time pass to its wake-up.
    ready: Vec<(String, bool)>,
    /// The process of the previous step, when it could go on.
    last: Option<usize>,
    chosen: usize,
}

impl Point {
    fn preempts(&self, choice: usize) -> bool {
        self.last.is_some_and(|l| l != choice)
    }
}

/// Steers one run down a prefix, then the non-preemptive rule; records every step.
struct Steer {
    prefix: Vec<String>,
    max_steps: usize,
    points: Arc<Mutex<Vec<Point>>>,
    diverged: Arc<Mutex<bool>>,
}

/// Not preempting: the last goes on, else the first that can without the clock moving.
fn default(ready: &[(String, bool)], last: Option<usize>) -> usize {
    last.unwrap_or_else(|| ready.iter().position(|(_, now)| *now).unwrap_or(0))
}

impl Chooser for Steer {
    fn choose(&mut self, ready: &[(String, bool)], last: Option<usize>) -> Option<usize> {
        let mut points = self.points.lock().unwrap_or_else(|e| e.into_inner());
        let n = points.len();
        if n >= self.max_steps {
            return None;
        }
        let chosen = match self.prefix.get(n) {
            Some(name) => match ready.iter().position(|(r, _)| r == name) {
                Some(i) => i,
                None => {
                    // The run went another way than the one it was steered down (which of several
                    // processes waiting on one queue gets an item is the kernel's choice): it goes
                    // on by the rule, and counts as the run it really was.
                    *self.diverged.lock().unwrap_or_else(|e| e.into_inner()) = true;
                    self.prefix.clear();
                    default(ready, last)
                }
            },
            None => default(ready, last),
        };
        points.push(Point {
            ready: ready.to_vec(),
            last,
            chosen,
        });
        Some(chosen)
    }
}

/// Explores `spec`'s runs as `options` bound them; `each` sees every run as it ends.
pub fn explore(
    spec: &RunSpec,
    options: &Options,
    mut each: impl FnMut(&Explored),
) -> anyhow::Result<Exploration> {
    let started = Instant::now();
    let mut found: Vec<Found> = Vec::new();
    let mut index: HashMap<Outcome, usize> = HashMap::new();
    let mut result = Exploration::default();
    // Prefixes waiting for their bound's round: (prefix, its preemptions).
    let mut waiting: BTreeMap<u32, Vec<Vec<String>>> = BTreeMap::new();
    waiting.insert(0, vec![Vec::new()]);
    let mut over_bound = 0u64;
    let mut budget_spent = false;
    for bound in 0..=options.preemptions {
        let mut stack = Frontier::default();
        for prefix in waiting.remove(&bound).unwrap_or_default() {
            stack.push(prefix);
        }
        while let Some(prefix) = stack.pop() {
            let cancelled = options
                .cancel
                .as_ref()
                .is_some_and(|c| c.load(Ordering::Relaxed));
            if result.runs >= options.max_runs || cancelled {
                budget_spent = true;
                break;
            }
            let taken = take_one(spec, options, prefix.clone())?;
            result.runs += 1;
            if taken.cut {
                result.cut += 1;
            }
            if taken.diverged {
                result.diverged += 1;
            }
            let steps: Vec<String> = taken
                .points
                .iter()
                .map(|p| p.ready[p.chosen].0.clone())
                .collect();
            let preemptions = taken.points.iter().filter(|p| p.preempts(p.chosen)).count() as u32;
            each(&Explored {
                steps: &steps,
                preemptions,
                outcome: &taken.outcome,
                records: &taken.records,
            });
            let schedule = compress(steps.iter().map(String::as_str));
            let shorter = |f: &Found| {
                let entries = |s: &str| s.split_whitespace().count();
                (entries(&schedule), steps.len()) < (entries(&f.schedule), f.steps)
            };
            match index.get(&taken.outcome) {
                Some(&i) => {
                    let f = &mut found[i];
                    f.count += 1;
                    if shorter(f) {
                        f.schedule = schedule;
                        f.steps = steps.len();
                        f.preemptions = preemptions;
                    }
                }
                None => {
                    index.insert(taken.outcome.clone(), found.len());
                    found.push(Found {
                        outcome: taken.outcome.clone(),
                        count: 1,
                        schedule,
                        steps: steps.len(),
                        preemptions,
                    });
                }
            }
            // Every other choice past the prefix is a run of its own.
            let mut spent = 0u32;
            for (i, point) in taken.points.iter().enumerate() {
                if i >= prefix.len() {
                    for alt in (0..point.ready.len()).filter(|&a| a != point.chosen) {
                        let cost = spent + u32::from(point.preempts(alt));
                        let mut next = steps[..i].to_vec();
                        next.push(point.ready[alt].0.clone());
                        if cost <= bound {
                            stack.push(next);
                        } else if cost <= options.preemptions {
                            waiting.entry(cost).or_default().push(next);
                        } else {
                            over_bound += 1;
                        }
                    }
                }
                spent += u32::from(point.preempts(point.chosen));
            }
        }
        if budget_spent {
            break;
        }
        result.exhaustive_within = Some(bound);
    }
    result.complete = !budget_spent
        && over_bound == 0
        && result.cut == 0
        && result.diverged == 0
        && waiting.values().all(Vec::is_empty);
    result.outcomes = found;
    result.seconds = started.elapsed().as_secs_f64();
    Ok(result)
}

/// The prefixes to run within the current bound, shortest first: a choice early in a run changes
/// more of it than a late one, so a run budget spent this way sees the most different runs (the
/// last few prints reordered can wait). Ties in the order they were found.
#[derive(Default)]
struct Frontier {
    heap: BinaryHeap<(Reverse<usize>, Reverse<u64>, Vec<String>)>,
    pushed: u64,
}

impl Frontier {
    fn push(&mut self, prefix: Vec<String>) {
        self.pushed += 1;
        self.heap
            .push((Reverse(prefix.len()), Reverse(self.pushed), prefix));
    }

    fn pop(&mut self) -> Option<Vec<String>> {
        self.heap.pop().map(|(_, _, p)| p)
    }
}

struct Taken {
    points: Vec<Point>,
    outcome: Outcome,
    records: Vec<Record>,
    cut: bool,
    diverged: bool,
}

/// Runs `spec` once, steered down `prefix`.
fn take_one(spec: &RunSpec, options: &Options, prefix: Vec<String>) -> anyhow::Result<Taken> {
    let points = Arc::new(Mutex::new(Vec::new()));
    let diverged = Arc::new(Mutex::new(false));
    let steer = Steer {
        prefix,
        max_steps: options.max_steps,
        points: points.clone(),
        diverged: diverged.clone(),
    };
    let mut handle = super::start_chosen(spec.clone(), options.ops_only, Box::new(steer))?;
    let finished = Finished::read(handle.updates(), options.run_timeout);
    let timed_out = finished.end.is_none();
    if timed_out {
        handle.stop_because("the explorer's time limit for one run");
    }
    let log = handle.held_log().unwrap_or_default();
    let waiting = match &log.end {
        Some(HeldEnd::Deadlock(waits)) => waits.clone(),
        _ => Vec::new(),
    };
    let stopped = finished.end.as_ref().and_then(|e| e.stopped.clone());
    let cut_by_steps = stopped.as_deref() == Some(CHOOSER_STOPPED);
    let diverged = *diverged.lock().unwrap_or_else(|e| e.into_inner());
    let cut = cut_by_steps || timed_out;
    let why = if timed_out {
        Some(format!(
            "still running after {} s",
            options.run_timeout.as_secs()
        ))
    } else if cut {
        Some(format!("still running after {} steps", options.max_steps))
    } else {
        None
    };
    let outcome = finished.outcome(&waiting, why.as_deref());
    let points = std::mem::take(&mut *points.lock().unwrap_or_else(|e| e.into_inner()));
    Ok(Taken {
        points,
        outcome,
        records: finished.records,
        cut,
        diverged,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_steer_follows_its_prefix_then_lets_the_last_go_on() {
        let points = Arc::new(Mutex::new(Vec::new()));
        let diverged = Arc::new(Mutex::new(false));
        let mut s = Steer {
            prefix: vec!["B".into()],
            max_steps: 3,
            points: points.clone(),
            diverged: diverged.clone(),
        };
        let ab = [("A".to_string(), true), ("B".to_string(), true)];
        let asleep_b = [("A".to_string(), false), ("B".to_string(), true)];
        assert_eq!(s.choose(&ab, Some(0)), Some(1), "the prefix: B");
        assert_eq!(s.choose(&ab, Some(1)), Some(1), "B goes on");
        assert_eq!(s.choose(&asleep_b, None), Some(1), "the first awake");
        assert_eq!(s.choose(&ab, None), None, "past max_steps");
        let p = points.lock().unwrap();
        assert!(p[0].preempts(1) && !p[1].preempts(1) && !p[2].preempts(0));
        drop(p);
        let mut s = Steer {
            prefix: vec!["C".into(), "B".into()],
            max_steps: 3,
            points: Arc::new(Mutex::new(Vec::new())),
            diverged: diverged.clone(),
        };
        assert_eq!(s.choose(&ab, None), Some(0), "no C: by the rule");
        assert_eq!(
            s.choose(&ab, Some(0)),
            Some(0),
            "and by the rule from then on"
        );
        assert!(*diverged.lock().unwrap());
    }
}

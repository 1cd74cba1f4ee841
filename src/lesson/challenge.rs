//! Challenges: a lesson's `[[challenge]]`, an outcome the learner makes happen by holding a run and
//! stepping it by hand ("make the counter end at 2"), graded from the trace of that run. Pure data
//! and grading here (the facts a trace gives, [`Trace::of`], included); running is the faces'
//! (`forkyard challenge`, the playground).
//!
//! A challenge is chosen so that a free run does not meet it in the common case: the kernel would
//! have to keep a runnable process off the processor for seconds, which it never does unasked; the
//! held run's scheduler may.

use std::collections::BTreeMap;

use super::model::{Lang, Text};
use crate::session::Run;
use crate::trace::{Ending, Event, Record, Stream, signal_name};

/// One thing the run must show.
#[derive(Clone, Debug, PartialEq)]
pub enum Goal {
    /// The run's last stdout line is `line`.
    LastLine { line: String },
    /// A stdout line contains `line`.
    Appears { line: String },
    /// `process` ends so: "exit code 0", "SIGTERM".
    Ending { process: String, ending: String },
    /// The word after `prefix` on the last line that has it is `value`.
    Value { prefix: String, value: String },
    /// The run takes `seconds` of lesson time, within `tolerance`.
    Time { seconds: f64, tolerance: f64 },
    /// A stdout line containing `first` comes before any line containing `then`, which appears.
    Before { first: String, then: String },
    /// A process (`process`, or any) ends by an uncaught exception of type `exception`.
    Raises {
        exception: String,
        process: Option<String>,
    },
    /// The run ends in a deadlock: every live process waits and none can go on.
    Deadlock,
}

/// The words of [`Goal`] in lesson.toml's `kind`.
pub const KINDS: &[&str] = &[
    "last_line",
    "appears",
    "ending",
    "value",
    "time",
    "before",
    "raises",
    "deadlock",
];

/// A lesson's `[[challenge]]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Challenge {
    /// What to make happen, and why the kernel rarely does it by itself.
    pub text: Text,
    /// A nudge toward the schedule.
    pub hint: Text,
    /// Every one of these must hold.
    pub goals: Vec<Goal>,
    /// The program the run runs (`None`: the one the knobs change, else the first).
    pub program: Option<String>,
    /// The knobs set for the run.
    pub set: Vec<(String, String)>,
}

/// What a run did, as far as challenges look.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trace {
    /// Everything printed to stdout, in the order it was written.
    pub stdout: String,
    /// What each process wrote to stderr (a traceback), by process name.
    pub stderr: BTreeMap<String, String>,
    /// Each process's name and how it ended ("exit code 0", "SIGTERM"), in creation order.
    pub endings: Vec<(String, String)>,
    /// Lesson seconds from the start to the last process's end.
    pub seconds: f64,
    /// The held run's scheduler found a deadlock.
    pub deadlock: bool,
}

impl Trace {
    /// The facts of a run from its records and its model; `deadlock`: its scheduler found one.
    pub fn of(records: &[Record], run: &Run, deadlock: bool) -> Trace {
        let mut stdout = String::new();
        let mut stderr: BTreeMap<String, String> = BTreeMap::new();
        for r in records {
            if let Event::Output { stream, text } = &r.event {
                match stream {
                    Stream::Stdout => stdout.push_str(text),
                    Stream::Stderr => {
                        let name = run
                            .process_name(r.pid)
                            .map_or_else(|| r.pid.to_string(), |n| n.to_string());
                        stderr.entry(name).or_default().push_str(text);
                    }
                }
            }
        }
        let endings = run
            .lanes()
            .map(|l| {
                let how = match l.ending {
                    Some((Ending::Exited { code }, _)) => format!("exit code {code}"),
                    Some((Ending::Signaled { signal }, _)) => signal_name(signal),
                    None => "not reaped".into(),
                };
                (l.name.clone(), how)
            })
            .collect();
        let end = run.lanes().filter_map(|l| l.end_ns()).max().unwrap_or(0);
        Trace {
            stdout,
            stderr,
            endings,
            seconds: end as f64 / 1e9,
            deadlock,
        }
    }
}

/// How a run did against a challenge.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    /// Every goal held.
    pub met: bool,
    /// Each goal: held or not, and what the run showed, in words.
    pub goals: Vec<(bool, String)>,
}

impl Challenge {
    /// Grades a run; the facts are said in `lang`.
    pub fn grade(&self, run: &Trace, lang: Lang) -> Verdict {
        let goals: Vec<(bool, String)> = self.goals.iter().map(|g| g.check(run, lang)).collect();
        Verdict {
            met: goals.iter().all(|(held, _)| *held),
            goals,
        }
    }
}

/// The index of the first stdout line containing `needle`.
fn first_line(lines: &[&str], needle: &str) -> Option<usize> {
    lines.iter().position(|l| l.contains(needle))
}

impl Goal {
    /// Whether the goal held in `run`, and what the run showed.
    pub fn check(&self, run: &Trace, lang: Lang) -> (bool, String) {
        let zh = lang == Lang::Zh;
        let lines: Vec<&str> = run.stdout.lines().map(str::trim_end).collect();
        let say = |en: String, cn: String| if zh { cn } else { en };
        match self {
            Goal::LastLine { line } => {
                let last = lines
                    .iter()
                    .rev()
                    .find(|l| !l.trim().is_empty())
                    .copied()
                    .unwrap_or("");
                (
                    last == line,
                    say(
                        format!("the last line was `{last}`"),
                        format!("最后一行是 `{last}`"),
                    ),
                )
            }
            Goal::Appears { line } => {
                let there = first_line(&lines, line).is_some();
                let fact = match (there, zh) {
                    (true, false) => format!("`{line}` appeared"),
                    (false, false) => format!("`{line}` never appeared"),
                    (true, true) => format!("`{line}` 出现了"),
                    (false, true) => format!("`{line}` 没有出现"),
                };
                (there, fact)
            }
            Goal::Ending { process, ending } => {
                let how = run
                    .endings
                    .iter()
                    .find(|(n, _)| n == process)
                    .map_or("it never ran", |(_, h)| h.as_str());
                (
                    how == ending,
                    say(
                        format!("{process} ended: {how}"),
                        format!("{process} 的结局：{how}"),
                    ),
                )
            }
            Goal::Value { prefix, value } => {
                let seen = lines
                    .iter()
                    .rev()
                    .find_map(|l| l.split_once(prefix.as_str()).map(|(_, rest)| rest))
                    .and_then(|rest| rest.split_whitespace().next())
                    .unwrap_or("");
                (
                    seen == value,
                    say(
                        format!("`{prefix}` was followed by `{seen}`"),
                        format!("`{prefix}` 后面是 `{seen}`"),
                    ),
                )
            }
            Goal::Time { seconds, tolerance } => (
                (run.seconds - seconds).abs() <= *tolerance,
                say(
                    format!("the run took {:.2} s of lesson time", run.seconds),
                    format!("这次运行用了 {:.2} 秒课程时间", run.seconds),
                ),
            ),
            Goal::Before { first, then } => {
                let (a, b) = (first_line(&lines, first), first_line(&lines, then));
                let held = matches!((a, b), (Some(a), Some(b)) if a < b);
                let fact = match (a, b) {
                    (None, _) => say(
                        format!("`{first}` never appeared"),
                        format!("`{first}` 没有出现"),
                    ),
                    (_, None) => say(
                        format!("`{then}` never appeared"),
                        format!("`{then}` 没有出现"),
                    ),
                    _ if held => say(
                        format!("`{first}` came before `{then}`"),
                        format!("`{first}` 在 `{then}` 之前"),
                    ),
                    _ => say(
                        format!("`{first}` came after `{then}`"),
                        format!("`{first}` 在 `{then}` 之后"),
                    ),
                };
                (held, fact)
            }
            Goal::Raises { exception, process } => {
                // A traceback ends with `ValueError: task 3 failed` (or the bare name); the process
                // that printed it must also have ended by it (exit code 1), not caught it.
                let raised_in = |name: &str| {
                    let ended_by_it = run
                        .endings
                        .iter()
                        .any(|(n, how)| n == name && how == "exit code 1");
                    ended_by_it
                        && run.stderr.get(name).is_some_and(|text| {
                            text.lines().any(|l| {
                                let l = l.trim_end();
                                l == exception || l.starts_with(&format!("{exception}:"))
                            })
                        })
                };
                let who: Option<String> = match process {
                    Some(p) => raised_in(p).then(|| p.clone()),
                    None => run
                        .endings
                        .iter()
                        .map(|(n, _)| n)
                        .find(|n| raised_in(n))
                        .cloned(),
                };
                let fact = match (&who, zh) {
                    (Some(n), false) => format!("{n} ended by an uncaught {exception}"),
                    (Some(n), true) => format!("{n} 因未捕获的 {exception} 而结束"),
                    (None, false) => match process {
                        Some(p) => format!("{p} did not end by an uncaught {exception}"),
                        None => format!("no process ended by an uncaught {exception}"),
                    },
                    (None, true) => format!(
                        "{}没有因未捕获的 {exception} 而结束",
                        process.as_deref().unwrap_or("没有进程")
                    ),
                };
                (who.is_some(), fact)
            }
            Goal::Deadlock => (
                run.deadlock,
                match (run.deadlock, zh) {
                    (true, false) => "the run ended in a deadlock".into(),
                    (false, false) => "the run did not deadlock".into(),
                    (true, true) => "这次运行以死锁告终".into(),
                    (false, true) => "这次运行没有死锁".into(),
                },
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trace(stdout: &str) -> Trace {
        Trace {
            stdout: stdout.into(),
            stderr: BTreeMap::from([(
                "Process-1".to_string(),
                "Traceback (most recent call last):\n  File \"main.py\", line 9\nValueError: task 3 failed\n"
                    .to_string(),
            )]),
            endings: vec![
                ("MainProcess".into(), "exit code 0".into()),
                ("Process-1".into(), "exit code 1".into()),
                ("Process-2".into(), "SIGTERM".into()),
            ],
            seconds: 3.02,
            deadlock: false,
        }
    }

    fn one(goal: Goal) -> Challenge {
        Challenge {
            text: Text::default(),
            hint: Text::default(),
            goals: vec![goal],
            program: None,
            set: Vec::new(),
        }
    }

    fn met(goal: Goal, run: &Trace) -> bool {
        one(goal).grade(run, Lang::En).met
    }

    #[test]
    fn each_kind_is_graded_from_its_fact() {
        let run = trace("send: 0\nrecv: 0\ncounter: 2 expected: 9\n");
        let s = |x: &str| x.to_string();
        assert!(met(
            Goal::LastLine {
                line: s("counter: 2 expected: 9")
            },
            &run
        ));
        assert!(!met(Goal::LastLine { line: s("recv: 0") }, &run));
        assert!(met(Goal::Appears { line: s("recv: 0") }, &run));
        assert!(!met(Goal::Appears { line: s("recv: 4") }, &run));
        let ending = |p: &str, e: &str| Goal::Ending {
            process: s(p),
            ending: s(e),
        };
        assert!(met(ending("Process-2", "SIGTERM"), &run));
        assert!(!met(ending("Process-1", "SIGTERM"), &run));
        assert!(!met(ending("Process-9", "exit code 0"), &run), "never ran");
        let value = |v: &str| Goal::Value {
            prefix: s("counter:"),
            value: s(v),
        };
        assert!(met(value("2"), &run) && !met(value("9"), &run));
        let time = |t: f64| Goal::Time {
            seconds: t,
            tolerance: 0.5,
        };
        assert!(met(time(3.0), &run) && !met(time(5.0), &run));
        let before = |a: &str, b: &str| Goal::Before {
            first: s(a),
            then: s(b),
        };
        assert!(met(before("send: 0", "recv: 0"), &run));
        assert!(!met(before("recv: 0", "send: 0"), &run), "the other order");
        assert!(!met(before("send: 0", "recv: 4"), &run), "both must appear");
        let raises = |e: &str, p: Option<&str>| Goal::Raises {
            exception: s(e),
            process: p.map(s),
        };
        assert!(met(raises("ValueError", None), &run));
        assert!(met(raises("ValueError", Some("Process-1")), &run));
        assert!(!met(raises("ValueError", Some("MainProcess")), &run));
        assert!(!met(raises("KeyError", None), &run));
        assert!(!met(Goal::Deadlock, &run));
        assert!(met(
            Goal::Deadlock,
            &Trace {
                deadlock: true,
                ..run.clone()
            }
        ));
    }

    #[test]
    fn every_goal_must_hold_and_each_says_what_the_run_showed() {
        let run = trace("send: 0\nrecv: 0\n");
        let c = Challenge {
            goals: vec![
                Goal::Appears {
                    line: "send: 0".into(),
                },
                Goal::Before {
                    first: "recv: 0".into(),
                    then: "send: 0".into(),
                },
            ],
            ..one(Goal::Deadlock)
        };
        let v = c.grade(&run, Lang::En);
        assert!(!v.met);
        assert_eq!(
            v.goals,
            vec![
                (true, "`send: 0` appeared".to_string()),
                (false, "`recv: 0` came after `send: 0`".to_string()),
            ]
        );
        assert_eq!(
            c.grade(&run, Lang::Zh).goals[1].1,
            "`recv: 0` 在 `send: 0` 之后"
        );
    }

    #[test]
    fn a_caught_exception_is_not_an_ending_by_it() {
        let mut run = trace("");
        run.endings[1].1 = "exit code 0".into();
        let (held, fact) = Goal::Raises {
            exception: "ValueError".into(),
            process: Some("Process-1".into()),
        }
        .check(&run, Lang::En);
        assert!(!held);
        assert_eq!(fact, "Process-1 did not end by an uncaught ValueError");
    }
}

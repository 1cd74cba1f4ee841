//! `forkyard run --schedule S` / `--hold`: the held run's options, and what it prints after the
//! run: a `step` record per step (`--format jsonl`), the schedule to paste back, and a deadlock or
//! a diverged replay said in words.

use std::io::{self, Write};

use clap::{Args, ValueEnum};

use super::Format;
use crate::session::{self, DEADLOCK, HeldEnd, HeldLog, Hold, Run};

/// The exit status of a held run that ended in a deadlock.
pub(super) const DEADLOCKED: u8 = 3;
/// The exit status of a replay that diverged from its schedule.
pub(super) const DIVERGED: u8 = 4;

/// Which checkpoints a held run stops at.
#[derive(ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Granularity {
    /// Statement starts and operations.
    #[default]
    Line,
    /// Operations only (shared memory, locks, queues, pipes, print, start/join, exit).
    Op,
}

/// The options of a held run.
#[derive(Args, Debug, Default)]
pub struct HoldArgs {
    /// Run held under this schedule (`MainProcess* Process-1*2 Process-2`), then round-robin.
    #[arg(long, value_name = "SCHEDULE")]
    pub schedule: Option<String>,
    /// Run held with no schedule: one step at a time, round-robin in creation order.
    #[arg(long)]
    pub hold: bool,
    /// What a step is in a held run: `line` (statements and operations) or `op` (operations).
    #[arg(long, value_enum, default_value_t = Granularity::Line)]
    pub granularity: Granularity,
}

impl HoldArgs {
    /// The hold these options ask for (`None`: a free run), or what is wrong with them.
    pub fn hold(&self) -> Result<Option<Hold>, String> {
        if self.schedule.is_none() && !self.hold {
            if self.granularity != Granularity::Line {
                return Err("--granularity applies to held runs: add --hold or --schedule".into());
            }
            return Ok(None);
        }
        let schedule = match &self.schedule {
            Some(text) => session::schedule::parse(text)?,
            None => Vec::new(),
        };
        Ok(Some(Hold {
            schedule,
            ops_only: self.granularity == Granularity::Op,
        }))
    }
}

/// What the run model said at the deadlock: each blocked process's sentence.
pub fn deadlock_sentences(run: &Run) -> Vec<String> {
    run.lanes()
        .filter_map(|l| run.blocked_sentence(l.pid))
        .collect()
}

/// The wait-for cycle among `sentences` ("A blocked on Lock#1 (acquire) held by B"; a join waits on
/// the process it names), as names `A → B → A`, when there is one.
pub fn cycle(sentences: &[String]) -> Option<String> {
    let edges: Vec<(String, Vec<String>)> = sentences
        .iter()
        .filter_map(|s| {
            let (who, rest) = s.split_once(" blocked on ")?;
            let (on, rest) = rest.split_once(" (")?;
            let targets = match rest.split_once(" held by ") {
                Some((_, holders)) => holders.split(", ").map(str::to_string).collect(),
                None if rest.starts_with("join)") => vec![on.to_string()],
                None => Vec::new(),
            };
            Some((who.to_string(), targets))
        })
        .collect();
    for (start, _) in &edges {
        let mut path = vec![start.clone()];
        let mut at = start.clone();
        while let Some((_, next)) = edges.iter().find(|(w, _)| *w == at) {
            let Some(n) = next.first() else { break };
            if let Some(i) = path.iter().position(|p| p == n) {
                let mut names = path[i..].to_vec();
                names.push(n.clone());
                return Some(names.join(" → "));
            }
            path.push(n.clone());
            at = n.clone();
        }
    }
    None
}

/// Prints the held run's steps and schedule (and its deadlock, with `sentences` from the model).
pub fn report(
    out: &mut impl Write,
    format: Format,
    log: &HeldLog,
    sentences: &[String],
) -> io::Result<()> {
    let schedule = session::schedule::compress(log.steps.iter().map(|s| s.name.as_str()));
    if format == Format::Jsonl {
        for s in &log.steps {
            let record = serde_json::json!({
                "kind": "step",
                "n": s.n,
                "name": s.name,
                "line": s.line,
                "what": s.what,
                "lesson_ns": s.lesson_ns,
            });
            writeln!(out, "{record}")?;
        }
        let end = match &log.end {
            Some(HeldEnd::Deadlock(_)) => serde_json::json!({
                "kind": "held", "schedule": schedule, "end": DEADLOCK,
                "waits": sentences, "cycle": cycle(sentences),
            }),
            Some(HeldEnd::Diverged(why)) => serde_json::json!({
                "kind": "held", "schedule": schedule, "end": "diverged", "why": why,
            }),
            None => serde_json::json!({"kind": "held", "schedule": schedule}),
        };
        writeln!(out, "{end}")?;
        return out.flush();
    }
    match &log.end {
        Some(HeldEnd::Deadlock(waits)) => {
            writeln!(out, "deadlock: every live process waits and none can go on")?;
            if sentences.is_empty() {
                for (name, what) in waits {
                    writeln!(out, "  {name} waits: {what}")?;
                }
            }
            for s in sentences {
                writeln!(out, "  {s}")?;
            }
            if let Some(c) = cycle(sentences) {
                writeln!(out, "  cycle: {c}")?;
            }
        }
        Some(HeldEnd::Diverged(why)) => writeln!(out, "the replay diverged: {why}")?,
        None => {}
    }
    writeln!(out, "held run: {} steps", log.steps.len())?;
    writeln!(out, "schedule: {schedule}")?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cycle_of_two_locks_is_found() {
        let s = vec![
            "Process-1 blocked on Lock#2 (acquire) held by Process-2".to_string(),
            "Process-2 blocked on Lock#1 (acquire) held by Process-1".to_string(),
            "MainProcess blocked on Process-1 (join)".to_string(),
        ];
        assert_eq!(
            cycle(&s).as_deref(),
            Some("Process-1 → Process-2 → Process-1")
        );
        assert_eq!(cycle(&s[2..]), None);
    }
}

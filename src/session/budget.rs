//! A run's memory budget: one limit for all its processes together (`--max-memory`), so that no run,
//! however many processes it forks, can take the machine.
//!
//! Two layers. Each lesson process gets an address-space limit of the budget on top of what the
//! interpreter has mapped when the program starts (its lazily used stacks), so one process alone
//! cannot allocate past the budget: the allocation fails inside it, where the interpreter can raise
//! `MemoryError` (`runtime::apply_memory_limit`). And the observer adds up the memory the run's
//! processes really use (their proportional set size, from `/proc/PID/smaps_rollup`: pages shared
//! after a fork count once) ten times a second; a run that goes over is stopped, and every process
//! it kills says why. The observer allows a sixteenth more (at least 16 MiB) before it acts, so
//! that one process alone meets its own limit, and `MemoryError`, first.

use std::fs;

use crate::trace::control::ControlPage;

/// The start of the stop reason of a run that went over its budget (the summary and the command
/// line recognise it).
pub const OVER_BUDGET: &str = "the run went over its memory budget";

/// How often the observer adds up the run's memory, in monotonic ns.
const CHECK_EVERY_NS: u64 = 100_000_000;

/// How far past the budget the run's total may go before the observer stops it (see above).
fn slack(max: u64) -> u64 {
    (max / 16).max(16 << 20)
}

/// The default budget: a quarter of the machine's memory (from `/proc/meminfo`), at least 256 MiB;
/// 2 GiB where the machine does not say.
pub fn default_max_memory() -> u64 {
    fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| mem_total(&m))
        .map_or(2 << 30, |total| (total / 4).max(256 << 20))
}

/// `MemTotal` of a `/proc/meminfo` text, in bytes.
fn mem_total(meminfo: &str) -> Option<u64> {
    let line = meminfo.lines().find(|l| l.starts_with("MemTotal:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    kib.checked_mul(1024)
}

/// `2.0 GiB`, `200.0 MiB`: a size as the learner reads it.
pub fn describe(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["bytes", "KiB", "MiB", "GiB", "TiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} bytes")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

/// The stop reason of a run that went over `max` bytes.
pub fn over_budget_reason(max: u64) -> String {
    format!("{OVER_BUDGET} of {} (--max-memory)", describe(max))
}

/// The observer's watch over one run's memory.
pub(crate) struct Budget {
    max: u64,
    pgid: i32,
    next_ns: u64,
    /// The most the run used at one check, bytes (for tests and the README's figures).
    pub peak: u64,
}

impl Budget {
    pub fn new(max: u64, pgid: i32) -> Budget {
        Budget {
            max,
            pgid,
            next_ns: 0,
            peak: 0,
        }
    }

    /// If it is time, adds up the run's memory; the stop reason if it is over the budget.
    pub fn check(&mut self, page: &ControlPage, now_ns: u64) -> Option<String> {
        if now_ns < self.next_ns {
            return None;
        }
        self.next_ns = now_ns + CHECK_EVERY_NS;
        let pids = (0..page.started())
            .filter_map(|i| page.slot(i))
            .map(|s| s.pid.load(std::sync::atomic::Ordering::Relaxed))
            .filter(|&pid| pid > 0);
        let used: u64 = pids.map(|pid| memory_of(pid, self.pgid)).sum();
        self.peak = self.peak.max(used);
        (used > self.max.saturating_add(slack(self.max))).then(|| over_budget_reason(self.max))
    }
}

/// The memory `pid` uses, in bytes, if it is still a process of the run `pgid` (a pid may have been
/// reused by then): its proportional set size, else its resident set size.
fn memory_of(pid: i32, pgid: i32) -> u64 {
    let Ok(stat) = fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return 0;
    };
    if super::reap::parse_stat_pgid(&stat) != Some(pgid) {
        return 0;
    }
    if let Some(pss) = fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
        .ok()
        .and_then(|s| kib_field(&s, "Pss:"))
    {
        return pss;
    }
    // statm: sizes in pages; the second is the resident set.
    fs::read_to_string(format!("/proc/{pid}/statm"))
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map_or(0, |pages| pages.saturating_mul(page_size()))
}

/// The value of a `Name:   123 kB` line, in bytes.
fn kib_field(text: &str, name: &str) -> Option<u64> {
    let line = text.lines().find(|l| l.starts_with(name))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    kib.checked_mul(1024)
}

fn page_size() -> u64 {
    // SAFETY: sysconf with a constant name.
    let n = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    u64::try_from(n).unwrap_or(4096)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_a_learner_would() {
        assert_eq!(describe(2 << 30), "2.0 GiB");
        assert_eq!(describe(200 << 20), "200.0 MiB");
        assert_eq!(describe(1536), "1.5 KiB");
        assert_eq!(describe(12), "12 bytes");
        assert_eq!(
            over_budget_reason(2 << 30),
            "the run went over its memory budget of 2.0 GiB (--max-memory)"
        );
    }

    #[test]
    fn the_default_is_a_quarter_of_the_machine() {
        assert_eq!(
            mem_total("MemTotal:       24683600 kB\nMemFree: 1 kB\n"),
            Some(24683600 * 1024)
        );
        assert_eq!(mem_total("nothing"), None);
        assert!(default_max_memory() >= 256 << 20);
    }

    #[test]
    fn this_process_uses_some_memory_and_a_foreign_group_none() {
        let me = std::process::id() as i32;
        // SAFETY: getpgrp cannot fail.
        let group = unsafe { libc::getpgrp() };
        assert!(memory_of(me, group) > 0);
        assert_eq!(memory_of(me, group + 1), 0);
    }
}

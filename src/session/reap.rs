//! Ending a run's processes and collecting their exit statuses, until nothing of the run is left.
//!
//! Every process of a run is in the run's process group (lesson code has no way to leave it), and
//! the observer is a child subreaper, so every process of the run is, or will become, a child of the
//! observer or a descendant of one. So: `killpg` the group, SIGKILL any adopted child of the observer
//! still in the group (belt and braces), then `waitpid(-pgid)` until `ECHILD`.

use std::fs;

use crate::trace::Ending;

/// SIGKILLs every process of the run whose group is `pgid`: the group, then any adopted orphan in it.
pub(crate) fn kill_run(pgid: i32) {
    // SAFETY: plain signal sends; failures (the group is already gone) are fine.
    unsafe { libc::killpg(pgid, libc::SIGKILL) };
    for pid in observer_children() {
        if group_of(pid) == Some(pgid) {
            // SAFETY: as above.
            unsafe { libc::kill(pid, libc::SIGKILL) };
        }
    }
}

/// Reaps children of the observer in group `pgid`. With `block`, waits until none is left (`ECHILD`);
/// without, takes only those that already ended.
pub(crate) fn reap_group(pgid: i32, block: bool) -> Vec<(i32, Ending)> {
    let flags = if block { 0 } else { libc::WNOHANG };
    let mut reaped = Vec::new();
    loop {
        let mut status = 0;
        // SAFETY: waitpid with a valid out-pointer.
        let pid = unsafe { libc::waitpid(-pgid, &mut status, flags) };
        if pid > 0 {
            if let Some(ending) = crate::trace::Ending::from_wait_status(status) {
                reaped.push((pid, ending));
            }
            continue;
        }
        if pid < 0 && std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
            continue;
        }
        return reaped; // 0: none ended yet (WNOHANG); ECHILD: none left.
    }
}

/// The children of every thread of the observer (orphans are adopted by whichever thread).
fn observer_children() -> Vec<i32> {
    let Ok(tasks) = fs::read_dir("/proc/self/task") else {
        return Vec::new();
    };
    tasks
        .flatten()
        .filter_map(|t| fs::read_to_string(t.path().join("children")).ok())
        .flat_map(|s| {
            s.split_whitespace()
                .filter_map(|p| p.parse().ok())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The process group of `pid`, from `/proc/PID/stat`.
fn group_of(pid: i32) -> Option<i32> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    parse_stat_pgid(&stat)
}

/// Field 5 of a `/proc/PID/stat` line (after the parenthesised command, which may hold spaces).
pub(crate) fn parse_stat_pgid(stat: &str) -> Option<i32> {
    let after = &stat[stat.rfind(')')? + 1..];
    after.split_whitespace().nth(2)?.parse().ok()
}

/// Every process on the machine whose process group is `pgid`, zombies included, found by scanning
/// `/proc` (not by asking `waitpid`). After a run is over this must be empty.
pub fn processes_in_group(pgid: i32) -> Vec<i32> {
    let Ok(entries) = fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<i32>().ok())
        .filter(|&pid| group_of(pid) == Some(pgid))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pgid_is_read_after_a_command_with_spaces_and_parens() {
        let stat = "4242 (evil ) name) S 1 4200 4200 0 -1 4194560";
        assert_eq!(parse_stat_pgid(stat), Some(4200));
    }

    #[test]
    fn our_own_group_holds_us() {
        // SAFETY: getpgrp cannot fail.
        let me = unsafe { libc::getpgrp() };
        assert!(processes_in_group(me).contains(&(std::process::id() as i32)));
    }
}

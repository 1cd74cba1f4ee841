//! The trace record: one fact about one lesson process, written by that process (or by the one that
//! reaped it) and read by the observer. Field names are stable: they are the `--format jsonl` output.

use serde::{Deserialize, Serialize};

/// One trace record. Every process of a run commits these whole to its own trace ring (or, without a
/// slot, writes each to the run's trace pipe with one `write()` of at most `PIPE_BUF` bytes), so
/// records never tear.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Record {
    /// The process that wrote the record. The observer writes a few records itself (`reaped` for the
    /// lesson main and for orphans it adopted, `stray`, `stop`): those carry the observer's pid. Who a
    /// `reaped` record is about is its `child` field.
    pub pid: i32,
    /// The writer's parent's pid.
    pub ppid: i32,
    /// Per-writer sequence number, starting at 0 in each process.
    pub seq: u64,
    /// `CLOCK_MONOTONIC` in nanoseconds when the record was made.
    pub mono_ns: u64,
    /// The lesson clock in nanoseconds (scaled by `--speed`, stopped while paused).
    pub lesson_ns: u64,
    /// What happened.
    #[serde(flatten)]
    pub event: Event,
}

/// What a record says happened.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    /// The lesson main process began running `file` as Python's `MainProcess`.
    Main { name: String, file: String },
    /// A process began: written by the child right after `fork()`, its first record. `forked_ns`
    /// is the lesson time its parent called `fork()` (absent in traces of older forkyards): it
    /// orders a parent's children by start, and says which pipe ends the child inherited.
    Spawn {
        name: String,
        daemon: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        forked_ns: Option<u64>,
    },
    /// Text the program wrote (`print`, `sys.stdout.write`, a traceback). May hold several lines or a
    /// part of one; a long text arrives as several records.
    Output { stream: Stream, text: String },
    /// What the process is doing now.
    State { state: State },
    /// A step of the exit rules of a process that reached its end: SIGTERM to a live daemonic child,
    /// then a join of every remaining child.
    AtExit {
        action: AtExitAction,
        child: i32,
        child_name: String,
    },
    /// The process sent a signal to another one (`terminate()`, `kill()`).
    Signal {
        target: i32,
        target_name: String,
        signal: i32,
        signal_name: String,
    },
    /// The process is about to end by itself with this exit code.
    Exit { code: i32 },
    /// A child was reaped (by its parent in `join`/`is_alive`/exit rules, or by the observer for the
    /// lesson main and for orphans): how it ended.
    Reaped {
        child: i32,
        child_name: String,
        ending: Ending,
    },
    /// A multiprocessing object (Lock, Queue, ...) was created. `owner` is the object it is a part
    /// of (a `Value`'s own lock); `role` says which end a `Connection` is ("receive end", "send
    /// end", "both ways"). Both are absent when they do not apply (and in older traces).
    Object {
        id: u32,
        class: String,
        capacity: Option<i64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        owner: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        role: Option<String>,
    },
    /// Something happened to a multiprocessing object (acquired, released, put, got, set, ...).
    Op {
        id: u32,
        op: super::Op,
        detail: Option<String>,
    },
    /// forkyard itself refused something (the process cap, an unsupported feature met at run time).
    Refused { message: String },
    /// Written by the observer: bytes a lesson process wrote straight to its real stdout or stderr
    /// instead of through the trace. Normally there are none; a crash report of the Rust runtime
    /// (a stack overflow) lands here. `writer`: the pid of the process that wrote them, as the
    /// kernel told the observer (absent for the observer's own notes).
    Stray {
        stream: Stream,
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        writer: Option<i32>,
    },
    /// Written by the observer: it is stopping the run now (`reason`: "stopped", "timeout", ...);
    /// every process still alive is killed with SIGKILL right after this record.
    Stop { reason: String },
}

/// Where output went.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Stream {
    Stdout,
    Stderr,
}

/// What a process is doing.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum State {
    /// Running Python code.
    Running,
    /// In `time.sleep` until this lesson time.
    Sleeping { until_ns: u64 },
    /// Waiting on something: `on` names it as a learner would ("Process-1", "Lock#1"), `op` says
    /// for what ("join", "acquire", "get", "put", "recv", "wait").
    Blocked { on: String, op: String },
}

/// A step of the exit rules.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum AtExitAction {
    /// SIGTERM sent to a live daemonic child.
    Terminate,
    /// Waiting for a non-daemonic (or already terminated) child to end.
    Join,
}

/// How a process ended, as `waitpid` tells it.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(tag = "how", rename_all = "snake_case")]
pub enum Ending {
    /// It called `_exit(code)`.
    Exited { code: i32 },
    /// A signal ended it.
    Signaled { signal: i32 },
}

impl Ending {
    /// Python's `exitcode`: the exit code, or minus the signal number.
    pub fn exitcode(self) -> i32 {
        match self {
            Ending::Exited { code } => code,
            Ending::Signaled { signal } => -signal,
        }
    }

    /// How a process ended, from a `waitpid` status (`None` for a stop or continue report).
    pub fn from_wait_status(status: i32) -> Option<Ending> {
        if libc::WIFEXITED(status) {
            Some(Ending::Exited {
                code: libc::WEXITSTATUS(status),
            })
        } else if libc::WIFSIGNALED(status) {
            Some(Ending::Signaled {
                signal: libc::WTERMSIG(status),
            })
        } else {
            None
        }
    }
}

/// The name of a signal as a learner reads it (`SIGTERM`).
pub fn signal_name(signal: i32) -> String {
    match nix::sys::signal::Signal::try_from(signal) {
        Ok(s) => s.as_str().to_string(),
        Err(_) => format!("signal {signal}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> Event {
        serde_json::from_str::<Record>(json).unwrap().event
    }

    #[test]
    fn records_of_older_traces_still_read_and_absent_fields_stay_absent() {
        let head = r#""pid":2,"ppid":1,"seq":0,"mono_ns":5,"lesson_ns":5"#;
        let spawn = parse(&format!(
            r#"{{{head},"kind":"spawn","name":"Process-1","daemon":false}}"#
        ));
        assert_eq!(
            spawn,
            Event::Spawn {
                name: "Process-1".into(),
                daemon: false,
                forked_ns: None
            }
        );
        let object = parse(&format!(
            r#"{{{head},"kind":"object","id":1,"class":"Lock","capacity":1}}"#
        ));
        assert_eq!(
            object,
            Event::Object {
                id: 1,
                class: "Lock".into(),
                capacity: Some(1),
                owner: None,
                role: None
            }
        );
        // Written without the fields they lack, as before; with them when they are known.
        let text = serde_json::to_string(&object).unwrap();
        assert!(!text.contains("owner") && !text.contains("role"), "{text}");
        let part = Event::Object {
            id: 2,
            class: "RLock".into(),
            capacity: Some(1),
            owner: Some(1),
            role: None,
        };
        let text = serde_json::to_string(&part).unwrap();
        assert!(text.contains(r#""owner":1"#), "{text}");
        let forked = Event::Spawn {
            name: "P".into(),
            daemon: true,
            forked_ns: Some(7),
        };
        let back: Event = serde_json::from_str(&serde_json::to_string(&forked).unwrap()).unwrap();
        assert_eq!(back, forked);
    }
}

//! The trace writer: every fact a lesson process reports goes through [`emit`].
//!
//! One record is one `write()` of at most `PIPE_BUF` bytes on the run's trace pipe, so records from
//! many processes never tear; a long output text becomes several records (`trace::frame::fit`).
//! Nothing is buffered, so there is nothing to flush before a fork or lose at `_exit`.

use std::sync::atomic::Ordering;

use super::{capture, state};
use crate::trace::clock::mono_ns;
use crate::trace::frame;
use crate::trace::{Event, Record};

/// Reports `event` to the observer. Without a run (plain use, unit tests) it goes to the
/// [`capture`](super::capture::capture) sink of this thread if one is open, else nowhere.
pub fn emit(event: Event) {
    if let Event::State {
        state: crate::trace::State::Blocked { on, op },
    } = &event
    {
        super::gate::blocked_on(on, op);
    }
    let fd = state::TRACE_FD.load(Ordering::Relaxed);
    if fd < 0 {
        capture::offer(event);
        return;
    }
    for piece in frame::fit(event) {
        let line = frame::encode(&record(piece));
        write_whole(fd, &line);
    }
}

/// A record around `event`, stamped with this process's identity and both clocks.
fn record(event: Event) -> Record {
    let mono = mono_ns();
    Record {
        pid: state::pid(),
        ppid: state::parent_pid(),
        seq: state::SEQ.fetch_add(1, Ordering::Relaxed),
        mono_ns: mono,
        lesson_ns: super::clock::params().lesson_at(mono),
        event,
    }
}

/// One `write()` of a whole line (at most PIPE_BUF bytes, so the pipe takes it whole or blocks).
fn write_whole(fd: i32, line: &[u8]) {
    loop {
        // SAFETY: writing our own buffer to our own fd.
        let n = unsafe { libc::write(fd, line.as_ptr().cast(), line.len()) };
        if n >= 0 {
            debug_assert_eq!(
                n as usize,
                line.len(),
                "a pipe write of <= PIPE_BUF is atomic"
            );
            return;
        }
        if std::io::Error::last_os_error().raw_os_error() != Some(libc::EINTR) {
            // The observer is gone (EPIPE): this process is about to be killed by PDEATHSIG or the
            // run's cleanup; there is nobody left to tell.
            return;
        }
    }
}

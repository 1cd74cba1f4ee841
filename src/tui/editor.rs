//! `e`: the learner's editor on the program, as git opens one for a commit message. The playground
//! gives the terminal back (main screen, cooked mode, no mouse reporting), runs `$VISUAL`, else
//! `$EDITOR`, else `vi` on the file through `sh` (so `EDITOR="code -w"` works), waits for it, and
//! takes the terminal again.
//!
//! The input thread reads the terminal too: left alone it would take keys meant for the editor.
//! So it is parked first ([`InputGate`]): the loop closes the gate and wakes the thread with a
//! SIGWINCH (the terminal library turns it into a resize event); the thread sees the gate closed and
//! waits on it, reading nothing, until the editor has exited.

use std::path::Path;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

/// How long the loop waits for the input thread to park before it starts the editor anyway.
const PARK_WAIT: Duration = Duration::from_secs(2);

#[derive(Default)]
struct GateState {
    closed: bool,
    parked: bool,
}

/// Lets the loop stop the input thread from reading the terminal while an editor runs.
#[derive(Clone, Default)]
pub struct InputGate(Arc<(Mutex<GateState>, Condvar)>);

impl InputGate {
    /// For the input thread, after each event it read: while the gate is closed, waits until it
    /// opens and returns true (the event was read while an editor took over: it is dropped).
    pub fn pass(&self) -> bool {
        let (lock, cv) = &*self.0;
        let mut s = lock.lock().unwrap_or_else(|p| p.into_inner());
        if !s.closed {
            return false;
        }
        s.parked = true;
        cv.notify_all();
        while s.closed {
            s = cv.wait(s).unwrap_or_else(|p| p.into_inner());
        }
        s.parked = false;
        true
    }

    /// For the loop: closes the gate and waits until the input thread is parked at it (true), or
    /// [`PARK_WAIT`] passed (false).
    pub fn close(&self) -> bool {
        let (lock, cv) = &*self.0;
        let mut s = lock.lock().unwrap_or_else(|p| p.into_inner());
        s.closed = true;
        // The thread waits in the terminal library's read: a window-size change wakes it.
        // SAFETY: a signal to this very process.
        unsafe { libc::kill(libc::getpid(), libc::SIGWINCH) };
        let (s, _) = cv
            .wait_timeout_while(s, PARK_WAIT, |s| !s.parked)
            .unwrap_or_else(|p| p.into_inner());
        s.parked
    }

    /// For the loop: lets the input thread read again.
    pub fn open(&self) {
        let (lock, cv) = &*self.0;
        lock.lock().unwrap_or_else(|p| p.into_inner()).closed = false;
        cv.notify_all();
    }
}

/// The editor command the learner chose: `$VISUAL`, else `$EDITOR`, else `vi`.
pub fn editor_command() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .map(|v| v.trim().to_string())
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| "vi".to_string())
}

/// Runs the editor on `path` with the terminal given back; returns why it failed, if it did.
pub fn edit(path: &Path, gate: &InputGate) -> Result<(), String> {
    let editor = editor_command();
    gate.close();
    super::terminal::give_back();
    // As git does: the command line through the shell, the file as its argument.
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$@\""))
        .arg(&editor)
        .arg(path)
        .status();
    super::terminal::resume();
    gate.open();
    match status {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(format!(
            "the editor `{editor}` ended with {} on {}: set $VISUAL or $EDITOR to one that works",
            s.code()
                .map_or_else(|| "a signal".to_string(), |c| format!("exit status {c}")),
            path.display()
        )),
        Err(e) => Err(format!(
            "could not start the editor `{editor}` through sh: {e}"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_gate_parks_the_reader_until_it_opens() {
        let gate = InputGate::default();
        assert!(!gate.pass(), "an open gate lets events through");
        let reader = gate.clone();
        let (tx, rx) = crossbeam_channel::bounded(1);
        // The reader blocks in a read; here, until the gate is closed.
        let closed = Arc::new((Mutex::new(false), Condvar::new()));
        let c = closed.clone();
        let t = std::thread::spawn(move || {
            let (l, cv) = &*c;
            let _g = cv.wait_while(l.lock().unwrap(), |closed| !*closed).unwrap();
            drop(_g);
            let dropped = reader.pass();
            tx.send(dropped).unwrap();
        });
        {
            let (lock, cv) = &*gate.0;
            lock.lock().unwrap().closed = true;
            *closed.0.lock().unwrap() = true;
            closed.1.notify_all();
            let s = cv
                .wait_timeout_while(lock.lock().unwrap(), Duration::from_secs(10), |s| !s.parked)
                .unwrap()
                .0;
            assert!(s.parked, "the reader parks at a closed gate");
        }
        assert!(rx.try_recv().is_err(), "parked: it goes nowhere");
        gate.open();
        assert!(rx.recv_timeout(Duration::from_secs(10)).unwrap());
        t.join().unwrap();
    }
}

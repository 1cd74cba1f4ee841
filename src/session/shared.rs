//! What a run's handle and its pump thread share: the control page, the stop request, and the lock
//! that keeps signals to the run's group from racing with the reaping of its lesson main (after which
//! the group id could belong to someone else).

use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};

use crate::trace::control::ControlPage;

/// Speed, pause and liveness of a run, changed under one lock.
struct Ctl {
    speed: f64,
    paused: bool,
    /// The lesson main is being or has been reaped: the group must not be signalled any more.
    over: bool,
}

/// Shared between a [`RunHandle`](super::RunHandle) and its pump.
pub(crate) struct Shared {
    /// The observer's mapping of the run's control page.
    pub control: ControlPage,
    /// The run's process group (the lesson main's pid).
    pub pgid: i32,
    ctl: Mutex<Ctl>,
    stop: Mutex<Option<String>>,
    /// An eventfd that wakes the pump's poll when a stop is asked.
    wake: OwnedFd,
    /// The consumer takes records in batches (`RunHandle::batch_updates`).
    batches: AtomicBool,
}

impl Shared {
    pub fn new(control: ControlPage, pgid: i32, speed: f64) -> io::Result<Shared> {
        // SAFETY: eventfd with constant flags; the result is checked.
        let fd = unsafe { libc::eventfd(0, libc::EFD_CLOEXEC | libc::EFD_NONBLOCK) };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(Shared {
            control,
            pgid,
            ctl: Mutex::new(Ctl {
                speed,
                paused: false,
                over: false,
            }),
            stop: Mutex::new(None),
            // SAFETY: a fresh fd that we own.
            wake: unsafe { OwnedFd::from_raw_fd(fd) },
            batches: AtomicBool::new(false),
        })
    }

    fn ctl(&self) -> MutexGuard<'_, Ctl> {
        self.ctl.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The consumer asks for records in batches from now on.
    pub fn ask_for_batches(&self) {
        self.batches.store(true, Ordering::Relaxed);
    }

    /// Whether the consumer takes records in batches.
    pub fn batches(&self) -> bool {
        self.batches.load(Ordering::Relaxed)
    }

    pub fn wake_fd(&self) -> RawFd {
        self.wake.as_raw_fd()
    }

    pub fn clear_wake(&self) {
        let mut n = 0u64;
        // SAFETY: reading 8 bytes from our eventfd into `n`.
        unsafe { libc::read(self.wake.as_raw_fd(), std::ptr::from_mut(&mut n).cast(), 8) };
    }

    /// Asks the pump to stop the run (the first reason wins).
    pub fn request_stop(&self, reason: &str) {
        self.stop
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get_or_insert_with(|| reason.to_string());
        let one = 1u64;
        // SAFETY: writing 8 bytes to our eventfd.
        unsafe { libc::write(self.wake.as_raw_fd(), std::ptr::from_ref(&one).cast(), 8) };
    }

    pub fn stop_reason(&self) -> Option<String> {
        self.stop.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Marks the run over (no more signals to its group) and holds the lock while the pump reaps.
    pub fn end(&self) -> MutexGuard<'_, impl Sized> {
        let mut ctl = self.ctl();
        ctl.over = true;
        ctl
    }

    /// Sends `sig` to the run's group unless the run is over. Holds the lock, so it cannot race
    /// with the reaping of the main.
    fn signal_group(&self, ctl: &Ctl, sig: i32) {
        if !ctl.over {
            // SAFETY: plain killpg to a group whose leader we have not reaped.
            unsafe { libc::killpg(self.pgid, sig) };
        }
    }

    /// Sends `sig` to process `pid` of this run, if it is one: still in the run's group, and the
    /// run not over (the lock keeps the group's leader from being reaped meanwhile).
    pub fn signal_one(&self, pid: i32, sig: i32) -> Result<(), String> {
        let ctl = self.ctl();
        if ctl.over || pid <= 0 {
            return Err(format!("process {pid} has ended with its run"));
        }
        // SAFETY: getpgid and kill on a pid, checked to be in this run's group just before.
        let group = unsafe { libc::getpgid(pid) };
        if group != self.pgid {
            return Err(format!("process {pid} has ended"));
        }
        if unsafe { libc::kill(pid, sig) } != 0 {
            return Err(format!(
                "could not signal process {pid}: {}",
                io::Error::last_os_error()
            ));
        }
        Ok(())
    }

    pub fn set_speed(&self, speed: f64) {
        let mut ctl = self.ctl();
        ctl.speed = speed;
        // A held run's clock moves only by its scheduler (virtual time).
        if !ctl.paused && !self.control.held().0 {
            self.control.set_rate(speed);
        }
    }

    pub fn pause(&self) {
        let mut ctl = self.ctl();
        if ctl.paused {
            return;
        }
        ctl.paused = true;
        self.control.set_rate(0.0);
        self.signal_group(&ctl, libc::SIGSTOP);
    }

    pub fn resume(&self) {
        let mut ctl = self.ctl();
        if !ctl.paused {
            return;
        }
        ctl.paused = false;
        if !self.control.held().0 {
            self.control.set_rate(ctl.speed);
        }
        self.signal_group(&ctl, libc::SIGCONT);
    }

    /// Job control (Ctrl-Z of the observer): stops the run's whole group, paused or not.
    pub fn job_stop(&self) {
        let ctl = self.ctl();
        self.signal_group(&ctl, libc::SIGSTOP);
    }

    /// The observer was continued: so is the run, unless the face paused it (then `resume` will).
    pub fn job_continue(&self) {
        let ctl = self.ctl();
        if !ctl.paused {
            self.signal_group(&ctl, libc::SIGCONT);
        }
    }

    pub fn speed(&self) -> (f64, bool) {
        let ctl = self.ctl();
        (ctl.speed, ctl.paused)
    }
}

//! The lesson clock as a lesson process reads and waits on it.
//!
//! `time.sleep`, every timeout, and `time.time()`/`monotonic()`/`perf_counter()` count lesson seconds
//! (see `trace::clock` for the formula and `trace::control` for where it lives). Waits run in short
//! real-time slices and re-read the clock after each, so a speed change or a pause takes effect in the
//! middle of a sleep. Without a run (plain use, unit tests) the clock is real time since first use.

use std::os::fd::RawFd;
use std::sync::OnceLock;

use super::emit::emit;
use super::state;
use crate::trace::clock::{ClockParams, mono_ns, wall_ns};
use crate::trace::{Event, State};

/// The longest real time a wait goes without re-reading the clock.
pub(crate) const SLICE_NS: u64 = 20_000_000;

/// Real time (monotonic, wall) at the first use of the clock, for processes outside a run.
static LOCAL_START: OnceLock<(u64, u64)> = OnceLock::new();

fn local_start() -> (u64, u64) {
    *LOCAL_START.get_or_init(|| (mono_ns(), wall_ns()))
}

/// The clock's parameters now: the run's, or real time from first use.
pub(crate) fn params() -> ClockParams {
    match state::control() {
        Some(page) => page.clock(),
        None => ClockParams {
            base_mono_ns: local_start().0,
            base_lesson_ns: 0,
            rate: 1.0,
        },
    }
}

/// Lesson nanoseconds since the run began.
pub fn now_ns() -> u64 {
    params().lesson_at(mono_ns())
}

/// Lesson seconds since the run began: `time.monotonic()` and `time.perf_counter()`.
pub fn now_secs() -> f64 {
    now_ns() as f64 / 1e9
}

/// Seconds since the Unix epoch on the lesson clock: the real time when the run began plus the
/// lesson time since. `time.time()`.
pub fn epoch_secs() -> f64 {
    let start = match state::control() {
        Some(page) => page.start_wall_ns(),
        None => local_start().1,
    };
    (start as f64 + now_ns() as f64) / 1e9
}

/// Lesson seconds to nanoseconds (negative and NaN count as 0; huge values saturate).
pub fn secs_to_ns(secs: f64) -> u64 {
    if secs.is_nan() || secs <= 0.0 {
        0
    } else {
        (secs * 1e9).min(u64::MAX as f64) as u64
    }
}

/// `time.sleep(secs)` in lesson seconds (`secs >= 0`; rejecting a negative one is the caller's job).
/// Reports `sleeping` until the end time, then `running`.
pub fn sleep(secs: f64) {
    let ns = secs_to_ns(secs);
    if ns == 0 {
        return;
    }
    let until_ns = now_ns().saturating_add(ns);
    emit(Event::State {
        state: State::Sleeping { until_ns },
    });
    // A held run: the scheduler moves the clock to the wake-up when it lets this process go on.
    let mut held = super::gate::sleep_until(until_ns);
    while !held && let Some(slice) = slice_before(until_ns) {
        nap(slice);
        // The run was held while this process slept (the playground's `s`): the rest of the
        // sleep is a checkpoint the scheduler passes by moving the clock.
        held = super::gate::sleep_until(until_ns);
    }
    emit(Event::State {
        state: State::Running,
    });
}

/// Sleeps until lesson time `until_ns` unless a caught signal waits for its Python handler first.
/// Returns whether the time came (false: run the handlers, then sleep again for what is left, as
/// PEP 475 says). Reports `sleeping`, then `running`.
pub fn sleep_until(until_ns: u64) -> bool {
    emit(Event::State {
        state: State::Sleeping { until_ns },
    });
    // A held run: the scheduler moves the clock to the wake-up when it lets this process go on.
    if super::gate::sleep_until(until_ns) {
        emit(Event::State {
            state: State::Running,
        });
        return true;
    }
    let came = loop {
        if super::signals::any_pending() {
            break false;
        }
        // Held while asleep (the playground's `s`): the rest is a held checkpoint.
        if super::gate::sleep_until(until_ns) {
            break true;
        }
        match slice_before(until_ns) {
            Some(slice) => nap(slice),
            None => break true,
        }
    };
    emit(Event::State {
        state: State::Running,
    });
    came
}

/// `signal.pause()`: waits until a caught signal waits for its handler (a signal whose default
/// action ends the process ends it here). Reports `blocked` on "a signal", then `running`.
pub fn pause() {
    emit(Event::State {
        state: State::Blocked {
            on: "a signal".into(),
            op: "pause".into(),
        },
    });
    // A held run's scheduler sees it blocked with no deadline: it waits for another process.
    super::gate::enter_wait(None);
    while !super::signals::any_pending() {
        nap(SLICE_NS);
    }
    super::gate::leave_wait();
    emit(Event::State {
        state: State::Running,
    });
}

/// The real time to wait next before lesson time `deadline`, or `None` once it has come.
pub(crate) fn slice_before(deadline: u64) -> Option<u64> {
    let p = params();
    let now = p.lesson_at(mono_ns());
    if now >= deadline {
        return None;
    }
    Some(
        p.real_ns_for(deadline - now)
            .map_or(SLICE_NS, |ns| ns.clamp(1, SLICE_NS)),
    )
}

/// Sleeps `ns` real nanoseconds or until a signal comes (`EINTR`), whichever is first.
fn nap(ns: u64) {
    let ts = libc::timespec {
        tv_sec: (ns / 1_000_000_000) as libc::time_t,
        tv_nsec: (ns % 1_000_000_000) as libc::c_long,
    };
    // SAFETY: nanosleep with a valid request and no remainder pointer.
    unsafe { libc::nanosleep(&ts, std::ptr::null_mut()) };
}

/// Waits until `fd` is readable (data, end of file, or an exited process for a pidfd), at most
/// `timeout` lesson seconds (`None`: no limit). Returns whether it is.
pub fn wait_readable(fd: RawFd, timeout: Option<f64>) -> bool {
    let mut fds = [libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    }];
    wait_poll(&mut fds, timeout)
}

/// `poll()` on `fds` with a timeout in lesson seconds (`None`: no limit). Returns whether any fd is
/// ready (their `revents` say which); false when the timeout passed first.
pub fn wait_poll(fds: &mut [libc::pollfd], timeout: Option<f64>) -> bool {
    let deadline = timeout.map(|t| now_ns().saturating_add(secs_to_ns(t)));
    super::gate::enter_wait(deadline);
    let ready = wait_poll_until(fds, deadline);
    super::gate::leave_wait();
    ready
}

fn wait_poll_until(fds: &mut [libc::pollfd], deadline: Option<u64>) -> bool {
    loop {
        let slice = deadline.map(|d| slice_before(d).unwrap_or(0));
        match poll_once(fds, slice) {
            PollResult::Ready => return true,
            PollResult::Timeout if slice == Some(0) => return false,
            PollResult::Timeout | PollResult::Interrupted => {}
        }
    }
}

/// How [`wait_poll_or_signal`] ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waited {
    /// An fd is ready.
    Ready,
    /// The deadline came first.
    TimedOut,
    /// A caught signal waits for its Python handler: run it, then wait again (PEP 475).
    Signal,
}

/// `poll()` on `fds` until lesson time `deadline_ns` (`None`: no limit), returning early when a
/// caught signal waits for its Python handler.
pub fn wait_poll_or_signal(fds: &mut [libc::pollfd], deadline_ns: Option<u64>) -> Waited {
    // A held run's scheduler sees the process blocked (with its deadline), as with `wait_poll`.
    super::gate::enter_wait(deadline_ns);
    let waited = wait_poll_or_signal_until(fds, deadline_ns);
    super::gate::leave_wait();
    waited
}

fn wait_poll_or_signal_until(fds: &mut [libc::pollfd], deadline_ns: Option<u64>) -> Waited {
    loop {
        if super::signals::any_pending() {
            return Waited::Signal;
        }
        // Without a deadline, still wake up every slice: a signal that came between the check
        // above and the poll would otherwise wait for the fd.
        let slice = match deadline_ns {
            Some(d) => slice_before(d).unwrap_or(0),
            None => SLICE_NS,
        };
        match poll_once(fds, Some(slice)) {
            PollResult::Ready => return Waited::Ready,
            PollResult::Timeout if slice == 0 => return Waited::TimedOut,
            PollResult::Timeout | PollResult::Interrupted => {}
        }
    }
}

/// [`wait_readable`] that also returns early when a caught signal waits for its Python handler.
pub fn wait_readable_or_signal(fd: RawFd, timeout: Option<f64>) -> Waited {
    let mut fds = [libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    }];
    let deadline = timeout.map(|t| now_ns().saturating_add(secs_to_ns(t)));
    wait_poll_or_signal(&mut fds, deadline)
}

enum PollResult {
    Ready,
    Timeout,
    Interrupted,
}

fn poll_once(fds: &mut [libc::pollfd], wait_ns: Option<u64>) -> PollResult {
    let ts = wait_ns.map(|ns| libc::timespec {
        tv_sec: (ns / 1_000_000_000) as libc::time_t,
        tv_nsec: (ns % 1_000_000_000) as libc::c_long,
    });
    let ts_ptr = ts.as_ref().map_or(std::ptr::null(), std::ptr::from_ref);
    // SAFETY: `fds` is a valid slice of pollfd; `ts_ptr` is null or points to `ts`, alive here.
    let n = unsafe {
        libc::ppoll(
            fds.as_mut_ptr(),
            fds.len() as libc::nfds_t,
            ts_ptr,
            std::ptr::null(),
        )
    };
    match n {
        n if n > 0 => PollResult::Ready,
        0 => PollResult::Timeout,
        _ => PollResult::Interrupted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::capture::capture;

    #[test]
    fn seconds_convert_and_clamp() {
        assert_eq!(secs_to_ns(1.5), 1_500_000_000);
        assert_eq!(secs_to_ns(-1.0), 0);
        assert_eq!(secs_to_ns(f64::NAN), 0);
        assert_eq!(secs_to_ns(1e300), u64::MAX);
    }

    #[test]
    fn sleep_outside_a_run_takes_real_time_and_reports_its_states() {
        let t0 = now_secs();
        let ((), got) = capture(|| sleep(0.03));
        assert!(now_secs() - t0 >= 0.03);
        assert!(matches!(
            got.events[0],
            Event::State {
                state: State::Sleeping { .. }
            }
        ));
        assert_eq!(
            got.events[1],
            Event::State {
                state: State::Running
            }
        );
        let ((), none) = capture(|| sleep(0.0));
        assert!(none.events.is_empty(), "sleep(0) reports nothing");
    }

    #[test]
    fn wait_readable_times_out_then_sees_data() {
        let mut fds = [0; 2];
        // SAFETY: a valid out-array for pipe2.
        assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
        let t0 = now_secs();
        assert!(!wait_readable(fds[0], Some(0.03)));
        assert!(now_secs() - t0 >= 0.03);
        assert!(!wait_readable(fds[0], Some(0.0)));
        // SAFETY: writing one byte from a static to our pipe, then closing our fds.
        unsafe {
            libc::write(fds[1], b"x".as_ptr().cast(), 1);
            assert!(wait_readable(fds[0], None));
            assert!(wait_readable(fds[0], Some(0.0)));
            libc::close(fds[0]);
            libc::close(fds[1]);
        }
    }

    #[test]
    fn epoch_time_is_near_the_real_one() {
        let real = wall_ns() as f64 / 1e9;
        assert!((epoch_secs() - real).abs() < 5.0);
    }
}

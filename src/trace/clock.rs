//! The lesson clock's arithmetic, apart from where its numbers are kept (the control page).
//!
//! `lesson = base_lesson + (mono - base_mono) * rate`; rate 0 is a paused clock. Changing the rate
//! rebases: the lesson time at that instant becomes the new base, so lesson time never jumps.
//! A clock that has not started yet (the lesson main has not arrived) stays at `base_lesson`.

/// `CLOCK_MONOTONIC` now, in nanoseconds. The same clock in every process of the machine.
pub fn mono_ns() -> u64 {
    clock_ns(libc::CLOCK_MONOTONIC)
}

/// `CLOCK_REALTIME` now, in nanoseconds since the Unix epoch.
pub fn wall_ns() -> u64 {
    clock_ns(libc::CLOCK_REALTIME)
}

fn clock_ns(clock: libc::clockid_t) -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid out-pointer; these clocks always exist on Linux.
    unsafe { libc::clock_gettime(clock, &mut ts) };
    (ts.tv_sec as u64) * 1_000_000_000 + ts.tv_nsec as u64
}

/// `base_mono_ns` of a clock that has not started: lesson time stays at `base_lesson_ns`.
pub const NOT_STARTED: u64 = u64::MAX;

/// One consistent reading of the clock's parameters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClockParams {
    /// Monotonic time of the last rebase ([`NOT_STARTED`] before the lesson main starts it).
    pub base_mono_ns: u64,
    /// Lesson time at that instant.
    pub base_lesson_ns: u64,
    /// Lesson seconds per real second; 0 while paused.
    pub rate: f64,
}

impl ClockParams {
    /// Lesson time at monotonic time `mono_ns` (never before the base).
    pub fn lesson_at(&self, mono_ns: u64) -> u64 {
        if self.base_mono_ns == NOT_STARTED || mono_ns <= self.base_mono_ns {
            return self.base_lesson_ns;
        }
        // Through i64, whose conversions to and from f64 are one instruction each (u64's are
        // several, a dependent chain on every trace record's stamp); the same numbers, as a
        // monotonic difference stays below 2^63 and a lesson time far below it (a negative or NaN
        // product is 0, as `as u64` made it).
        let elapsed = (mono_ns - self.base_mono_ns) as i64 as f64 * self.rate;
        self.base_lesson_ns
            .saturating_add((elapsed as i64).max(0) as u64)
    }

    /// How long in real nanoseconds until lesson time has advanced by `lesson_ns`, at the current
    /// rate; `None` while paused or not started (it would be forever).
    pub fn real_ns_for(&self, lesson_ns: u64) -> Option<u64> {
        if self.rate <= 0.0 || self.base_mono_ns == NOT_STARTED {
            return None;
        }
        Some((lesson_ns as f64 / self.rate).ceil() as u64)
    }

    /// The same clock from `mono_ns` on, running at `rate`: lesson time is continuous.
    pub fn rebased(&self, mono_ns: u64, rate: f64) -> ClockParams {
        if self.base_mono_ns == NOT_STARTED {
            return ClockParams { rate, ..*self };
        }
        ClockParams {
            base_mono_ns: mono_ns,
            base_lesson_ns: self.lesson_at(mono_ns),
            rate,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: u64 = 1_000_000_000;

    #[test]
    fn lesson_time_scales_with_the_rate() {
        let c = ClockParams {
            base_mono_ns: 100 * S,
            base_lesson_ns: 0,
            rate: 10.0,
        };
        assert_eq!(c.lesson_at(100 * S), 0);
        assert_eq!(c.lesson_at(101 * S), 10 * S);
        assert_eq!(c.lesson_at(50 * S), 0, "never before the base");
        assert_eq!(c.real_ns_for(10 * S), Some(S));
    }

    #[test]
    fn rebasing_keeps_lesson_time_continuous_and_pause_stops_it() {
        let c = ClockParams {
            base_mono_ns: 0,
            base_lesson_ns: 0,
            rate: 2.0,
        };
        let paused = c.rebased(5 * S, 0.0);
        assert_eq!(paused.lesson_at(5 * S), 10 * S);
        assert_eq!(paused.lesson_at(500 * S), 10 * S);
        assert_eq!(paused.real_ns_for(S), None);
        let resumed = paused.rebased(600 * S, 1.0);
        assert_eq!(resumed.lesson_at(601 * S), 11 * S);
    }

    #[test]
    fn a_clock_not_started_stays_put_and_keeps_a_new_rate() {
        let c = ClockParams {
            base_mono_ns: NOT_STARTED,
            base_lesson_ns: 0,
            rate: 1.0,
        };
        assert_eq!(c.lesson_at(mono_ns()), 0);
        let r = c.rebased(mono_ns(), 5.0);
        assert_eq!((r.base_mono_ns, r.rate), (NOT_STARTED, 5.0));
    }

    #[test]
    fn lesson_time_is_never_negative_and_the_rate_scales_exactly() {
        let c = ClockParams {
            base_mono_ns: S,
            base_lesson_ns: 7,
            rate: 0.25,
        };
        assert_eq!(c.lesson_at(5 * S), 7 + S);
        let weird = ClockParams {
            rate: f64::NAN,
            ..c
        };
        assert_eq!(
            weird.lesson_at(5 * S),
            7,
            "a NaN rate counts as a stopped clock"
        );
        let negative = ClockParams { rate: -1.0, ..c };
        assert_eq!(negative.lesson_at(5 * S), 7, "never before the base");
    }

    #[test]
    fn clocks_move_forward() {
        let a = mono_ns();
        let b = mono_ns();
        assert!(b >= a);
        assert!(wall_ns() > 1_600_000_000 * S);
    }
}

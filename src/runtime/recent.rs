//! A trace record's time without a clock read: this process's last reading, while it is recent.
//!
//! Reading `CLOCK_MONOTONIC` (and scaling it to lesson time) costs about 30 ns, a fifth of a Lock
//! pair's lesson time when every record read it. A record that may carry an earlier time (see
//! `runtime::emit::emit_op_recent` for which) carries this process's last reading instead, if that
//! reading was made less than [`WINDOW_NS`] before: the record's time is then at most
//! [`WINDOW_NS`] earlier than the moment it was made, never later, and never before an earlier
//! record of the process (the last reading is the latest time the process stamped).
//!
//! The window is measured with the CPU's time-stamp counter (`rdtsc`, about 10 ns): ticks since the
//! reading, against a tick rate this process measured from two clock readings at least
//! [`CALIBRATION_NS`] apart. The counter is used only where the kernel itself keeps time with it
//! (the clocksource is `tsc`: a counter at a constant rate, the same on every CPU); anywhere else,
//! and until the rate is measured, every record reads the clock.

use std::sync::atomic::{AtomicU8, AtomicU64, Ordering::Relaxed};

use crate::trace::clock::mono_ns;

/// How much earlier than the moment it is made a record's time may be when it reuses a reading.
pub const WINDOW_NS: u64 = 10_000;

/// The shortest span between the two readings the tick rate is measured from.
pub const CALIBRATION_NS: u64 = 2_000_000;

/// The last reading of this process: the counter just before it (0: none), monotonic and lesson
/// time. Statics, as `state`'s: a lesson process is single-threaded and a fork copies them.
static READ_TSC: AtomicU64 = AtomicU64::new(0);
static READ_MONO: AtomicU64 = AtomicU64::new(0);
static READ_LESSON: AtomicU64 = AtomicU64::new(0);

/// Counter ticks in (a little less than) [`WINDOW_NS`]; 0 until measured or when the counter is
/// not to be used.
static WINDOW_TICKS: AtomicU64 = AtomicU64::new(0);
/// The first reading the rate is measured from: counter before, monotonic time, counter after.
static CAL_TSC: AtomicU64 = AtomicU64::new(0);
static CAL_MONO: AtomicU64 = AtomicU64::new(0);
static CAL_SLOP: AtomicU64 = AtomicU64::new(0);

/// Whether the counter may be used: 0 not looked yet, 1 yes, 2 no.
static USABLE: AtomicU8 = AtomicU8::new(0);

/// The time-stamp counter, or 0 where there is none to use.
#[inline]
fn tsc() -> u64 {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: rdtsc exists on every x86_64 CPU and has no memory effects.
        unsafe { core::arch::x86_64::_rdtsc() }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        0
    }
}

/// Whether the kernel keeps time with the counter (checked once; a fork inherits the answer).
fn usable() -> bool {
    match USABLE.load(Relaxed) {
        1 => true,
        2 => false,
        _ => {
            let yes = cfg!(target_arch = "x86_64")
                && std::fs::read_to_string(
                    "/sys/devices/system/clocksource/clocksource0/current_clocksource",
                )
                .is_ok_and(|s| s.trim() == "tsc");
            USABLE.store(if yes { 1 } else { 2 }, Relaxed);
            yes
        }
    }
}

/// Reads the clock: (monotonic ns, lesson ns), remembered as this process's last reading.
/// `lesson_at` turns monotonic time into lesson time.
#[inline]
pub fn fresh(lesson_at: impl FnOnce(u64) -> u64) -> (u64, u64) {
    let before = tsc();
    let mono = mono_ns();
    let lesson = lesson_at(mono);
    READ_TSC.store(before, Relaxed);
    READ_MONO.store(mono, Relaxed);
    READ_LESSON.store(lesson, Relaxed);
    if WINDOW_TICKS.load(Relaxed) == 0 {
        calibrate(before, mono);
    }
    (mono, lesson)
}

/// The last reading, if it was made less than [`WINDOW_NS`] ago.
#[inline]
pub fn recent() -> Option<(u64, u64)> {
    let window = WINDOW_TICKS.load(Relaxed);
    // A counter behind the reading (which the kernel's choice of clocksource rules out) wraps to a
    // huge difference: the clock is read.
    (window != 0 && tsc().wrapping_sub(READ_TSC.load(Relaxed)) < window)
        .then(|| (READ_MONO.load(Relaxed), READ_LESSON.load(Relaxed)))
}

/// The last reading if recent, else a fresh one.
#[inline]
pub fn recent_or_fresh(lesson_at: impl FnOnce(u64) -> u64) -> (u64, u64) {
    match recent() {
        Some(r) => r,
        None => fresh(lesson_at),
    }
}

/// Forgets the last reading (a forked child: its first records read the clock).
pub fn forget() {
    READ_TSC.store(0, Relaxed);
}

/// Measures the tick rate from the reading made at `mono` (counter `before` just before it) and
/// the first one, once they are [`CALIBRATION_NS`] apart. A reading whose counter reads around
/// it lie far apart (the process was preempted in between) is not used: the two readings'
/// uncertainty together stays below a thousandth of the span.
#[cold]
fn calibrate(before: u64, mono: u64) {
    // Before anything else: the first call reads a file.
    let slop = tsc().wrapping_sub(before);
    if !usable() {
        return;
    }
    let (cal_tsc, cal_mono) = (CAL_TSC.load(Relaxed), CAL_MONO.load(Relaxed));
    if cal_tsc == 0 || mono < cal_mono {
        set_base(before, mono, slop);
        return;
    }
    let span_ns = mono - cal_mono;
    if span_ns < CALIBRATION_NS {
        return;
    }
    let span_ticks = before.wrapping_sub(cal_tsc);
    let uncertainty = CAL_SLOP.load(Relaxed).saturating_add(slop);
    if span_ticks == 0 || uncertainty.saturating_mul(1000) > span_ticks {
        // Preempted around one of the two: start again from this one.
        set_base(before, mono, slop);
        return;
    }
    WINDOW_TICKS.store(window_ticks(span_ticks, span_ns), Relaxed);
}

fn set_base(tsc: u64, mono: u64, slop: u64) {
    CAL_TSC.store(tsc, Relaxed);
    CAL_MONO.store(mono, Relaxed);
    CAL_SLOP.store(slop, Relaxed);
}

/// The ticks of nine tenths of [`WINDOW_NS`] at `span_ticks` per `span_ns`: the tenth left covers
/// the measured rate's error (below a thousandth) and the counter read's slack against the
/// instructions around it (well under a microsecond).
fn window_ticks(span_ticks: u64, span_ns: u64) -> u64 {
    let t = u128::from(span_ticks) * u128::from(WINDOW_NS) * 9 / (u128::from(span_ns) * 10);
    u64::try_from(t).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Busy-waits `ns` of monotonic time.
    fn spin(ns: u64) {
        let t0 = mono_ns();
        while mono_ns() - t0 < ns {
            std::hint::spin_loop();
        }
    }

    #[test]
    fn the_window_is_nine_tenths_of_its_time_at_the_measured_rate() {
        // 2.5 GHz measured over 2 ms: 9 µs of ticks.
        assert_eq!(window_ticks(5_000_000, 2_000_000), 22_500);
        assert_eq!(window_ticks(u64::MAX, 1), u64::MAX);
    }

    /// The bound README states: a reused time is never more than WINDOW_NS before the moment the
    /// record was made (taken here as a clock read just before asking), and never goes back.
    /// Pauses around the window's length make both kinds of stamps come.
    #[test]
    fn a_reused_time_is_never_older_than_the_window_nor_goes_back() {
        let lesson = |m: u64| m / 2;
        // Readings at least CALIBRATION_NS apart measure the rate (where the counter is usable).
        // (A few tries: a reading the process was preempted around does not count.)
        for _ in 0..10 {
            fresh(lesson);
            spin(CALIBRATION_NS + 100_000);
            fresh(lesson);
            if WINDOW_TICKS.load(Relaxed) != 0 {
                break;
            }
        }
        if !usable() {
            assert_eq!(recent(), None, "no counter, no reuse");
            return;
        }
        assert_ne!(WINDOW_TICKS.load(Relaxed), 0, "the rate is measured");
        let (mut reused, mut read, mut last) = (0, 0, 0);
        for i in 0..20_000u64 {
            if i % 50 == 0 {
                fresh(lesson);
            }
            // Pauses of 0 to 15 µs, so that some asks fall inside the window and some past it.
            spin((i * 7919) % 15_000);
            let asked = mono_ns();
            let was_recent = recent().is_some();
            let (mono, l) = recent_or_fresh(lesson);
            assert!(
                mono + WINDOW_NS >= asked,
                "a time {} ns older than asked",
                asked - mono
            );
            assert!(mono >= last, "times of one process never go back");
            assert_eq!(l, lesson(mono), "lesson time of the same reading");
            last = mono;
            if was_recent { reused += 1 } else { read += 1 }
        }
        assert!(reused > 1000 && read > 1000, "reused {reused}, read {read}");
        // After a fork the child reads the clock for its first record.
        forget();
        assert_eq!(recent(), None);
    }
}

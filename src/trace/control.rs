//! The control page: the run's second channel, shared memory instead of a pipe.
//!
//! The observer makes it (a memfd), every lesson process maps it (`MAP_SHARED`, inherited across
//! fork). It holds what is cheap and frequent, or what all processes of a run must agree on: the
//! lesson clock (behind a sequence lock), the process cap and count, and one slot per process with its
//! current line. After the slots come the slots' trace rings (`ring`): each process puts its records
//! in its own ring, and the trace pipe only wakes the observer (and tells it, by closing, that every
//! lesson process is gone).
//!
//! Only atomics live in the page, so any process may read or write it at any time.

use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::sync::atomic::{AtomicI32, AtomicU32, AtomicU64, Ordering, fence};

use super::clock::{ClockParams, NOT_STARTED, mono_ns, wall_ns};
use super::gate::Gate;
use super::ring::{RING_STRIDE, Ring};

const MAGIC: u64 = u64::from_le_bytes(*b"FORKYRD1");

/// The fixed part of the page.
#[repr(C)]
struct Header {
    magic: AtomicU64,
    /// Sequence lock over the three clock fields: odd while a writer is inside.
    clock_seq: AtomicU64,
    base_mono_ns: AtomicU64,
    base_lesson_ns: AtomicU64,
    rate_bits: AtomicU64,
    /// Wall time (ns since the epoch) at lesson time 0: the base of `time.time()`.
    start_wall_ns: AtomicU64,
    max_processes: AtomicU32,
    /// Processes created so far in the run, the lesson main included.
    started: AtomicU32,
    /// 1 when the run is held (new processes start at a gate), 0 when free.
    held: AtomicU32,
    /// 1 when only operations are checkpoints (`--granularity op`), 0 for statements too.
    ops_only: AtomicU32,
    /// 1 while the observer is about to sleep (or sleeps) waiting for the trace: a writer that
    /// commits a record then takes the flag and wakes it through the trace pipe (see `ring`).
    observer_asleep: AtomicU32,
    _pad: AtomicU32,
}

/// One lesson process's slot: the facts the observer samples per frame.
#[repr(C)]
pub struct Slot {
    /// The process in this slot (0 while free).
    pub pid: AtomicI32,
    /// The line it is running (1-based; 0 before its first statement).
    pub line: AtomicU32,
    /// The column of that statement (1-based; 0 before its first statement).
    pub col: AtomicU32,
    reserved: AtomicU32,
    /// The gate of a held run (see `trace::gate`).
    pub gate: Gate,
}

/// A mapping of a run's control page.
pub struct ControlPage {
    base: *mut u8,
    len: usize,
}

// SAFETY: the page holds only atomics, and the mapping lives as long as the value.
unsafe impl Send for ControlPage {}
// SAFETY: as above: every access goes through an atomic.
unsafe impl Sync for ControlPage {}

/// The process cap was reached: `start()` of one more process is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CapReached {
    /// The cap of this run.
    pub max: u32,
}

impl ControlPage {
    /// Makes a page for a run of at most `max_processes` processes whose clock will run at `speed`
    /// once the lesson main starts it. Returns the mapping and the memfd to hand to the lesson main
    /// (close-on-exec: the spawner clears that flag in the child only).
    pub fn create(max_processes: u32, speed: f64) -> io::Result<(ControlPage, OwnedFd)> {
        let max_processes = max_processes.max(1);
        // SAFETY: a valid C string and flags; the result is checked.
        let raw = unsafe { libc::memfd_create(c"forkyard-control".as_ptr(), libc::MFD_CLOEXEC) };
        if raw < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: `raw` is a fresh fd that we own.
        let fd = unsafe { OwnedFd::from_raw_fd(raw) };
        let len = page_len(max_processes);
        // SAFETY: plain syscall on our fd.
        if unsafe { libc::ftruncate(fd.as_raw_fd(), len as libc::off_t) } < 0 {
            return Err(io::Error::last_os_error());
        }
        let page = Self::map_len(&fd, len)?;
        let h = page.header();
        h.base_mono_ns.store(NOT_STARTED, Ordering::Relaxed);
        h.rate_bits.store(speed.to_bits(), Ordering::Relaxed);
        h.max_processes.store(max_processes, Ordering::Relaxed);
        h.magic.store(MAGIC, Ordering::Release);
        Ok((page, fd))
    }

    /// Maps the page made by the observer (in the lesson main, from the inherited fd).
    pub fn map(fd: &OwnedFd) -> io::Result<ControlPage> {
        // SAFETY: `st` is a valid out-pointer.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: as above; the fd is open.
        if unsafe { libc::fstat(fd.as_raw_fd(), &mut st) } < 0 {
            return Err(io::Error::last_os_error());
        }
        let len = st.st_size as usize;
        if len < size_of::<Header>() {
            return Err(io::Error::other("the control page is too small"));
        }
        let page = Self::map_len(fd, len)?;
        if page.header().magic.load(Ordering::Acquire) != MAGIC {
            return Err(io::Error::other("the control page has no forkyard header"));
        }
        Ok(page)
    }

    fn map_len(fd: &OwnedFd, len: usize) -> io::Result<ControlPage> {
        // SAFETY: a fresh shared mapping of our fd; checked below.
        let base = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_SHARED,
                fd.as_raw_fd(),
                0,
            )
        };
        if base == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        Ok(ControlPage {
            base: base.cast(),
            len,
        })
    }

    fn header(&self) -> &Header {
        // SAFETY: the mapping is at least a header long, page-aligned, and lives as long as `self`.
        unsafe { &*self.base.cast::<Header>() }
    }

    /// How many process slots the page has (the process cap).
    pub fn max_processes(&self) -> u32 {
        self.header().max_processes.load(Ordering::Relaxed)
    }

    /// How many processes the run has created so far, the lesson main included.
    pub fn started(&self) -> u32 {
        self.header()
            .started
            .load(Ordering::Relaxed)
            .min(self.max_processes())
    }

    /// Counts one more process of the run and returns its slot, or refuses at the cap.
    pub fn claim_process(&self) -> Result<u32, CapReached> {
        let h = self.header();
        let max = h.max_processes.load(Ordering::Relaxed);
        h.started
            .fetch_update(Ordering::AcqRel, Ordering::Relaxed, |n| {
                (n < max).then_some(n + 1)
            })
            .map_err(|_| CapReached { max })
    }

    /// Slot `i` (`None` outside the page).
    pub fn slot(&self, i: u32) -> Option<&Slot> {
        if i >= self.max_processes() {
            return None;
        }
        let offset = size_of::<Header>() + i as usize * size_of::<Slot>();
        debug_assert!(offset + size_of::<Slot>() <= self.len);
        // SAFETY: in bounds (the page holds `max_processes` slots), aligned (Header and Slot are
        // multiples of 8 and 4 bytes), and only touched through atomics.
        Some(unsafe { &*self.base.add(offset).cast::<Slot>() })
    }

    /// The trace ring of slot `i` (`None` outside the page).
    pub fn ring(&self, i: u32) -> Option<Ring<'_>> {
        if i >= self.max_processes() {
            return None;
        }
        let offset = slots_len(self.max_processes()) + i as usize * RING_STRIDE;
        if offset + RING_STRIDE > self.len {
            return None;
        }
        // SAFETY: in bounds (checked above), 64-aligned (the area starts on a page and the stride is
        // a multiple of 64), zeroed at creation, and used only as this slot's ring while the
        // mapping (`self`) lives.
        Some(unsafe { Ring::at(self.base.add(offset)) })
    }

    /// Observer side, before it sleeps on the trace: says so, so that the next record committed
    /// wakes it. The caller then looks at the rings once more before sleeping.
    pub fn observer_sleeps(&self) {
        self.header().observer_asleep.store(1, Ordering::SeqCst);
    }

    /// Observer side, once awake: writers need not wake it.
    pub fn observer_awake(&self) {
        self.header().observer_asleep.store(0, Ordering::Relaxed);
    }

    /// Writer side, after committing a record: whether the observer sleeps and this writer is the
    /// one to wake it (the flag is taken, so one wake per sleep).
    pub fn take_observer_wake(&self) -> bool {
        let flag = &self.header().observer_asleep;
        flag.load(Ordering::SeqCst) == 1 && flag.swap(0, Ordering::SeqCst) == 1
    }

    /// Reads the clock's parameters consistently (sequence lock reader: retry while a writer is in).
    pub fn clock(&self) -> ClockParams {
        let h = self.header();
        loop {
            let before = h.clock_seq.load(Ordering::Acquire);
            if before % 2 == 1 {
                std::hint::spin_loop();
                continue;
            }
            let params = ClockParams {
                base_mono_ns: h.base_mono_ns.load(Ordering::Relaxed),
                base_lesson_ns: h.base_lesson_ns.load(Ordering::Relaxed),
                rate: f64::from_bits(h.rate_bits.load(Ordering::Relaxed)),
            };
            fence(Ordering::Acquire);
            if h.clock_seq.load(Ordering::Relaxed) == before {
                return params;
            }
        }
    }

    /// Holds the run (before its lesson main starts): every process starts at a gate, and the
    /// clock stands still except when [`advance_to`](Self::advance_to) moves it.
    pub fn hold(&self, ops_only: bool) {
        let h = self.header();
        h.ops_only.store(u32::from(ops_only), Ordering::Relaxed);
        h.held.store(1, Ordering::Release);
        h.rate_bits.store(0f64.to_bits(), Ordering::Relaxed);
    }

    /// Lets a held run go free (the playground's second `s`): new processes start free and the
    /// clock runs at `rate` again from the lesson time it stood at. The slots' gates are the
    /// scheduler's to open.
    pub fn release(&self, rate: f64) {
        let h = self.header();
        h.held.store(0, Ordering::Release);
        self.set_rate(rate);
    }

    /// Whether the run is held, and whether only operations are checkpoints.
    pub fn held(&self) -> (bool, bool) {
        let h = self.header();
        (
            h.held.load(Ordering::Acquire) == 1,
            h.ops_only.load(Ordering::Relaxed) == 1,
        )
    }

    /// Moves a stopped clock forward to lesson time `lesson_ns` (never back): virtual time.
    pub fn advance_to(&self, lesson_ns: u64) {
        let now = self.lesson_now_ns();
        if lesson_ns <= now {
            return;
        }
        self.write_clock(|old, mono| ClockParams {
            base_mono_ns: if old.base_mono_ns == NOT_STARTED {
                NOT_STARTED
            } else {
                mono
            },
            base_lesson_ns: lesson_ns,
            rate: 0.0,
        });
    }

    /// Lesson time now.
    pub fn lesson_now_ns(&self) -> u64 {
        self.clock().lesson_at(mono_ns())
    }

    /// Wall time at lesson time 0 (ns since the epoch); 0 before the clock started.
    pub fn start_wall_ns(&self) -> u64 {
        self.header().start_wall_ns.load(Ordering::Relaxed)
    }

    /// Starts the clock at lesson time 0, now. Called once by the lesson main when it begins, so that
    /// exec and start-up cost no lesson time. Later calls do nothing.
    pub fn start_clock(&self) {
        let h = self.header();
        h.start_wall_ns.store(wall_ns(), Ordering::Relaxed);
        // One atomic word: readers see the clock either not started or started, and a concurrent
        // writer (`set_rate`) never stores this field while it holds NOT_STARTED.
        let _ = h.base_mono_ns.compare_exchange(
            NOT_STARTED,
            mono_ns(),
            Ordering::AcqRel,
            Ordering::Relaxed,
        );
    }

    /// Runs the clock at `rate` from now on (0 pauses it). Lesson time stays continuous.
    pub fn set_rate(&self, rate: f64) {
        self.write_clock(|old, now| old.rebased(now, rate));
    }

    /// Writer side of the clock's sequence lock: `change` maps the old parameters (and the
    /// monotonic time now) to the new ones. A clock not started yet keeps its base.
    fn write_clock(&self, change: impl FnOnce(ClockParams, u64) -> ClockParams) {
        let h = self.header();
        // Writers (observer threads) exclude each other by CAS.
        let seq = loop {
            let s = h.clock_seq.load(Ordering::Relaxed);
            if s.is_multiple_of(2)
                && h.clock_seq
                    .compare_exchange_weak(s, s + 1, Ordering::Acquire, Ordering::Relaxed)
                    .is_ok()
            {
                break s;
            }
            std::hint::spin_loop();
        };
        fence(Ordering::Release);
        let now = mono_ns();
        let old = ClockParams {
            base_mono_ns: h.base_mono_ns.load(Ordering::Acquire),
            base_lesson_ns: h.base_lesson_ns.load(Ordering::Relaxed),
            rate: f64::from_bits(h.rate_bits.load(Ordering::Relaxed)),
        };
        let new = change(old, now);
        if old.base_mono_ns != NOT_STARTED {
            h.base_mono_ns.store(new.base_mono_ns, Ordering::Relaxed);
        }
        h.base_lesson_ns
            .store(new.base_lesson_ns, Ordering::Relaxed);
        h.rate_bits.store(new.rate.to_bits(), Ordering::Relaxed);
        h.clock_seq.store(seq + 2, Ordering::Release);
    }
}

impl Drop for ControlPage {
    fn drop(&mut self) {
        // SAFETY: unmapping our own mapping, once.
        unsafe { libc::munmap(self.base.cast(), self.len) };
    }
}

/// The header and the slots, to the next page: where the rings begin.
fn slots_len(max_processes: u32) -> usize {
    let len = size_of::<Header>() + max_processes as usize * size_of::<Slot>();
    len.next_multiple_of(4096)
}

/// The whole page: header, slots, then one trace ring per slot (pages of a ring nobody writes are
/// never touched, so they cost no memory).
fn page_len(max_processes: u32) -> usize {
    slots_len(max_processes) + max_processes as usize * RING_STRIDE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cap_counts_and_refuses() {
        let (page, _fd) = ControlPage::create(3, 1.0).unwrap();
        assert_eq!(page.claim_process(), Ok(0));
        assert_eq!(page.claim_process(), Ok(1));
        assert_eq!(page.claim_process(), Ok(2));
        assert_eq!(page.claim_process(), Err(CapReached { max: 3 }));
        assert_eq!(page.started(), 3);
        assert!(page.slot(2).is_some());
        assert!(page.slot(3).is_none());
    }

    #[test]
    fn every_slot_has_its_own_ring_shared_by_every_mapping() {
        let (page, fd) = ControlPage::create(3, 1.0).unwrap();
        let other = ControlPage::map(&fd).unwrap();
        other.ring(2).unwrap().push(b"two\n").unwrap();
        other.ring(0).unwrap().push(b"zero\n").unwrap();
        let mut out = Vec::new();
        page.ring(2).unwrap().drain(&mut out);
        assert_eq!(out, b"two\n");
        assert!(!page.ring(1).unwrap().has_lines());
        assert!(page.ring(0).unwrap().has_lines());
        assert!(page.ring(3).is_none());
        page.observer_sleeps();
        assert!(other.take_observer_wake());
        assert!(!other.take_observer_wake(), "one wake per sleep");
    }

    #[test]
    fn a_second_mapping_sees_the_same_page() {
        let (page, fd) = ControlPage::create(64, 1.0).unwrap();
        let other = ControlPage::map(&fd).unwrap();
        other.slot(5).unwrap().line.store(42, Ordering::Relaxed);
        assert_eq!(page.slot(5).unwrap().line.load(Ordering::Relaxed), 42);
        assert_eq!(other.max_processes(), 64);
    }

    #[test]
    fn the_clock_waits_for_start_then_runs_and_pauses() {
        let (page, _fd) = ControlPage::create(4, 1000.0).unwrap();
        assert_eq!(page.lesson_now_ns(), 0);
        page.set_rate(1000.0);
        assert_eq!(page.lesson_now_ns(), 0, "not started yet");
        page.start_clock();
        std::thread::sleep(std::time::Duration::from_millis(2));
        let running = page.lesson_now_ns();
        assert!(
            running >= 2_000_000_000,
            "at 1000x, 2 ms is 2 lesson s, got {running}"
        );
        page.set_rate(0.0);
        let paused = page.lesson_now_ns();
        std::thread::sleep(std::time::Duration::from_millis(2));
        assert_eq!(page.lesson_now_ns(), paused);
        assert!(page.start_wall_ns() > 0);
    }

    #[test]
    fn a_held_clock_stands_still_and_only_moves_forward() {
        let (page, _fd) = ControlPage::create(4, 1000.0).unwrap();
        assert_eq!(page.held(), (false, false));
        page.hold(true);
        assert_eq!(page.held(), (true, true));
        page.start_clock();
        std::thread::sleep(std::time::Duration::from_millis(2));
        assert_eq!(page.lesson_now_ns(), 0, "a held run's clock stands still");
        page.advance_to(500_000_000);
        assert_eq!(page.lesson_now_ns(), 500_000_000);
        page.advance_to(100);
        assert_eq!(page.lesson_now_ns(), 500_000_000, "never back");
        std::thread::sleep(std::time::Duration::from_millis(2));
        assert_eq!(page.lesson_now_ns(), 500_000_000);
    }
}

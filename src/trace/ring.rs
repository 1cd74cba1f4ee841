//! A lesson process's trace ring: its records go into shared memory, the observer drains them.
//!
//! One ring per control-page slot, so one writer per ring (the process in the slot) and one reader
//! (the observer). The writer copies a whole record (a length-prefixed binary frame,
//! `wire::encode`) after `head`, then moves `head` past it with a release store: a record is
//! visible only once whole, so a writer killed in the
//! middle of a copy leaves nothing the observer could misread. The observer copies out what lies
//! between `tail` and `head` and moves `tail`. A full ring makes the writer wait for the observer
//! (back-pressure, as a full pipe did), never lose a record.
//!
//! Lives here: the ring's layout and its two sides. Must not live here: when the writer wakes the
//! observer, or gives up on a gone one (`runtime::emit`), and the observer's loop (`session::pump`).

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

/// The bytes a ring holds: 1 MiB, several milliseconds of the fastest writer's records (a Lock
/// pair's two records take about 110 bytes), so that the observer can let records gather for a
/// millisecond between drains (`session::pump`) without the writer waiting for room. The memfd
/// is sparse: a process's ring takes memory only as far as it has written.
pub const RING_BYTES: usize = 1024 * 1024;

/// The shared part of a ring, before its bytes. Writer-side and reader-side words sit on separate
/// cache lines, so the two sides do not slow each other down.
#[repr(C, align(64))]
pub struct RingHeader {
    /// Bytes the writer has committed since the ring began (only grows; the offset is modulo
    /// [`RING_BYTES`]).
    head: AtomicU64,
    _head_line: [u64; 7],
    /// Bytes the observer has taken since the ring began.
    tail: AtomicU64,
    /// 1 while the writer sleeps for room (a futex word the observer wakes after draining).
    writer_sleeps: AtomicU32,
    _tail_line: [u32; 13],
}

/// The bytes one ring takes in the control page, header included.
pub const RING_STRIDE: usize = size_of::<RingHeader>() + RING_BYTES;

/// A ring inside a shared mapping.
#[derive(Clone, Copy)]
pub struct Ring<'a> {
    header: &'a RingHeader,
    data: *mut u8,
}

// SAFETY: a ring is used from one writer and one reader at a time (one process each, or one thread
// each in tests); every shared word is atomic and the bytes are handed over by head and tail.
unsafe impl Send for Ring<'_> {}
// SAFETY: as above.
unsafe impl Sync for Ring<'_> {}

/// A line that did not go in: the ring has no room for it now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Full;

impl<'a> Ring<'a> {
    /// The ring at `base`, which must point to [`RING_STRIDE`] bytes of a zeroed-at-creation shared
    /// mapping, 64-aligned, that live (and are touched only through rings) as long as `'a`.
    ///
    /// # Safety
    /// As above: `base` is valid, aligned and exclusively used as a ring for `'a`.
    pub unsafe fn at(base: *mut u8) -> Ring<'a> {
        // SAFETY: the caller promises RING_STRIDE valid, aligned bytes; the header is atomics only.
        let header = unsafe { &*base.cast::<RingHeader>() };
        // SAFETY: the bytes follow the header inside the same RING_STRIDE bytes.
        let data = unsafe { base.add(size_of::<RingHeader>()) };
        Ring { header, data }
    }

    /// Writer side: appends `line` whole, or says the ring is [`Full`] (nothing written). Returns
    /// whether the ring was empty before (the observer may need waking).
    pub fn push(&self, line: &[u8]) -> Result<bool, Full> {
        assert!(
            line.len() <= RING_BYTES,
            "a trace record is at most PIPE_BUF bytes"
        );
        let head = self.header.head.load(Ordering::Relaxed);
        let tail = self.header.tail.load(Ordering::Acquire);
        if (head - tail) as usize + line.len() > RING_BYTES {
            return Err(Full);
        }
        self.copy_in(head, line);
        // SeqCst: the writer looks at the observer's sleep flag next, and the observer, having set
        // it, looks at the heads (each side sees the other's store).
        self.header
            .head
            .store(head + line.len() as u64, Ordering::SeqCst);
        Ok(head == tail)
    }

    /// Writer side: appends the frame of a length known when compiled (an `op` record's,
    /// `wire::op_frame_into`) that `fill` writes, or says the ring is [`Full`] (`fill` not called).
    /// Unless the frame would wrap, `fill` writes it in place in the ring: no frame built aside
    /// and copied. Committed as [`push`](Self::push) commits.
    #[inline]
    pub fn push_with<const N: usize>(&self, fill: impl FnOnce(&mut [u8; N])) -> Result<bool, Full> {
        const { assert!(N <= RING_BYTES) };
        let head = self.header.head.load(Ordering::Relaxed);
        let tail = self.header.tail.load(Ordering::Acquire);
        if (head - tail) as usize + N > RING_BYTES {
            return Err(Full);
        }
        let start = (head % RING_BYTES as u64) as usize;
        if start + N <= RING_BYTES {
            // SAFETY: the N bytes lie inside the ring (u8s: no alignment), between head and
            // tail + RING_BYTES, which the reader does not touch (as in `copy_in`); nothing else
            // refers to them while `fill` runs.
            fill(unsafe { &mut *self.data.add(start).cast::<[u8; N]>() });
        } else {
            let mut line = [0u8; N];
            fill(&mut line);
            self.copy_in(head, &line);
        }
        // SeqCst, as in `push`.
        self.header.head.store(head + N as u64, Ordering::SeqCst);
        Ok(head == tail)
    }

    /// Writer side: sleeps (at most `slice_ns`) until the observer has made room for `n` bytes, or
    /// anything wakes it. The caller looks again.
    pub fn sleep_for_room(&self, n: usize, slice_ns: u64) {
        self.header.writer_sleeps.store(1, Ordering::SeqCst);
        let head = self.header.head.load(Ordering::Relaxed);
        let tail = self.header.tail.load(Ordering::SeqCst);
        if (head - tail) as usize + n > RING_BYTES {
            super::gate::futex_wait_for(&self.header.writer_sleeps, 1, slice_ns);
        }
        self.header.writer_sleeps.store(0, Ordering::Relaxed);
    }

    /// Reader side: whether committed lines wait.
    pub fn has_lines(&self) -> bool {
        self.pending() != 0
    }

    /// Reader side: how many committed bytes wait.
    pub fn pending(&self) -> usize {
        let head = self.header.head.load(Ordering::SeqCst);
        let tail = self.header.tail.load(Ordering::Relaxed);
        head.saturating_sub(tail) as usize
    }

    /// Reader side: appends every committed line to `out`, frees their room and wakes a writer
    /// waiting for it. Returns how many bytes it took.
    pub fn drain(&self, out: &mut Vec<u8>) -> usize {
        let head = self.header.head.load(Ordering::Acquire);
        let tail = self.header.tail.load(Ordering::Relaxed);
        // A head behind the tail or too far ahead is not a ring a writer kept: read nothing.
        let Some(n) = head.checked_sub(tail).filter(|n| *n as usize <= RING_BYTES) else {
            return 0;
        };
        let n = n as usize;
        if n == 0 {
            return 0;
        }
        self.append_out(tail, n, out);
        self.header.tail.store(head, Ordering::SeqCst);
        if self.header.writer_sleeps.swap(0, Ordering::SeqCst) == 1 {
            super::gate::futex_wake_n(&self.header.writer_sleeps, 1);
        }
        n
    }

    /// Copies `line` into the ring at stream offset `at`, wrapping at the end.
    fn copy_in(&self, at: u64, line: &[u8]) {
        let start = (at % RING_BYTES as u64) as usize;
        let first = line.len().min(RING_BYTES - start);
        // SAFETY: both pieces lie inside the ring's RING_BYTES bytes; the reader does not touch
        // bytes between head and tail + RING_BYTES (it reads only below head), so nobody else
        // accesses them now.
        unsafe {
            std::ptr::copy_nonoverlapping(line.as_ptr(), self.data.add(start), first);
            std::ptr::copy_nonoverlapping(line.as_ptr().add(first), self.data, line.len() - first);
        }
    }

    /// Appends `n` bytes from stream offset `at` to `out`, wrapping at the end, without zeroing
    /// room for them first (a drain can take the whole ring, 1 MiB).
    fn append_out(&self, at: u64, n: usize, out: &mut Vec<u8>) {
        let start = (at % RING_BYTES as u64) as usize;
        let first = n.min(RING_BYTES - start);
        // SAFETY: both pieces lie inside the ring's bytes; they were committed (below head, read
        // with acquire) and the writer does not write them again before `tail` moves past them,
        // so nobody writes them while these slices live.
        let (a, b) = unsafe {
            (
                std::slice::from_raw_parts(self.data.add(start), first),
                std::slice::from_raw_parts(self.data, n - first),
            )
        };
        out.reserve(n);
        out.extend_from_slice(a);
        out.extend_from_slice(b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A zeroed, aligned, private buffer holding one ring (shared memory is not needed to test the
    /// protocol in one process).
    struct Buf(Vec<u64>);

    impl Buf {
        fn new() -> Buf {
            Buf(vec![0; RING_STRIDE.div_ceil(8) + 8])
        }
        fn ring(&mut self) -> Ring<'_> {
            let p = self.0.as_mut_ptr().cast::<u8>();
            let aligned = p.wrapping_add(p.align_offset(64));
            // SAFETY: the buffer holds RING_STRIDE bytes past the 64-aligned point, zeroed, and lives
            // as long as the borrow.
            unsafe { Ring::at(aligned) }
        }
    }

    fn lines(bytes: &[u8]) -> Vec<&[u8]> {
        bytes.split_inclusive(|&b| b == b'\n').collect()
    }

    #[test]
    fn fixed_frames_come_out_whole_across_the_wrap_and_a_full_ring_takes_none() {
        let mut buf = Buf::new();
        let ring = buf.ring();
        // 7 does not divide RING_BYTES: frames land across the wrap.
        let frame = |i: u8| [i; 7];
        let mut out = Vec::new();
        let mut expected = Vec::new();
        let mut i = 0u8;
        for _ in 0..3 {
            while ring.push_with(|f: &mut [u8; 7]| *f = frame(i)).is_ok() {
                expected.extend_from_slice(&frame(i));
                i = i.wrapping_add(1);
            }
            // Full: the refused frame left nothing behind.
            assert!(ring.pending() > RING_BYTES - 7);
            ring.drain(&mut out);
        }
        assert_eq!(out, expected);
        assert!(!ring.has_lines());
    }

    #[test]
    fn lines_come_out_whole_and_in_order_across_the_wrap() {
        let mut buf = Buf::new();
        let ring = buf.ring();
        let mut expected = Vec::new();
        let mut got = Vec::new();
        // 1000-byte lines do not divide the ring's size: many wrap in the middle of a line.
        for i in 0..(3 * RING_BYTES / 1000) as u32 {
            let mut line = format!("{i:06} ").into_bytes();
            line.resize(999, b'a' + (i % 26) as u8);
            line.push(b'\n');
            if ring.push(&line).is_err() {
                ring.drain(&mut got);
                assert_eq!(ring.push(&line), Ok(true), "room after a drain");
            }
            expected.extend_from_slice(&line);
        }
        ring.drain(&mut got);
        assert_eq!(got, expected);
        assert!(!ring.has_lines());
    }

    #[test]
    fn a_full_ring_refuses_a_line_whole_and_keeps_what_it_has() {
        let mut buf = Buf::new();
        let ring = buf.ring();
        let line = [b'x'; 4095]
            .iter()
            .chain(b"\n")
            .copied()
            .collect::<Vec<_>>();
        assert_eq!(
            ring.push(&line),
            Ok(true),
            "the first line finds the ring empty"
        );
        for _ in 1..RING_BYTES / line.len() {
            assert_eq!(ring.push(&line), Ok(false));
        }
        assert_eq!(ring.push(b"y\n"), Err(Full), "the ring's bytes are taken");
        assert_eq!(
            ring.pending(),
            RING_BYTES,
            "the observer sees how full it is"
        );
        let mut out = Vec::new();
        assert_eq!(ring.drain(&mut out), RING_BYTES);
        assert!(lines(&out).iter().all(|l| *l == line.as_slice()));
        assert_eq!(ring.push(b"y\n"), Ok(true));
        assert_eq!(ring.pending(), 2);
    }

    #[test]
    fn a_torn_line_is_never_seen() {
        let mut buf = Buf::new();
        let ring = buf.ring();
        ring.push(b"{\"whole\":1}\n").unwrap();
        // A writer killed in the middle of its next copy: bytes after head, head not moved.
        ring.copy_in(ring.header.head.load(Ordering::Relaxed), b"{\"torn\":");
        let mut out = Vec::new();
        ring.drain(&mut out);
        assert_eq!(out, b"{\"whole\":1}\n");
        assert!(!ring.has_lines());
    }

    #[test]
    fn a_record_torn_by_a_killed_writer_is_never_decoded() {
        use crate::trace::{Event, Record, wire};
        let mut buf = Buf::new();
        let ring = buf.ring();
        let rec = |seq| Record {
            pid: 3,
            ppid: 2,
            seq,
            mono_ns: 10,
            lesson_ns: 10,
            event: Event::Op {
                id: 1,
                op: crate::trace::Op::Acquired,
                detail: None,
            },
        };
        ring.push(&wire::encode(&rec(0))).unwrap();
        // Killed in the middle of copying the next frame: its bytes are there, head is not moved.
        let next = wire::encode(&rec(1));
        ring.copy_in(
            ring.header.head.load(Ordering::Relaxed),
            &next[..next.len() / 2],
        );
        let mut out = Vec::new();
        ring.drain(&mut out);
        assert_eq!(wire::decode_all(&out), vec![Ok(rec(0))]);
    }

    #[test]
    fn a_head_that_makes_no_sense_reads_nothing() {
        let mut buf = Buf::new();
        let ring = buf.ring();
        ring.header
            .head
            .store(RING_BYTES as u64 + 1, Ordering::SeqCst);
        let mut out = Vec::new();
        assert_eq!(ring.drain(&mut out), 0);
        assert!(out.is_empty());
    }

    #[test]
    fn a_writer_waiting_for_room_is_woken_by_the_drain() {
        let mut buf = Buf::new();
        let ring = buf.ring();
        let big = vec![b'z'; RING_BYTES];
        ring.push(&big).unwrap();
        std::thread::scope(|s| {
            let writer = s.spawn(|| {
                let t0 = std::time::Instant::now();
                while ring.push(b"after\n").is_err() {
                    ring.sleep_for_room(6, 10_000_000_000);
                }
                t0.elapsed()
            });
            while ring.header.writer_sleeps.load(Ordering::SeqCst) == 0 {
                std::thread::yield_now();
            }
            let mut out = Vec::new();
            assert_eq!(ring.drain(&mut out), RING_BYTES);
            let waited = writer.join().unwrap();
            assert!(
                waited < std::time::Duration::from_secs(5),
                "woken by the drain, not by its 10 s timeout"
            );
        });
        let mut out = Vec::new();
        ring.drain(&mut out);
        assert_eq!(out, b"after\n");
    }
}

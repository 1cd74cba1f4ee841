//! Putting records from many processes back in time order.
//!
//! Each process takes its timestamp and then writes, so two processes can land in the pipe in the
//! opposite order of their timestamps (one was preempted in between). The observer holds records for a
//! short window and releases them sorted by `mono_ns`; records of one process keep their pipe order,
//! which is their `seq` order. A record later than the window can still arrive out of order, so
//! consumers (the `Run` model) must tolerate that; the window only makes it rare.

use std::collections::VecDeque;

use super::op_name::{OTHER_CODE, Op};
use super::record::{Event, Record};
use super::wire::Stamp;

/// A jitter buffer over records, ordered by monotonic time then arrival.
///
/// A VecDeque sorted when records are taken, not a BTreeMap sorted at every insert: records come
/// mostly in time order (each ring's are), and a stable sort of nearly sorted records is close to
/// one pass (it finds the sorted runs), where a map insert cost an allocation and a tree walk per
/// record, a sixth of the observer's time on a flood of Lock records. A deque, so that taking
/// the oldest records does not move the ones left.
pub struct Reorder {
    window_ns: u64,
    /// Records not released yet, in arrival order after the sorted ones left from the last take.
    pending: VecDeque<Waiting>,
    /// How many records at the front of `pending` are in time order (all of them, the common
    /// case, when it is its length): kept at each push by a look at the last record, so that a
    /// take finds it out without scanning thousands of pending records (a 15 ms window holds that
    /// many in a flood of Lock records, and the observer takes many times per window). A sort
    /// then only merges the records that came since into the end of that prefix, instead of
    /// moving the whole window's records (two processes' Lock floods, drained ring by ring,
    /// arrive out of order every turn).
    sorted_len: usize,
}

impl Reorder {
    /// Holds each record until `window_ns` of monotonic time has passed since it was made.
    pub fn new(window_ns: u64) -> Self {
        Self {
            window_ns,
            pending: VecDeque::new(),
            sorted_len: 0,
        }
    }

    /// Adds a record.
    pub fn push(&mut self, record: Record) {
        let waiting = match record.event {
            Event::Op {
                id,
                ref op,
                detail: None,
            } if op.code() != OTHER_CODE => Waiting::Op {
                mono_ns: record.mono_ns,
                lesson_ns: record.lesson_ns,
                seq: record.seq,
                pid: record.pid,
                ppid: record.ppid,
                id,
                code: op.code(),
            },
            _ => Waiting::Other(Box::new(record)),
        };
        self.add(waiting);
    }

    /// Adds the record `Op { id, op, detail: None }` stamped `stamp`, where `code` is a named
    /// operation's [`Op::code`], as a ring's op frame carries it (`wire::RingFrame::Op`): what
    /// [`push`](Self::push) of that record does, without making the record first.
    pub fn push_op(&mut self, stamp: Stamp, id: u32, code: u8) {
        debug_assert!(
            Op::from_code(code).is_some(),
            "op code {code} names no operation"
        );
        self.add(Waiting::Op {
            mono_ns: stamp.mono_ns,
            lesson_ns: stamp.lesson_ns,
            seq: stamp.seq,
            pid: stamp.pid,
            ppid: stamp.ppid,
            id,
            code,
        });
    }

    fn add(&mut self, waiting: Waiting) {
        let in_order = self.sorted_len == self.pending.len()
            && self
                .pending
                .back()
                .is_none_or(|last| last.mono_ns() <= waiting.mono_ns());
        self.pending.push_back(waiting);
        if in_order {
            self.sorted_len = self.pending.len();
        }
    }

    /// Takes, in time order, every record made at least the window before `now_mono_ns`.
    pub fn ready(&mut self, now_mono_ns: u64) -> Vec<Record> {
        self.ready_at_most(now_mono_ns, usize::MAX)
    }

    /// Like [`ready`](Self::ready), at most `max` records (the oldest): the rest are taken by the
    /// next call. The observer takes them so in vectors of a bounded size, which the allocator
    /// reuses, where one vector of a whole millisecond's records was fresh pages each time.
    pub fn ready_at_most(&mut self, now_mono_ns: u64, max: usize) -> Vec<Record> {
        let cutoff = now_mono_ns.saturating_sub(self.window_ns);
        self.sort();
        let n = self
            .pending
            .partition_point(|r| r.mono_ns() <= cutoff)
            .min(max);
        // What stays is the sorted records' rest.
        self.sorted_len = self.pending.len() - n;
        self.pending.drain(..n).map(Waiting::into_record).collect()
    }

    /// Takes everything, in time order (at the end of a run).
    pub fn drain(&mut self) -> Vec<Record> {
        self.sort();
        self.sorted_len = 0;
        std::mem::take(&mut self.pending)
            .into_iter()
            .map(Waiting::into_record)
            .collect()
    }

    /// Sorts the pending records by time. Stable: records of equal time keep their arrival order
    /// (and one process's, its seq). Already sorted (the common case) costs nothing: `push` kept
    /// count. Taking a prefix of sorted records leaves them sorted.
    ///
    /// Otherwise the part of the deque from the first record of the prefix later than the
    /// earliest record after it is sorted: the records before that part are at or before every
    /// record after them, so they are where a whole sort puts them, and the stable sort of the
    /// rest keeps arrival order among equal times as a whole one. That part is sorted where it
    /// lies unless it runs across the deque's wrap (once per trip around its buffer): making the
    /// deque contiguous every time rotated the whole window (a million records' bytes, on two
    /// processes' Lock floods) whenever it had wrapped.
    fn sort(&mut self) {
        let n = self.pending.len();
        if self.sorted_len >= n {
            self.sorted_len = n;
            return;
        }
        let earliest = self
            .pending
            .range(self.sorted_len..)
            .map(Waiting::mono_ns)
            .min()
            .unwrap_or(0);
        // The first record of the sorted prefix later than `earliest`.
        let (mut lo, mut hi) = (0, self.sorted_len);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.pending[mid].mono_ns() <= earliest {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let from = lo;
        let (front, back) = self.pending.as_mut_slices();
        let part = if from >= front.len() {
            &mut back[from - front.len()..]
        } else if n <= front.len() {
            &mut front[from..]
        } else {
            &mut self.pending.make_contiguous()[from..]
        };
        part.sort_by_key(Waiting::mono_ns);
        self.sorted_len = n;
    }

    /// Whether records are waiting (the caller then polls with a short timeout).
    pub fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }
}

/// A record in the window. An `op` record without a detail of a named operation (the flood of a
/// Lock loop, two a pair) waits as its numbers, in 40 bytes, and becomes a [`Record`] (112 bytes)
/// only when it leaves: the window holds 15 ms of records, about 150,000 in a Lock flood, far
/// more than the caches hold, and writing whole records into it and reading them out again (each
/// a store or load that missed the cache) was a third of the observer's samples on that flood.
/// Any other record waits boxed.
enum Waiting {
    Op {
        mono_ns: u64,
        lesson_ns: u64,
        seq: u64,
        pid: i32,
        ppid: i32,
        id: u32,
        /// A named operation's code (`Op::from_code` knows it).
        code: u8,
    },
    Other(Box<Record>),
}

const _: () = assert!(size_of::<Waiting>() <= 40);

impl Waiting {
    fn mono_ns(&self) -> u64 {
        match self {
            Waiting::Op { mono_ns, .. } => *mono_ns,
            Waiting::Other(r) => r.mono_ns,
        }
    }

    fn into_record(self) -> Record {
        match self {
            Waiting::Op {
                mono_ns,
                lesson_ns,
                seq,
                pid,
                ppid,
                id,
                code,
            } => Record {
                pid,
                ppid,
                seq,
                mono_ns,
                lesson_ns,
                event: Event::Op {
                    id,
                    // Only a named operation's code waits here; should another ever come, it is
                    // shown by its number rather than a panic.
                    op: Op::from_code(code)
                        .unwrap_or_else(|| Op::Other(format!("op {code}").into())),
                    detail: None,
                },
            },
            Waiting::Other(r) => *r,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trace::Event;

    fn rec(pid: i32, seq: u64, mono_ns: u64) -> Record {
        Record {
            pid,
            ppid: 1,
            seq,
            mono_ns,
            lesson_ns: mono_ns,
            event: Event::Exit { code: 0 },
        }
    }

    fn keys(v: &[Record]) -> Vec<(i32, u64)> {
        v.iter().map(|r| (r.pid, r.seq)).collect()
    }

    #[test]
    fn releases_in_time_order_after_the_window() {
        let mut r = Reorder::new(10);
        r.push(rec(2, 0, 105));
        r.push(rec(1, 0, 100));
        r.push(rec(1, 1, 120));
        assert!(r.ready(109).is_empty());
        assert_eq!(keys(&r.ready(115)), vec![(1, 0), (2, 0)]);
        assert!(!r.is_empty());
        assert_eq!(keys(&r.drain()), vec![(1, 1)]);
        assert!(r.is_empty());
    }

    #[test]
    fn ready_records_come_in_bounded_takes_in_the_same_order() {
        let mut r = Reorder::new(10);
        for i in 0..7 {
            r.push(rec(1, i, 100 + i));
        }
        r.push(rec(2, 0, 103));
        let mut taken = Vec::new();
        loop {
            let some = r.ready_at_most(200, 3);
            assert!(some.len() <= 3);
            if some.is_empty() {
                break;
            }
            taken.extend(some);
        }
        assert_eq!(
            keys(&taken),
            vec![
                (1, 0),
                (1, 1),
                (1, 2),
                (1, 3),
                (2, 0),
                (1, 4),
                (1, 5),
                (1, 6)
            ]
        );
        assert!(r.is_empty());
    }

    #[test]
    fn equal_timestamps_keep_arrival_order() {
        let mut r = Reorder::new(0);
        r.push(rec(1, 0, 50));
        r.push(rec(1, 1, 50));
        r.push(rec(2, 0, 50));
        assert_eq!(keys(&r.ready(50)), vec![(1, 0), (1, 1), (2, 0)]);
    }

    #[test]
    fn records_left_from_one_take_stay_ahead_of_later_arrivals_of_equal_time() {
        let mut r = Reorder::new(0);
        r.push(rec(1, 0, 70));
        r.push(rec(2, 0, 60));
        assert_eq!(keys(&r.ready(65)), vec![(2, 0)]);
        r.push(rec(3, 0, 70));
        r.push(rec(4, 0, 10));
        assert_eq!(keys(&r.ready(70)), vec![(4, 0), (1, 0), (3, 0)]);
        assert!(r.is_empty());
    }

    #[test]
    fn takes_between_arrivals_give_what_one_whole_stable_sort_gives() {
        // Three writers whose rings are drained in turns, each turn a run in order, with many
        // equal times; takes of every size in between. A whole stable sort of everything by time
        // (ties: arrival order) is what must come out.
        let mut r = Reorder::new(0);
        let mut arrived = Vec::new();
        let mut out = Vec::new();
        let mut x: u64 = 12345;
        let mut next = || {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            x >> 33
        };
        let mut clocks = [0u64; 3];
        let mut seqs = [0u64; 3];
        for turn in 0..200 {
            for w in 0..3 {
                for _ in 0..next() % 6 {
                    clocks[w] += next() % 4;
                    let rec = rec(w as i32, seqs[w], clocks[w]);
                    seqs[w] += 1;
                    arrived.push(rec.clone());
                    r.push(rec);
                }
            }
            let now = clocks.iter().min().copied().unwrap_or(0);
            out.extend(r.ready_at_most(now, (next() % 8) as usize + turn % 2));
        }
        out.extend(r.drain());
        arrived.sort_by_key(|r| r.mono_ns);
        assert_eq!(keys(&out), keys(&arrived));
    }

    #[test]
    fn a_late_record_is_put_in_its_place_wherever_the_window_has_wrapped() {
        // Takes move the deque's start around its buffer, so the part to sort lies before the
        // wrap, after it, or across it.
        for taken in 0..24u64 {
            let mut r = Reorder::new(0);
            for i in 0..24 {
                r.push(rec(1, i, 100 + 10 * i));
            }
            let out = r.ready(100 + 10 * taken - 1);
            assert_eq!(out.len() as u64, taken);
            for i in 24..24 + taken {
                r.push(rec(1, i, 100 + 10 * i));
            }
            // Late: belongs after the record of time 100 + 10 * (taken + 3).
            r.push(rec(2, 0, 100 + 10 * (taken + 3) + 5));
            r.push(rec(3, 0, 100 + 10 * (taken + 3) + 5));
            let out = r.ready(u64::MAX);
            assert!(out.is_sorted_by_key(|x| x.mono_ns));
            assert_eq!(out.len(), 26);
            assert_eq!(keys(&out[4..6]), vec![(2, 0), (3, 0)], "taken {taken}");
        }
    }

    #[test]
    fn one_late_record_after_many_in_order_is_still_put_in_its_place() {
        let mut r = Reorder::new(0);
        for i in 0..1000 {
            r.push(rec(1, i, 100 + i));
        }
        assert_eq!(r.ready(99).len(), 0);
        r.push(rec(2, 0, 150));
        let out = r.ready(2000);
        assert_eq!(out.len(), 1001);
        assert!(out.is_sorted_by_key(|x| x.mono_ns));
        assert_eq!(keys(&out[50..52]), vec![(1, 50), (2, 0)]);
        // Sorted again: later in-order records follow without another sort.
        r.push(rec(1, 1000, 3000));
        assert_eq!(keys(&r.ready(3000)), vec![(1, 1000)]);
    }
}

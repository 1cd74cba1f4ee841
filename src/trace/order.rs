//! Putting records from many processes back in time order.
//!
//! Each process takes its timestamp and then writes, so two processes can land in the pipe in the
//! opposite order of their timestamps (one was preempted in between). The observer holds records for a
//! short window and releases them sorted by `mono_ns`; records of one process keep their pipe order,
//! which is their `seq` order. A record later than the window can still arrive out of order, so
//! consumers (the `Run` model) must tolerate that; the window only makes it rare.

use std::collections::BTreeMap;

use super::record::Record;

/// A jitter buffer over records, keyed by monotonic time then arrival.
pub struct Reorder {
    window_ns: u64,
    pending: BTreeMap<(u64, u64), Record>,
    arrivals: u64,
}

impl Reorder {
    /// Holds each record until `window_ns` of monotonic time has passed since it was made.
    pub fn new(window_ns: u64) -> Self {
        Self {
            window_ns,
            pending: BTreeMap::new(),
            arrivals: 0,
        }
    }

    /// Adds a record.
    pub fn push(&mut self, record: Record) {
        self.arrivals += 1;
        self.pending.insert((record.mono_ns, self.arrivals), record);
    }

    /// Takes, in time order, every record made at least the window before `now_mono_ns`.
    pub fn ready(&mut self, now_mono_ns: u64) -> Vec<Record> {
        let cutoff = now_mono_ns.saturating_sub(self.window_ns);
        let later = self.pending.split_off(&(cutoff.saturating_add(1), 0));
        std::mem::replace(&mut self.pending, later)
            .into_values()
            .collect()
    }

    /// Takes everything, in time order (at the end of a run).
    pub fn drain(&mut self) -> Vec<Record> {
        std::mem::take(&mut self.pending).into_values().collect()
    }

    /// Whether records are waiting (the caller then polls with a short timeout).
    pub fn is_empty(&self) -> bool {
        self.pending.is_empty()
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
    fn equal_timestamps_keep_arrival_order() {
        let mut r = Reorder::new(0);
        r.push(rec(1, 0, 50));
        r.push(rec(1, 1, 50));
        r.push(rec(2, 0, 50));
        assert_eq!(keys(&r.ready(50)), vec![(1, 0), (1, 1), (2, 0)]);
    }
}

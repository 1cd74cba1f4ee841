//! The run's observer thread: one loop that reads the trace (every process's ring in the control
//! page, and the trace pipe, which wakes it and carries the records of processes without a slot), the lesson main's real stdout/stderr,
//! and the main's pidfd; reaps orphans; puts records in time order; and, when the main has ended or a
//! stop was asked, kills and reaps everything left of the run and reports the end.
//!
//! Records leave in time order through a channel and are never dropped. Back-pressure: while the face
//! has [`BACKLOG_BYTES`] or more still to take, the pump stops reading the run's pipes, so the
//! lesson processes block on their next write, as CPython's would on a full pipe; the observer's
//! memory stays bounded however slow its reader is. The pump itself never blocks on the channel, so
//! a stop (`--timeout`, a signal, a quit) is carried out whether or not anybody reads: once the run
//! is killed its pipes hold at most their capacity, and they are read to the end.
//!
//! The observer's own records (`reaped` for the main and for orphans, `stray`, `stop`) carry the
//! observer's pid.

use std::collections::{HashMap, VecDeque};
use std::fs::File;
use std::io::Read;
use std::os::fd::{AsRawFd, OwnedFd};
use std::sync::Arc;

use crossbeam_channel::Sender;

use super::reap::{kill_run, reap_group};
use super::shared::Shared;
use super::{RunEnd, Update, guard};
use crate::trace::clock::mono_ns;
use crate::trace::order::Reorder;
use crate::trace::reader::{BadLine, Decoder};
use crate::trace::wire;
use crate::trace::{Ending, Event, Record, Stream};

/// How long records wait to be put in time order.
const REORDER_WINDOW_NS: u64 = 15_000_000;
/// How often the loop wakes up when nothing happens (to reap orphans).
const IDLE_POLL_MS: i32 = 50;
/// How long the observer lets records gather in the rings before it drains them (they wait
/// [`REORDER_WINDOW_NS`] anyway): a drain per millisecond instead of one per handful of records,
/// which had the observer turn its loop (a poll, reads, a look for orphans, a send) as fast as a
/// Lock loop made records. A ring holds several milliseconds of the fastest writer's records.
const GATHER_MS: i32 = 1;
/// A ring this full is drained at once rather than after [`GATHER_MS`].
const DRAIN_NOW_BYTES: usize = crate::trace::ring::RING_BYTES / 4;
/// The most records in one update to a consumer that takes batches: about 120 KiB, below the
/// size the allocator serves from fresh pages (a millisecond of a Lock loop's records in one
/// vector had the kernel clear pages for every turn).
const BATCH: usize = 1024;
/// How long it waits for the last writers to close the trace once everything was killed.
const FINAL_DRAIN_MS: u64 = 2_000;
/// The most bytes read from the trace in one turn, so that no source starves the others.
const READ_TURN: usize = 1 << 20;
/// The most bytes of stray output read in one turn (each turn makes one update of at most this).
const STRAY_TURN: usize = 16 << 10;
/// What may wait in the channel, in (estimated) bytes, before the pump stops reading the run
/// (back-pressure): enough that the face never runs dry while the pump looks again, little enough
/// that the observer stays small. At most one read turn more can be on its way.
pub(crate) const BACKLOG_BYTES: usize = 8 << 20;

/// The pump's state; it lives on the run's thread.
pub(crate) struct Pump {
    pub shared: Arc<Shared>,
    pub tx: Sender<Update>,
    pub main_pid: i32,
    pub trace: Option<File>,
    pub stdout: Option<OwnedFd>,
    pub stderr: Option<OwnedFd>,
    pub pidfd: Option<OwnedFd>,
    pub decoder: Decoder,
    /// Bytes drained from a ring, reused from turn to turn.
    pub ring_bytes: Vec<u8>,
    /// Bytes read from the trace pipe, reused from turn to turn.
    pub pipe_bytes: Vec<u8>,
    /// The ring the next turn starts with.
    pub ring_next: u32,
    pub reorder: Reorder,
    /// Per stream: the writer of the bytes carried over, and those bytes (an unfinished character).
    pub carry: [(Option<i32>, Vec<u8>); 2],
    pub names: HashMap<i32, String>,
    pub main_ending: Option<Ending>,
    pub stopped: Option<String>,
    pub seq: u64,
    /// The estimated sizes of the updates sent and maybe not yet taken, oldest first, and their sum.
    pub inflight: VecDeque<usize>,
    pub inflight_bytes: usize,
    /// The run's memory budget, watched while the run lives.
    pub budget: Option<super::budget::Budget>,
    /// The run's fd broker: closed, with everything it held, once nothing of the run is left.
    pub broker: Option<super::broker::Broker>,
    /// The run's lifeline (see `spawn`): dropped, with the pump, once nothing of the run is left.
    #[expect(
        dead_code,
        reason = "held for its Drop: closing it SIGKILLs whatever is left of the run"
    )]
    pub lifeline: OwnedFd,
}

impl Pump {
    /// Makes the pump for a freshly spawned run: it takes over every handle of the run.
    #[expect(
        clippy::too_many_arguments,
        reason = "one argument per handle of the spawned run"
    )]
    pub fn new(
        shared: Arc<Shared>,
        tx: Sender<Update>,
        main_pid: i32,
        trace: OwnedFd,
        stdout: OwnedFd,
        stderr: OwnedFd,
        pidfd: OwnedFd,
        lifeline: OwnedFd,
    ) -> Self {
        for fd in [
            Some(trace.as_raw_fd()),
            Some(stdout.as_raw_fd()),
            Some(stderr.as_raw_fd()),
        ]
        .into_iter()
        .flatten()
        {
            set_nonblocking(fd);
        }
        keep_freed_memory();
        Pump {
            shared,
            tx,
            main_pid,
            trace: Some(File::from(trace)),
            stdout: Some(stdout),
            stderr: Some(stderr),
            pidfd: Some(pidfd),
            decoder: Decoder::new(),
            ring_bytes: Vec::new(),
            pipe_bytes: Vec::new(),
            ring_next: 0,
            reorder: Reorder::new(REORDER_WINDOW_NS),
            carry: [(None, Vec::new()), (None, Vec::new())],
            names: HashMap::from([(main_pid, "MainProcess".to_string())]),
            main_ending: None,
            stopped: None,
            seq: 0,
            inflight: VecDeque::new(),
            inflight_bytes: 0,
            budget: None,
            broker: None,
            lifeline,
        }
    }

    /// Runs until nothing of the run is left, then sends [`Update::End`].
    pub fn run(mut self) {
        let mut final_deadline = None;
        // The main has ended but processes of the run live on (orphans, as under CPython when the
        // main was killed or called os._exit): the run goes on until they end too.
        let mut main_done = false;
        loop {
            let held = self.held_back();
            let ready = self.poll(final_deadline.is_some(), held);
            if ready.wake {
                self.shared.clear_wake();
            }
            if final_deadline.is_none()
                && let Some(budget) = &mut self.budget
                && let Some(reason) = budget.check(&self.shared.control, mono_ns())
            {
                self.shared.request_stop(&reason);
            }
            // Once the main is reaped the group id may be reused: no more signals to it.
            if let Some(reason) = self.shared.stop_reason()
                && self.stopped.is_none()
                && final_deadline.is_none()
            {
                self.push_own(Event::Stop {
                    reason: reason.clone(),
                });
                self.stopped = Some(reason);
                kill_run(self.main_pid);
            }
            // A stop asked just now frees the reading at once (the run is being killed).
            if !self.held_back() {
                self.read_trace();
                self.read_stray(Stream::Stdout);
                self.read_stray(Stream::Stderr);
            }
            if ready.main_ended && !main_done && final_deadline.is_none() {
                self.finish_main();
                main_done = true;
            } else if final_deadline.is_none() {
                self.reap_orphans();
            }
            let sources_open =
                self.trace.is_some() || self.stdout.is_some() || self.stderr.is_some();
            if main_done && final_deadline.is_none() && self.group_gone(sources_open) {
                final_deadline = Some(mono_ns() + FINAL_DRAIN_MS * 1_000_000);
            }
            match final_deadline {
                None => {
                    let now = mono_ns();
                    loop {
                        let ready = self.reorder.ready_at_most(now, BATCH);
                        if ready.is_empty() {
                            break;
                        }
                        self.release(ready);
                    }
                }
                Some(_) if !sources_open => break,
                Some(deadline) if mono_ns() > deadline => {
                    // A writer outlived the kill (cannot happen to lesson code); don't hang on it.
                    self.push_own(stray_note("the run's trace did not close after its end"));
                    break;
                }
                Some(_) => {}
            }
        }
        if let Some(bad) = self.decoder.finish() {
            self.push_own(bad_line_note(&bad));
        }
        let rest = self.reorder.drain();
        self.release(rest);
        if let Some(mut broker) = self.broker.take() {
            broker.close();
        }
        guard::unregister(self.main_pid);
        while guard::dying() {
            // The signal thread is about to end the process; don't let the face exit first.
            std::thread::park();
        }
        let _ = self.tx.send(Update::End(RunEnd {
            main: self.main_ending,
            stopped: self.stopped.take(),
        }));
    }

    /// Back-pressure: whether the face is so far behind that the run must wait for it. Never once
    /// the run was stopped: its processes are being killed, and what they left must be read.
    fn held_back(&mut self) -> bool {
        // The face takes updates oldest first: those beyond the channel's length were taken.
        while self.inflight.len() > self.tx.len() {
            self.inflight_bytes -= self.inflight.pop_front().unwrap_or(0);
        }
        self.stopped.is_none() && self.inflight_bytes >= BACKLOG_BYTES
    }

    /// Waits for any source (none while `held` back: then only for a stop, the main's end, or a
    /// short while to look at the channel again); says whether the wake fd or the pidfd fired.
    fn poll(&self, ending: bool, held: bool) -> Ready {
        let mut fds = vec![pollin(self.shared.wake_fd())];
        let pidfd_at = self.pidfd.as_ref().map(|p| {
            fds.push(pollin(p.as_raw_fd()));
            fds.len() - 1
        });
        let sources = [
            self.trace.as_ref().map(AsRawFd::as_raw_fd),
            self.stdout.as_ref().map(AsRawFd::as_raw_fd),
            self.stderr.as_ref().map(AsRawFd::as_raw_fd),
        ];
        for fd in sources.into_iter().flatten().filter(|_| !held) {
            fds.push(pollin(fd));
        }
        // Held back: look at the channel again soon, so the face never runs dry while the run
        // waits (2 ms is less than the face takes to print a backlog).
        let timeout = if held {
            2
        } else if ending || !self.reorder.is_empty() {
            5
        } else {
            IDLE_POLL_MS
        };
        // Records wait in the rings: let more gather for a moment (no need to be woken: the
        // timeout is short), unless a ring fills up. Else about to sleep on the trace: say so,
        // then look at the rings once more (a record committed before the flag was seen is found
        // here; one after it wakes us through the pipe).
        let control = &self.shared.control;
        let waiting = if held || self.trace.is_none() {
            0
        } else {
            self.rings_pending()
        };
        let timeout = if held || self.trace.is_none() {
            timeout
        } else if waiting >= DRAIN_NOW_BYTES {
            0
        } else if waiting > 0 {
            GATHER_MS.min(timeout)
        } else {
            control.observer_sleeps();
            if self.rings_have_lines() { 0 } else { timeout }
        };
        // SAFETY: `fds` is a valid array of pollfd for the duration of the call.
        unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, timeout) };
        control.observer_awake();
        Ready {
            wake: fds[0].revents != 0,
            main_ended: pidfd_at.is_some_and(|i| fds[i].revents != 0),
        }
    }

    /// The most bytes any process's ring holds.
    fn rings_pending(&self) -> usize {
        let control = &self.shared.control;
        (0..control.started())
            .filter_map(|i| control.ring(i))
            .map(|r| r.pending())
            .max()
            .unwrap_or(0)
    }

    /// Whether any process's ring holds records.
    fn rings_have_lines(&self) -> bool {
        let control = &self.shared.control;
        (0..control.started()).any(|i| control.ring(i).is_some_and(|r| r.has_lines()))
    }

    /// Takes what the processes' rings hold (each ring's records in its order) and puts each
    /// record where it goes as it is decoded, at most about one read turn's worth: the rings after
    /// the last one drained wait for the next turn, which starts with them, so the observer's
    /// memory stays bounded however many processes write. A ring holds whole binary frames
    /// (`trace::wire`), decoded ring by ring so that a bad frame costs only the rest of its own
    /// ring's batch. Returns how many bytes it took.
    fn drain_rings(&mut self) -> usize {
        let shared = Arc::clone(&self.shared);
        let control = &shared.control;
        let n = control.started();
        let mut taken = 0;
        // One buffer for the whole run, taken out of `self` while its frames are decoded.
        let mut bytes = std::mem::take(&mut self.ring_bytes);
        for k in 0..n {
            let i = (self.ring_next + k) % n;
            if let Some(ring) = control.ring(i) {
                bytes.clear();
                taken += ring.drain(&mut bytes);
                for frame in wire::ring_frames(&bytes) {
                    match frame {
                        // A Lock's records: no `Main`/`Spawn` name to note, kept compact.
                        wire::RingFrame::Op { stamp, id, code } => {
                            self.reorder.push_op(stamp, id, code);
                        }
                        wire::RingFrame::Record(r) => self.take(r.map_err(bad_frame)),
                    }
                }
            }
            if taken >= READ_TURN {
                self.ring_next = (i + 1) % n;
                break;
            }
        }
        self.ring_bytes = bytes;
        taken
    }

    /// Puts a record read from the trace in time order (noting the names of processes), or
    /// reports a line that is not one.
    fn take(&mut self, line: Result<Record, BadLine>) {
        match line {
            Ok(record) => {
                if let Event::Main { name, .. } | Event::Spawn { name, .. } = &record.event {
                    self.names.insert(record.pid, name.clone());
                }
                self.reorder.push(record);
            }
            Err(b) => self.push_own(bad_line_note(&b)),
        }
    }

    fn read_trace(&mut self) {
        let Some(file) = &mut self.trace else { return };
        let (n, eof) = read_available(file, READ_TURN, &mut self.pipe_bytes);
        let bytes = std::mem::take(&mut self.pipe_bytes);
        for line in self.decoder.push(&bytes[..n]) {
            self.take(line);
        }
        self.pipe_bytes = bytes;
        self.drain_rings();
        if eof {
            // Every lesson process is gone (they all held the pipe): what their rings hold now is
            // all there will be, and there is no later turn to read it. Nothing taken: every ring
            // is empty (or holds nothing a writer committed).
            while self.drain_rings() > 0 {}
            self.trace = None;
        }
    }

    /// Reads what the run wrote to its real stdout/stderr (not through the trace), one update per
    /// writer's piece, each naming its writer.
    fn read_stray(&mut self, stream: Stream) {
        let source = match stream {
            Stream::Stdout => &self.stdout,
            Stream::Stderr => &self.stderr,
        };
        let Some(fd) = source else { return };
        let mut pieces: Vec<(Option<i32>, Vec<u8>)> = Vec::new();
        let mut buf = vec![0u8; STRAY_TURN];
        let mut got = 0;
        let mut eof = false;
        while got < STRAY_TURN {
            match super::stray::read(fd, &mut buf[..STRAY_TURN - got]) {
                Ok((0, _)) => {
                    eof = true;
                    break;
                }
                Ok((n, writer)) => {
                    got += n;
                    match pieces.last_mut() {
                        Some((w, bytes)) if *w == writer => bytes.extend_from_slice(&buf[..n]),
                        _ => pieces.push((writer, buf[..n].to_vec())),
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => break,
                Err(_) => {
                    eof = true;
                    break;
                }
            }
        }
        let slot = stream as usize;
        for (writer, bytes) in pieces {
            // Another writer: what the last one left unfinished is ended as it is.
            if self.carry[slot].0 != writer && !self.carry[slot].1.is_empty() {
                let (w, mut rest) = std::mem::take(&mut self.carry[slot]);
                let text = take_utf8(&mut rest, true);
                self.push_stray(stream, text, w);
            }
            let carry = &mut self.carry[slot];
            carry.0 = writer;
            carry.1.extend_from_slice(&bytes);
            let text = take_utf8(&mut carry.1, false);
            self.push_stray(stream, text, writer);
        }
        if eof {
            let (w, mut rest) = std::mem::take(&mut self.carry[slot]);
            let text = take_utf8(&mut rest, true);
            self.push_stray(stream, text, w);
        }
        if eof {
            match stream {
                Stream::Stdout => self.stdout = None,
                Stream::Stderr => self.stderr = None,
            }
        }
    }

    /// The main has ended: kill what is left of the run (while the main's zombie still holds the
    /// group id), reap the main, then reap everything else.
    /// The main has ended: reap it. Its children, if any are left, live on (the group, and so its
    /// id, lasts while any of them does, so signals to the group stay safe).
    fn finish_main(&mut self) {
        self.pidfd = None;
        let mut status = 0;
        // SAFETY: waitpid with a valid out-pointer; the main is our child and has ended.
        let got = unsafe { libc::waitpid(self.main_pid, &mut status, 0) };
        let main = (got == self.main_pid)
            .then(|| crate::trace::Ending::from_wait_status(status))
            .flatten();
        if let Some(ending) = main {
            self.on_reaped(self.main_pid, ending);
        }
    }

    /// After the main: whether every process of the run has ended. Every lesson process holds the
    /// trace and output pipes, so they close only when the last one is gone; then the group is
    /// reaped to the end under the run's lock (no signal may reach a recycled group id).
    fn group_gone(&mut self, sources_open: bool) -> bool {
        if sources_open {
            return false;
        }
        let shared = self.shared.clone();
        let guard = shared.end();
        kill_run(self.main_pid);
        let others = reap_group(self.main_pid, true);
        drop(guard);
        for (pid, ending) in others {
            self.on_reaped(pid, ending);
        }
        true
    }

    /// Reaps adopted orphans that ended, leaving the main to `finish_main`.
    fn reap_orphans(&mut self) {
        loop {
            // SAFETY: a zeroed siginfo is a valid out-buffer for waitid.
            let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
            let flags = libc::WEXITED | libc::WNOHANG | libc::WNOWAIT;
            // SAFETY: waitid peeks (WNOWAIT) with a valid out-pointer.
            let r = unsafe {
                libc::waitid(libc::P_PGID, self.main_pid as libc::id_t, &mut info, flags)
            };
            // SAFETY: si_pid is valid to read after a successful waitid.
            let pid = unsafe { info.si_pid() };
            if r < 0 || pid == 0 || pid == self.main_pid {
                return; // none ended, none left, or it is the main (its pidfd fires too)
            }
            let mut status = 0;
            // SAFETY: waitpid on the child waitid just reported.
            if unsafe { libc::waitpid(pid, &mut status, libc::WNOHANG) } == pid
                && let Some(ending) = crate::trace::Ending::from_wait_status(status)
            {
                self.on_reaped(pid, ending);
            }
        }
    }

    fn on_reaped(&mut self, pid: i32, ending: Ending) {
        if pid == self.main_pid {
            self.main_ending = Some(ending);
        }
        let child_name = self
            .names
            .get(&pid)
            .cloned()
            .unwrap_or_else(|| format!("process {pid}"));
        self.push_own(Event::Reaped {
            child: pid,
            child_name,
            ending,
        });
    }

    fn push_stray(&mut self, stream: Stream, text: String, writer: Option<i32>) {
        if !text.is_empty() {
            self.push_own(Event::Stray {
                stream,
                text,
                writer,
            });
        }
    }

    /// Adds a record written by the observer itself.
    fn push_own(&mut self, event: Event) {
        let mono = mono_ns();
        let record = Record {
            pid: std::process::id() as i32,
            // SAFETY: getppid cannot fail.
            ppid: unsafe { libc::getppid() },
            seq: self.seq,
            mono_ns: mono,
            lesson_ns: self.shared.control.clock().lesson_at(mono),
            event,
        };
        self.seq += 1;
        self.reorder.push(record);
    }

    /// Sends records on in time order: all of them in one update to a consumer that asked for
    /// batches (`RunHandle::batch_updates`), else one update each.
    fn release(&mut self, records: Vec<Record>) {
        if records.is_empty() {
            return;
        }
        if self.shared.batches() {
            let size = records.iter().map(approx_size).sum();
            // The receiver may be gone (the face quit); the run still ends and is reaped.
            if self.tx.send(Update::Records(records)).is_ok() {
                self.inflight.push_back(size);
                self.inflight_bytes += size;
            }
            return;
        }
        for r in records {
            let size = approx_size(&r);
            if self.tx.send(Update::Record(r)).is_ok() {
                self.inflight.push_back(size);
                self.inflight_bytes += size;
            }
        }
    }
}

/// About how many bytes a record takes in memory: its texts and the rest.
fn approx_size(r: &Record) -> usize {
    let text = match &r.event {
        Event::Output { text, .. } | Event::Stray { text, .. } => text.len(),
        _ => 0,
    };
    text + 160
}

struct Ready {
    wake: bool,
    main_ended: bool,
}

fn pollin(fd: i32) -> libc::pollfd {
    libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    }
}

/// What the observer's allocator may keep of memory freed at the top of its heap before it hands
/// it back to the kernel (glibc's default is 128 KiB).
const KEEP_FREED_BYTES: i32 = 32 << 20;

/// Lets the observer's allocator keep up to [`KEEP_FREED_BYTES`] of freed memory. The pump sends
/// records in batches of about 112 KiB that the face's thread frees; with the default threshold
/// each such free gave the pages back (`madvise`) and the pump's next batch took them again, a
/// page fault and a cleared page every 4 KiB: a seventh of the pump's samples on a Lock flood.
/// Once per process (the lesson processes exec afresh and are not affected).
fn keep_freed_memory() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: mallopt only changes the allocator's thresholds; any value is valid.
        unsafe { libc::mallopt(libc::M_TRIM_THRESHOLD, KEEP_FREED_BYTES) };
    });
}

fn set_nonblocking(fd: i32) {
    // SAFETY: fcntl on an fd we own.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        libc::fcntl(fd, libc::F_SETFL, flags | libc::O_NONBLOCK);
    }
}

/// Reads what is there now (up to `turn` bytes) from a non-blocking source into the start of
/// `buf`, which keeps its zeroed room from turn to turn (no allocation and no clearing per turn);
/// says how many bytes it read and whether the source ended.
fn read_available(src: &mut impl Read, turn: usize, buf: &mut Vec<u8>) -> (usize, bool) {
    const CHUNK: usize = 64 * 1024;
    let mut filled = 0;
    while filled < turn {
        let end = filled + (turn - filled).min(CHUNK);
        if buf.len() < end {
            buf.resize(end, 0);
        }
        match src.read(&mut buf[filled..end]) {
            Ok(0) => return (filled, true),
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => break,
            Err(_) => return (filled, true),
        }
    }
    (filled, false)
}

/// Takes the longest valid UTF-8 prefix of `carry`, keeping an incomplete last character for the
/// next read (or, at the end, replacing it). Invalid bytes become U+FFFD.
fn take_utf8(carry: &mut Vec<u8>, at_end: bool) -> String {
    let keep = match std::str::from_utf8(carry) {
        Ok(_) => 0,
        Err(e) if e.error_len().is_none() && !at_end => carry.len() - e.valid_up_to(),
        Err(_) => 0,
    };
    let tail = carry.split_off(carry.len() - keep);
    let text = String::from_utf8_lossy(carry).into_owned();
    *carry = tail;
    text
}

fn stray_note(what: &str) -> Event {
    Event::Stray {
        stream: Stream::Stderr,
        text: format!("forkyard: {what}\n"),
        writer: None,
    }
}

/// A ring's frame that is not a record, reported as a bad trace line is.
fn bad_frame(bad: wire::BadFrame) -> BadLine {
    BadLine {
        reason: bad.0,
        start: "(a binary frame in a trace ring)".to_string(),
    }
}

fn bad_line_note(bad: &BadLine) -> Event {
    stray_note(&format!(
        "a trace line could not be read ({}): {}",
        bad.reason, bad.start
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_split_across_reads_is_kept_whole() {
        let bytes = "é漢".as_bytes();
        let mut carry = bytes[..2].to_vec(); // é and the first byte of 漢
        assert_eq!(take_utf8(&mut carry, false), "é");
        carry.extend_from_slice(&bytes[2..]);
        assert_eq!(take_utf8(&mut carry, false), "漢");
        assert!(carry.is_empty());
    }

    #[test]
    fn invalid_bytes_and_a_torn_end_become_replacement_characters() {
        let mut carry = vec![b'a', 0xff, b'b'];
        assert_eq!(take_utf8(&mut carry, false), "a\u{fffd}b");
        let mut carry = vec![b'a', 0xe6];
        assert_eq!(take_utf8(&mut carry, true), "a\u{fffd}");
    }
}

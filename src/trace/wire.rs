//! How a record travels in a trace ring: a compact binary frame, not JSON.
//!
//! A Lock pair is two `op` records; as JSON they cost the lesson process and the observer about
//! ten times what the interpreter spends on the pair. A frame is a `u32` length (little-endian)
//! then the record: the five header numbers at fixed width, one tag byte for the event's kind, then
//! its fields in declaration order (integers little-endian at fixed width, a `bool` or an absent or
//! present `Option` as one byte 0 or 1, a string as a `u32` length and its UTF-8 bytes, an `op`'s
//! operation as its `Op::code` byte, followed by its name only for an `Op::Other`). Hand-written
//! rather than through serde: the record's JSON shape (a flattened, internally tagged enum) needs a
//! self-describing format, which a compact binary one is not, and this codec has no dependency.
//!
//! Only the ring speaks this: the trace pipe (processes without a slot) and everything the user
//! sees (`--format jsonl`, exports) stay JSON. Both sides are the same build of forkyard, so the
//! format carries no version.
//!
//! Lives here: encoding a record into a frame and decoding frames back, refusing anything malformed
//! with a reason (never a panic). Must not live here: the ring's bytes (`ring`), fitting a record
//! into `PIPE_BUF` (`frame`).

use super::op_name::{OTHER_CODE, Op};
use super::record::{AtExitAction, Ending, Event, Record, State, Stream};

/// The longest record a frame may hold: a writer never makes one longer than `PIPE_BUF` bytes of
/// JSON, and the binary form of a record is never longer than its JSON line.
pub const MAX_RECORD: usize = 64 * 1024;

/// A frame that is not a record; the observer reports it rather than losing it silently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadFrame(pub String);

// Event kinds, one byte each. Never reuse a number for another kind.
const MAIN: u8 = 1;
const SPAWN: u8 = 2;
const OUTPUT: u8 = 3;
const STATE: u8 = 4;
const AT_EXIT: u8 = 5;
const SIGNAL: u8 = 6;
const EXIT: u8 = 7;
const REAPED: u8 = 8;
const OBJECT: u8 = 9;
const OP: u8 = 10;
const REFUSED: u8 = 11;
const STRAY: u8 = 12;
const STOP: u8 = 13;

/// Appends the frame of `record` (its length, then the record) to `out`.
pub fn encode_into(record: &Record, out: &mut Vec<u8>) {
    let at = out.len();
    out.extend_from_slice(&[0; 4]);
    let mut w = Writer(out);
    w.i32(record.pid);
    w.i32(record.ppid);
    w.u64(record.seq);
    w.u64(record.mono_ns);
    w.u64(record.lesson_ns);
    w.event(&record.event);
    let len = (out.len() - at - 4) as u32;
    out[at..at + 4].copy_from_slice(&len.to_le_bytes());
}

/// The length of the frame of an `op` record without a detail whose operation is a named one
/// (a Lock's `acquired` and `released`): its length word, the header numbers, the kind, the id,
/// the operation's byte and the absent detail's 0.
pub const OP_FRAME: usize = 4 + 4 + 4 + 8 + 8 + 8 + 1 + 4 + 1 + 1;

/// The header numbers of a record, in frame order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub pid: i32,
    pub ppid: i32,
    pub seq: u64,
    pub mono_ns: u64,
    pub lesson_ns: u64,
}

/// The frame [`encode`] makes of `Op { id, op, detail: None }` stamped `stamp`.
pub fn op_frame(stamp: Stamp, id: u32, code: u8) -> [u8; OP_FRAME] {
    let mut f = [0u8; OP_FRAME];
    op_frame_into(&mut f, stamp, id, code);
    f
}

/// Writes the frame of [`op_frame`] at fixed offsets into `f`, which is where it goes (a trace
/// ring's bytes): the hottest records (a Lock pair makes two) cost no vector, no variable-length
/// copy, and no copy of a frame just built on the stack (read back in wider pieces than it was
/// written, a stalled load on a fifth of the writer's samples). `code` is a named operation's
/// [`Op::code`] (never [`OTHER_CODE`], whose frame also carries the name).
#[inline]
pub fn op_frame_into(f: &mut [u8; OP_FRAME], stamp: Stamp, id: u32, code: u8) {
    debug_assert_ne!(code, OTHER_CODE);
    f[0..4].copy_from_slice(&((OP_FRAME - 4) as u32).to_le_bytes());
    f[4..8].copy_from_slice(&stamp.pid.to_le_bytes());
    f[8..12].copy_from_slice(&stamp.ppid.to_le_bytes());
    f[12..20].copy_from_slice(&stamp.seq.to_le_bytes());
    f[20..28].copy_from_slice(&stamp.mono_ns.to_le_bytes());
    f[28..36].copy_from_slice(&stamp.lesson_ns.to_le_bytes());
    f[36] = OP;
    f[37..41].copy_from_slice(&id.to_le_bytes());
    f[41] = code;
    // The absent detail.
    f[42] = 0;
}

/// [`decode`] of the body of an [`op_frame`], read at its fixed offsets; `None` for any other
/// body (which `decode` then reads field by field). The observer decodes a Lock flood's records
/// as fast as the writers make them.
#[inline]
fn decode_op_frame(body: &[u8]) -> Option<Record> {
    let b: &[u8; OP_FRAME - 4] = body.try_into().ok()?;
    if b[32] != OP || b[38] != 0 {
        return None;
    }
    let op = Op::from_code(b[37])?;
    let u64_at = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().expect("8 bytes"));
    let u32_at = |i: usize| u32::from_le_bytes(b[i..i + 4].try_into().expect("4 bytes"));
    Some(Record {
        pid: u32_at(0) as i32,
        ppid: u32_at(4) as i32,
        seq: u64_at(8),
        mono_ns: u64_at(16),
        lesson_ns: u64_at(24),
        event: Event::Op {
            id: u32_at(33),
            op,
            detail: None,
        },
    })
}

/// The frame of `record`.
pub fn encode(record: &Record) -> Vec<u8> {
    let mut out = Vec::with_capacity(64);
    encode_into(record, &mut out);
    out
}

/// Decodes every frame in `bytes`, in order. Rings hand over whole frames only, so bytes that end
/// inside a frame are an error, as is a frame that is not a record; decoding stops at the first
/// error (past it, where the next frame begins is unknown).
pub fn decode_all(bytes: &[u8]) -> Vec<Result<Record, BadFrame>> {
    frames(bytes).collect()
}

/// The records of the frames in `bytes`, in order, decoded as they are taken: the observer puts
/// each where it goes without a vector of them first (a Lock flood drains thousands per turn).
/// Ends after the first error, as [`decode_all`] does.
pub fn frames(bytes: &[u8]) -> Frames<'_> {
    Frames { rest: bytes }
}

/// The iterator of [`frames`].
pub struct Frames<'a> {
    rest: &'a [u8],
}

impl Iterator for Frames<'_> {
    type Item = Result<Record, BadFrame>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        Some(match split_frame(self.rest) {
            Ok((body, after)) => {
                self.rest = after;
                decode(body)
            }
            Err(e) => {
                self.rest = &[];
                Err(e)
            }
        })
    }
}

/// A frame of a trace ring, as the observer takes it: an `op` frame of [`op_frame`]'s shape as its
/// numbers (the observer keeps those compact while they wait to be put in time order,
/// `order::Reorder::push_op`), any other as its decoded record.
#[derive(Debug, PartialEq)]
pub enum RingFrame {
    /// `Op { id, op, detail: None }` of the named operation of code `code`, stamped `stamp`.
    Op {
        stamp: Stamp,
        id: u32,
        code: u8,
    },
    Record(Result<Record, BadFrame>),
}

/// The frames in `bytes`, in order, as [`frames`] takes them, the op frames of [`op_frame`]'s
/// shape left as their numbers.
pub fn ring_frames(bytes: &[u8]) -> RingFrames<'_> {
    RingFrames { rest: bytes }
}

/// The iterator of [`ring_frames`].
pub struct RingFrames<'a> {
    rest: &'a [u8],
}

impl Iterator for RingFrames<'_> {
    type Item = RingFrame;

    #[inline]
    fn next(&mut self) -> Option<RingFrame> {
        if let Some(f) = self.rest.first_chunk::<OP_FRAME>()
            && let Some((stamp, id, code)) = op_frame_numbers(f)
        {
            self.rest = &self.rest[OP_FRAME..];
            return Some(RingFrame::Op { stamp, id, code });
        }
        if self.rest.is_empty() {
            return None;
        }
        Some(RingFrame::Record(match split_frame(self.rest) {
            Ok((body, after)) => {
                self.rest = after;
                decode(body)
            }
            Err(e) => {
                self.rest = &[];
                Err(e)
            }
        }))
    }
}

/// The numbers of a whole [`op_frame`] (length word included) of a named operation, read at its
/// fixed offsets; `None` for any other frame.
#[inline]
fn op_frame_numbers(f: &[u8; OP_FRAME]) -> Option<(Stamp, u32, u8)> {
    let u64_at = |i: usize| u64::from_le_bytes(f[i..i + 8].try_into().expect("8 bytes"));
    let u32_at = |i: usize| u32::from_le_bytes(f[i..i + 4].try_into().expect("4 bytes"));
    if u32_at(0) as usize != OP_FRAME - 4 || f[36] != OP || f[42] != 0 {
        return None;
    }
    let code = f[41];
    Op::from_code(code)?;
    let stamp = Stamp {
        pid: u32_at(4) as i32,
        ppid: u32_at(8) as i32,
        seq: u64_at(12),
        mono_ns: u64_at(20),
        lesson_ns: u64_at(28),
    };
    Some((stamp, u32_at(37), code))
}

/// The body of the first frame of `bytes` and what follows it.
fn split_frame(bytes: &[u8]) -> Result<(&[u8], &[u8]), BadFrame> {
    let mut r = Reader(bytes);
    let len = r.u32()? as usize;
    if len > MAX_RECORD {
        return Err(BadFrame(format!(
            "a trace frame says it is {len} bytes long, more than any record"
        )));
    }
    let body = r.take(len)?;
    Ok((body, r.0))
}

/// Decodes one record from the body of a frame; trailing bytes are an error.
pub fn decode(body: &[u8]) -> Result<Record, BadFrame> {
    if let Some(record) = decode_op_frame(body) {
        return Ok(record);
    }
    let mut r = Reader(body);
    let record = Record {
        pid: r.i32()?,
        ppid: r.i32()?,
        seq: r.u64()?,
        mono_ns: r.u64()?,
        lesson_ns: r.u64()?,
        event: r.event()?,
    };
    if !r.0.is_empty() {
        return Err(BadFrame(format!(
            "{} bytes left over after a trace record",
            r.0.len()
        )));
    }
    Ok(record)
}

struct Writer<'a>(&'a mut Vec<u8>);

impl Writer<'_> {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn i32(&mut self, v: i32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn i64(&mut self, v: i64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn bool(&mut self, v: bool) {
        self.u8(v as u8);
    }
    fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
    /// An operation: its byte, then the name of one outside the table.
    fn op(&mut self, op: &Op) {
        self.u8(op.code());
        if let Op::Other(name) = op {
            self.str(name);
        }
    }
    fn opt<T: Copy>(&mut self, v: Option<T>, f: impl FnOnce(&mut Self, T)) {
        match v {
            None => self.u8(0),
            Some(v) => {
                self.u8(1);
                f(self, v);
            }
        }
    }
    fn stream(&mut self, s: Stream) {
        self.u8(match s {
            Stream::Stdout => 0,
            Stream::Stderr => 1,
        });
    }
    fn ending(&mut self, e: Ending) {
        match e {
            Ending::Exited { code } => {
                self.u8(0);
                self.i32(code);
            }
            Ending::Signaled { signal } => {
                self.u8(1);
                self.i32(signal);
            }
        }
    }

    fn event(&mut self, event: &Event) {
        match event {
            Event::Main { name, file } => {
                self.u8(MAIN);
                self.str(name);
                self.str(file);
            }
            Event::Spawn {
                name,
                daemon,
                forked_ns,
            } => {
                self.u8(SPAWN);
                self.str(name);
                self.bool(*daemon);
                self.opt(*forked_ns, Self::u64);
            }
            Event::Output { stream, text } => {
                self.u8(OUTPUT);
                self.stream(*stream);
                self.str(text);
            }
            Event::State { state } => {
                self.u8(STATE);
                match state {
                    State::Running => self.u8(0),
                    State::Sleeping { until_ns } => {
                        self.u8(1);
                        self.u64(*until_ns);
                    }
                    State::Blocked { on, op } => {
                        self.u8(2);
                        self.str(on);
                        self.str(op);
                    }
                }
            }
            Event::AtExit {
                action,
                child,
                child_name,
            } => {
                self.u8(AT_EXIT);
                self.u8(match action {
                    AtExitAction::Terminate => 0,
                    AtExitAction::Join => 1,
                });
                self.i32(*child);
                self.str(child_name);
            }
            Event::Signal {
                target,
                target_name,
                signal,
                signal_name,
            } => {
                self.u8(SIGNAL);
                self.i32(*target);
                self.str(target_name);
                self.i32(*signal);
                self.str(signal_name);
            }
            Event::Exit { code } => {
                self.u8(EXIT);
                self.i32(*code);
            }
            Event::Reaped {
                child,
                child_name,
                ending,
            } => {
                self.u8(REAPED);
                self.i32(*child);
                self.str(child_name);
                self.ending(*ending);
            }
            Event::Object {
                id,
                class,
                capacity,
                owner,
                role,
            } => {
                self.u8(OBJECT);
                self.u32(*id);
                self.str(class);
                self.opt(*capacity, Self::i64);
                self.opt(*owner, Self::u32);
                self.opt(role.as_deref(), Self::str);
            }
            Event::Op { id, op, detail } => {
                self.u8(OP);
                self.u32(*id);
                self.op(op);
                self.opt(detail.as_deref(), Self::str);
            }
            Event::Refused { message } => {
                self.u8(REFUSED);
                self.str(message);
            }
            Event::Stray {
                stream,
                text,
                writer,
            } => {
                self.u8(STRAY);
                self.stream(*stream);
                self.str(text);
                self.opt(*writer, Self::i32);
            }
            Event::Stop { reason } => {
                self.u8(STOP);
                self.str(reason);
            }
        }
    }
}

struct Reader<'a>(&'a [u8]);

/// A decoded value, or why the bytes are not one.
type Got<T> = Result<T, BadFrame>;

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Got<&'a [u8]> {
        if self.0.len() < n {
            return Err(BadFrame(format!(
                "a trace frame ends early: {n} bytes wanted, {} left",
                self.0.len()
            )));
        }
        let (taken, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(taken)
    }
    fn array<const N: usize>(&mut self) -> Got<[u8; N]> {
        let mut a = [0; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
    fn u8(&mut self) -> Got<u8> {
        Ok(self.array::<1>()?[0])
    }
    fn u32(&mut self) -> Got<u32> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    fn i32(&mut self) -> Got<i32> {
        Ok(i32::from_le_bytes(self.array()?))
    }
    fn i64(&mut self) -> Got<i64> {
        Ok(i64::from_le_bytes(self.array()?))
    }
    fn u64(&mut self) -> Got<u64> {
        Ok(u64::from_le_bytes(self.array()?))
    }
    /// A byte that must be below `n`, naming `what` it chooses if it is not.
    fn choice(&mut self, n: u8, what: &str) -> Got<u8> {
        let b = self.u8()?;
        if b < n {
            Ok(b)
        } else {
            Err(BadFrame(format!("{b} is not a {what} in a trace frame")))
        }
    }
    fn bool(&mut self) -> Got<bool> {
        Ok(self.choice(2, "bool")? == 1)
    }
    fn str(&mut self) -> Got<String> {
        self.str_ref().map(str::to_string)
    }
    /// A string read in place.
    fn str_ref(&mut self) -> Got<&'a str> {
        let len = self.u32()? as usize;
        let bytes = self.take(len)?;
        std::str::from_utf8(bytes)
            .map_err(|e| BadFrame(format!("a string in a trace frame is not UTF-8: {e}")))
    }
    /// An operation: its byte, then the name of one outside the table.
    fn op(&mut self) -> Got<Op> {
        match self.u8()? {
            OTHER_CODE => self.str_ref().map(Op::parse),
            code => Op::from_code(code)
                .ok_or_else(|| BadFrame(format!("{code} is not an operation in a trace frame"))),
        }
    }
    fn opt<T>(&mut self, f: impl FnOnce(&mut Self) -> Got<T>) -> Got<Option<T>> {
        match self.choice(2, "presence byte")? {
            0 => Ok(None),
            _ => f(self).map(Some),
        }
    }
    fn stream(&mut self) -> Got<Stream> {
        Ok(match self.choice(2, "stream")? {
            0 => Stream::Stdout,
            _ => Stream::Stderr,
        })
    }
    fn ending(&mut self) -> Got<Ending> {
        Ok(match self.choice(2, "kind of ending")? {
            0 => Ending::Exited { code: self.i32()? },
            _ => Ending::Signaled {
                signal: self.i32()?,
            },
        })
    }

    fn event(&mut self) -> Got<Event> {
        Ok(match self.u8()? {
            MAIN => Event::Main {
                name: self.str()?,
                file: self.str()?,
            },
            SPAWN => Event::Spawn {
                name: self.str()?,
                daemon: self.bool()?,
                forked_ns: self.opt(Self::u64)?,
            },
            OUTPUT => Event::Output {
                stream: self.stream()?,
                text: self.str()?,
            },
            STATE => Event::State {
                state: match self.choice(3, "process state")? {
                    0 => State::Running,
                    1 => State::Sleeping {
                        until_ns: self.u64()?,
                    },
                    _ => State::Blocked {
                        on: self.str()?,
                        op: self.str()?,
                    },
                },
            },
            AT_EXIT => Event::AtExit {
                action: match self.choice(2, "exit-rule step")? {
                    0 => AtExitAction::Terminate,
                    _ => AtExitAction::Join,
                },
                child: self.i32()?,
                child_name: self.str()?,
            },
            SIGNAL => Event::Signal {
                target: self.i32()?,
                target_name: self.str()?,
                signal: self.i32()?,
                signal_name: self.str()?,
            },
            EXIT => Event::Exit { code: self.i32()? },
            REAPED => Event::Reaped {
                child: self.i32()?,
                child_name: self.str()?,
                ending: self.ending()?,
            },
            OBJECT => Event::Object {
                id: self.u32()?,
                class: self.str()?,
                capacity: self.opt(Self::i64)?,
                owner: self.opt(Self::u32)?,
                role: self.opt(Self::str)?,
            },
            OP => Event::Op {
                id: self.u32()?,
                op: self.op()?,
                detail: self.opt(Self::str)?,
            },
            REFUSED => Event::Refused {
                message: self.str()?,
            },
            STRAY => Event::Stray {
                stream: self.stream()?,
                text: self.str()?,
                writer: self.opt(Self::i32)?,
            },
            STOP => Event::Stop {
                reason: self.str()?,
            },
            kind => {
                return Err(BadFrame(format!("{kind} is not a kind of trace record")));
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fixed_op_frame_is_the_one_encode_makes() {
        for op in [Op::Acquired, Op::Released, Op::Timeout] {
            let record = Record {
                pid: 31_000,
                ppid: 1,
                seq: 1 << 40,
                mono_ns: u64::MAX - 3,
                lesson_ns: 17,
                event: Event::Op {
                    id: 0x0102_0304,
                    op: op.clone(),
                    detail: None,
                },
            };
            let stamp = Stamp {
                pid: record.pid,
                ppid: record.ppid,
                seq: record.seq,
                mono_ns: record.mono_ns,
                lesson_ns: record.lesson_ns,
            };
            let frame = op_frame(stamp, 0x0102_0304, op.code());
            assert_eq!(&frame[..], &encode(&record)[..]);
            assert_eq!(decode_all(&frame), vec![Ok(record)]);
        }
    }

    #[test]
    fn ring_frames_give_what_frames_gives_with_op_frames_as_numbers() {
        let mut events = every_event();
        events.push(Event::Op {
            id: 9,
            op: Op::Acquired,
            detail: None,
        });
        let mut bytes = Vec::new();
        for e in &events {
            encode_into(&rec(e.clone()), &mut bytes);
        }
        // A frame cut short at the end: both stop there with the same error.
        bytes.extend_from_slice(&op_frame(stamp_of(&rec(Event::Exit { code: 0 })), 1, 1)[..20]);
        let expected: Vec<_> = frames(&bytes).collect();
        let got: Vec<_> = ring_frames(&bytes)
            .map(|f| match f {
                RingFrame::Op { stamp, id, code } => {
                    assert_eq!(stamp, stamp_of(&rec(Event::Exit { code: 0 })));
                    Ok(Record {
                        pid: stamp.pid,
                        ppid: stamp.ppid,
                        seq: stamp.seq,
                        mono_ns: stamp.mono_ns,
                        lesson_ns: stamp.lesson_ns,
                        event: Event::Op {
                            id,
                            op: Op::from_code(code).expect("a named operation"),
                            detail: None,
                        },
                    })
                }
                RingFrame::Record(r) => r,
            })
            .collect();
        assert_eq!(got, expected);
        assert!(expected.last().is_some_and(Result::is_err));
        let numbers = ring_frames(&bytes)
            .filter(|f| matches!(f, RingFrame::Op { .. }))
            .count();
        // Every op without a detail of a named operation: the ones of `every_event` and the one
        // added; an `Op::Other` or an op with a detail is decoded as a record.
        let plain = events
            .iter()
            .filter(|e| matches!(e, Event::Op { op, detail: None, .. } if op.code() != OTHER_CODE))
            .count();
        assert!(plain >= 1);
        assert_eq!(numbers, plain);
    }

    fn stamp_of(r: &Record) -> Stamp {
        Stamp {
            pid: r.pid,
            ppid: r.ppid,
            seq: r.seq,
            mono_ns: r.mono_ns,
            lesson_ns: r.lesson_ns,
        }
    }

    fn rec(event: Event) -> Record {
        Record {
            pid: 4242,
            ppid: -1,
            seq: u64::MAX,
            mono_ns: 123_456_789,
            lesson_ns: 0,
            event,
        }
    }

    /// One of every event and every inner variant, with present and absent options, odd strings.
    fn every_event() -> Vec<Event> {
        let s = |t: &str| t.to_string();
        vec![
            Event::Main {
                name: s("MainProcess"),
                file: s("/tmp/é漢🦀.py"),
            },
            Event::Spawn {
                name: s("Process-1"),
                daemon: true,
                forked_ns: Some(7),
            },
            Event::Spawn {
                name: s(""),
                daemon: false,
                forked_ns: None,
            },
            Event::Output {
                stream: Stream::Stdout,
                text: s("a\n\"\\\u{1}"),
            },
            Event::Output {
                stream: Stream::Stderr,
                text: s(""),
            },
            Event::State {
                state: State::Running,
            },
            Event::State {
                state: State::Sleeping { until_ns: u64::MAX },
            },
            Event::State {
                state: State::Blocked {
                    on: s("Lock#1"),
                    op: s("acquire"),
                },
            },
            Event::AtExit {
                action: AtExitAction::Terminate,
                child: 12,
                child_name: s("Process-2"),
            },
            Event::AtExit {
                action: AtExitAction::Join,
                child: i32::MIN,
                child_name: s("P"),
            },
            Event::Signal {
                target: 9,
                target_name: s("Process-3"),
                signal: 15,
                signal_name: s("SIGTERM"),
            },
            Event::Exit { code: -3 },
            Event::Reaped {
                child: 5,
                child_name: s("Process-1"),
                ending: Ending::Exited { code: 1 },
            },
            Event::Reaped {
                child: 6,
                child_name: s("Process-2"),
                ending: Ending::Signaled { signal: 9 },
            },
            Event::Object {
                id: u32::MAX,
                class: s("Lock"),
                capacity: Some(i64::MIN),
                owner: Some(3),
                role: Some(s("receive end")),
            },
            Event::Object {
                id: 1,
                class: s("Queue"),
                capacity: None,
                owner: None,
                role: None,
            },
            Event::Op {
                id: 1,
                op: Op::Acquired,
                detail: None,
            },
            Event::Op {
                id: 2,
                op: Op::Put,
                detail: Some(s("'x'")),
            },
            Event::Op {
                id: 3,
                op: Op::Other("append".into()),
                detail: None,
            },
            Event::Refused {
                message: s("no more processes"),
            },
            Event::Stray {
                stream: Stream::Stderr,
                text: s("thread 'main' has overflowed its stack"),
                writer: Some(77),
            },
            Event::Stray {
                stream: Stream::Stdout,
                text: s("x"),
                writer: None,
            },
            Event::Stop {
                reason: s("timeout"),
            },
        ]
    }

    #[test]
    fn every_event_round_trips_through_a_frame() {
        let mut bytes = Vec::new();
        let records: Vec<Record> = every_event().into_iter().map(rec).collect();
        for r in &records {
            let one = encode(r);
            assert_eq!(decode_all(&one), vec![Ok(r.clone())]);
            bytes.extend(one);
        }
        let back: Vec<Record> = decode_all(&bytes).into_iter().map(Result::unwrap).collect();
        assert_eq!(back, records);
    }

    #[test]
    fn a_frame_is_never_longer_than_the_json_line() {
        for e in every_event() {
            let r = rec(e);
            assert!(
                encode(&r).len() <= super::super::frame::encode(&r).len(),
                "{r:?}"
            );
        }
    }

    #[test]
    fn every_cut_of_a_frame_is_an_error_not_a_panic() {
        for e in every_event() {
            let frame = encode(&rec(e));
            for cut in 1..frame.len() {
                let got = decode_all(&frame[..cut]);
                assert_eq!(got.len(), 1, "cut at {cut}");
                assert!(got[0].is_err(), "cut at {cut}");
            }
        }
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        // A length beyond any record, a kind that does not exist, a bad bool, text that is not
        // UTF-8, bytes left over: each is named.
        assert!(decode_all(&u32::MAX.to_le_bytes())[0].is_err());
        let mut frame = encode(&rec(Event::Exit { code: 0 }));
        frame[4 + 32] = 200;
        let err = decode_all(&frame)[0].clone().unwrap_err();
        assert!(err.0.contains("not a kind"), "{err:?}");
        let mut frame = encode(&rec(Event::Spawn {
            name: "P".into(),
            daemon: true,
            forked_ns: None,
        }));
        frame[4 + 32 + 1 + 4 + 1] = 2;
        assert!(decode_all(&frame)[0].is_err());
        // An operation byte past the table is named.
        let mut frame = encode(&rec(Event::Op {
            id: 1,
            op: Op::Acquired,
            detail: None,
        }));
        frame[4 + 32 + 1 + 4] = 250;
        let err = decode_all(&frame)[0].clone().unwrap_err();
        assert!(err.0.contains("250 is not an operation"), "{err:?}");
        let mut frame = encode(&rec(Event::Stop {
            reason: "ab".into(),
        }));
        let n = frame.len();
        frame[n - 1] = 0xff;
        assert!(
            decode_all(&frame)[0]
                .clone()
                .unwrap_err()
                .0
                .contains("UTF-8")
        );
        let mut body = encode(&rec(Event::Exit { code: 0 }))[4..].to_vec();
        body.push(0);
        assert!(decode(&body).unwrap_err().0.contains("left over"));
        // A deterministic scramble of every byte of real frames: never a panic.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for e in every_event() {
            let frame = encode(&rec(e));
            for _ in 0..200 {
                let mut f = frame.clone();
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let i = (seed as usize) % f.len();
                f[i] = (seed >> 32) as u8;
                let _ = decode_all(&f);
            }
        }
    }
}

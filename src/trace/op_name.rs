//! The operation of an `op` record: what happened to a multiprocessing object.
//!
//! The modules record a few dozen operations and the observer's readers (the `Run` model, the
//! objects inspector, the exports, the tests) act on them: an [`Op`] names each one as a variant, so
//! a writer and a reader cannot disagree on a spelling. It is written to the jsonl as the same
//! string it always was ("acquired", "put") and carried in the binary ring frame as one byte
//! ([`Op::code`]). A name outside the table (a manager proxy's call of a method without a word of
//! its own, a trace of another forkyard) is kept as written in [`Op::Other`]: such a trace still
//! loads, and its unknown operations are shown and otherwise ignored.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Declares [`Op`] with each variant's jsonl name, and the table that maps names and wire codes.
macro_rules! ops {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, )*) => {
        /// An operation on a multiprocessing object, as an `op` record carries it. "Detail" is the
        /// record's `detail` field.
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Op {
            $( $(#[$doc])* $variant, )*
            /// A name outside this table, kept as written: a manager proxy's call of a method
            /// that has no word of its own (the method's name: "append", "__setitem__"), or an
            /// operation of a trace of another forkyard. Readers show it and act on nothing.
            Other(Box<str>),
        }

        /// Every named operation, in wire-code order (code = index + 1).
        const KNOWN: &[Op] = &[ $( Op::$variant, )* ];

        /// The named operations' indexes in `KNOWN`, counted by the compiler.
        #[repr(u8)]
        #[allow(clippy::enum_variant_names)]
        enum Index { $( $variant, )* }

        impl Op {
            /// Its jsonl name ("acquired").
            pub fn name(&self) -> &str {
                match self {
                    $( Op::$variant => $name, )*
                    Op::Other(name) => name,
                }
            }

            /// Its byte in the binary ring frame: 1.. for a named operation, [`OTHER_CODE`] for
            /// [`Op::Other`] (whose name the frame then carries).
            pub fn code(&self) -> u8 {
                match self {
                    $( Op::$variant => Index::$variant as u8 + 1, )*
                    Op::Other(_) => OTHER_CODE,
                }
            }
        }
    };
}

ops! {
    /// A Lock, RLock, Semaphore or BoundedSemaphore was acquired (`sync`; a manager proxy's
    /// `acquire` too). Detail: `count=N` for an RLock taken again by its owner, `value=N` (the
    /// counter after it) for a semaphore, none for a Lock.
    Acquired = "acquired",
    /// A permit went back (`sync`; a manager proxy's `release`): detail as for `Acquired` (an
    /// RLock's `count=N` left, N > 0, means still held). A Barrier records it when its parties
    /// pass, detail `N parties`.
    Released = "released",
    /// A blocking call ran out of time (`sync`, `queues`, `pipe`, a manager proxy's `acquire`
    /// returning False). Detail: the call ("acquire", "wait", "get", "put", "poll").
    Timeout = "timeout",
    /// An Event's or Condition's `wait` returned because it was set or notified (`sync`).
    /// Detail: "wait".
    Woke = "woke",
    /// A Condition's `notify` woke sleepers (`sync`). Detail: how many.
    Notified = "notified",
    /// An Event was set (`sync`; a manager proxy's `set`). No detail.
    Set = "set",
    /// An Event was cleared (`sync`; a manager proxy's `clear`). No detail.
    Cleared = "cleared",
    /// An item went into a queue (`queues`; a manager proxy's `put`). Detail: `size=N item=R`,
    /// the size after it and the item's repr.
    Put = "put",
    /// An item came out of a queue (`queues`; a manager proxy's `get`). Detail as for `Put`.
    Got = "got",
    /// A JoinableQueue's `task_done` (`queues`). Detail: `unfinished=N` left.
    TaskDone = "task_done",
    /// A shared Value was stored to (`shared`). Detail: `value=R`, its repr.
    Stored = "stored",
    /// A shared Value was read (`shared`). Detail: `value=R`.
    Read = "read",
    /// A Connection sent a message (`pipe`), recorded before the bytes go. Detail: its repr.
    Sent = "sent",
    /// A Connection received a message (`pipe`). Detail: its repr, or `N bytes`.
    Received = "received",
    /// A send that was recorded as `Sent` failed (`pipe`). Detail: the exception's class.
    SendFailed = "send_failed",
    /// A Connection's receive found the other ends closed (`pipe`). No detail.
    Eof = "eof",
    /// A process closed its copy of a Connection end (`pipe`; detail says why when it was not
    /// the program) or of a SharedMemory block (`shared_memory`).
    Closed = "closed",
    /// A Barrier was broken (`sync`). No detail.
    Broken = "broken",
    /// A Pool handed a task to its workers (`pool`). Detail: `task N: f(args)`.
    Submit = "submit",
    /// A Pool worker began a task (`pool`). Detail: `task N: f(args)`.
    Start = "start",
    /// A Pool worker finished a task (`pool`). Detail: `task N: f(args)`.
    Finish = "finish",
    /// A task's result reached the Pool's process (`pool`). Detail: `task N reached the parent`.
    Result = "result",
    /// A Pool was closed (`pool`). No detail.
    Close = "close",
    /// A Pool was terminated (`pool`). No detail.
    Terminate = "terminate",
    /// A manager's server carried out a proxy's request (the server, in Python). Detail:
    /// `method for client`.
    Served = "served",
    /// A SharedMemory block was created (`shared_memory`). Detail: its name.
    Created = "created",
    /// A process mapped an existing SharedMemory block (`shared_memory`). No detail.
    Attached = "attached",
    /// A SharedMemory block's name was removed (`shared_memory`). No detail.
    Unlinked = "unlinked",
    /// A Listener accepted a Client's connection (`multiprocessing.connection`). No detail.
    Accepted = "accepted",
}

/// The wire code of an operation outside the table: its name follows as a string.
pub const OTHER_CODE: u8 = 0;

impl Op {
    /// The operation named `name`; a name outside the table is [`Op::Other`].
    pub fn parse(name: &str) -> Op {
        Op::known(name).unwrap_or_else(|| Op::Other(name.into()))
    }

    /// The named operation `name`, if it is one of the table's.
    pub fn known(name: &str) -> Option<Op> {
        // Lengths first: a lookup costs about one comparison of bytes.
        KNOWN
            .iter()
            .find(|k| k.name().len() == name.len() && k.name() == name)
            .cloned()
    }

    /// Every named operation.
    pub fn all() -> &'static [Op] {
        KNOWN
    }

    /// The named operation of wire code `code` (not [`OTHER_CODE`]), if there is one.
    pub fn from_code(code: u8) -> Option<Op> {
        KNOWN.get(usize::from(code).checked_sub(1)?).cloned()
    }
}

impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Op {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Op {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Op, D::Error> {
        d.deserialize_str(OpVisitor)
    }
}

/// Reads the name in place (borrowed or in the decoder's scratch buffer): a named operation costs
/// no allocation, where `String::deserialize` would make one per record.
struct OpVisitor;

impl Visitor<'_> for OpVisitor {
    type Value = Op;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an operation's name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Op, E> {
        Ok(Op::parse(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_round_trips_through_its_name_its_json_and_its_code() {
        for op in Op::all() {
            assert_eq!(&Op::parse(op.name()), op, "{op}");
            let json = serde_json::to_string(op).unwrap();
            assert_eq!(json, format!("\"{}\"", op.name()));
            assert_eq!(&serde_json::from_str::<Op>(&json).unwrap(), op);
            assert_ne!(op.code(), OTHER_CODE, "{op}");
            assert_eq!(Op::from_code(op.code()).as_ref(), Some(op));
        }
        assert_eq!(Op::from_code(OTHER_CODE), None);
        assert_eq!(Op::from_code(Op::all().len() as u8 + 1), None);
    }

    #[test]
    fn the_names_are_todays_jsonl_strings() {
        let names: Vec<_> = Op::all().iter().map(Op::name).collect();
        assert_eq!(
            names,
            [
                "acquired",
                "released",
                "timeout",
                "woke",
                "notified",
                "set",
                "cleared",
                "put",
                "got",
                "task_done",
                "stored",
                "read",
                "sent",
                "received",
                "send_failed",
                "eof",
                "closed",
                "broken",
                "submit",
                "start",
                "finish",
                "result",
                "close",
                "terminate",
                "served",
                "created",
                "attached",
                "unlinked",
                "accepted",
            ]
        );
    }

    #[test]
    fn an_unknown_name_is_kept_as_written() {
        let other: Op = serde_json::from_str(r#""served twice""#).unwrap();
        assert_eq!(other, Op::Other("served twice".into()));
        assert_eq!(serde_json::to_string(&other).unwrap(), r#""served twice""#);
        assert_eq!(other.code(), OTHER_CODE);
        assert_eq!(
            format!("{other} {other:?}"),
            r#"served twice Other("served twice")"#
        );
        assert_eq!(
            Op::parse("acquire"),
            Op::Other("acquire".into()),
            "a prefix is not a name"
        );
        assert_eq!(Op::known("releasee"), None);
        // An escaped name in the jsonl (read through the decoder's scratch buffer) still finds its
        // variant, and a name that is not a string is an error, not a panic.
        assert_eq!(
            serde_json::from_str::<Op>(r#""\u0061cquired""#).unwrap(),
            Op::Acquired
        );
        assert!(serde_json::from_str::<Op>("7").is_err());
    }
}

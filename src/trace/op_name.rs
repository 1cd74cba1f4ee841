//! The name of an operation on a multiprocessing object in an `op` record ("acquired", "put").
//!
//! The modules name a few dozen operations, and a Lock pair is two records: as a `String` each
//! record cost an allocation where it was made, another where the observer decoded it, and a
//! third where the `Run` model kept it. An [`OpName`] of a name forkyard's modules use is a
//! `&'static str` (no allocation anywhere it goes); any other name (a trace of another forkyard,
//! a manager's own) is kept as an owned string. It reads, compares and serializes as the string
//! it holds, so the jsonl is byte for byte what it was.

use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An operation's name, as the trace and the `Run` model carry it.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct OpName(Cow<'static, str>);

/// The names forkyard's modules write (`python/modules`, the manager's `_manager.op`), kept
/// without an allocation. A name missing here still works, at the cost of one.
const KNOWN: &[&str] = &[
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
];

impl OpName {
    /// The name `s`, without an allocation when it is one of the modules' own.
    pub fn new(s: &str) -> OpName {
        match known(s) {
            Some(k) => OpName(Cow::Borrowed(k)),
            None => OpName(Cow::Owned(s.to_string())),
        }
    }

    /// The known name whose UTF-8 bytes are `b`, if it is one: a decoder finds it without
    /// checking the bytes are UTF-8 first.
    pub fn known_bytes(b: &[u8]) -> Option<OpName> {
        KNOWN
            .iter()
            .find(|k| k.len() == b.len() && k.as_bytes() == b)
            .map(|k| OpName(Cow::Borrowed(k)))
    }

    /// The name as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The name as an owned string.
    pub fn into_string(self) -> String {
        self.0.into_owned()
    }

    /// Whether it is kept without an allocation (one of the modules' own names).
    pub fn is_static(&self) -> bool {
        matches!(self.0, Cow::Borrowed(_))
    }
}

/// The static copy of `s`, if it is a known name: lengths are compared first, so a lookup costs
/// about one comparison of bytes.
fn known(s: &str) -> Option<&'static str> {
    KNOWN
        .iter()
        .find(|k| k.len() == s.len() && **k == s)
        .copied()
}

impl Deref for OpName {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for OpName {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for OpName {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for OpName {
    fn from(s: &str) -> OpName {
        OpName::new(s)
    }
}

impl From<&String> for OpName {
    fn from(s: &String) -> OpName {
        OpName::new(s)
    }
}

impl From<String> for OpName {
    fn from(s: String) -> OpName {
        match known(&s) {
            Some(k) => OpName(Cow::Borrowed(k)),
            None => OpName(Cow::Owned(s)),
        }
    }
}

impl From<OpName> for String {
    fn from(op: OpName) -> String {
        op.into_string()
    }
}

impl PartialEq<str> for OpName {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for OpName {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for OpName {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<OpName> for str {
    fn eq(&self, other: &OpName) -> bool {
        *self == *other.0
    }
}

impl PartialEq<OpName> for &str {
    fn eq(&self, other: &OpName) -> bool {
        **self == *other.0
    }
}

impl PartialEq<OpName> for String {
    fn eq(&self, other: &OpName) -> bool {
        **self == *other.0
    }
}

impl fmt::Debug for OpName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for OpName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl Serialize for OpName {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for OpName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<OpName, D::Error> {
        String::deserialize(d).map(OpName::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_modules_names_need_no_allocation_and_others_still_work() {
        for k in KNOWN {
            let op = OpName::new(k);
            assert!(op.is_static(), "{k}");
            assert_eq!(op, *k);
            assert!(OpName::from(k.to_string()).is_static(), "{k}");
        }
        let other = OpName::new("served twice");
        assert!(!other.is_static());
        assert_eq!(other.as_str(), "served twice");
        assert!(
            !OpName::new("acquire").is_static(),
            "a prefix is not a name"
        );
        assert_eq!(
            OpName::known_bytes(b"released"),
            Some(OpName::new("released"))
        );
        assert_eq!(OpName::known_bytes(b"releasee"), None);
    }

    #[test]
    fn it_reads_compares_and_serializes_as_its_string() {
        let op = OpName::new("acquired");
        assert_eq!(serde_json::to_string(&op).unwrap(), r#""acquired""#);
        let back: OpName = serde_json::from_str(r#""acquired""#).unwrap();
        assert!(back.is_static());
        assert_eq!(back, op);
        assert_eq!(format!("{op} {op:?}"), r#"acquired "acquired""#);
        // Both ways round, and against a str, as the tests that read the trace compare.
        assert!(op == "acquired");
        assert!("acquired" == op);
        assert!(op == *"acquired");
        assert_eq!(op.len(), 8);
        assert_eq!(String::from(op), "acquired");
    }

    #[test]
    fn every_known_name_is_listed_once() {
        let mut names = KNOWN.to_vec();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), KNOWN.len());
    }
}

//! Reading the trace back: bytes from the pipe, in whatever chunks `read()` returns, become records.
//!
//! Lives here: cutting the byte stream into lines and parsing each. Must not live here: the pipe,
//! polling, ordering by time (`order`).

use super::record::Record;

/// A line longer than this cannot be a record (writers never exceed `PIPE_BUF`); past it the reader
/// gives up on the line instead of growing without bound.
const MAX_LINE: usize = 64 * 1024;

/// Turns a byte stream into records, keeping a partial last line for the next chunk.
#[derive(Default)]
pub struct Decoder {
    partial: Vec<u8>,
}

/// A line of the trace that is not a record. Should never happen; the observer reports it rather
/// than silently losing it.
#[derive(Debug, Clone, PartialEq)]
pub struct BadLine {
    /// What was wrong.
    pub reason: String,
    /// The start of the line, for the report.
    pub start: String,
}

impl Decoder {
    /// A decoder with nothing pending.
    pub fn new() -> Self {
        Self::default()
    }

    /// Feeds a chunk of bytes; returns every line completed by it, parsed, in order.
    pub fn push(&mut self, bytes: &[u8]) -> Vec<Result<Record, BadLine>> {
        let mut out = Vec::new();
        let mut rest = bytes;
        while let Some(nl) = rest.iter().position(|&b| b == b'\n') {
            // An empty line is a writer waking the observer (`runtime::emit`), not a record.
            if nl == 0 && self.partial.is_empty() {
                rest = &rest[1..];
                continue;
            }
            let line = if self.partial.is_empty() {
                parse(&rest[..nl])
            } else {
                self.partial.extend_from_slice(&rest[..nl]);
                let line = parse(&self.partial);
                self.partial.clear();
                line
            };
            out.push(line);
            rest = &rest[nl + 1..];
        }
        self.partial.extend_from_slice(rest);
        if self.partial.len() > MAX_LINE {
            out.push(Err(bad("a trace line longer than 64 KiB", &self.partial)));
            self.partial.clear();
        }
        out
    }

    /// Called at end of file: a pending partial line is an error (a writer died mid-line, which the
    /// single `write()` per record rules out).
    pub fn finish(&mut self) -> Option<BadLine> {
        if self.partial.is_empty() {
            return None;
        }
        let b = bad("the trace ended in the middle of a line", &self.partial);
        self.partial.clear();
        Some(b)
    }
}

fn parse(line: &[u8]) -> Result<Record, BadLine> {
    serde_json::from_slice(line).map_err(|e| bad(&e.to_string(), line))
}

fn bad(reason: &str, line: &[u8]) -> BadLine {
    let start = String::from_utf8_lossy(&line[..line.len().min(120)]).into_owned();
    BadLine {
        reason: reason.to_string(),
        start,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trace::frame::encode;
    use crate::trace::{Event, Stream};

    fn rec(seq: u64, text: &str) -> Record {
        Record {
            pid: 10,
            ppid: 1,
            seq,
            mono_ns: 5,
            lesson_ns: 6,
            event: Event::Output {
                stream: Stream::Stdout,
                text: text.into(),
            },
        }
    }

    #[test]
    fn lines_split_across_chunks_are_joined() {
        let mut bytes = encode(&rec(0, "a\n"));
        bytes.extend(encode(&rec(1, "é")));
        let mut d = Decoder::new();
        let mut got = Vec::new();
        for chunk in bytes.chunks(7) {
            got.extend(d.push(chunk).into_iter().map(Result::unwrap));
        }
        assert_eq!(got, vec![rec(0, "a\n"), rec(1, "é")]);
        assert!(d.finish().is_none());
    }

    #[test]
    fn empty_lines_are_wakes_not_records() {
        let mut bytes = b"\n\n".to_vec();
        bytes.extend(encode(&rec(0, "a")));
        bytes.extend(b"\n");
        let mut d = Decoder::new();
        let got: Vec<_> = d.push(&bytes).into_iter().map(Result::unwrap).collect();
        assert_eq!(got, vec![rec(0, "a")]);
        assert!(d.finish().is_none());
    }

    #[test]
    fn garbage_and_torn_lines_are_reported_not_dropped_silently() {
        let mut d = Decoder::new();
        let got = d.push(b"not json\n{\"pid\":");
        assert_eq!(got.len(), 1);
        assert!(got[0].is_err());
        assert!(d.finish().is_some());
    }
}

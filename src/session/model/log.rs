//! The interleaved output log: what every process printed, assembled into lines per process and
//! stream, tagged with lesson time and process name. Bounded: old lines are dropped past a cap, and a
//! line that never ends is cut into pieces.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use crate::trace::Stream;

/// How many lines the log keeps by default.
pub const DEFAULT_MAX_LINES: usize = 10_000;
/// A line without a newline is cut into pieces of this many bytes.
pub const MAX_LINE_BYTES: usize = 16 * 1024;

/// One line of output.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// When the line began, lesson ns.
    pub lesson_ns: u64,
    /// The process that wrote it.
    pub pid: i32,
    /// That process's name.
    pub process: Arc<str>,
    /// Where it went.
    pub stream: Stream,
    /// The text, without its newline.
    pub text: String,
    /// Whether it ended with a newline (false: the process ended mid-line, or the line was cut).
    pub complete: bool,
    /// Whether it bypassed the trace (written to the real stdout/stderr, e.g. a forkyard crash).
    pub stray: bool,
}

#[derive(Clone)]
struct Partial {
    lesson_ns: u64,
    process: Arc<str>,
    text: String,
    stray: bool,
}

/// The log. Lines are numbered from 0 for the whole run; [`Log::since`] resumes from a number.
#[derive(Clone)]
pub struct Log {
    lines: VecDeque<Line>,
    first: u64,
    max_lines: usize,
    partial: HashMap<(i32, Stream), Partial>,
}

impl Default for Log {
    fn default() -> Self {
        Log::with_capacity(DEFAULT_MAX_LINES)
    }
}

impl Log {
    /// A log that keeps at most `max_lines` lines.
    pub fn with_capacity(max_lines: usize) -> Log {
        Log {
            lines: VecDeque::new(),
            first: 0,
            max_lines: max_lines.max(1),
            partial: HashMap::new(),
        }
    }

    /// Adds text a process wrote at `lesson_ns`.
    pub fn write(&mut self, at: (u64, i32, &Arc<str>), stream: Stream, text: &str, stray: bool) {
        let (lesson_ns, pid, process) = at;
        let mut rest = text;
        while !rest.is_empty() {
            let part = self
                .partial
                .entry((pid, stream))
                .or_insert_with(|| Partial {
                    lesson_ns,
                    process: process.clone(),
                    text: String::new(),
                    stray,
                });
            match rest.find('\n') {
                Some(nl) => {
                    part.text.push_str(&rest[..nl]);
                    rest = &rest[nl + 1..];
                    self.finish((pid, stream), true);
                }
                None => {
                    part.text.push_str(rest);
                    rest = "";
                    if part.text.len() >= MAX_LINE_BYTES {
                        self.finish((pid, stream), false);
                    }
                }
            }
        }
    }

    /// Ends the pending partial lines of `pid` (it ended without a final newline).
    pub fn end_process(&mut self, pid: i32) {
        for stream in [Stream::Stdout, Stream::Stderr] {
            self.finish((pid, stream), false);
        }
    }

    /// Ends every pending partial line (the run is over).
    pub fn end_all(&mut self) {
        let mut keys: Vec<_> = self.partial.keys().copied().collect();
        keys.sort_by_key(|k| self.partial[k].lesson_ns);
        for key in keys {
            self.finish(key, false);
        }
    }

    /// Names `pid` `name` in its pending partial lines (it was named after it began writing).
    pub fn rename(&mut self, pid: i32, name: &Arc<str>) {
        for ((p, _), part) in &mut self.partial {
            if *p == pid {
                part.process = name.clone();
            }
        }
    }

    fn finish(&mut self, key: (i32, Stream), complete: bool) {
        let Some(p) = self.partial.remove(&key) else {
            return;
        };
        self.lines.push_back(Line {
            lesson_ns: p.lesson_ns,
            pid: key.0,
            process: p.process,
            stream: key.1,
            text: p.text,
            complete,
            stray: p.stray,
        });
        if self.lines.len() > self.max_lines {
            self.lines.pop_front();
            self.first += 1;
        }
    }

    /// The number the next line will get (= lines made so far).
    pub fn next_number(&self) -> u64 {
        self.first + self.lines.len() as u64
    }

    /// How many lines were dropped to bound memory.
    pub fn dropped(&self) -> u64 {
        self.first
    }

    /// Lines numbered `from` on (those still kept), with their numbers.
    pub fn since(&self, from: u64) -> impl Iterator<Item = (u64, &Line)> {
        // `range` seeks in O(1); `skip` would walk every kept line on each call.
        let skip = (from.saturating_sub(self.first) as usize).min(self.lines.len());
        (self.first + skip as u64..).zip(self.lines.range(skip..))
    }

    /// Every line still kept.
    pub fn lines(&self) -> impl DoubleEndedIterator<Item = &Line> {
        self.lines.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str) -> Arc<str> {
        Arc::from(s)
    }

    fn texts(log: &Log) -> Vec<(String, String, bool)> {
        log.lines()
            .map(|l| (l.process.to_string(), l.text.clone(), l.complete))
            .collect()
    }

    #[test]
    fn partial_lines_are_assembled_per_process() {
        let (a, b) = (name("A"), name("B"));
        let mut log = Log::default();
        log.write((1, 1, &a), Stream::Stdout, "x", false);
        log.write((2, 2, &b), Stream::Stdout, "one\ntw", false);
        log.write((3, 1, &a), Stream::Stdout, "y\n", false);
        log.end_process(2);
        assert_eq!(
            texts(&log),
            vec![
                ("B".into(), "one".into(), true),
                ("A".into(), "xy".into(), true),
                ("B".into(), "tw".into(), false)
            ]
        );
        assert_eq!(
            log.lines().nth(1).unwrap().lesson_ns,
            1,
            "a line is dated by its start"
        );
    }

    #[test]
    fn the_log_is_bounded_and_numbered() {
        let a = name("A");
        let mut log = Log::with_capacity(100);
        for i in 0..100_000 {
            log.write((i, 1, &a), Stream::Stdout, &format!("{i}\n"), false);
        }
        assert_eq!(log.lines().count(), 100);
        assert_eq!(log.dropped(), 99_900);
        assert_eq!(log.next_number(), 100_000);
        let tail: Vec<_> = log
            .since(99_998)
            .map(|(n, l)| (n, l.text.clone()))
            .collect();
        assert_eq!(
            tail,
            vec![(99_998, "99998".into()), (99_999, "99999".into())]
        );
        assert_eq!(log.since(0).count(), 100);
    }

    #[test]
    fn an_endless_line_is_cut() {
        let a = name("A");
        let mut log = Log::default();
        for _ in 0..100 {
            log.write((0, 1, &a), Stream::Stdout, &"z".repeat(1000), false);
        }
        assert!(log.lines().count() >= 5);
        assert!(
            log.lines()
                .all(|l| !l.complete && l.text.len() <= MAX_LINE_BYTES + 1000)
        );
    }
}

//! Printing a run as it happens, in one of the three formats of `forkyard run`.
//!
//! - human: each output line as `  0.000  MainProcess   end` (lesson seconds, process name) as soon
//!   as it is complete, forkyard's refusals the same way, then a summary of every process (the
//!   transcript, `export::transcript`, which `--export transcript` writes too).
//! - plain: exactly the bytes the program wrote, stdout to stdout and stderr to stderr.
//! - jsonl: every trace record, one JSON object per line.

use std::io::{self, Write};

use super::Format;
use crate::export::transcript::Transcript;
use crate::session::{Run, RunEnd};
use crate::trace::{Event, Record, Stream};

/// Prints one run.
pub struct Printer<W: Write, E: Write> {
    format: Format,
    out: W,
    err: E,
    run: Run,
    transcript: Transcript,
    last_stream: Option<Stream>,
}

impl<W: Write, E: Write> Printer<W, E> {
    /// A printer writing to `out` (and, for plain stderr, `err`).
    pub fn new(format: Format, out: W, err: E) -> Self {
        Printer {
            format,
            out,
            err,
            run: Run::new(),
            transcript: Transcript::new(),
            last_stream: None,
        }
    }

    /// What was written to the two outputs (for printers writing into buffers).
    pub fn buffers(&self) -> (&W, &E) {
        (&self.out, &self.err)
    }

    /// The run as recorded so far.
    pub fn run(&self) -> &Run {
        &self.run
    }

    /// Takes in one record and prints what it completes.
    pub fn record(&mut self, r: &Record) -> io::Result<()> {
        self.run.apply(r);
        match self.format {
            Format::Jsonl => {
                serde_json::to_writer(&mut self.out, r)?;
                self.out.write_all(b"\n")
            }
            Format::Plain => match &r.event {
                Event::Output { stream, text } | Event::Stray { stream, text, .. } => {
                    // Both outputs are buffered: flush one before writing to the other, so a
                    // terminal showing both sees them in the order the program wrote them.
                    if self
                        .last_stream
                        .replace(*stream)
                        .is_some_and(|s| s != *stream)
                    {
                        self.flush()?;
                    }
                    match stream {
                        Stream::Stdout => self.out.write_all(text.as_bytes()),
                        Stream::Stderr => self.err.write_all(text.as_bytes()),
                    }
                }
                _ => Ok(()),
            },
            Format::Human => {
                let text = self.transcript.record(&self.run, r);
                self.out.write_all(text.as_bytes())
            }
        }
    }

    /// The run is over: prints what is left and, in human format, the summary.
    pub fn end(&mut self, end: &RunEnd) -> io::Result<()> {
        self.run.finish(end);
        if self.format == Format::Human {
            let text = self.transcript.end(&self.run);
            self.out.write_all(text.as_bytes())?;
        }
        self.flush()
    }

    /// Flushes both outputs.
    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()?;
        self.err.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::transcript::visible;
    use crate::trace::Ending;

    fn rec(pid: i32, seq: u64, ms: u64, event: Event) -> Record {
        Record {
            pid,
            ppid: 1,
            seq,
            mono_ns: ms * 1_000_000,
            lesson_ns: ms * 1_000_000,
            event,
        }
    }

    fn records() -> Vec<Record> {
        vec![
            rec(
                10,
                0,
                0,
                Event::Main {
                    name: "MainProcess".into(),
                    file: "main.py".into(),
                },
            ),
            rec(
                11,
                0,
                1,
                Event::Spawn {
                    name: "Process-1".into(),
                    daemon: false,
                    forked_ns: None,
                },
            ),
            rec(
                10,
                1,
                1,
                Event::Output {
                    stream: Stream::Stdout,
                    text: "end\n".into(),
                },
            ),
            rec(
                11,
                1,
                2,
                Event::Output {
                    stream: Stream::Stderr,
                    text: "oops\n".into(),
                },
            ),
            rec(11, 2, 3, Event::Exit { code: 0 }),
            rec(
                10,
                2,
                4,
                Event::Reaped {
                    child: 11,
                    child_name: "Process-1".into(),
                    ending: Ending::Exited { code: 0 },
                },
            ),
            rec(10, 3, 5, Event::Exit { code: 0 }),
            rec(
                5,
                0,
                6,
                Event::Reaped {
                    child: 10,
                    child_name: "MainProcess".into(),
                    ending: Ending::Exited { code: 0 },
                },
            ),
        ]
    }

    fn print(format: Format) -> (String, String) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let mut p = Printer::new(format, &mut out, &mut err);
        for r in records() {
            p.record(&r).unwrap();
        }
        p.end(&RunEnd {
            main: Some(Ending::Exited { code: 0 }),
            stopped: None,
        })
        .unwrap();
        drop(p);
        (
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap(),
        )
    }

    #[test]
    fn human_lines_are_tagged_then_summarised() {
        let (out, err) = print(Format::Human);
        assert!(err.is_empty());
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "  0.001  MainProcess   end");
        assert_eq!(lines[1], "  0.002  Process-1     oops");
        assert!(lines[3].contains("process") && lines[3].contains("ended"));
        assert!(
            lines[4].contains("MainProcess")
                && lines[4].contains("exit code 0")
                && lines[4].contains("0.005")
        );
        assert!(
            lines[5].contains("Process-1")
                && lines[5].contains("0.001")
                && lines[5].contains("0.003")
        );
    }

    #[test]
    fn human_lines_show_control_characters_escaped() {
        assert_eq!(visible("plain\ttab"), "plain\ttab");
        assert_eq!(
            visible("\x1b[2J\x1b]0;pwned\x07red\rover\u{9b}\u{202e}"),
            "\\x1b[2J\\x1b]0;pwned\\x07red\\rover\\x9b\\u202e"
        );
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let mut p = Printer::new(Format::Human, &mut out, &mut err);
        let mut rs = records();
        rs[2] = rec(
            10,
            1,
            1,
            Event::Output {
                stream: Stream::Stdout,
                text: "\x1b[31mred\x1b[0m\n".into(),
            },
        );
        for r in rs {
            p.record(&r).unwrap();
        }
        drop(p);
        let out = String::from_utf8(out).unwrap();
        assert!(!out.contains('\x1b'), "{out:?}");
        assert!(
            out.contains("MainProcess   \\x1b[31mred\\x1b[0m"),
            "{out:?}"
        );
    }

    #[test]
    fn plain_is_exactly_the_program_output() {
        assert_eq!(print(Format::Plain), ("end\n".into(), "oops\n".into()));
    }

    #[test]
    fn jsonl_is_every_record() {
        let (out, _) = print(Format::Jsonl);
        let back: Vec<Record> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(back, records());
        assert!(out.lines().next().unwrap().contains("\"kind\":\"main\""));
    }
}

//! Printing a run as it happens, in one of the three formats of `forkyard run`.
//!
//! - human: each output line as `  0.000  MainProcess   end` (lesson seconds, process name) as soon
//!   as it is complete, forkyard's refusals the same way, then a summary of every process. Control
//!   characters a program prints (ANSI escapes, `\r`, bells) are shown escaped (`\x1b`), as the
//!   playground does not pass them to the terminal either: output must not move the cursor over
//!   the tags, clear the screen, or retitle the window.
//! - plain: exactly the bytes the program wrote, stdout to stdout and stderr to stderr.
//! - jsonl: every trace record, one JSON object per line.

use std::io::{self, Write};

use super::Format;
use crate::session::model::ProcessSummary;
use crate::session::{Run, RunEnd};
use crate::trace::{Event, Record, Stream};

/// Width of the process-name column.
const NAME_WIDTH: usize = 12;

/// Prints one run.
pub struct Printer<W: Write, E: Write> {
    format: Format,
    out: W,
    err: E,
    run: Run,
    next_line: u64,
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
            next_line: 0,
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
                if let Event::Refused { message } = &r.event {
                    let name = self
                        .run
                        .process_name(r.pid)
                        .map_or("forkyard".into(), ToString::to_string);
                    writeln!(
                        self.out,
                        "{}  forkyard refused: {}",
                        prefix(r.lesson_ns, &visible(&name)),
                        visible(message)
                    )?;
                }
                self.print_new_lines()
            }
        }
    }

    /// The run is over: prints what is left and, in human format, the summary.
    pub fn end(&mut self, end: &RunEnd) -> io::Result<()> {
        self.run.finish(end);
        if self.format == Format::Human {
            self.print_new_lines()?;
            write_summary(&mut self.out, &self.run.summary())?;
        }
        self.flush()
    }

    /// Flushes both outputs.
    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()?;
        self.err.flush()
    }

    fn print_new_lines(&mut self) -> io::Result<()> {
        use std::fmt::Write as _;
        let mut text = String::new();
        for (n, line) in self.run.log.since(self.next_line) {
            if n > self.next_line {
                // Only if the log dropped lines before they were printed (it never should here).
                let _ = writeln!(text, "({} lines were not kept)", n - self.next_line);
            }
            let _ = writeln!(
                text,
                "{}  {}",
                prefix(line.lesson_ns, &visible(&line.process)),
                visible(&line.text)
            );
            self.next_line = n + 1;
        }
        self.out.write_all(text.as_bytes())
    }
}

/// `text` with every character that would act on the terminal instead of showing (C0 and C1
/// controls but the tab, DEL, and the bidirectional overrides that reorder a line) written as
/// Python writes it in a `repr` (`\x1b`, `\r`, `\u202e`).
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    let acts = |c: char| {
        (c.is_control() && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(acts) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n"),
            c if acts(c) && (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if acts(c) => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.into()
}

/// `  0.000  MainProcess ` : lesson seconds and the process name, padded.
fn prefix(lesson_ns: u64, name: &str) -> String {
    format!("{:>7.3}  {name:<NAME_WIDTH$}", lesson_ns as f64 / 1e9)
}

fn write_summary(out: &mut impl Write, rows: &[ProcessSummary]) -> io::Result<()> {
    let names: Vec<String> = rows
        .iter()
        .map(|r| {
            let name = visible(&r.name);
            if r.daemon {
                format!("{name} (daemon)")
            } else {
                name.into_owned()
            }
        })
        .collect();
    let hows: Vec<String> = rows.iter().map(|r| visible(&r.how).into_owned()).collect();
    let name_w = names
        .iter()
        .map(String::len)
        .max()
        .unwrap_or(0)
        .max("process".len());
    let how_w = hows
        .iter()
        .map(String::len)
        .max()
        .unwrap_or(0)
        .max("ended".len());
    writeln!(out)?;
    writeln!(
        out,
        "  {:<name_w$}  {:>7}  {:<how_w$}  {:>7}  {:>7}",
        "process", "pid", "ended", "start", "end"
    )?;
    for ((r, name), how) in rows.iter().zip(names).zip(hows) {
        let end = r
            .end_s
            .map_or_else(|| "-".to_string(), |s| format!("{s:.3}"));
        writeln!(
            out,
            "  {name:<name_w$}  {:>7}  {how:<how_w$}  {:>7.3}  {end:>7}",
            r.pid, r.start_s
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
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

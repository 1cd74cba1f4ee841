//! `sys.stdout` and `sys.stderr` buffered as CPython buffers them, so that what a learner meets with
//! real multiprocessing (a child killed by SIGTERM loses what it printed and did not flush) happens
//! here too.
//!
//! CPython 3.11 on Linux:
//! - stdout on a terminal is line-buffered: a write containing a newline flushes everything
//!   written so far (the partial line after it too);
//! - stdout into a pipe or a file is block-buffered: the text goes out when about 8192 bytes have
//!   gathered, at `flush()`, or when the process ends normally;
//! - stderr is line-buffered either way (since 3.9);
//! - `python -u` / `PYTHONUNBUFFERED=1` makes both unbuffered.
//!
//! A normal end (the main's end, a child's `_bootstrap`, `sys.exit`, an uncaught exception) flushes;
//! `os._exit` and a death by signal lose what is buffered. `Process.start()` flushes both streams
//! before it forks (CPython's `popen_fork.Popen.__init__` calls `util._flush_std_streams()`), so a
//! child never repeats its parent's buffer. The buffers live in this process's memory, so a signal
//! that kills the process really loses them.
//!
//! Per thread, because a lesson process is single-threaded and in-process unit tests run several
//! interpreters on several threads at once.

use std::cell::{Cell, RefCell};

use crate::trace::Stream;

pub use crate::trace::StdoutMode;

/// The size of CPython's stdout buffer into a pipe (`io.DEFAULT_BUFFER_SIZE`).
pub const BLOCK_BYTES: usize = 8192;

thread_local! {
    /// `None` outside a run until set: plain use and unit tests write through, as before buffering.
    static MODE: Cell<Option<StdoutMode>> = const { Cell::new(None) };
    /// What was written and not flushed yet: stdout, stderr.
    static PENDING: RefCell<[String; 2]> = const { RefCell::new([String::new(), String::new()]) };
}

/// Sets how this process (and the children it forks, which copy it) buffers its output.
pub fn set_mode(mode: StdoutMode) {
    MODE.with(|m| m.set(Some(mode)));
}

/// The mode in force (`Unbuffered` when none was set).
pub fn mode() -> StdoutMode {
    MODE.with(|m| m.get()).unwrap_or(StdoutMode::Unbuffered)
}

fn index(stream: Stream) -> usize {
    match stream {
        Stream::Stdout => 0,
        Stream::Stderr => 1,
    }
}

/// How `stream` is buffered in `mode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Buffering {
    None,
    Line,
    Block,
}

fn buffering(mode: StdoutMode, stream: Stream) -> Buffering {
    match (mode, stream) {
        (StdoutMode::Unbuffered, _) => Buffering::None,
        (StdoutMode::Pipe, Stream::Stdout) => Buffering::Block,
        _ => Buffering::Line,
    }
}

/// Takes `text` written to `stream` and returns what must go out now (possibly nothing).
pub(crate) fn accept(stream: Stream, text: &str) -> Option<String> {
    let how = buffering(mode(), stream);
    PENDING.with(|p| {
        let mut p = p.borrow_mut();
        let buf = &mut p[index(stream)];
        if how == Buffering::Block && !buf.is_empty() && buf.len() + text.len() > BLOCK_BYTES {
            // CPython's TextIOWrapper never lets its pending text grow past one block: what it
            // holds goes out first, and the new text starts the next block.
            let block = std::mem::take(buf);
            buf.push_str(text);
            let rest = (buf.len() >= BLOCK_BYTES).then(|| std::mem::take(buf));
            return Some(block + rest.as_deref().unwrap_or(""));
        }
        let out = match how {
            Buffering::None => true,
            // TextIOWrapper with line_buffering flushes after a write that contains a newline.
            Buffering::Line => text.contains(['\n', '\r']),
            Buffering::Block => buf.len() + text.len() >= BLOCK_BYTES,
        };
        if out && buf.is_empty() {
            // The common case (a whole line on a terminal): one copy, as without buffering.
            return Some(text.to_owned());
        }
        buf.push_str(text);
        out.then(|| std::mem::take(buf))
    })
}

/// Takes what `stream` holds, for a flush (`flush()`, `print(flush=True)`, a normal end, a fork).
pub(crate) fn take(stream: Stream) -> String {
    PENDING.with(|p| std::mem::take(&mut p.borrow_mut()[index(stream)]))
}

/// Forgets both buffers unwritten (`os._exit`).
pub(crate) fn discard() {
    PENDING.with(|p| {
        for b in p.borrow_mut().iter_mut() {
            b.clear();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn in_mode<R>(mode: StdoutMode, f: impl FnOnce() -> R) -> R {
        set_mode(mode);
        let r = f();
        discard();
        MODE.with(|m| m.set(None));
        r
    }

    #[test]
    fn modes_read_back_from_their_names_and_refuse_others() {
        for m in StdoutMode::ALL {
            assert_eq!(m.name().parse::<StdoutMode>(), Ok(m));
        }
        let err = "block".parse::<StdoutMode>().unwrap_err();
        assert!(err.contains("`block`") && err.contains("tty, pipe or unbuffered"));
    }

    #[test]
    fn a_terminal_flushes_at_each_newline_with_the_partial_line_after_it() {
        in_mode(StdoutMode::Tty, || {
            assert_eq!(accept(Stream::Stdout, "work"), None);
            assert_eq!(
                accept(Stream::Stdout, "ing\nnext"),
                Some("working\nnext".into())
            );
            assert_eq!(accept(Stream::Stdout, "part"), None);
            assert_eq!(take(Stream::Stdout), "part");
        });
    }

    #[test]
    fn a_pipe_gathers_a_block_but_stderr_stays_line_buffered() {
        in_mode(StdoutMode::Pipe, || {
            let line = "x".repeat(99) + "\n";
            let mut out = Vec::new();
            for _ in 0..81 {
                out.extend(accept(Stream::Stdout, &line));
            }
            assert!(out.is_empty(), "8100 bytes stay in the buffer");
            assert_eq!(accept(Stream::Stderr, "oops\n"), Some("oops\n".into()));
            let block = accept(Stream::Stdout, &line).expect("the 82nd line would cross 8192");
            assert_eq!(
                block.len(),
                8100,
                "the block goes out without the line that would overflow it"
            );
            assert_eq!(take(Stream::Stdout), line);
        });
        in_mode(StdoutMode::Pipe, || {
            let big = "y".repeat(BLOCK_BYTES);
            assert_eq!(
                accept(Stream::Stdout, &big).map(|s| s.len()),
                Some(BLOCK_BYTES)
            );
        });
    }

    #[test]
    fn output_reaches_the_sink_only_when_flushed_into_a_pipe() {
        use crate::runtime::{capture::capture, output};
        let ((), got) = capture(|| {
            in_mode(StdoutMode::Pipe, || {
                output::write(Stream::Stdout, "a\n");
                output::write(Stream::Stderr, "e\n");
                output::write(Stream::Stdout, "b\n");
                output::flush(Stream::Stdout);
                output::write(Stream::Stdout, "lost\n");
            })
        });
        assert_eq!(got.stdout, "a\nb\n", "one flush, nothing after it");
        assert_eq!(got.stderr, "e\n");
        let order: Vec<_> = got
            .events
            .iter()
            .map(|e| match e {
                crate::trace::Event::Output { text, .. } => text.as_str(),
                _ => "",
            })
            .collect();
        assert_eq!(
            order,
            ["e\n", "a\nb\n"],
            "stderr went out first, at its newline"
        );
    }

    #[test]
    fn unbuffered_writes_everything_at_once_and_discard_loses_the_rest() {
        in_mode(StdoutMode::Unbuffered, || {
            assert_eq!(accept(Stream::Stdout, "a"), Some("a".into()));
        });
        in_mode(StdoutMode::Pipe, || {
            assert_eq!(accept(Stream::Stdout, "lost\n"), None);
            discard();
            assert_eq!(take(Stream::Stdout), "");
        });
    }
}

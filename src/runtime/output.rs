//! Where a lesson program's output goes: through its buffer (`stdout`, as CPython buffers
//! `sys.stdout`/`sys.stderr`), then to the trace when observed, else the capture sink of this
//! thread, else the real stdout/stderr (so the interpreter also works plainly, outside a run).

use std::io::Write;

use super::{capture, emit, state, stdout};
use crate::trace::{Event, Stream};

/// Writes `text` to `stream` as the program's output. It goes out now or when its buffer is
/// flushed, as the run's `StdoutMode` says (outside a run: now).
pub fn write(stream: Stream, text: &str) {
    if let Some(out) = stdout::accept(stream, text) {
        deliver(stream, out);
    }
}

/// `stream.flush()`, `print(..., flush=True)`: what `stream` holds goes out now.
pub fn flush(stream: Stream) {
    deliver(stream, stdout::take(stream));
}

/// A normal end or a fork: both buffers go out, stdout then stderr, as CPython's
/// `multiprocessing.util._flush_std_streams` does.
pub fn flush_all() {
    flush(Stream::Stdout);
    flush(Stream::Stderr);
}

fn deliver(stream: Stream, text: String) {
    if text.is_empty() {
        return;
    }
    if state::is_traced() {
        emit::emit(Event::Output { stream, text });
        return;
    }
    let event = Event::Output {
        stream,
        text: text.clone(),
    };
    if !capture::offer(event) {
        // Plain use: a failed write to a closed terminal has nowhere to be reported.
        let _ = match stream {
            Stream::Stdout => write_flushed(&mut std::io::stdout().lock(), &text),
            Stream::Stderr => write_flushed(&mut std::io::stderr().lock(), &text),
        };
    }
}

fn write_flushed(w: &mut impl Write, text: &str) -> std::io::Result<()> {
    w.write_all(text.as_bytes())?;
    w.flush()
}

/// Flushes the real stdout/stderr (before `fork()` and `_exit`, for plain use; a no-op in a run).
pub(crate) fn flush_real() {
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
}

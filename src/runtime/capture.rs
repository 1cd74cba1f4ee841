//! A per-thread sink for what a process would report, for running the interpreter in-process
//! without an observer (unit tests): output and events are kept instead of written.

use std::cell::RefCell;

use crate::trace::{Event, Stream};

/// What ran inside [`capture`] reported.
#[derive(Default, Debug, Clone, PartialEq)]
pub struct Captured {
    /// Everything written to stdout.
    pub stdout: String,
    /// Everything written to stderr.
    pub stderr: String,
    /// Every event emitted, output included, in order.
    pub events: Vec<Event>,
}

thread_local! {
    static SINK: RefCell<Option<Captured>> = const { RefCell::new(None) };
}

/// Runs `f` with this thread's output and events captured instead of written (only when no trace is
/// attached, i.e. outside a run). Nested captures: the inner one takes everything.
pub fn capture<R>(f: impl FnOnce() -> R) -> (R, Captured) {
    let outer = SINK.with(|s| s.replace(Some(Captured::default())));
    let result = f();
    let got = SINK.with(|s| s.replace(outer)).unwrap_or_default();
    (result, got)
}

/// Keeps `event` if this thread is capturing; says whether it did.
pub(crate) fn offer(event: Event) -> bool {
    SINK.with(|s| {
        let mut sink = s.borrow_mut();
        let Some(c) = sink.as_mut() else { return false };
        if let Event::Output { stream, text } = &event {
            match stream {
                Stream::Stdout => c.stdout.push_str(text),
                Stream::Stderr => c.stderr.push_str(text),
            }
        }
        c.events.push(event);
        true
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::{emit, output};

    #[test]
    fn output_and_events_are_captured_per_thread_and_nest() {
        let ((), outer) = capture(|| {
            output::write(Stream::Stdout, "a\n");
            let ((), inner) = capture(|| output::write(Stream::Stderr, "oops\n"));
            assert_eq!(inner.stderr, "oops\n");
            emit(Event::Exit { code: 3 });
        });
        assert_eq!(outer.stdout, "a\n");
        assert_eq!(outer.stderr, "", "the inner capture took it");
        assert_eq!(outer.events.len(), 2);
        assert_eq!(outer.events[1], Event::Exit { code: 3 });
    }
}

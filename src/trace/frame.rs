//! How a record travels in a trace ring or on the trace pipe: one JSON object and a newline, at most
//! [`PIPE_BUF`] bytes, so that one `write()` puts it in the pipe whole even when many processes
//! write at once (and a ring always has room for one once drained).
//!
//! Lives here: encoding a record to its line, splitting a long `output` text into pieces that each fit,
//! and clamping the strings of any other event that would not fit. Must not live here: the `write()`
//! itself (the runtime's) and reading lines back (`reader`).

use super::op_name::Op;
use super::record::{Event, Record};

/// The largest write the kernel promises not to interleave with other writers of the same pipe.
pub const PIPE_BUF: usize = libc::PIPE_BUF;

/// The longest a string of a non-`output` event may be once clamped to fit a line.
const CLAMPED_STRING: usize = 900;

/// An output text of at most this many bytes fits a line whatever it holds (6 escaped bytes each,
/// plus a header of under 200 bytes).
const SURELY_FITS: usize = 600;

/// Encodes a record as its trace line: compact JSON followed by `\n`.
pub fn encode(record: &Record) -> Vec<u8> {
    // Serializing plain data with string keys cannot fail.
    let mut line = serde_json::to_vec(record).expect("a trace record always serializes");
    line.push(b'\n');
    line
}

/// Splits `event` into events whose lines each fit in [`PIPE_BUF`] bytes, whatever header (pid, seq,
/// clocks) they get. An `output` text is cut into pieces on UTF-8 boundaries (the reader joins them
/// again); the strings of any other event are clamped (they are names and messages, never that long).
pub fn fit(event: Event) -> Vec<Event> {
    if surely_fits(&event) {
        return vec![event];
    }
    fit_slow(event)
}

/// Whether `event` fits one line whatever header it gets, judged without encoding it: true for a
/// short print and for an op or a state with short strings, nearly every event. The writer then
/// commits it as it is, without [`fit`]'s vector.
#[inline]
pub fn surely_fits(event: &Event) -> bool {
    match event {
        Event::Output { text, .. } => text.len() <= SURELY_FITS,
        other => strings_len(other) <= SURELY_FITS_STRINGS,
    }
}

fn fit_slow(event: Event) -> Vec<Event> {
    match event {
        // Fast path for the common short print: even if every byte escaped to six, it would fit.
        Event::Output { ref text, .. } if text.len() <= SURELY_FITS => vec![event],
        Event::Output { stream, text } => {
            // Room left for the escaped text once the header and the empty quotes are counted.
            let empty = Event::Output {
                stream,
                text: String::new(),
            };
            let room = PIPE_BUF - line_len_worst(&empty);
            split_escaped(&text, room)
                .into_iter()
                .map(|text| Event::Output {
                    stream,
                    text: text.to_string(),
                })
                .collect()
        }
        // Fast path for the common event (an op, a state): short strings surely fit, so the line is
        // not encoded twice to find out.
        ref other if strings_len(other) <= SURELY_FITS_STRINGS => vec![event],
        other if line_len_worst(&other) <= PIPE_BUF => vec![other],
        other => vec![clamp(other)],
    }
}

/// Strings of a non-`output` event totalling at most this many bytes fit a line whatever they hold
/// (6 escaped bytes each, plus the header, the keys and the numbers: under 700 bytes).
const SURELY_FITS_STRINGS: usize = 500;

/// The bytes of every string of `event`, unescaped.
fn strings_len(event: &Event) -> usize {
    match event {
        Event::Main { name, file } => name.len() + file.len(),
        Event::Spawn { name, .. } => name.len(),
        Event::Output { text, .. } | Event::Stray { text, .. } => text.len(),
        Event::State { state } => match state {
            super::State::Blocked { on, op } => on.len() + op.len(),
            super::State::Running | super::State::Sleeping { .. } => 0,
        },
        Event::AtExit { child_name, .. } | Event::Reaped { child_name, .. } => child_name.len(),
        Event::Signal {
            target_name,
            signal_name,
            ..
        } => target_name.len() + signal_name.len(),
        Event::Exit { .. } => 0,
        Event::Object { class, role, .. } => class.len() + role.as_ref().map_or(0, String::len),
        Event::Op { op, detail, .. } => op.name().len() + detail.as_ref().map_or(0, String::len),
        Event::Refused { message } => message.len(),
        Event::Stop { reason } => reason.len(),
    }
}

/// Length of the line of `event` with the widest possible header numbers.
fn line_len_worst(event: &Event) -> usize {
    encode(&worst_record(event.clone())).len()
}

/// A record around `event` whose numbers take the most digits they can.
fn worst_record(event: Event) -> Record {
    Record {
        pid: i32::MIN,
        ppid: i32::MIN,
        seq: u64::MAX,
        mono_ns: u64::MAX,
        lesson_ns: u64::MAX,
        event,
    }
}

/// Clamps every string of a non-`output` event to [`CLAMPED_STRING`] bytes.
fn clamp(event: Event) -> Event {
    let c = |s: String| clamp_str(s, CLAMPED_STRING);
    match event {
        Event::Main { name, file } => Event::Main {
            name: c(name),
            file: c(file),
        },
        Event::Spawn {
            name,
            daemon,
            forked_ns,
        } => Event::Spawn {
            name: c(name),
            daemon,
            forked_ns,
        },
        Event::State { state } => Event::State {
            state: match state {
                super::State::Blocked { on, op } => super::State::Blocked {
                    on: c(on),
                    op: c(op),
                },
                other => other,
            },
        },
        Event::AtExit {
            action,
            child,
            child_name,
        } => Event::AtExit {
            action,
            child,
            child_name: c(child_name),
        },
        Event::Signal {
            target,
            target_name,
            signal,
            signal_name,
        } => Event::Signal {
            target,
            target_name: c(target_name),
            signal,
            signal_name: c(signal_name),
        },
        Event::Reaped {
            child,
            child_name,
            ending,
        } => Event::Reaped {
            child,
            child_name: c(child_name),
            ending,
        },
        Event::Object {
            id,
            class,
            capacity,
            owner,
            role,
        } => Event::Object {
            id,
            class: c(class),
            capacity,
            owner,
            role: role.map(c),
        },
        Event::Op { id, op, detail } => Event::Op {
            id,
            // Only a name outside the table can be long.
            op: match op {
                Op::Other(name) => Op::Other(c(name.into()).into()),
                named => named,
            },
            detail: detail.map(c),
        },
        Event::Refused { message } => Event::Refused {
            message: c(message),
        },
        Event::Stray {
            stream,
            text,
            writer,
        } => Event::Stray {
            stream,
            text: c(text),
            writer,
        },
        Event::Stop { reason } => Event::Stop { reason: c(reason) },
        other @ (Event::Exit { .. } | Event::Output { .. }) => other,
    }
}

/// Cuts `s` to at most `max` escaped bytes on a character boundary, marking the cut with `…`.
fn clamp_str(s: String, max: usize) -> String {
    if escaped_len(&s) <= max {
        return s;
    }
    let mut cut = split_escaped(&s, max - '…'.len_utf8())[0].to_string();
    cut.push('…');
    cut
}

/// How many bytes `c` takes inside a JSON string as serde_json writes it.
fn escaped_char_len(c: char) -> usize {
    match c {
        '"' | '\\' | '\n' | '\r' | '\t' | '\u{8}' | '\u{c}' => 2,
        c if (c as u32) < 0x20 => 6,
        c => c.len_utf8(),
    }
}

/// How many bytes `s` takes as a JSON string, quotes included.
fn escaped_len(s: &str) -> usize {
    2 + s.chars().map(escaped_char_len).sum::<usize>()
}

/// Cuts `text` into consecutive pieces whose escaped length (without quotes) is at most `room`.
/// Always returns at least one piece (an empty text gives one empty piece).
fn split_escaped(text: &str, room: usize) -> Vec<&str> {
    let mut pieces = Vec::new();
    let (mut start, mut used) = (0, 0);
    for (i, c) in text.char_indices() {
        let len = escaped_char_len(c);
        if used + len > room && i > start {
            pieces.push(&text[start..i]);
            (start, used) = (i, 0);
        }
        used += len;
    }
    if start < text.len() || pieces.is_empty() {
        pieces.push(&text[start..]);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trace::{State, Stream};

    fn out(text: &str) -> Event {
        Event::Output {
            stream: Stream::Stdout,
            text: text.to_string(),
        }
    }

    #[test]
    fn escaped_len_matches_serde_json() {
        let mut all: String = (0u8..0x80).map(char::from).collect();
        all.push_str("é漢字🦀\u{2028}\u{7f}");
        for c in all.chars() {
            let s = c.to_string();
            assert_eq!(
                escaped_len(&s),
                serde_json::to_string(&s).unwrap().len(),
                "{c:?}"
            );
        }
        assert_eq!(
            escaped_len(&all),
            serde_json::to_string(&all).unwrap().len()
        );
    }

    #[test]
    fn a_short_output_stays_whole() {
        assert_eq!(fit(out("hello\n")), vec![out("hello\n")]);
        assert_eq!(fit(out("")), vec![out("")]);
    }

    #[test]
    fn a_long_output_splits_on_char_boundaries_and_every_piece_fits() {
        let text: String = "ab\"\\\n\u{1}é漢🦀".repeat(2000);
        let pieces = fit(out(&text));
        assert!(pieces.len() > 1);
        let mut joined = String::new();
        for p in &pieces {
            assert!(encode(&worst_record(p.clone())).len() <= PIPE_BUF);
            let Event::Output { text, .. } = p else {
                panic!("not output")
            };
            joined.push_str(text);
        }
        assert_eq!(joined, text);
    }

    #[test]
    fn pieces_are_nearly_full() {
        let pieces = fit(out(&"x".repeat(100_000)));
        let first = encode(&worst_record(pieces[0].clone())).len();
        assert!(first > PIPE_BUF - 8, "first piece only {first} bytes");
    }

    #[test]
    fn the_fast_path_bound_is_safe() {
        let worst = out(&"\u{1}".repeat(SURELY_FITS));
        assert!(encode(&worst_record(worst)).len() <= PIPE_BUF);
    }

    #[test]
    fn the_fast_path_bound_for_other_events_is_safe() {
        let worst = |n: usize| "\u{1}".repeat(n);
        let half = SURELY_FITS_STRINGS / 2;
        let events = [
            Event::Main {
                name: worst(half),
                file: worst(half),
            },
            Event::State {
                state: State::Blocked {
                    on: worst(half),
                    op: worst(half),
                },
            },
            Event::Signal {
                target: i32::MIN,
                target_name: worst(half),
                signal: i32::MIN,
                signal_name: worst(half),
            },
            Event::Object {
                id: u32::MAX,
                class: worst(half),
                capacity: Some(i64::MIN),
                owner: Some(u32::MAX),
                role: Some(worst(half)),
            },
            Event::Op {
                id: u32::MAX,
                op: Op::Other(worst(half).into()),
                detail: Some(worst(half)),
            },
            Event::Reaped {
                child: i32::MIN,
                child_name: worst(SURELY_FITS_STRINGS),
                ending: crate::trace::Ending::Signaled { signal: i32::MIN },
            },
        ];
        for e in events {
            assert!(strings_len(&e) <= SURELY_FITS_STRINGS);
            assert!(line_len_worst(&e) <= PIPE_BUF, "{e:?}");
            assert_eq!(fit(e.clone()), vec![e]);
        }
    }

    #[test]
    fn other_long_events_are_clamped() {
        let huge = "y".repeat(10_000);
        let e = Event::State {
            state: State::Blocked {
                on: huge.clone(),
                op: huge,
            },
        };
        let fitted = fit(e);
        assert_eq!(fitted.len(), 1);
        assert!(encode(&worst_record(fitted[0].clone())).len() <= PIPE_BUF);
        let Event::State {
            state: State::Blocked { on, .. },
        } = &fitted[0]
        else {
            panic!()
        };
        assert!(on.ends_with('…'));
    }

    #[test]
    fn what_surely_fits_goes_whole_and_its_line_is_within_pipe_buf() {
        let op = Event::Op {
            id: u32::MAX,
            op: Op::Acquired,
            detail: Some("\u{1}".repeat(SURELY_FITS_STRINGS - Op::Acquired.name().len())),
        };
        let short = out(&"\"".repeat(SURELY_FITS));
        for e in [op, short] {
            assert!(surely_fits(&e));
            assert!(line_len_worst(&e) <= PIPE_BUF);
            assert_eq!(fit(e).len(), 1);
        }
        let long = out(&"x".repeat(SURELY_FITS + 1));
        assert!(!surely_fits(&long));
        let long_op = Event::Op {
            id: 1,
            op: Op::Other("x".repeat(SURELY_FITS_STRINGS + 1).into()),
            detail: None,
        };
        assert!(!surely_fits(&long_op));
    }
}

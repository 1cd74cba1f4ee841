//! forkyard's own sentences on stderr, written so that they can never fail the command: stderr may
//! be a closed terminal or a full disk (`2>/dev/full`), and `eprintln!` would then panic.

use std::io::Write;

/// Writes `forkyard: {message}` and a newline on stderr; a failure to write is ignored (there is
/// nowhere left to say it).
pub fn error(message: &str) {
    let _ = writeln!(std::io::stderr().lock(), "forkyard: {message}");
}

/// Writes `text` as it is on stderr, ignoring failure.
pub fn raw(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

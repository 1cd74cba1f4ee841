//! The language: forkyard's Python subset.
//!
//! `parse` is the only module that touches the ruff parser crates; everything else works on
//! forkyard's own AST (`ast`). Must not live here: fork, pipes, signals (those are `runtime`'s).

/// Parse a program. Errors are CPython-style (file, line, the source line, a caret, the message) or
/// name an unsupported construct with its line and column.
pub fn check_program(source: &str, file: &str) -> Result<(), String> {
    let _ = (source, file);
    todo!("python::check_program (being written)")
}

/// Run `source` as Python's `MainProcess` in this process (the lesson main), including the exit rules
/// of multiprocessing at its end. Returns the process's exit code. `runtime::init` must have run.
pub fn run_main(source: &str, file: &str) -> i32 {
    let _ = (source, file);
    todo!("python::run_main (being written)")
}

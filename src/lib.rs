//! forkyard teaches Python's `multiprocessing` by running a lesson's own Python program in real
//! Linux processes and showing, live, how they interleave. The code on screen is the code that runs.
//!
//! The house, bottom to top (arrows point down only):
//! - [`python`]: the language. Parses with ruff (in `python::parse` only), converts to forkyard's own
//!   AST, and evaluates it (each generator body on a coroutine stack of its own). `Process.start()`
//!   forks this interpreter, like CPython's fork start method; under `spawn` the forked child builds
//!   a fresh interpreter that re-runs the program as `__mp_main__`. It reaches the OS only through
//!   [`runtime`], via the bindings in `python::modules`.
//! - [`runtime`]: the OS layer inside lesson processes: fork and the exit rules, the lesson clock,
//!   the process cap, the trace writer, the kernel objects behind Lock, Queue, Pipe...
//! - [`trace`]: what lesson processes tell the observer: the record format, its binary frames in each
//!   process's ring and its JSON lines, and the shared control page (lesson clock, process cap,
//!   current lines, the held run's gates, the rings).
//! - [`session`]: the observer side: start a run (exec of this binary in a new process group), read its
//!   trace, keep the `Run` model, hold and step it (the scheduler; explore's chosen schedules), stop
//!   it and reap until nothing is left.
//! - [`export`]: a finished run as files: a Chrome trace-event JSON for ui.perfetto.dev, an SVG
//!   timeline, the human transcript; built from the trace records (live or read back from jsonl).
//! - [`lesson`]: lesson files: `lesson.toml` + programs, knobs, validation.
//! - [`cli`]: the headless face (`forkyard list | run | check | export | explore | stats | quiz |
//!   challenge | view`); it only talks to `session`, `lesson` and `export`.
//! - [`tui`]: the playground (`forkyard` with no arguments, or `forkyard FILE.py` on the learner's own
//!   program): the same runs, drawn live; it too only
//!   talks to `session` and `lesson` (and asks `python::parse` for tokens to colour the code).

pub mod cli;
pub mod export;
pub mod lesson;
pub mod python;
pub mod runtime;
pub mod session;
pub mod trace;
pub mod tui;

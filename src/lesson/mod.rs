//! Lessons: `lessons/NN-name/lesson.toml` + real Python programs, their knobs, and their validation.
//! The format is documented in `docs/lesson-format.md`.
//!
//! Lives here: the lesson model (`model`), the toml schema (`raw`), loading with `file:line:col`
//! diagnostics (`load`, `diagnostic`), knob settings and the programs they produce (`knobs`), the
//! catalog (`catalog`: `FORKYARD_LESSONS`, else the source tree's `lessons/`, else the copy built
//! into the binary by `build.rs`), and `check` (which also runs forkyard's Python parser).
//! Must not live here: running anything (that is `session`), drawing anything (that is `tui`/`cli`).
//!
//! The API the faces use:
//! ```no_run
//! use forkyard::lesson;
//! // forkyard list
//! for entry in lesson::catalog() {
//!     match entry {
//!         Ok(l) => println!("{}  {}", l.id, l.title.en),
//!         Err(e) => eprintln!("{e}"), // every problem, each `path:line:col: sentence`
//!     }
//! }
//! // forkyard run 02 --set daemon=on
//! let l = lesson::find("02")?; // id `02-daemon`, number `02`/`2`, or name `daemon`
//! let settings = l.settings_from(&["daemon=on"])?; // "knob daemon takes on|off, not `x`"
//! let program = l.program_with(&settings)?; // first program; `program_named("subclass.py", ..)`
//! // program.source runs; program.file names it; program.knob_lines mark the code pane;
//! // program.stdout: the stdout mode a knob's `run` asks for (03's output=pipe), else None
//! // forkyard check: exit 1 if this is not empty, printing each diagnostic on its own line(s)
//! let problems = lesson::check(&lesson::catalog());
//! // forkyard check path/to/lesson-dir
//! let problems = lesson::check(&[lesson::load_dir(std::path::Path::new("lessons/02-daemon"))]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//! The playground also uses [`KnobSettings::cycle`] (a knob's key), [`Lesson::knob_by_key`],
//! [`Lesson::comparison`] (the two settings `c` runs side by side), [`Text::get`]/[`Text::paragraphs`]
//! with a [`Lang`], [`Notice::applies`], and [`RESERVED_KEYS`] (keys no knob may take).
//! A lesson's `[[challenge]]` ([`Challenge`]) is graded by `forkyard challenge` and the playground
//! with [`Challenge::grade`] from a [`Trace`] ([`Trace::of`] a run's records and model).

mod catalog;
mod challenge;
mod check;
mod diagnostic;
mod knobs;
mod load;
mod model;
mod predict;
mod raw;

pub use catalog::{
    CatalogSource, FindError, LESSONS_ENV, catalog, catalog_in, catalog_source, embedded_catalog,
    find, find_in, load_dir,
};
pub use challenge::{Challenge, Goal, KINDS as CHALLENGE_KINDS, Trace, Verdict};
pub use check::{PythonCheck, check, check_programs, check_with};
pub use diagnostic::{Diagnostic, LessonError, line_col};
pub use knobs::{KnobError, KnobLine, KnobSettings, Program};
pub use model::{
    Card, Edit, Knob, KnobKind, Lang, Lesson, NOTICE_EVENTS, NoteClaim, Notice, Origin,
    ProgramFile, RESERVED_KEYS, Replacement, Text,
};
pub use predict::{Ask, Grade, KINDS as PREDICT_KINDS, Prediction, RunFacts};

#[cfg(test)]
mod challenge_tests;
#[cfg(test)]
mod tests;

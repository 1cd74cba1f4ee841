//! How a run's lesson processes buffer their stdout: chosen by the face (`forkyard run --stdout`),
//! handed to the lesson main on its command line, applied by `runtime::stdout`. Both sides of a run
//! know it, so it lives with the rest of what they share.

use std::fmt;
use std::str::FromStr;

/// How a run's lesson processes buffer their stdout (`forkyard run --stdout`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StdoutMode {
    /// As CPython in a terminal: stdout line-buffered. The default: what a learner sees running
    /// the program in a terminal.
    #[default]
    Tty,
    /// As CPython into a pipe or a file (`python prog.py | cat`): stdout block-buffered.
    Pipe,
    /// As `python -u` or `PYTHONUNBUFFERED=1`: every write goes out at once, stdout and stderr.
    Unbuffered,
}

impl StdoutMode {
    /// Every mode, in the order `--help` lists them.
    pub const ALL: [StdoutMode; 3] = [StdoutMode::Tty, StdoutMode::Pipe, StdoutMode::Unbuffered];

    /// The word the command line uses.
    pub fn name(self) -> &'static str {
        match self {
            StdoutMode::Tty => "tty",
            StdoutMode::Pipe => "pipe",
            StdoutMode::Unbuffered => "unbuffered",
        }
    }
}

impl fmt::Display for StdoutMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for StdoutMode {
    type Err = String;

    fn from_str(s: &str) -> Result<StdoutMode, String> {
        StdoutMode::ALL
            .into_iter()
            .find(|m| m.name() == s)
            .ok_or_else(|| format!("unknown stdout mode `{s}` (use tty, pipe or unbuffered)"))
    }
}

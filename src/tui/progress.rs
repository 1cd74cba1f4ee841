//! Progress between launches: the lessons visited and completed, and the last one open. Kept in
//! `$XDG_STATE_HOME/forkyard/progress.json` (default `~/.local/state/forkyard/`). A missing or
//! broken file is a fresh start, never an error: progress is a convenience.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// What is remembered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// The lesson open when the playground was left (its id).
    #[serde(default)]
    pub last: Option<String>,
    /// Lessons opened at least once.
    #[serde(default)]
    pub visited: BTreeSet<String>,
    /// Lessons whose program ran to its end at least once.
    #[serde(default)]
    pub completed: BTreeSet<String>,
    /// Lessons whose challenge a run met (`C` shows a lesson's challenge).
    #[serde(default)]
    pub challenges: BTreeSet<String>,
    /// Each lesson's predictions answered before a run in the playground, and how many were right.
    #[serde(default)]
    pub predictions: BTreeMap<String, Predicted>,
}

/// One lesson's predictions: made (answered, not skipped) and right.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Predicted {
    /// Answered and graded.
    #[serde(default)]
    pub made: u32,
    /// Graded right.
    #[serde(default)]
    pub right: u32,
}

/// Where progress is kept: `$XDG_STATE_HOME/forkyard/progress.json`, else under `$HOME`.
pub fn path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_STATE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .map(|h| PathBuf::from(h).join(".local/state"))
        })?;
    Some(base.join("forkyard").join("progress.json"))
}

/// The saved progress, or a fresh one.
pub fn load() -> Progress {
    path()
        .and_then(|p| std::fs::read_to_string(p).ok())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Saves `progress` (write to a temporary file, then rename, so a crash never leaves half a file).
pub fn save(progress: &Progress) -> std::io::Result<()> {
    let Some(path) = path() else {
        return Ok(());
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, serde_json::to_vec_pretty(progress)?)?;
    std::fs::rename(tmp, path)
}

//! Diagnostics: what is wrong with a lesson, where (`file:line:col`), and how to fix it.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in a lesson, with its place. Displays as `path:line:col: message` (or `path: message`
/// when there is no better place than the file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, as the user should open it (relative to the current directory when under it).
    pub path: PathBuf,
    /// 1-based line and column (columns count characters), if known.
    pub pos: Option<(usize, usize)>,
    /// A sentence (or a few) saying what is wrong and how to fix it.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic at a byte offset of `source` (the text of `path`).
    pub fn at(path: &Path, source: &str, offset: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            path: path.to_path_buf(),
            pos: Some(line_col(source, offset)),
            message: message.into(),
        }
    }

    /// A diagnostic about a whole file.
    pub fn file(path: &Path, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            path: path.to_path_buf(),
            pos: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.pos {
            Some((line, col)) => {
                write!(f, "{}:{line}:{col}: {}", self.path.display(), self.message)
            }
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

/// 1-based (line, column) of byte `offset` in `source`; the column counts characters.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = source[line_start..offset].chars().count() + 1;
    (line, col)
}

/// A lesson that could not be loaded: every problem found, each with its place.
#[derive(Clone, Debug)]
pub struct LessonError {
    /// The lesson's id (its directory name), or the path when there is no id.
    pub id: String,
    /// What is wrong; never empty.
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Display for LessonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.diagnostics.len();
        write!(
            f,
            "lesson {} has {n} problem{}:",
            self.id,
            if n == 1 { "" } else { "s" }
        )?;
        for d in &self.diagnostics {
            write!(f, "\n  {d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LessonError {}

/// `path` relative to the current directory when it lies under it, else unchanged.
pub(crate) fn display_path(path: &Path) -> PathBuf {
    let shown = match std::env::current_dir() {
        Ok(cwd) => path.strip_prefix(&cwd).unwrap_or(path).to_path_buf(),
        Err(_) => path.to_path_buf(),
    };
    // The working directory itself: `.`, never an empty path (which names nothing).
    if shown.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_chars_from_one() {
        let s = "ab\nc中d\n";
        assert_eq!(line_col(s, 0), (1, 1));
        assert_eq!(line_col(s, 2), (1, 3));
        assert_eq!(line_col(s, 3), (2, 1));
        assert_eq!(line_col(s, 4), (2, 2));
        assert_eq!(line_col(s, 7), (2, 3)); // 'd', after the 3-byte 中
        assert_eq!(line_col(s, 5), (2, 2)); // inside 中: snaps back to its start
        assert_eq!(line_col(s, 99), (3, 1));
    }

    #[test]
    fn display_with_and_without_place() {
        let d = Diagnostic::at(Path::new("l/lesson.toml"), "x\nyz", 3, "bad");
        assert_eq!(d.pos, Some((2, 2)));
        let d = Diagnostic::at(Path::new("l/lesson.toml"), "x\nyz", 2, "bad");
        assert_eq!(d.to_string(), "l/lesson.toml:2:1: bad");
        let d = Diagnostic::file(Path::new("l/main.py"), "missing");
        assert_eq!(d.to_string(), "l/main.py: missing");
    }
}

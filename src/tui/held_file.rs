//! Where `y` writes a held run's schedule: next to the progress file, under the state directory
//! (`$XDG_STATE_HOME/forkyard/schedules/`), one file per save, so earlier ones are kept.

use std::path::PathBuf;

/// Writes `text` (the command that replays the run) to a new file named after the lesson and the
/// time; returns its path.
pub fn save(text: &str, lesson: Option<&str>) -> std::io::Result<PathBuf> {
    let dir = super::progress::path()
        .and_then(|p| p.parent().map(|d| d.join("schedules")))
        .ok_or_else(|| {
            std::io::Error::other("neither XDG_STATE_HOME nor HOME is set: no state directory")
        })?;
    save_in(&dir, text, lesson)
}

/// [`save`] into `dir`.
fn save_in(dir: &std::path::Path, text: &str, lesson: Option<&str>) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let stem = format!("{}-{secs}", lesson.unwrap_or("program"));
    let mut path = dir.join(format!("{stem}.txt"));
    let mut n = 1;
    while path.exists() {
        n += 1;
        path = dir.join(format!("{stem}-{n}.txt"));
    }
    std::fs::write(&path, format!("{text}\n"))?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_schedule_goes_under_the_state_directory_and_never_over_another() {
        let dir = std::env::temp_dir().join(format!("forkyard-held-file-{}", std::process::id()));
        let a = super::save_in(
            &dir,
            "forkyard run 04-lock --schedule \"A\"",
            Some("04-lock"),
        )
        .unwrap();
        let b = super::save_in(&dir, "B", Some("04-lock")).unwrap();
        assert!(a.starts_with(&dir), "{a:?}");
        assert_ne!(a, b);
        assert_eq!(
            std::fs::read_to_string(&a).unwrap(),
            "forkyard run 04-lock --schedule \"A\"\n"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}

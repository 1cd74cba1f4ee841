//! Watching the learner's file: saving it from any editor reruns it. `notify` (inotify on Linux)
//! tells of changes to the file's directory (editors often save by writing a new file and renaming
//! it over the old one, which a watch on the file itself would lose); the events for the file go
//! into a channel, and the loop lets them settle ([`SETTLE`]) before it reads the file once.
//! Nothing here wakes up while nothing changes.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crossbeam_channel::Sender;
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// How long a file must stay quiet after a change before it is read (an editor's save is often
/// several writes and a rename).
pub const SETTLE: Duration = Duration::from_millis(200);

/// A watch on one file; it ends when dropped.
pub struct FileWatch {
    _watcher: RecommendedWatcher,
}

/// Watches `path`: each change to it sends `()` into `changed`.
pub fn watch(path: &Path, changed: Sender<()>) -> notify::Result<FileWatch> {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let dir = path
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let name = path.file_name().map(|n| n.to_os_string());
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        let Ok(event) = res else { return };
        let about_it = event
            .paths
            .iter()
            .any(|p| p.file_name().map(|n| n.to_os_string()) == name);
        let wrote = matches!(
            event.kind,
            EventKind::Create(_) | EventKind::Modify(_) | EventKind::Any
        );
        if about_it && wrote {
            let _ = changed.try_send(());
        }
    })?;
    watcher.watch(&dir, RecursiveMode::NonRecursive)?;
    Ok(FileWatch { _watcher: watcher })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_and_a_rename_over_the_file_are_seen_other_files_are_not() {
        let dir = std::env::temp_dir().join(format!("forkyard-watch-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("mine.py");
        std::fs::write(&file, "print(1)\n").unwrap();
        let (tx, rx) = crossbeam_channel::unbounded();
        let _w = watch(&file, tx).unwrap();
        std::fs::write(dir.join("other.py"), "x").unwrap();
        std::fs::write(&file, "print(2)\n").unwrap();
        assert!(rx.recv_timeout(Duration::from_secs(10)).is_ok(), "a write");
        while rx.recv_timeout(SETTLE).is_ok() {}
        // As vim saves: a new file renamed over the old one.
        std::fs::write(dir.join("mine.py.tmp"), "print(3)\n").unwrap();
        std::fs::rename(dir.join("mine.py.tmp"), &file).unwrap();
        assert!(rx.recv_timeout(Duration::from_secs(10)).is_ok(), "a rename");
        while rx.recv_timeout(SETTLE).is_ok() {}
        std::fs::write(dir.join("other.py"), "y").unwrap();
        assert!(rx.recv_timeout(SETTLE * 2).is_err(), "another file");
        let _ = std::fs::remove_dir_all(&dir);
    }
}

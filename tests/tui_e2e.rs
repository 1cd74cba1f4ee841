//! The real binary in a real terminal (tmux, through `../shared/tools/tui`): open the playground,
//! run 02-daemon, toggle `d`, rerun, see the SIGTERM lane, open help, quit; the terminal is
//! restored and no lesson process remains. Then the same with SIGTERM to the playground mid-run.
//! Skipped, with the reason printed, where tmux or the tool is missing.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const SOCKET: &str = "tui-drive";

struct Tui {
    tool: PathBuf,
    name: String,
}

impl Tui {
    /// The driver, or why these tests cannot run here.
    fn new(name: &str) -> Result<Tui, String> {
        let tool = std::env::var_os("FORKYARD_TUI_TOOL").map_or_else(
            || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/tui"),
            PathBuf::from,
        );
        if !tool.is_file() {
            return Err(format!("no tui driver at {}", tool.display()));
        }
        let tmux = Command::new("tmux").arg("-V").output();
        if !tmux.is_ok_and(|o| o.status.success()) {
            return Err("tmux is not installed".into());
        }
        Ok(Tui {
            tool,
            name: format!("{name}-{}", std::process::id()),
        })
    }

    fn run(&self, args: &[&str]) -> std::process::Output {
        Command::new(&self.tool)
            .arg(args[0])
            .args(["-s", &self.name])
            .args(&args[1..])
            .output()
            .expect("the tui driver runs")
    }

    fn start(&self, state: &Path) {
        let bin = env!("CARGO_BIN_EXE_forkyard");
        let xdg = format!("XDG_STATE_HOME={}", state.display());
        let out = self.run(&["start", "-w", "100", "-h", "30", "--", "env", &xdg, bin]);
        assert!(out.status.success(), "{out:?}");
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["keys"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    fn wait(&self, text: &str, secs: u32) {
        let t = secs.to_string();
        let out = self.run(&["wait", "-t", &t, text]);
        assert!(
            out.status.success(),
            "waited for `{text}`:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn gone(&self, text: &str) {
        let out = self.run(&["gone", "-t", "5", text]);
        assert!(out.status.success(), "`{text}` stayed on screen");
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["screen"]).stdout).into_owned()
    }

    fn alive(&self) -> bool {
        self.run(&["alive"]).status.success()
    }

    /// tmux's view of the pane: (alternate screen on, mouse reporting on).
    fn modes(&self) -> String {
        let out = Command::new("tmux")
            .args(["-L", SOCKET, "display-message", "-p", "-t", &self.name])
            .arg("#{alternate_on} #{mouse_any_flag}")
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// The pids the lanes on screen show (a lane: name, pid, state glyph).
    fn lane_pids(&self) -> Vec<i32> {
        let glyphs = ["▶", "z", "‖", "✓", "✗", "!"];
        let mut pids = Vec::new();
        for line in self.screen().lines() {
            let words: Vec<&str> = line.split(['│', ' ']).filter(|w| !w.is_empty()).collect();
            for w in words.windows(3) {
                let named = w[0] == "MainProcess" || w[0].starts_with("Process-");
                if named
                    && glyphs.contains(&w[2])
                    && let Ok(pid) = w[1].parse::<i32>()
                {
                    pids.push(pid);
                }
            }
        }
        pids
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        self.run(&["stop"]);
    }
}

/// Whether `pid` is still a process (a zombie counts: nobody reaped it).
fn exists(pid: i32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
}

fn wait_until(secs: u64, what: impl Fn() -> bool) -> bool {
    let end = Instant::now() + Duration::from_secs(secs);
    while Instant::now() < end {
        if what() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    what()
}

fn state_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("forkyard-tui-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn run_toggle_rerun_help_quit() {
    let tui = match Tui::new("fy-e2e") {
        Ok(t) => t,
        Err(why) => {
            eprintln!("skipped: {why}");
            return;
        }
    };
    let state = state_dir("e2e");
    tui.start(&state);
    tui.wait("Lessons", 10);
    assert!(
        tui.modes().starts_with('1'),
        "the playground uses the alternate screen"
    );
    tui.keys(&["n"]);
    tui.wait("02 daemon", 5);
    tui.keys(&["+", "+", "r"]);
    tui.wait("Process-1", 10);
    tui.wait("exit code 0", 15);
    let mut pids = tui.lane_pids();
    tui.keys(&["d"]);
    tui.wait("[d] on", 5);
    tui.wait("SIGTERM at MainProcess's exit", 15);
    pids.extend(tui.lane_pids());
    assert!(
        pids.len() >= 4,
        "lanes with pids: {pids:?}\n{}",
        tui.screen()
    );
    tui.keys(&["?"]);
    tui.wait("Help: keys", 5);
    tui.keys(&["Escape"]);
    tui.gone("Help: keys");
    tui.keys(&["q"]);
    assert!(
        wait_until(10, || !tui.alive()),
        "the playground did not quit"
    );
    let screen = tui.screen();
    assert!(
        !screen.contains("Lessons"),
        "the terminal was not restored:\n{screen}"
    );
    assert_eq!(
        tui.modes(),
        "0 0",
        "alternate screen and mouse reporting are off again"
    );
    for pid in pids {
        assert!(!exists(pid), "lesson process {pid} outlived the playground");
    }
    let progress = std::fs::read_to_string(state.join("forkyard/progress.json")).unwrap();
    assert!(progress.contains("\"02-daemon\""), "{progress}");
}

#[test]
fn sigterm_mid_run_leaves_no_process() {
    killed_mid_run("TERM");
}

#[test]
fn sighup_mid_run_leaves_no_process() {
    killed_mid_run("HUP");
}

fn killed_mid_run(signal: &str) {
    let tui = match Tui::new(&format!("fy-e2e-{signal}")) {
        Ok(t) => t,
        Err(why) => {
            eprintln!("skipped: {why}");
            return;
        }
    };
    let state = state_dir(signal);
    tui.start(&state);
    tui.wait("Lessons", 10);
    tui.keys(&["n", "r"]);
    tui.wait("waits for Process-1", 10);
    let pids = tui.lane_pids();
    assert_eq!(pids.len(), 2, "{}", tui.screen());
    // The playground is the lesson main's parent.
    let stat = std::fs::read_to_string(format!("/proc/{}/stat", pids[0])).unwrap();
    let after = &stat[stat.rfind(')').unwrap() + 2..];
    let observer: i32 = after.split_whitespace().nth(1).unwrap().parse().unwrap();
    Command::new("kill")
        .args([&format!("-{signal}"), &observer.to_string()])
        .status()
        .unwrap();
    assert!(
        wait_until(10, || !tui.alive()),
        "the playground did not end on the signal"
    );
    for pid in pids {
        assert!(
            wait_until(5, || !exists(pid)),
            "lesson process {pid} outlived the playground"
        );
    }
    assert_eq!(tui.modes(), "0 0", "the terminal was restored");
}

//! The playground's terminal: taking it (raw mode, alternate screen, mouse reporting), giving it
//! back on every way out (quit, error, panic, every signal that ends the process), and around job
//! control (Ctrl-Z gives it back before the process stops; `fg` takes it again and redraws), like
//! any full-screen program.
//!
//! Giving back may happen on the signal thread while the loop is drawing, or after the terminal
//! is gone (a hang-up): it writes the escape sequences raw with a bounded wait, restores the saved
//! terminal modes with one `tcsetattr`, ignores every error, and never panics. A frame being drawn
//! is let finish first (for half a second at most), so no half frame lands on the shell's screen.

use std::io;
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender};
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::terminal::enable_raw_mode;

use crate::session;

/// Alternate screen, hidden cursor, mouse reporting (crossterm's EnterAlternateScreen, Hide,
/// EnableMouseCapture).
pub(crate) const TAKE: &[u8] =
    b"\x1b[?1049h\x1b[?25l\x1b[?1000h\x1b[?1002h\x1b[?1003h\x1b[?1015h\x1b[?1006h";
/// Their inverses, in reverse order: mouse reporting off, cursor shown, main screen back.
pub(crate) const GIVE_BACK: &[u8] =
    b"\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l\x1b[?25h\x1b[?1049l";

/// The terminal modes before the playground (cooked) and while it runs (raw), of stdin.
struct Modes {
    cooked: libc::termios,
    raw: libc::termios,
}

static MODES: OnceLock<Modes> = OnceLock::new();
/// Whether the playground has given the terminal back (drawing is then not allowed); the loop
/// holds it while it draws a frame.
static GIVEN_BACK: Mutex<bool> = Mutex::new(false);
/// Tells the loop to redraw the whole screen (after `fg`).
static REDRAW: OnceLock<(Sender<()>, Receiver<()>)> = OnceLock::new();

/// Takes the terminal for the playground and installs the ways to give it back (a panic hook, the
/// session's signal and job-control hooks).
pub fn take() -> io::Result<super::record::Screen> {
    let cooked = modes_of_stdin()?;
    enable_raw_mode()?;
    let raw = modes_of_stdin()?;
    let _ = MODES.set(Modes { cooked, raw });
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        give_back();
        previous(info);
    }));
    session::on_signal(|sig| {
        give_back();
        let text = format!(
            "forkyard: {} received; every run was stopped and its processes ended\n",
            crate::trace::signal_name(sig)
        );
        session::write_raw(2, text.as_bytes());
    });
    session::on_job_control(give_back, take_again);
    session::write_raw(1, TAKE);
    ratatui::Terminal::new(CrosstermBackend::new(super::record::Tee::stdout()))
}

/// Gives the terminal back as it was before the playground. Safe from any thread, at any time,
/// more than once. Only while the playground is the terminal's foreground: in the background the
/// terminal is the shell's (and touching it would stop us with SIGTTOU, again and again).
pub fn give_back() {
    let mut given = lock_briefly();
    if let Some(g) = given.as_deref_mut() {
        *g = true;
    }
    if session::in_foreground() != Some(true) {
        return;
    }
    session::write_raw(1, GIVE_BACK);
    if let Some(m) = MODES.get() {
        // SAFETY: tcsetattr on stdin with a termios read from it before.
        unsafe { libc::tcsetattr(0, libc::TCSADRAIN, &m.cooked) };
    }
}

/// Takes the terminal again after an editor (`e`) had it, and asks for a full redraw.
pub fn resume() {
    take_again();
}

/// Takes the terminal again after the process was continued, and asks for a full redraw. Continued
/// in the background (`bg`), it leaves the terminal alone: its first read stops it again (SIGTTIN),
/// and the `fg` after that takes it.
fn take_again() {
    let given = lock_briefly().is_some_and(|g| *g);
    if !given || session::in_foreground() != Some(true) {
        return;
    }
    if let Some(m) = MODES.get() {
        // SAFETY: as in `give_back`.
        unsafe { libc::tcsetattr(0, libc::TCSADRAIN, &m.raw) };
    }
    session::write_raw(1, TAKE);
    if let Some(mut g) = lock_briefly() {
        *g = false;
    }
    let _ = redraws().0.try_send(());
}

/// Makes the next frame a whole one, over a cleared screen. Not ratatui's `clear`: that asks the
/// terminal where its cursor is, and the answer would be read by the input thread, not by it (it
/// then gives up after two seconds with an error).
pub fn redraw_whole(terminal: &mut super::record::Screen) {
    session::write_raw(1, b"\x1b[2J");
    // The frame last drawn is dropped: the next one is compared with an empty screen.
    terminal.swap_buffers();
}

/// Requests for a full redraw, for the loop to select on.
pub fn redraw_requests() -> Receiver<()> {
    redraws().1.clone()
}

fn redraws() -> &'static (Sender<()>, Receiver<()>) {
    REDRAW.get_or_init(|| crossbeam_channel::bounded(1))
}

/// Draws one frame unless the terminal was given back (the draw's error, if any).
pub fn draw(
    terminal: &mut super::record::Screen,
    frame: impl FnOnce(&mut ratatui::Frame),
) -> io::Result<()> {
    let given = GIVEN_BACK.lock().unwrap_or_else(|p| p.into_inner());
    if *given {
        return Ok(());
    }
    terminal.draw(frame).map(|_| ())
}

/// The drawing lock, waiting at most half a second for a frame to finish (a stalled terminal must
/// not keep the terminal from being given back).
fn lock_briefly() -> Option<MutexGuard<'static, bool>> {
    let start = Instant::now();
    loop {
        match GIVEN_BACK.try_lock() {
            Ok(g) => return Some(g),
            Err(std::sync::TryLockError::Poisoned(p)) => return Some(p.into_inner()),
            Err(std::sync::TryLockError::WouldBlock)
                if start.elapsed() < Duration::from_millis(500) =>
            {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(std::sync::TryLockError::WouldBlock) => return None,
        }
    }
}

fn modes_of_stdin() -> io::Result<libc::termios> {
    // SAFETY: a zeroed termios is a valid out-buffer for tcgetattr.
    unsafe {
        let mut t: libc::termios = std::mem::zeroed();
        if libc::tcgetattr(0, &mut t) < 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(t)
    }
}

//! What a forkyard bug inside a lesson process does: report and end that process, nothing more.
//!
//! A panic must never unwind in a forked child: its stack is a copy of its parent's, so unwinding
//! would run the parent's `Drop`s and could land in the parent's code. The hook writes the panic to the
//! real stderr (the observer shows it as `stray` output, naming the process) and `_exit`s.

/// The exit code of a lesson process that hit a forkyard bug (Rust's usual panic code).
pub const CRASH_CODE: i32 = 101;

/// Makes every panic in this process fatal: report, then `_exit(CRASH_CODE)`.
pub(crate) fn install() {
    std::panic::set_hook(Box::new(|info| {
        let msg = format!(
            "forkyard: internal error in process {} (a bug in forkyard, not in your program): {info}\n",
            super::state::pid()
        );
        // SAFETY: writing our buffer to fd 2, then _exit, which never returns.
        unsafe {
            libc::write(2, msg.as_ptr().cast(), msg.len());
            libc::_exit(CRASH_CODE);
        }
    }));
}

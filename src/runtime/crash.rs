//! What a forkyard bug inside a lesson process does: report and end that process, nothing more.
//!
//! A panic must never unwind in a forked child: its stack is a copy of its parent's, so unwinding
//! would run the parent's `Drop`s and could land in the parent's code. The hook reports the panic as
//! this process's stderr output through the trace (so it is labelled with this process) and
//! `_exit`s.

/// The exit code of a lesson process that hit a forkyard bug (Rust's usual panic code).
pub const CRASH_CODE: i32 = 101;

/// Makes every panic in this process fatal: report, then `_exit(CRASH_CODE)`.
pub(crate) fn install() {
    std::panic::set_hook(Box::new(|info| {
        let msg = format!(
            "forkyard: internal error in process {} (a bug in forkyard, not in your program): {info}\n",
            super::state::pid()
        );
        // Through the trace when there is one, so the report is labelled with this process (the
        // observer cannot always tell who wrote to the shared stderr); else straight to fd 2.
        if super::is_traced() {
            super::emit(crate::trace::Event::Output {
                stream: crate::trace::Stream::Stderr,
                text: msg,
            });
        } else {
            // SAFETY: writing our buffer to fd 2.
            unsafe { libc::write(2, msg.as_ptr().cast(), msg.len()) };
        }
        // SAFETY: _exit never returns and is always safe to call.
        unsafe { libc::_exit(CRASH_CODE) }
    }));
}

//! Plain file-descriptor calls as small safe functions, with no Python knowledge: a partial write
//! into a non-blocking pipe, pointing an inherited fd at /dev/null, and one wait for whichever of
//! some fds or processes is ready first.
//!
//! A Pool uses them (`python::modules::pool`): its parent feeds the task pipe with [`write_some`]
//! and waits with [`wait_any`] (results, room in the pipe, or a worker's death); a worker lets go
//! of the pipe ends it must not hold with [`detach`]. [`sync::Channel`](super::sync::Channel)
//! gives the fds; these functions never close them.

use std::io;
use std::os::fd::RawFd;

/// Writes as much of `data` as the non-blocking `fd` takes now. `Ok(Some(n))`: `n` bytes went in;
/// `Ok(None)`: the pipe is full (or the write was interrupted) and nothing went in, try again
/// later; `Err`: any other failure (a broken pipe).
pub fn write_some(fd: RawFd, data: &[u8]) -> io::Result<Option<usize>> {
    // SAFETY: writing our own buffer, of its own length, to an fd the caller owns.
    let n = unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) };
    if n >= 0 {
        return Ok(Some(n as usize));
    }
    let err = io::Error::last_os_error();
    match err.kind() {
        io::ErrorKind::WouldBlock | io::ErrorKind::Interrupted => Ok(None),
        _ => Err(err),
    }
}

/// Points `fd` at /dev/null: this process's copy of a pipe end is closed (the other side sees
/// end of file or a broken pipe once no one else holds it), while the number stays valid, so the
/// owner's own close later stays harmless. If /dev/null cannot be opened, `fd` is left as it is.
pub fn detach(fd: RawFd) {
    // SAFETY: opening /dev/null and duplicating it over an fd this process owns, then closing the
    // temporary descriptor.
    unsafe {
        let null = libc::open(c"/dev/null".as_ptr(), libc::O_RDWR | libc::O_CLOEXEC);
        if null >= 0 {
            libc::dup3(null, fd, libc::O_CLOEXEC);
            libc::close(null);
        }
    }
}

/// Waits at most `timeout` lesson seconds (`None`: no limit) until one of `readable` can be read
/// (data or end of file), one of `writable` has room, or one of the processes `pids` ends.
/// Whether something became ready. A negative fd is skipped (as `poll` does: a reader that no
/// longer reads passes -1); a process already reaped is skipped. The processes are watched
/// through pidfds opened and closed here.
pub fn wait_any(
    readable: &[RawFd],
    writable: &[RawFd],
    pids: &[i32],
    timeout: Option<f64>,
) -> bool {
    watching(readable, writable, pids, |fds| {
        super::clock::wait_poll(fds, timeout)
    })
}

/// [`wait_any`] that also returns early, with `Waited::Signal`, when a caught signal waits for
/// its Python handler (the caller runs it: a `KeyboardInterrupt` in a Pool's `get`, as under
/// CPython, whose waits there are interruptible).
pub fn wait_any_or_signal(
    readable: &[RawFd],
    writable: &[RawFd],
    pids: &[i32],
    timeout: Option<f64>,
) -> super::clock::Waited {
    let deadline = timeout
        .map(|t| super::clock::now_ns().saturating_add(super::clock::secs_to_ns(t.max(0.0))));
    watching(readable, writable, pids, |fds| {
        super::clock::wait_poll_or_signal(fds, deadline)
    })
}

/// Runs `wait` on pollfds for `readable`, `writable` and a pidfd per pid (closed after).
fn watching<T>(
    readable: &[RawFd],
    writable: &[RawFd],
    pids: &[i32],
    wait: impl FnOnce(&mut [libc::pollfd]) -> T,
) -> T {
    let watch = |fd: RawFd, events: libc::c_short| libc::pollfd {
        fd,
        events,
        revents: 0,
    };
    let pidfds: Vec<RawFd> = pids
        .iter()
        .filter_map(|&pid| super::process::pidfd_open(pid))
        .collect();
    let mut fds: Vec<libc::pollfd> = readable
        .iter()
        .map(|&fd| watch(fd, libc::POLLIN))
        .chain(writable.iter().map(|&fd| watch(fd, libc::POLLOUT)))
        .chain(pidfds.iter().map(|&fd| watch(fd, libc::POLLIN)))
        .collect();
    let r = wait(&mut fds);
    for fd in pidfds {
        // SAFETY: closing pidfds this function opened.
        unsafe { libc::close(fd) };
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::sync::Channel;

    #[test]
    fn write_some_fills_a_pipe_then_says_it_is_full() {
        let (r, w) = Channel::pipe().unwrap();
        w.set_nonblocking().unwrap();
        let block = vec![7u8; 1 << 16];
        let mut total = 0;
        // A pipe holds a bounded amount: writing without reading must come to a stop.
        while let Some(n) = write_some(w.fd(), &block).unwrap() {
            total += n;
            assert!(total < 64 << 20, "a pipe never filled up");
        }
        assert!(total > 0);
        assert_eq!(write_some(w.fd(), b"x").unwrap(), None);
        drop(r);
    }

    #[test]
    fn a_detached_fd_keeps_its_number_and_leads_to_dev_null() {
        let (_r, w) = Channel::pipe().unwrap();
        detach(w.fd());
        // (Whether the reader sees end of file depends on every other holder of the write end,
        // and a test running alongside may fork one: the fd's target is what this proves.)
        let target = std::fs::read_link(format!("/proc/self/fd/{}", w.fd())).unwrap();
        assert_eq!(target, std::path::Path::new("/dev/null"));
        assert_eq!(write_some(w.fd(), b"gone").unwrap(), Some(4));
    }

    #[test]
    fn wait_any_wakes_for_a_readable_fd_and_skips_negative_ones() {
        let (r, w) = Channel::pipe().unwrap();
        assert!(!wait_any(&[-1, r.fd()], &[], &[], Some(0.0)));
        w.send(b"hi").unwrap();
        assert!(wait_any(&[-1, r.fd()], &[], &[], Some(0.0)));
    }

    #[test]
    fn wait_any_wakes_for_room_in_a_pipe() {
        let (_r, w) = Channel::pipe().unwrap();
        assert!(wait_any(&[], &[w.fd()], &[], Some(0.0)));
    }

    #[test]
    fn wait_any_wakes_when_a_process_ends() {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id() as i32;
        // No timeout: only the child's end (its pidfd turning readable) can return.
        assert!(wait_any(&[], &[], &[pid], None));
        child.wait().unwrap();
    }
}

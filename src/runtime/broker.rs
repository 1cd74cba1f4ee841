//! The lesson process's side of the run's fd broker (protocol: `trace::broker`; server: the
//! observer's `session::broker`): hand an fd to the run under a key, or get one back, from any
//! process of the run, also one forked before the fd existed.
//!
//! Each request makes a fresh socket pair and sends one end with the request, so the answer comes
//! back on this process's own end even while other processes of the run ask at the same time.
//! Outside a run (the interpreter's unit tests) there is no broker: every call fails with
//! `ENOTCONN`, which the bindings turn into a sentence saying so.

use std::io;
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::sync::atomic::{AtomicI32, Ordering};

use crate::trace::broker::{self, Op};

/// The client end inherited from the lesson main, or -1.
static BROKER_FD: AtomicI32 = AtomicI32::new(-1);

/// Called once by `runtime::init` with the end the observer handed over; close-on-exec from now.
pub(crate) fn attach(fd: RawFd) {
    // SAFETY: fcntl on an fd checked to be open.
    unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
    BROKER_FD.store(fd, Ordering::Relaxed);
}

/// Whether this process reaches a broker (it belongs to a run).
pub fn available() -> bool {
    BROKER_FD.load(Ordering::Relaxed) >= 0
}

/// One round trip: the status as an error, the number and the fd of the reply.
fn ask(op: Op, key: &str, fd: Option<RawFd>) -> io::Result<(u64, Option<OwnedFd>)> {
    let sock = BROKER_FD.load(Ordering::Relaxed);
    if sock < 0 {
        return Err(io::Error::from_raw_os_error(libc::ENOTCONN));
    }
    let request = broker::encode_request(op, key.as_bytes())?;
    let (mine, theirs) = broker::seqpacket_pair()?;
    let mut fds = vec![theirs.as_raw_fd()];
    fds.extend(fd);
    broker::send_packet(sock, &request, &fds)?;
    // Our copy goes, so that a broker gone before answering reads as end of file, not a hang.
    drop(theirs);
    let packet = broker::recv_packet(mine.as_raw_fd())?;
    let data = packet
        .data
        .ok_or_else(|| io::Error::from_raw_os_error(libc::ECONNRESET))?;
    let (status, number) = broker::decode_reply(&data)
        .ok_or_else(|| io::Error::other("the run's fd broker sent a reply forkyard cannot read"))?;
    if status != 0 {
        return Err(io::Error::from_raw_os_error(status));
    }
    Ok((number, packet.fds.into_iter().next()))
}

/// Gives the run a copy of `fd` under `key` (`EEXIST` if the key is taken).
pub fn put(key: &str, fd: RawFd) -> io::Result<()> {
    ask(Op::Put, key, Some(fd)).map(drop)
}

/// A copy of the fd under `key` (`ENOENT` if none).
pub fn get(key: &str) -> io::Result<OwnedFd> {
    ask(Op::Get, key, None)?
        .1
        .ok_or_else(|| io::Error::from_raw_os_error(libc::EPROTO))
}

/// The fd under `key`, which the broker forgets: a hand-over that happens once.
pub fn take(key: &str) -> io::Result<OwnedFd> {
    ask(Op::Take, key, None)?
        .1
        .ok_or_else(|| io::Error::from_raw_os_error(libc::EPROTO))
}

/// Makes the run forget `key` (`ENOENT` if none).
pub fn unlink(key: &str) -> io::Result<()> {
    ask(Op::Unlink, key, None).map(drop)
}

/// How many keys start with `prefix`.
pub fn count(prefix: &str) -> io::Result<u64> {
    ask(Op::Count, prefix, None).map(|(n, _)| n)
}

/// Forgets every key that starts with `prefix`; how many there were.
pub fn unlink_all(prefix: &str) -> io::Result<u64> {
    ask(Op::UnlinkAll, prefix, None).map(|(n, _)| n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outside_a_run_every_call_says_there_is_no_broker() {
        if available() {
            return; // a test binary never attaches; nothing to check if it somehow did
        }
        assert_eq!(
            get("shm/psm_00000000").unwrap_err().raw_os_error(),
            Some(libc::ENOTCONN)
        );
        assert_eq!(count("").unwrap_err().raw_os_error(), Some(libc::ENOTCONN));
    }
}

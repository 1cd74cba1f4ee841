//! The run's fd broker, as both sides speak it: how any process of a run hands an OS resource (an
//! fd) to any other process of the same run, including one forked before the resource existed.
//!
//! The observer holds one end of a `SOCK_SEQPACKET` socket pair made before the lesson main exists;
//! every lesson process inherits the other end. A request is one packet on that shared socket: an
//! op, a key, and, as `SCM_RIGHTS`, a fresh socket-pair end on which the broker answers (so that the
//! replies to processes sharing the socket are never mixed) and, for [`Op::Put`], the resource.
//! A packet is delivered whole or not at all, so concurrent requests never tear.
//!
//! The reply is one packet on that end: a status (0 or an errno), a number ([`Op::Count`]'s count),
//! and, for [`Op::Get`] and [`Op::Take`], the fd. What the broker holds lives until it is removed
//! ([`Op::Unlink`], [`Op::Take`]) or the run ends; then every fd it holds is closed.

use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};

/// The longest key a request may carry, bytes.
pub const MAX_KEY: usize = 255;
/// The most fds the broker holds for one run: past it a put fails with `ENOSPC`.
pub const MAX_HELD: usize = 4096;

/// What a request asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Op {
    /// Keep the fd under the key (refused with `EEXIST` if the key is taken).
    Put = 1,
    /// A copy of the fd under the key (`ENOENT` if none).
    Get = 2,
    /// Forget the key and close the broker's fd (`ENOENT` if none).
    Unlink = 3,
    /// The fd under the key, forgotten by the broker: a hand-over that happens once.
    Take = 4,
    /// How many keys start with the given prefix, in the reply's number.
    Count = 5,
    /// Forget every key that starts with the given prefix; how many, in the reply's number.
    UnlinkAll = 6,
}

impl Op {
    pub fn from_byte(b: u8) -> Option<Op> {
        Some(match b {
            1 => Op::Put,
            2 => Op::Get,
            3 => Op::Unlink,
            4 => Op::Take,
            5 => Op::Count,
            6 => Op::UnlinkAll,
            _ => return None,
        })
    }
}

/// The bytes of a request packet: the op, then the key.
pub fn encode_request(op: Op, key: &[u8]) -> io::Result<Vec<u8>> {
    if key.len() > MAX_KEY {
        return Err(io::Error::from_raw_os_error(libc::ENAMETOOLONG));
    }
    let mut b = Vec::with_capacity(1 + key.len());
    b.push(op as u8);
    b.extend_from_slice(key);
    Ok(b)
}

/// A request packet's op and key; `None` for a packet no client sends.
pub fn decode_request(b: &[u8]) -> Option<(Op, &[u8])> {
    let (&op, key) = b.split_first()?;
    (key.len() <= MAX_KEY).then_some(())?;
    Some((Op::from_byte(op)?, key))
}

/// The bytes of a reply packet: a status (0 or an errno) and a number.
pub fn encode_reply(status: i32, number: u64) -> [u8; 12] {
    let mut b = [0u8; 12];
    b[..4].copy_from_slice(&status.to_le_bytes());
    b[4..].copy_from_slice(&number.to_le_bytes());
    b
}

/// A reply packet's status and number.
pub fn decode_reply(b: &[u8]) -> Option<(i32, u64)> {
    let status = i32::from_le_bytes(b.get(..4)?.try_into().ok()?);
    let number = u64::from_le_bytes(b.get(4..12)?.try_into().ok()?);
    Some((status, number))
}

/// A `SOCK_SEQPACKET` socket pair, close-on-exec.
pub fn seqpacket_pair() -> io::Result<(OwnedFd, OwnedFd)> {
    let mut fds = [0; 2];
    // SAFETY: a valid out-array for socketpair.
    let r = unsafe {
        libc::socketpair(
            libc::AF_UNIX,
            libc::SOCK_SEQPACKET | libc::SOCK_CLOEXEC,
            0,
            fds.as_mut_ptr(),
        )
    };
    if r < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: both fds are fresh and ours.
    Ok(unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) })
}

/// The most fds one packet carries (a reply end and a resource).
const MAX_FDS: usize = 2;

/// Room for a control message of [`MAX_FDS`] fds, aligned as `cmsghdr` wants.
#[repr(C)]
struct Control {
    header: libc::cmsghdr,
    fds: [RawFd; MAX_FDS],
}

/// Sends `data` and `fds` (at most two) as one packet; `EINTR` is retried, a gone peer is `EPIPE`.
pub fn send_packet(sock: RawFd, data: &[u8], fds: &[RawFd]) -> io::Result<()> {
    assert!(
        fds.len() <= MAX_FDS,
        "a broker packet carries at most two fds"
    );
    let mut iov = libc::iovec {
        iov_base: data.as_ptr().cast_mut().cast(),
        iov_len: data.len(),
    };
    // SAFETY: a zeroed control buffer and msghdr are valid; the pointers outlive the call.
    let mut control: Control = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    msg.msg_iov = &mut iov;
    msg.msg_iovlen = 1;
    if !fds.is_empty() {
        let bytes = std::mem::size_of_val(fds) as u32;
        control.header.cmsg_level = libc::SOL_SOCKET;
        control.header.cmsg_type = libc::SCM_RIGHTS;
        // SAFETY: CMSG_LEN and CMSG_SPACE are pure computations.
        control.header.cmsg_len = unsafe { libc::CMSG_LEN(bytes) } as _;
        control.fds[..fds.len()].copy_from_slice(fds);
        msg.msg_control = std::ptr::from_mut(&mut control).cast();
        // SAFETY: as above.
        msg.msg_controllen = unsafe { libc::CMSG_SPACE(bytes) } as _;
    }
    loop {
        // SAFETY: sendmsg with the message built above; MSG_NOSIGNAL turns a gone peer into EPIPE.
        let n = unsafe { libc::sendmsg(sock, &msg, libc::MSG_NOSIGNAL) };
        if n >= 0 {
            return Ok(());
        }
        let e = io::Error::last_os_error();
        if e.raw_os_error() != Some(libc::EINTR) {
            return Err(e);
        }
    }
}

/// One received packet: its bytes (`None` at end of file: every sender is gone) and its fds.
pub struct Packet {
    pub data: Option<Vec<u8>>,
    pub fds: Vec<OwnedFd>,
}

/// Receives one packet (waiting for it), its fds close-on-exec; `EINTR` is retried.
pub fn recv_packet(sock: RawFd) -> io::Result<Packet> {
    let mut buf = [0u8; 1 + MAX_KEY + 16];
    loop {
        let mut iov = libc::iovec {
            iov_base: buf.as_mut_ptr().cast(),
            iov_len: buf.len(),
        };
        // SAFETY: zeroed buffers for recvmsg to fill; the pointers outlive the call.
        let mut control: Control = unsafe { std::mem::zeroed() };
        // SAFETY: as above.
        let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
        msg.msg_iov = &mut iov;
        msg.msg_iovlen = 1;
        msg.msg_control = std::ptr::from_mut(&mut control).cast();
        msg.msg_controllen = std::mem::size_of::<Control>() as _;
        // SAFETY: recvmsg into the buffers above.
        let n = unsafe { libc::recvmsg(sock, &mut msg, libc::MSG_CMSG_CLOEXEC) };
        if n < 0 {
            let e = io::Error::last_os_error();
            if e.raw_os_error() == Some(libc::EINTR) {
                continue;
            }
            return Err(e);
        }
        let mut fds = Vec::new();
        // SAFETY: walking the control messages recvmsg filled in, within msg_controllen.
        unsafe {
            let mut c = libc::CMSG_FIRSTHDR(&msg);
            while !c.is_null() {
                if (*c).cmsg_level == libc::SOL_SOCKET && (*c).cmsg_type == libc::SCM_RIGHTS {
                    let data = libc::CMSG_DATA(c).cast::<RawFd>();
                    let count = ((*c).cmsg_len as usize - libc::CMSG_LEN(0) as usize)
                        / std::mem::size_of::<RawFd>();
                    for i in 0..count {
                        fds.push(OwnedFd::from_raw_fd(data.add(i).read_unaligned()));
                    }
                }
                c = libc::CMSG_NXTHDR(&msg, c);
            }
        }
        // A zero-length read with no fds is the end of file of a SEQPACKET socket.
        let data = (n > 0 || !fds.is_empty()).then(|| buf[..n as usize].to_vec());
        return Ok(Packet { data, fds });
    }
}

/// Whether `fd` is the same open file as `other` (both refer to one inode of one device).
pub fn same_file(fd: &impl AsRawFd, other: &impl AsRawFd) -> bool {
    let stat = |fd: RawFd| {
        // SAFETY: fstat into a zeroed stat we own.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: as above.
        (unsafe { libc::fstat(fd, &mut st) } == 0).then_some((st.st_dev, st.st_ino))
    };
    matches!((stat(fd.as_raw_fd()), stat(other.as_raw_fd())), (Some(a), Some(b)) if a == b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_and_replies_round_trip_and_bad_packets_are_refused() {
        let b = encode_request(Op::Put, b"shm/psm_0123abcd").unwrap();
        assert_eq!(
            decode_request(&b),
            Some((Op::Put, &b"shm/psm_0123abcd"[..]))
        );
        assert_eq!(decode_request(&[]), None);
        assert_eq!(decode_request(&[99, b'k']), None);
        let long = vec![b'k'; MAX_KEY + 1];
        assert_eq!(
            encode_request(Op::Get, &long).unwrap_err().raw_os_error(),
            Some(libc::ENAMETOOLONG)
        );
        assert_eq!(
            decode_reply(&encode_reply(libc::ENOENT, 7)),
            Some((libc::ENOENT, 7))
        );
        assert_eq!(decode_reply(&[0; 5]), None);
    }

    #[test]
    fn a_packet_carries_its_fds_and_the_end_of_file_is_seen() {
        let (a, b) = seqpacket_pair().unwrap();
        let (x, _y) = seqpacket_pair().unwrap();
        send_packet(a.as_raw_fd(), b"hi", &[x.as_raw_fd(), a.as_raw_fd()]).unwrap();
        let p = recv_packet(b.as_raw_fd()).unwrap();
        assert_eq!(p.data.as_deref(), Some(&b"hi"[..]));
        assert_eq!(p.fds.len(), 2);
        assert!(same_file(&p.fds[0], &x));
        assert!(same_file(&p.fds[1], &a));
        assert!(!same_file(&p.fds[0], &a));
        drop((a, p));
        let end = recv_packet(b.as_raw_fd()).unwrap();
        assert!(end.data.is_none() && end.fds.is_empty());
    }
}

//! The lesson processes' real stdout and stderr: Unix stream sockets rather than pipes, so that the
//! observer learns which process wrote what it reads. With `SO_PASSCRED` on the observer's end the
//! kernel attaches the writer's pid to each read and never joins the bytes of two writers in one
//! read; so a stack overflow report from `Process-2` is labelled `Process-2`, not the main.

use std::io;
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::net::UnixStream;

/// A connected pair: the observer's end (credentials on) and the run's end (its stdout or stderr).
pub(crate) fn pair() -> io::Result<(OwnedFd, OwnedFd)> {
    let (ours, theirs) = UnixStream::pair()?;
    let on: libc::c_int = 1;
    // SAFETY: setsockopt on our socket with a valid int option.
    let r = unsafe {
        libc::setsockopt(
            ours.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_PASSCRED,
            std::ptr::from_ref(&on).cast(),
            size_of::<libc::c_int>() as libc::socklen_t,
        )
    };
    if r < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok((ours.into(), theirs.into()))
}

/// One read from a non-blocking stray socket: the bytes (0: the end) and the writer's pid.
pub(crate) fn read(fd: &OwnedFd, buf: &mut [u8]) -> io::Result<(usize, Option<i32>)> {
    // Room for one SCM_CREDENTIALS message (a ucred: 3 ints), aligned as cmsghdr wants.
    let mut control = [0u64; 8];
    let mut iov = libc::iovec {
        iov_base: buf.as_mut_ptr().cast(),
        iov_len: buf.len(),
    };
    // SAFETY: a zeroed msghdr is valid; every pointer in it outlives the call.
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    msg.msg_iov = &mut iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control.as_mut_ptr().cast();
    msg.msg_controllen = size_of_val(&control);
    // SAFETY: recvmsg with the msghdr above.
    let n = unsafe { libc::recvmsg(fd.as_raw_fd(), &mut msg, libc::MSG_CMSG_CLOEXEC) };
    if n < 0 {
        return Err(io::Error::last_os_error());
    }
    let mut writer = None;
    // SAFETY: walking the control messages the kernel wrote into `control`, with libc's macros.
    unsafe {
        let mut c = libc::CMSG_FIRSTHDR(&msg);
        while !c.is_null() {
            if (*c).cmsg_level == libc::SOL_SOCKET && (*c).cmsg_type == libc::SCM_CREDENTIALS {
                let cred = std::ptr::read_unaligned(libc::CMSG_DATA(c).cast::<libc::ucred>());
                writer = Some(cred.pid).filter(|&p| p > 0);
            }
            c = libc::CMSG_NXTHDR(&msg, c);
        }
    }
    Ok((n as usize, writer))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn each_read_names_its_writer() {
        let (ours, theirs) = pair().unwrap();
        let mut theirs = UnixStream::from(theirs);
        theirs.write_all(b"hello").unwrap();
        let mut buf = [0u8; 64];
        let (n, writer) = read(&ours, &mut buf).unwrap();
        assert_eq!(&buf[..n], b"hello");
        assert_eq!(writer, Some(std::process::id() as i32));
        drop(theirs);
        assert_eq!(read(&ours, &mut buf).unwrap().0, 0, "the end");
    }
}

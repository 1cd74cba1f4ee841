//! The observer's side of a run's fd broker (the protocol: `trace::broker`): one thread per run
//! that keeps, under keys, the fds lesson processes hand it (a `SharedMemory`'s memfd, a Connection
//! on its way to another process), and hands out copies.
//!
//! Every lesson process descends from the lesson main, which inherits the client end, so any
//! process of the run reaches the broker, also one forked before a resource existed. Nothing the
//! broker holds outlives the run: [`Broker::close`] (the pump calls it once every process of the
//! run is reaped) ends the thread, which closes every fd it held.

use std::collections::HashMap;
use std::io;
use std::os::fd::{AsRawFd, OwnedFd};
use std::thread::JoinHandle;

use crate::trace::broker::{self, MAX_HELD, Op};

/// A run's broker: its thread, and the pipe whose closing tells the thread to end.
pub(crate) struct Broker {
    thread: Option<JoinHandle<()>>,
    stop: Option<OwnedFd>,
}

impl Broker {
    /// Starts the broker of a run; returns it and the end every lesson process inherits.
    pub fn start(pid_hint: i32) -> io::Result<(Broker, OwnedFd)> {
        let (server, client) = broker::seqpacket_pair()?;
        let mut fds = [0; 2];
        // SAFETY: a valid out-array for pipe2.
        if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: both fds are fresh and ours.
        let (stop_r, stop_w) = unsafe {
            use std::os::fd::FromRawFd;
            (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1]))
        };
        let thread = std::thread::Builder::new()
            .name(format!("forkyard-broker-{pid_hint}"))
            .spawn(move || serve(&server, &stop_r))?;
        Ok((
            Broker {
                thread: Some(thread),
                stop: Some(stop_w),
            },
            client,
        ))
    }

    /// Ends the broker and closes everything it held; returns once its thread is gone.
    pub fn close(&mut self) {
        drop(self.stop.take());
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Broker {
    fn drop(&mut self) {
        self.close();
    }
}

/// The fds a broker holds, by key.
#[derive(Default)]
struct Held {
    fds: HashMap<Vec<u8>, OwnedFd>,
}

impl Held {
    /// Answers one request: a status (0 or an errno), a number, and maybe an fd to send back.
    fn answer(
        &mut self,
        op: Op,
        key: &[u8],
        resource: Option<OwnedFd>,
    ) -> (i32, u64, Option<OwnedFd>) {
        match op {
            Op::Put => {
                let Some(fd) = resource else {
                    return (libc::EINVAL, 0, None);
                };
                if self.fds.contains_key(key) {
                    return (libc::EEXIST, 0, None);
                }
                if self.fds.len() >= MAX_HELD {
                    return (libc::ENOSPC, 0, None);
                }
                self.fds.insert(key.to_vec(), fd);
                (0, 0, None)
            }
            Op::Get => match self.fds.get(key).map(OwnedFd::try_clone) {
                Some(Ok(fd)) => (0, 0, Some(fd)),
                Some(Err(e)) => (e.raw_os_error().unwrap_or(libc::EIO), 0, None),
                None => (libc::ENOENT, 0, None),
            },
            Op::Unlink => match self.fds.remove(key) {
                Some(_) => (0, 0, None),
                None => (libc::ENOENT, 0, None),
            },
            Op::Take => match self.fds.remove(key) {
                Some(fd) => (0, 0, Some(fd)),
                None => (libc::ENOENT, 0, None),
            },
            Op::Count => {
                let n = self.fds.keys().filter(|k| k.starts_with(key)).count();
                (0, n as u64, None)
            }
            Op::UnlinkAll => {
                let before = self.fds.len();
                self.fds.retain(|k, _| !k.starts_with(key));
                (0, (before - self.fds.len()) as u64, None)
            }
        }
    }
}

/// The broker's thread: answers requests until the stop pipe closes (or every client end is gone).
fn serve(server: &OwnedFd, stop: &OwnedFd) {
    let mut held = Held::default();
    loop {
        let mut polls = [
            libc::pollfd {
                fd: server.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            },
            libc::pollfd {
                fd: stop.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            },
        ];
        // SAFETY: poll over two pollfds we own.
        let n = unsafe { libc::poll(polls.as_mut_ptr(), 2, -1) };
        if n < 0 {
            if io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
                continue;
            }
            return;
        }
        if polls[1].revents != 0 {
            return;
        }
        if polls[0].revents == 0 {
            continue;
        }
        let Ok(packet) = broker::recv_packet(server.as_raw_fd()) else {
            return;
        };
        let Some(data) = packet.data else {
            return; // every lesson process is gone
        };
        let mut fds = packet.fds.into_iter();
        let Some(reply) = fds.next() else {
            continue; // nowhere to answer: a packet no client sends
        };
        let resource = fds.next();
        let (status, number, fd) = match broker::decode_request(&data) {
            Some((op, key)) => held.answer(op, key, resource),
            None => (libc::EINVAL, 0, None),
        };
        let out: Vec<i32> = fd.iter().map(AsRawFd::as_raw_fd).collect();
        // A client that died before the answer: nothing to do, its reply end just closes.
        let _ = broker::send_packet(
            reply.as_raw_fd(),
            &broker::encode_reply(status, number),
            &out,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A client round trip, written out as the runtime's client does it.
    fn ask(
        client: &OwnedFd,
        op: Op,
        key: &[u8],
        fd: Option<&OwnedFd>,
    ) -> (i32, u64, Option<OwnedFd>) {
        let (mine, theirs) = broker::seqpacket_pair().unwrap();
        let mut fds = vec![theirs.as_raw_fd()];
        fds.extend(fd.map(AsRawFd::as_raw_fd));
        broker::send_packet(
            client.as_raw_fd(),
            &broker::encode_request(op, key).unwrap(),
            &fds,
        )
        .unwrap();
        drop(theirs);
        let p = broker::recv_packet(mine.as_raw_fd()).unwrap();
        let (status, number) = broker::decode_reply(&p.data.unwrap()).unwrap();
        (status, number, p.fds.into_iter().next())
    }

    fn memfd() -> OwnedFd {
        // SAFETY: memfd_create with a valid name; the result is checked.
        let raw = unsafe { libc::memfd_create(c"broker-test".as_ptr(), libc::MFD_CLOEXEC) };
        assert!(raw >= 0);
        // SAFETY: a fresh fd we own.
        unsafe { std::os::fd::FromRawFd::from_raw_fd(raw) }
    }

    #[test]
    fn put_get_take_unlink_and_count_keep_the_same_file() {
        let (mut b, client) = Broker::start(0).unwrap();
        let m = memfd();
        assert_eq!(ask(&client, Op::Put, b"shm/a", Some(&m)).0, 0);
        assert_eq!(ask(&client, Op::Put, b"shm/a", Some(&m)).0, libc::EEXIST);
        assert_eq!(ask(&client, Op::Put, b"shm/b", None).0, libc::EINVAL);
        let (s, _, got) = ask(&client, Op::Get, b"shm/a", None);
        assert_eq!(s, 0);
        assert!(broker::same_file(&got.unwrap(), &m));
        assert_eq!(ask(&client, Op::Get, b"shm/none", None).0, libc::ENOENT);
        assert_eq!(ask(&client, Op::Put, b"conn/1", Some(&m)).0, 0);
        assert_eq!(ask(&client, Op::Count, b"shm/", None).1, 1);
        let (s, _, taken) = ask(&client, Op::Take, b"conn/1", None);
        assert_eq!((s, taken.is_some()), (0, true));
        assert_eq!(ask(&client, Op::Take, b"conn/1", None).0, libc::ENOENT);
        assert_eq!(ask(&client, Op::Unlink, b"shm/a", None).0, 0);
        assert_eq!(ask(&client, Op::Unlink, b"shm/a", None).0, libc::ENOENT);
        assert_eq!(ask(&client, Op::Count, b"", None).1, 0);
        b.close();
    }

    #[test]
    fn closing_the_broker_closes_what_it_held() {
        let (mut b, client) = Broker::start(0).unwrap();
        let (keep, other) = broker::seqpacket_pair().unwrap();
        assert_eq!(ask(&client, Op::Put, b"conn/x", Some(&other)).0, 0);
        drop(other);
        b.close();
        // The broker's copy is closed: the peer sees end of file.
        let p = broker::recv_packet(keep.as_raw_fd()).unwrap();
        assert!(p.data.is_none());
        // And a request to a closed broker fails instead of waiting.
        let (_mine, theirs) = broker::seqpacket_pair().unwrap();
        let sent = broker::send_packet(
            client.as_raw_fd(),
            &broker::encode_request(Op::Count, b"").unwrap(),
            &[theirs.as_raw_fd()],
        );
        assert!(sent.is_err());
    }

    #[test]
    fn unlink_all_forgets_a_prefix_only() {
        let (mut b, client) = Broker::start(0).unwrap();
        let m = memfd();
        for k in [&b"shm/a"[..], b"shm/b", b"conn/c"] {
            assert_eq!(ask(&client, Op::Put, k, Some(&m)).0, 0);
        }
        assert_eq!(ask(&client, Op::UnlinkAll, b"shm/", None).1, 2);
        assert_eq!(ask(&client, Op::Count, b"", None).1, 1);
        b.close();
    }
}

//! `_connection`: the transport under `multiprocessing.connection`'s `Listener` and `Client`
//! (written in Python, `src/python/lib/multiprocessing.connection.py`).
//!
//! CPython's Listener binds a named socket (an AF_UNIX path or a TCP port) and its Client connects
//! to it. A lesson process may name neither (its sandbox allows socket *pairs* only: a named socket
//! would let a lesson reach other programs of the machine), so an address is a name in the run's
//! fd broker (`runtime::broker`): the Listener makes a registrar, a `SOCK_SEQPACKET` socket pair,
//! keeps one end and leaves the other in the broker under a key made from the address. A Client
//! gets a copy of that end, makes a fresh socket pair and passes one end through it (`SCM_RIGHTS`);
//! `accept()` receives it. Both sides then hold the two ends of one real socket pair, the same
//! kind `Pipe()` makes, wrapped in the same `Connection`. Only the rendezvous goes through the
//! broker, so an address reaches only the processes of the same run.
//!
//! - `listen(key)` -> the listening fd, or `-errno` (`EADDRINUSE`: a live listener has the key);
//! - `connect(key)` -> a Connection, or `-errno` (`ENOENT`: nobody listens, `ECONNREFUSED`: the
//!   listener's process is gone);
//! - `registrar(key)` -> a copy of the registrar end under `key`, or `-ENOENT` (a manager's
//!   clients connect through it with `_manager.connect`);
//! - `accept(fd, on)` -> a Connection (waits, shown as blocked on `on`, signal handlers run);
//! - `unlisten(fd, key)`: the listener's close (the key is forgotten, the fd closed);
//! - `wait(fds, timeout)` -> the fds ready to read (`multiprocessing.connection.wait`);
//! - `fail(errno)`: raises CPython's exception for `errno`, with its `errno` attribute;
//! - `listening()` -> how many addresses the run holds;
//! - `hmac_md5(key, msg)`, `urandom(n)`: the authkey handshake's digest and challenge, the bytes
//!   CPython 3.11's `deliver_challenge`/`answer_challenge` exchange.

use crate::python::exceptions::ExcKind;
use crate::python::value::ThinRc;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};

use super::make_module;
use super::sync::{blocked, os_error, running};
use crate::python::exceptions::{Exc, type_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Value};
use crate::runtime::broker;
use crate::runtime::clock::{self, Waited};
use crate::runtime::sync::Channel;

type R = Result<Value, Exc>;

/// The broker's keys of listeners' registrars start with this.
const KEY_PREFIX: &str = "listener/";

pub fn module() -> Value {
    make_module(
        "_connection",
        &[
            ("listen", listen),
            ("connect", connect),
            ("accept", accept),
            ("registrar", registrar),
            ("unlisten", unlisten),
            ("wait", wait),
            ("hmac_md5", hmac_md5_fn),
            ("urandom", urandom),
            ("fail", fail),
            ("listening", listening),
        ],
        vec![("Connection", Value::Class(super::pipe::conn_class()))],
    )
}

fn key_arg(a: &Args, func: &str) -> Result<String, Exc> {
    match a.pos.first() {
        Some(Value::Str(k)) => Ok(format!("{KEY_PREFIX}{k}")),
        _ => Err(type_error(format!(
            "_connection.{func}() takes an address key"
        ))),
    }
}

fn fd_arg(a: &Args, i: usize, func: &str) -> Result<RawFd, Exc> {
    match a.pos.get(i) {
        Some(Value::Int(n)) if (0..=i64::from(i32::MAX)).contains(n) => Ok(*n as RawFd),
        _ => Err(type_error(format!(
            "_connection.{func}() takes a file descriptor as argument {}",
            i + 1
        ))),
    }
}

fn no_broker() -> Exc {
    Exc::new(
        ExcKind::OSError,
        "a Listener's address is a name in a forkyard run: run the program with `forkyard run \
         FILE.py`",
    )
}

fn broker_error(e: io::Error) -> Exc {
    match e.raw_os_error() {
        Some(libc::ENOTCONN) => no_broker(),
        _ => os_error(e),
    }
}

fn neg(errno: i32) -> Value {
    Value::Int(-i64::from(errno))
}

/// Whether the registrar end `fd` still has a listener on its other side.
fn alive(fd: RawFd) -> bool {
    let mut p = libc::pollfd {
        fd,
        events: 0,
        revents: 0,
    };
    // SAFETY: poll on one valid pollfd, without waiting.
    let n = unsafe { libc::poll(&mut p, 1, 0) };
    !(n > 0 && p.revents & (libc::POLLHUP | libc::POLLERR) != 0)
}

fn listen(_: &mut Interp, a: Args) -> R {
    let key = key_arg(&a, "listen")?;
    let (server, client) = crate::trace::broker::seqpacket_pair().map_err(os_error)?;
    loop {
        match broker::put(&key, client.as_raw_fd()) {
            Ok(()) => {
                return Ok(Value::Int(
                    std::os::fd::IntoRawFd::into_raw_fd(server).into(),
                ));
            }
            Err(e) if e.raw_os_error() == Some(libc::EEXIST) => {
                // A listener whose process ended without closing it left its key: the address is
                // free again (CPython's SO_REUSEADDR), unless that listener still lives.
                let old = broker::get(&key).map_err(broker_error)?;
                if alive(old.as_raw_fd()) {
                    return Ok(neg(libc::EADDRINUSE));
                }
                let _ = broker::unlink(&key);
            }
            Err(e) => return Err(broker_error(e)),
        }
    }
}

fn connect(it: &mut Interp, a: Args) -> R {
    let key = key_arg(&a, "connect")?;
    let reg = match broker::get(&key) {
        Ok(fd) => fd,
        Err(e) if e.raw_os_error() == Some(libc::ENOENT) => return Ok(neg(libc::ENOENT)),
        Err(e) => return Err(broker_error(e)),
    };
    let (mine, theirs) = Channel::duplex().map_err(os_error)?;
    let sent = super::managers::pass_fd(reg.as_raw_fd(), theirs.fd());
    drop(theirs);
    if let Err(e) = sent {
        return match e.raw_os_error() {
            Some(libc::EPIPE | libc::ECONNREFUSED | libc::ECONNRESET) => {
                Ok(neg(libc::ECONNREFUSED))
            }
            _ => Err(os_error(e)),
        };
    }
    Ok(super::pipe::adopt(it, mine, true, true))
}

/// `registrar(key)`: this process's copy of the registrar end under `key` (a manager's clients
/// talk to it with `_manager.connect`), or `-ENOENT`.
fn registrar(_: &mut Interp, a: Args) -> R {
    let key = key_arg(&a, "registrar")?;
    match broker::get(&key) {
        Ok(fd) => Ok(Value::Int(std::os::fd::IntoRawFd::into_raw_fd(fd).into())),
        Err(e) if e.raw_os_error() == Some(libc::ENOENT) => Ok(neg(libc::ENOENT)),
        Err(e) => Err(broker_error(e)),
    }
}

fn accept(it: &mut Interp, a: Args) -> R {
    let fd = fd_arg(&a, 0, "accept")?;
    let on = match a.pos.get(1) {
        Some(Value::Str(s)) => s.to_string(),
        _ => "Listener".to_string(),
    };
    loop {
        if let Some(got) = super::managers::receive_fd(fd).map_err(os_error)? {
            // SAFETY: the fd arrived with SCM_RIGHTS and is ours alone.
            let owned = unsafe { OwnedFd::from_raw_fd(got) };
            let ch = Channel::adopt(owned).map_err(os_error)?;
            return Ok(super::pipe::adopt(it, ch, true, true));
        }
        let mut fds = [libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        }];
        blocked(&on, "accept");
        let waited = clock::wait_poll_or_signal(&mut fds, None);
        running();
        if waited == Waited::Signal {
            super::signal::run_pending(it)?;
        }
    }
}

fn unlisten(_: &mut Interp, a: Args) -> R {
    let key = key_arg(&a, "unlisten")?;
    let fd = fd_arg(&a, 1, "unlisten")?;
    match broker::unlink(&key) {
        Ok(()) => {}
        Err(e) if matches!(e.raw_os_error(), Some(libc::ENOENT | libc::ENOTCONN)) => {}
        Err(e) => return Err(os_error(e)),
    }
    // SAFETY: closing the listening fd `listen` handed out; a second close is EBADF, ignored.
    unsafe { libc::close(fd) };
    Ok(Value::None)
}

fn wait(it: &mut Interp, a: Args) -> R {
    let Some(Value::List(list)) = a.pos.first() else {
        return Err(type_error(
            "_connection.wait(fds, timeout) takes a list of fds",
        ));
    };
    let mut fds = poll_in(&list.borrow());
    let secs = match a.pos.get(1) {
        None | Some(Value::None) => None,
        Some(Value::Int(i)) => Some((*i as f64).max(0.0)),
        Some(Value::Float(f)) => Some(f.max(0.0)),
        Some(other) => {
            return Err(type_error(format!(
                "'<' not supported between instances of '{}' and 'int'",
                other.type_name()
            )));
        }
    };
    let deadline = secs.map(|s| clock::now_ns().saturating_add(clock::secs_to_ns(s)));
    loop {
        // SAFETY: poll on our own array of pollfds, without waiting.
        let any = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, 0) } > 0;
        if any {
            break;
        }
        if secs == Some(0.0) {
            return Ok(Value::list(vec![]));
        }
        blocked("connections", "wait");
        let waited = clock::wait_poll_or_signal(&mut fds, deadline);
        running();
        match waited {
            Waited::Ready => {}
            Waited::TimedOut => return Ok(Value::list(vec![])),
            Waited::Signal => super::signal::run_pending(it)?,
        }
    }
    Ok(ready(&fds))
}

/// `fail(errno)`: raises CPython's exception for `errno` (`[Errno N] text`, with `errno` and
/// `strerror`): ConnectionRefusedError, FileNotFoundError, OSError.
fn fail(_: &mut Interp, a: Args) -> R {
    let errno = match a.pos.first() {
        Some(Value::Int(n)) if (1..=4095).contains(n) => *n as i32,
        _ => return Err(type_error("_connection.fail() takes an errno")),
    };
    Err(crate::python::exceptions_os::from_errno(errno, None))
}

/// `listening()`: how many addresses the run's broker holds (open listeners, and those of ended
/// processes that never closed theirs), so a program (a test) can see a close forget its address.
fn listening(_: &mut Interp, _: Args) -> R {
    let n = broker::count(KEY_PREFIX).map_err(broker_error)?;
    Ok(Value::Int(i64::try_from(n).unwrap_or(i64::MAX)))
}

fn bytes_arg(a: &Args, i: usize, func: &str) -> Result<ThinRc<u8>, Exc> {
    match a.pos.get(i) {
        Some(Value::Bytes(b)) => Ok(b.clone()),
        _ => Err(type_error(format!("_connection.{func}() takes bytes"))),
    }
}

fn hmac_md5_fn(_: &mut Interp, a: Args) -> R {
    let key = bytes_arg(&a, 0, "hmac_md5")?;
    let msg = bytes_arg(&a, 1, "hmac_md5")?;
    Ok(Value::Bytes(ThinRc::from(&hmac_md5(&key, &msg)[..])))
}

fn urandom(_: &mut Interp, a: Args) -> R {
    let n = match a.pos.first() {
        Some(Value::Int(n)) if (0..=4096).contains(n) => *n as usize,
        _ => return Err(type_error("_connection.urandom() takes a small count")),
    };
    let mut b = vec![0u8; n];
    let mut got = 0;
    while got < n {
        // SAFETY: getrandom into the unfilled part of our own buffer.
        let r = unsafe { libc::getrandom(b[got..].as_mut_ptr().cast(), n - got, 0) };
        if r < 0 {
            let e = io::Error::last_os_error();
            if e.raw_os_error() == Some(libc::EINTR) {
                continue;
            }
            return Err(os_error(e));
        }
        got += r as usize;
    }
    Ok(Value::Bytes(ThinRc::from(b)))
}

/// RFC 2104's HMAC over MD5 (RFC 1321), what CPython 3.11's `hmac.new(authkey, message, 'md5')`
/// gives: the same digest on both sides is all the handshake needs, and CPython's own bytes let a
/// forkyard client answer the same challenge CPython's would.
pub fn hmac_md5(key: &[u8], msg: &[u8]) -> [u8; 16] {
    let mut k = [0u8; 64];
    if key.len() > 64 {
        k[..16].copy_from_slice(&md5(key));
    } else {
        k[..key.len()].copy_from_slice(key);
    }
    let mut inner: Vec<u8> = k.iter().map(|b| b ^ 0x36).collect();
    inner.extend_from_slice(msg);
    let mut outer: Vec<u8> = k.iter().map(|b| b ^ 0x5c).collect();
    outer.extend_from_slice(&md5(&inner));
    md5(&outer)
}

/// MD5 (RFC 1321).
pub fn md5(data: &[u8]) -> [u8; 16] {
    const S: [u32; 64] = [
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5,
        9, 14, 20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10,
        15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
    ];
    // K[i] = floor(|sin(i + 1)| * 2^32), as the RFC defines the table.
    let k: Vec<u32> = (0..64)
        .map(|i| ((i as f64 + 1.0).sin().abs() * 4_294_967_296.0) as u32)
        .collect();
    let mut h: [u32; 4] = [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476];
    let mut m = data.to_vec();
    let bits = (data.len() as u64).wrapping_mul(8);
    m.push(0x80);
    while m.len() % 64 != 56 {
        m.push(0);
    }
    m.extend_from_slice(&bits.to_le_bytes());
    for chunk in m.chunks(64) {
        let w: Vec<u32> = chunk
            .chunks(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        let [mut a, mut b, mut c, mut d] = h;
        for i in 0..64 {
            let (f, g) = match i / 16 {
                0 => ((b & c) | (!b & d), i),
                1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
                2 => (b ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (b | !d), (7 * i) % 16),
            };
            let f = f.wrapping_add(a).wrapping_add(k[i]).wrapping_add(w[g]);
            a = d;
            d = c;
            c = b;
            b = b.wrapping_add(f.rotate_left(S[i]));
        }
        h[0] = h[0].wrapping_add(a);
        h[1] = h[1].wrapping_add(b);
        h[2] = h[2].wrapping_add(c);
        h[3] = h[3].wrapping_add(d);
    }
    let mut out = [0u8; 16];
    for (i, v) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&v.to_le_bytes());
    }
    out
}

/// One `POLLIN` pollfd per int of `fds` (what `wait` is given), others skipped.
pub(super) fn poll_in(fds: &[Value]) -> Vec<libc::pollfd> {
    fds.iter()
        .filter_map(|v| match v {
            Value::Int(n) => Some(libc::pollfd {
                fd: *n as RawFd,
                events: libc::POLLIN,
                revents: 0,
            }),
            _ => None,
        })
        .collect()
}

/// The fds `poll` found ready, as the list `wait` returns.
pub(super) fn ready(fds: &[libc::pollfd]) -> Value {
    Value::list(
        fds.iter()
            .filter(|p| p.revents != 0)
            .map(|p| Value::Int(p.fd.into()))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    #[test]
    fn md5_and_hmac_md5_match_the_rfc_vectors() {
        assert_eq!(hex(&md5(b"")), "d41d8cd98f00b204e9800998ecf8427e");
        assert_eq!(
            hex(&md5(b"The quick brown fox jumps over the lazy dog")),
            "9e107d9d372bb6826bd81d3542a419d6"
        );
        // RFC 2104's second test vector.
        assert_eq!(
            hex(&hmac_md5(b"Jefe", b"what do ya want for nothing?")),
            "750c783e6ab0b503eaa86e310a5db738"
        );
        // A key longer than a block is hashed first (RFC 2202, test case 6).
        assert_eq!(
            hex(&hmac_md5(
                &[0xaa; 80],
                b"Test Using Larger Than Block-Size Key - Hash Key First"
            )),
            "6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd"
        );
    }

    #[test]
    fn outside_a_run_an_address_cannot_be_listened_on() {
        crate::python::exceptions::install();
        let mut it = Interp::new("t.py", "");
        if broker::available() {
            return;
        }
        let e = listen(&mut it, Args::new(vec![Value::str("inet:6000")])).unwrap_err();
        assert!(e.is(ExcKind::OSError));
        let e = wait(&mut it, Args::new(vec![Value::Int(3)])).unwrap_err();
        assert!(e.is(ExcKind::TypeError));
    }
}

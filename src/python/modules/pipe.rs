//! `multiprocessing.Pipe(duplex=True)` and its two `Connection`s: a `SOCK_SEQPACKET` socketpair when
//! duplex, a `pipe()` when not (first end receive-only, second send-only). Messages keep their
//! boundaries; `send` serializes (`wire`), `send_bytes` sends raw bytes. `recv` raises `EOFError`
//! only once drained and every copy of the other end, in every process, is closed; sending to a
//! gone reader raises `BrokenPipeError`.

use crate::python::exceptions::ExcKind;
use std::cell::RefCell;
use std::rc::Rc;

use super::sync::{self, blocked, deadline_of, new_id, op, os_error, payload, running, this};
use super::{multiprocessing, wire};
use crate::python::bind::Sig;
use crate::python::exceptions;
use crate::python::exceptions::{Exc, type_error, value_error};
use crate::python::interp::Interp;
use crate::python::methods::{bytearray, memoryview};
use crate::python::value::{Args, Class, Instance, ThinRc, Value};
use crate::runtime::clock::Waited;
use crate::runtime::sync::{Channel, Recv};
use crate::trace::Op;

type R = Result<Value, Exc>;

thread_local! {
    /// Every Connection end this process made or inherited, so that a spawned child can close
    /// the ends it was not given (a fresh CPython process never had them).
    static LIVE: RefCell<Vec<std::rc::Weak<Conn>>> = const { RefCell::new(Vec::new()) };
}

/// In a spawned child: closes this process's copy of every Connection end except those passed to
/// it (`kept`). Under CPython the new process only ever receives the ends it is given, and whether
/// `recv` meets EOFError depends on it; here the child is a fork, so it gives the others back.
pub fn close_all_but(kept: &[Value]) {
    let kept: Vec<*const Conn> = kept
        .iter()
        .filter_map(|v| match v {
            Value::Instance(i) => i
                .native
                .borrow()
                .as_ref()
                .and_then(|b| b.downcast_ref::<Rc<Conn>>().map(Rc::as_ptr)),
            _ => None,
        })
        .collect();
    let live: Vec<Rc<Conn>> =
        LIVE.with(|l| l.borrow().iter().filter_map(|w| w.upgrade()).collect());
    for c in live {
        if kept.contains(&Rc::as_ptr(&c)) {
            continue;
        }
        if let Some(ch) = c.ch.borrow_mut().take() {
            op(
                c.id,
                Op::Closed,
                Some("not passed to this spawned process".into()),
            );
            drop(ch);
        }
    }
}

/// One end of a Pipe, as this process holds it (`close` closes this process's copy only).
#[derive(Debug)]
pub struct Conn {
    ch: RefCell<Option<Channel>>,
    readable: std::cell::Cell<bool>,
    writable: bool,
    id: u32,
    label: String,
}

impl crate::python::native_object::NativeObject for Rc<Conn> {
    fn slots(&self) -> &'static crate::python::native_object::Slots {
        static SLOTS: crate::python::native_object::Slots = crate::python::native_object::Slots {
            attr: Some(get_attr),
            ..crate::python::native_object::Slots::NONE
        };
        &SLOTS
    }
}

/// Whether a native payload is a Connection end (passed to a spawned child by inheritance).
pub fn is_connection(b: &dyn std::any::Any) -> bool {
    b.is::<Rc<Conn>>()
}

pub fn conn_class() -> Rc<Class> {
    sync::native_class(
        "connection.Connection",
        "multiprocessing.connection",
        &[
            ("send", send),
            ("recv", recv),
            ("poll", poll),
            ("send_bytes", send_bytes),
            ("recv_bytes", recv_bytes),
            ("recv_bytes_into", recv_bytes_into),
            ("close", close),
            ("fileno", fileno),
            ("__enter__", enter),
            ("__exit__", exit),
        ],
    )
}

fn make(it: &Interp, ch: Channel, readable: bool, writable: bool) -> Value {
    let id = new_id(it);
    let role = match (readable, writable) {
        (true, false) => "receive end",
        (false, true) => "send end",
        _ => "both ways",
    };
    let label = sync::created_as(id, "Connection", None, None, Some(role));
    let c = Rc::new(Conn {
        ch: RefCell::new(Some(ch)),
        readable: std::cell::Cell::new(readable),
        writable,
        id,
        label,
    });
    LIVE.with(|l| {
        let mut l = l.borrow_mut();
        l.retain(|w| w.strong_count() > 0);
        l.push(Rc::downgrade(&c));
    });
    sync::instance_with(conn_class(), c)
}

/// `Pipe(duplex=True) -> (conn1, conn2)`.
pub fn pipe(it: &mut Interp, a: Args) -> R {
    let [duplex] = Sig::py("BaseContext.Pipe", &["duplex"], 0)
        .bound()
        .bind(&a)?;
    let duplex = match duplex {
        None => true,
        Some(v) => it.truthy(v)?,
    };
    if duplex {
        let (x, y) = Channel::duplex().map_err(os_error)?;
        Ok(Value::tuple(vec![
            make(it, x, true, true),
            make(it, y, true, true),
        ]))
    } else {
        let (r, w) = Channel::pipe().map_err(os_error)?;
        Ok(Value::tuple(vec![
            make(it, r, true, false),
            make(it, w, false, true),
        ]))
    }
}

fn conn(a: &Args) -> Result<Rc<Conn>, Exc> {
    this::<Rc<Conn>>(a, "Connection")
}

fn closed() -> Exc {
    Exc::new(ExcKind::OSError, "handle is closed")
}

fn io_error(e: std::io::Error) -> Exc {
    if e.kind() == std::io::ErrorKind::UnexpectedEof {
        // The writer went away in the middle of a message.
        return Exc::new(ExcKind::OSError, "got end of file during message");
    }
    os_error(e)
}

fn check_send(c: &Conn) -> Result<(), Exc> {
    if c.ch.borrow().is_none() {
        return Err(closed());
    }
    if !c.writable {
        return Err(Exc::new(ExcKind::OSError, "connection is read-only"));
    }
    Ok(())
}

fn check_recv(c: &Conn) -> Result<(), Exc> {
    if c.ch.borrow().is_none() {
        return Err(closed());
    }
    if !c.readable.get() {
        return Err(Exc::new(ExcKind::OSError, "connection is write-only"));
    }
    Ok(())
}

fn send_raw(c: &Conn, data: &[u8], detail: String) -> Result<(), Exc> {
    // Reported before the bytes go, so that in the trace (ordered by time) a message is always
    // sent before it is received; a send that then fails says so.
    op(c.id, Op::Sent, Some(detail));
    let r = c.ch.borrow().as_ref().expect("checked open").send(data);
    if let Err(e) = r {
        let e = io_error(e);
        op(c.id, Op::SendFailed, Some(e.class_name().to_string()));
        return Err(e);
    }
    Ok(())
}

/// The next message, waiting for it (reported as blocked on `recv`).
fn recv_raw(it: &mut Interp, c: &Conn) -> Result<Vec<u8>, Exc> {
    let r = loop {
        // A message already there is taken in one call, without asking first.
        let now = c.ch.borrow().as_ref().expect("checked open").try_recv();
        if let Some(r) = now.transpose() {
            break r;
        }
        blocked(&c.label, "recv");
        let waited =
            c.ch.borrow()
                .as_ref()
                .expect("checked open")
                .poll_or_signal(None);
        running();
        if waited != Waited::Signal {
            break c.ch.borrow().as_ref().expect("checked open").recv();
        }
        // A signal handler runs while recv waits, then recv waits again (PEP 475); the handler
        // may have closed this end.
        super::signal::run_pending(it)?;
        check_recv(c)?;
    };
    match r.map_err(io_error)? {
        Recv::Message(m) => Ok(m),
        Recv::Eof => {
            op(c.id, Op::Eof, None);
            Err(Exc::with_args(ExcKind::EOFError, vec![]))
        }
    }
}

fn short_repr(it: &mut Interp, v: &Value) -> String {
    let mut r = it.repr(v).unwrap_or_else(|_| "?".into());
    if r.chars().count() > 60 {
        r = r.chars().take(57).collect::<String>() + "...";
    }
    r
}

fn send(it: &mut Interp, a: Args) -> R {
    let c = conn(&a)?;
    let [obj] = Sig::py("_ConnectionBase.send", &["obj"], 1)
        .method()
        .bind(&a)?;
    let obj = obj.cloned().unwrap_or(Value::None);
    check_send(&c)?;
    let data = wire::dumps_in_call(it, &obj)?;
    let detail = short_repr(it, &obj);
    send_raw(&c, &data, detail)?;
    Ok(Value::None)
}

fn recv(it: &mut Interp, a: Args) -> R {
    let c = conn(&a)?;
    Sig::py("_ConnectionBase.recv", &[], 0)
        .method()
        .bind::<0>(&a)?;
    check_recv(&c)?;
    let m = recv_raw(it, &c)?;
    let v = wire::loads(it, &m)?;
    let detail = short_repr(it, &v);
    op(c.id, Op::Received, Some(detail));
    Ok(v)
}

fn int_arg(v: Option<&Value>, name: &str) -> Result<Option<i64>, Exc> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(i)) => Ok(Some(*i)),
        Some(other) => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer ({name})",
            other.type_name()
        ))),
    }
}

/// `send_bytes(buf, offset=0, size=None)`.
fn send_bytes(_: &mut Interp, a: Args) -> R {
    let c = conn(&a)?;
    let [buf, offset, size] = Sig::py("_ConnectionBase.send_bytes", &["buf", "offset", "size"], 1)
        .method()
        .bind(&a)?;
    check_send(&c)?;
    // CPython takes a memoryview of any buffer: bytes, bytearray, memoryview.
    let buf = buf.and_then(bytes_like).ok_or_else(|| not_a_buffer(buf))?;
    let n = buf.len() as i64;
    let offset = int_arg(offset, "offset")?.unwrap_or(0);
    if offset < 0 {
        return Err(value_error("offset is negative"));
    }
    if n < offset {
        return Err(value_error("buffer length < offset"));
    }
    let size = match int_arg(size, "size")? {
        None => n - offset,
        Some(s) if s < 0 => return Err(value_error("size is negative")),
        Some(s) if offset.checked_add(s).is_none_or(|end| end > n) => {
            return Err(value_error("buffer length < offset + size"));
        }
        Some(s) => s,
    };
    let piece = &buf[offset as usize..(offset + size) as usize];
    send_raw(&c, piece, format!("{} bytes", piece.len()))?;
    Ok(Value::None)
}

/// The bytes of a bytes-like value (bytes, bytearray, memoryview), as CPython's `memoryview(buf)`
/// would show them.
fn bytes_like(v: &Value) -> Option<Vec<u8>> {
    match v {
        Value::Bytes(b) => Some(b.to_vec()),
        other => bytearray::contents(other).or_else(|| memoryview::contents(other)),
    }
}

fn not_a_buffer(v: Option<&Value>) -> Exc {
    type_error(format!(
        "memoryview: a bytes-like object is required, not '{}'",
        v.map_or("NoneType".into(), |v| v.type_name())
    ))
}

/// `recv_bytes_into(buf, offset=0)`: the next message written into `buf` from byte `offset`; its
/// size is returned. CPython checks the offset before it reads, and a message that does not fit
/// is consumed and handed back inside `BufferTooShort`.
fn recv_bytes_into(it: &mut Interp, a: Args) -> R {
    let c = conn(&a)?;
    let [buf, offset] = Sig::py("_ConnectionBase.recv_bytes_into", &["buf", "offset"], 1)
        .method()
        .bind(&a)?;
    let buf = buf.cloned().unwrap_or(Value::None);
    check_recv(&c)?;
    let bytesize = match &buf {
        Value::Bytes(b) => b.len(),
        other => memoryview::len_of(other)
            .or_else(|| bytearray::contents(other).map(|b| b.len()))
            .ok_or_else(|| not_a_buffer(Some(other)))?,
    } as i64;
    let offset = int_arg(offset, "offset")?.unwrap_or(0);
    if offset < 0 {
        return Err(value_error("negative offset"));
    }
    if offset > bytesize {
        return Err(value_error("offset too large"));
    }
    let m = recv_raw(it, &c)?;
    op(c.id, Op::Received, Some(format!("{} bytes", m.len())));
    let size = m.len() as i64;
    if bytesize < offset + size {
        let too_short = multiprocessing::errors().buffer_too_short;
        return Err(Exc {
            value: exceptions::instance(too_short, vec![Value::Bytes(ThinRc::from(m))]),
        });
    }
    if bytearray::contents(&buf).is_some() {
        let at = Value::Slice(Rc::new([
            Value::Int(offset),
            Value::Int(offset + size),
            Value::None,
        ]));
        it.setitem(&buf, at, Value::Bytes(ThinRc::from(m)))?;
    } else if memoryview::len_of(&buf).is_some() {
        memoryview::write_into(it, &buf, offset as usize, &m)?;
    } else {
        // CPython's BytesIO.readinto refuses a read-only buffer.
        return Err(type_error(format!(
            "readinto() argument must be read-write bytes-like object, not {}",
            buf.type_name()
        )));
    }
    Ok(Value::Int(size))
}

/// `recv_bytes(maxlength=None)`.
fn recv_bytes(it: &mut Interp, a: Args) -> R {
    let c = conn(&a)?;
    let [max] = Sig::py("_ConnectionBase.recv_bytes", &["maxlength"], 0)
        .method()
        .bind(&a)?;
    let max = int_arg(max, "maxlength")?;
    if max.is_some_and(|m| m < 0) {
        return Err(value_error("negative maxlength"));
    }
    check_recv(&c)?;
    let m = recv_raw(it, &c)?;
    if max.is_some_and(|x| m.len() as i64 > x) {
        // As CPython: a duplex end stops reading, a receive-only end closes.
        if c.writable {
            c.readable.set(false);
        } else {
            c.ch.borrow_mut().take();
        }
        return Err(Exc::new(ExcKind::OSError, "bad message length"));
    }
    op(c.id, Op::Received, Some(format!("{} bytes", m.len())));
    Ok(Value::Bytes(ThinRc::from(m)))
}

/// `poll(timeout=0.0)`: whether there is something to read (`None` waits forever).
fn poll(_: &mut Interp, a: Args) -> R {
    let c = conn(&a)?;
    let [timeout] = Sig::py("_ConnectionBase.poll", &["timeout"], 0)
        .method()
        .bind(&a)?;
    check_recv(&c)?;
    let timeout = match timeout {
        None => Some(0.0),
        v => deadline_of(v.cloned())?,
    };
    let now =
        c.ch.borrow()
            .as_ref()
            .expect("checked open")
            .poll(Some(0.0));
    if now || timeout == Some(0.0) {
        return Ok(Value::Bool(now));
    }
    blocked(&c.label, "poll");
    let got = c.ch.borrow().as_ref().expect("checked open").poll(timeout);
    running();
    if !got {
        op(c.id, Op::Timeout, Some("poll".into()));
    }
    Ok(Value::Bool(got))
}

fn close(_: &mut Interp, a: Args) -> R {
    let c = conn(&a)?;
    Sig::py("_ConnectionBase.close", &[], 0)
        .method()
        .bind::<0>(&a)?;
    let ch = c.ch.borrow_mut().take();
    if let Some(ch) = ch {
        // Reported before the descriptors close, so that in the trace (ordered by time) the last
        // close of a send end always comes before the EOF it causes.
        op(c.id, Op::Closed, None);
        drop(ch);
    }
    Ok(Value::None)
}

fn fileno(_: &mut Interp, a: Args) -> R {
    let c = conn(&a)?;
    Sig::py("_ConnectionBase.fileno", &[], 0)
        .method()
        .bind::<0>(&a)?;
    let fd =
        c.ch.borrow()
            .as_ref()
            .map(|ch| ch.fd())
            .ok_or_else(closed)?;
    Ok(Value::Int(fd as i64))
}

fn enter(_: &mut Interp, a: Args) -> R {
    conn(&a)?;
    Ok(a.pos[0].clone())
}

fn exit(it: &mut Interp, a: Args) -> R {
    close(it, Args::new(vec![a.pos[0].clone()]))
}

/// `closed`, `readable`, `writable`.
fn get_attr(_: &mut Interp, inst: &Rc<Instance>, name: &str) -> Result<Option<Value>, Exc> {
    let Some(c) = payload::<Rc<Conn>>(&Value::Instance(inst.clone())) else {
        return Ok(None);
    };
    Ok(Some(match name {
        "closed" => Value::Bool(c.ch.borrow().is_none()),
        "readable" => Value::Bool(c.readable.get()),
        "writable" => Value::Bool(c.writable),
        _ => return Ok(None),
    }))
}

/// A Connection's fd and directions, for passing it to another process of the run
/// (`resource_sharer`); `Err` is CPython's error for a closed one.
pub fn parts(v: &Value) -> Option<Result<(std::os::fd::RawFd, bool, bool), Exc>> {
    let c = payload::<Rc<Conn>>(v)?;
    let fd = c.ch.borrow().as_ref().map(Channel::fd);
    Some(
        fd.map(|fd| (fd, c.readable.get(), c.writable))
            .ok_or_else(closed),
    )
}

/// A Connection of this process around a channel end received from another process.
pub fn adopt(it: &Interp, ch: Channel, readable: bool, writable: bool) -> Value {
    make(it, ch, readable, writable)
}

#[cfg(test)]
mod tests {
    use crate::python::tests::out;

    #[test]
    fn bytes_like_objects_go_both_ways() {
        let src = "import multiprocessing as mp\n\
            r, w = mp.Pipe(duplex=False)\n\
            w.send_bytes(bytearray(b'abcdef'), 1, 2)\n\
            w.send_bytes(memoryview(b'xyz')[1:])\n\
            print(r.recv_bytes(), r.recv_bytes())\n\
            buf = bytearray(5)\n\
            w.send_bytes(b'hi')\n\
            print(r.recv_bytes_into(buf, 3), buf)\n\
            w.send_bytes(b'too long')\n\
            try:\n\
            \x20   r.recv_bytes_into(buf)\n\
            except mp.BufferTooShort as e:\n\
            \x20   print(type(e).__name__, e.args[0], r.poll())\n";
        assert_eq!(
            out(src),
            "b'bc' b'yz'\n\
             2 bytearray(b'\\x00\\x00\\x00hi')\n\
             BufferTooShort b'too long' False\n"
        );
    }
}

//! `_shm`: the native half of `multiprocessing.shared_memory` (the Python half:
//! `src/python/lib/multiprocessing.shared_memory.py`, CPython's own code where it can be).
//!
//! CPython names a block `/psm_...` in `/dev/shm`. A lesson process may not name files, and nothing
//! may outlive a run, so forkyard's block is a memfd that the run's fd broker (`runtime::broker`)
//! holds under the block's name: any process of the run attaches by name, also one forked before
//! the block existed, and the block lives on after its creator closed it, until `unlink()` or the
//! run's end. The memory itself is a `MAP_SHARED` mapping of the memfd (an `mmap` object here), so
//! a write through one process's `buf` is seen at once by every process attached.
//!
//! - `create(name, size)` -> name: a new block (`name` None: `psm_` and 8 random hex digits, as
//!   CPython makes them), `FileExistsError` if the name is taken;
//! - `open(name)` -> mmap: the block mapped (`FileNotFoundError` if no such block);
//! - `unlink(name)`, `closed(name)`: what the timeline shows; `size(mmap)`; `close_map(mmap)`:
//!   `BufferError` while a memoryview of the block (other than `buf`, released first) lives;
//! - at the main's end, [`at_main_exit`] says what CPython's resource tracker says of blocks
//!   nobody unlinked, and forgets them.

use crate::python::exceptions::ExcKind;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::rc::Rc;

use super::make_module;
use super::sync::{created, instance_with, native_class, op, os_error, payload};
use crate::python::exceptions::{Exc, type_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, PyStr, Value};
use crate::runtime::{self, broker};
use crate::trace::{Op, Stream};

type R = Result<Value, Exc>;

/// The broker's keys of shared memory blocks start with this.
const KEY_PREFIX: &str = "shm/";

pub fn module() -> Value {
    make_module(
        "_shm",
        &[
            ("create", create),
            ("open", open),
            ("unlink", unlink),
            ("closed", closed),
            ("size", mmap_len),
            ("close_map", close_map),
        ],
        vec![],
    )
}

/// A block mapped into this process: `MAP_SHARED`, unmapped when the last reference goes (a
/// memoryview of it keeps it mapped, so no view ever reads unmapped memory).
#[derive(Debug)]
pub struct Mapping {
    ptr: *mut u8,
    len: usize,
    /// How many unreleased memoryviews look at it: while any does, `close()` is a `BufferError`.
    exports: std::cell::Cell<isize>,
}

impl crate::python::native_object::NativeObject for Rc<Mapping> {}

impl Drop for Mapping {
    fn drop(&mut self) {
        if self.len > 0 {
            // SAFETY: the mapping this value made and alone unmaps.
            unsafe { libc::munmap(self.ptr.cast(), self.len) };
        }
    }
}

impl Mapping {
    fn of(fd: &OwnedFd, len: usize) -> std::io::Result<Mapping> {
        if len == 0 {
            return Ok(Mapping {
                ptr: std::ptr::null_mut(),
                len,
                exports: 0.into(),
            });
        }
        // SAFETY: a fresh shared mapping of an fd we hold; MAP_FAILED is checked.
        let ptr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_SHARED,
                fd.as_raw_fd(),
                0,
            )
        };
        if ptr == libc::MAP_FAILED {
            return Err(std::io::Error::last_os_error());
        }
        Ok(Mapping {
            ptr: ptr.cast(),
            len,
            exports: 0.into(),
        })
    }

    fn bytes(&self) -> &[u8] {
        if self.len == 0 {
            return &[];
        }
        // SAFETY: `len` mapped bytes live as long as `self`; other processes may write them at any
        // time, which for plain bytes is the same race CPython's memoryview has.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

/// The `mmap` object a block is, shared by reference (the mapping is unmapped once).
type MapRef = Rc<Mapping>;

/// The bytes of `v` if it is a mapped block (a memoryview's source).
pub fn mapping_bytes(v: &Value) -> Option<Vec<u8>> {
    payload::<MapRef>(v).map(|m| m.bytes().to_vec())
}

/// Byte `at` of a mapped block.
pub fn mapping_byte(v: &Value, at: usize) -> Option<u8> {
    payload::<MapRef>(v).and_then(|m| m.bytes().get(at).copied())
}

/// Writes `byte` at `at` of a mapped block; `None` if `v` is none.
pub fn mapping_store(v: &Value, at: usize, byte: u8) -> Option<()> {
    let m = payload::<MapRef>(v)?;
    if at < m.len {
        // SAFETY: in bounds of the live mapping.
        unsafe { m.ptr.add(at).write_volatile(byte) };
    }
    Some(())
}

/// A memoryview starts (`+1`) or stops (`-1`) looking at `v`, if `v` is a mapped block.
pub fn export(v: &Value, delta: isize) {
    if let Some(m) = payload::<MapRef>(v) {
        m.exports.set(m.exports.get() + delta);
    }
}

/// Whether `v` is a mapped block.
pub fn is_mapping(v: &Value) -> bool {
    payload::<MapRef>(v).is_some()
}

fn name_arg(a: &Args, i: usize, func: &str) -> Result<PyStr, Exc> {
    match a.pos.get(i) {
        Some(Value::Str(s)) => Ok(s.clone()),
        _ => Err(type_error(format!("_shm.{func}() takes a block name"))),
    }
}

/// CPython's error for `shm_open`/`shm_unlink` of `name` failing with `errno`.
fn shm_error(errno: i32, name: &str) -> Exc {
    match errno {
        libc::ENOTCONN => Exc::new(
            ExcKind::OSError,
            "multiprocessing.shared_memory needs a forkyard run (its blocks are held by the \
             run): run the program with `forkyard run FILE.py`",
        ),
        libc::ENOENT | libc::EEXIST | libc::EINVAL | libc::ENAMETOOLONG => {
            crate::python::exceptions_os::from_errno(errno, Some(Value::str(&format!("/{name}"))))
        }
        _ => os_error(std::io::Error::from_raw_os_error(errno)),
    }
}

/// Checks a name as `shm_open` does (one path component, not too long).
fn check_name(name: &str) -> Result<(), Exc> {
    // glibc's shm_open: one path component shorter than NAME_MAX with its terminating NUL.
    if name.is_empty() || name.contains('/') || name.len() + 1 >= 255 {
        return Err(shm_error(libc::EINVAL, name));
    }
    Ok(())
}

/// The trace id of the block `name`: the same in every process, so its row is one.
fn trace_id(name: &str) -> u32 {
    // FNV-1a, with the top bit set: apart from the ids other primitives take.
    let mut h: u32 = 0x811c_9dc5;
    for b in name.bytes() {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    h | 0x8000_0000
}

fn random_name() -> String {
    let mut b = [0u8; 4];
    // SAFETY: getrandom into our own buffer; a short read leaves zeros, still a valid name.
    unsafe { libc::getrandom(b.as_mut_ptr().cast(), b.len(), 0) };
    format!("psm_{:02x}{:02x}{:02x}{:02x}", b[0], b[1], b[2], b[3])
}

fn memfd(size: u64) -> Result<OwnedFd, Exc> {
    // SAFETY: a valid C string and flags; the result is checked.
    let raw = unsafe { libc::memfd_create(c"forkyard-shm".as_ptr(), libc::MFD_CLOEXEC) };
    if raw < 0 {
        return Err(os_error(std::io::Error::last_os_error()));
    }
    // SAFETY: a fresh fd that we own.
    let fd = unsafe { OwnedFd::from_raw_fd(raw) };
    let len = i64::try_from(size)
        .map_err(|_| os_error(std::io::Error::from_raw_os_error(libc::EFBIG)))?;
    // SAFETY: ftruncate on our own fd.
    if unsafe { libc::ftruncate(fd.as_raw_fd(), len) } < 0 {
        return Err(os_error(std::io::Error::last_os_error()));
    }
    Ok(fd)
}

/// `create(name, size)`: a new block of `size` bytes under `name` (or a fresh `psm_` name).
fn create(_: &mut Interp, a: Args) -> R {
    // As `os.ftruncate(fd, size)` takes it (the Python half checked it is positive).
    let size = match a.pos.get(1) {
        Some(Value::Int(n)) if *n > 0 => *n as u64,
        Some(Value::Bool(true)) => 1,
        Some(Value::BigInt(_)) => {
            return Err(Exc::new(
                ExcKind::OverflowError,
                "Python int too large to convert to C long",
            ));
        }
        Some(other) => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )));
        }
        None => return Err(type_error("_shm.create() takes a name and a size")),
    };
    let fd = memfd(size)?;
    let given = match a.pos.first() {
        Some(Value::None) | None => None,
        Some(_) => Some(name_arg(&a, 0, "create")?),
    };
    let name = loop {
        let name = match &given {
            Some(n) => {
                check_name(n)?;
                n.to_string()
            }
            None => random_name(),
        };
        match broker::put(&format!("{KEY_PREFIX}{name}"), fd.as_raw_fd()) {
            Ok(()) => break name,
            // CPython draws another name when a random one is taken.
            Err(e) if e.raw_os_error() == Some(libc::EEXIST) && given.is_none() => continue,
            Err(e) => return Err(shm_error(e.raw_os_error().unwrap_or(libc::EIO), &name)),
        }
    };
    let id = trace_id(&name);
    created(id, "SharedMemory", Some(size as i64));
    op(id, Op::Created, Some(name.clone()));
    Ok(Value::str(&name))
}

fn mmap_class() -> Rc<crate::python::value::Class> {
    native_class("mmap", "mmap", &[("__len__", mmap_len)])
}

fn mmap_len(_: &mut Interp, a: Args) -> R {
    let m = a.pos.first().and_then(payload::<MapRef>);
    Ok(Value::Int(m.map_or(0, |m| m.len as i64)))
}

/// `open(name, attach)`: the block mapped into this process (its size is the memfd's);
/// `attach` says whether the timeline shows it (not for the creator's own first mapping).
fn open(_: &mut Interp, a: Args) -> R {
    let name = name_arg(&a, 0, "open")?;
    check_name(&name)?;
    let fd = broker::get(&format!("{KEY_PREFIX}{name}"))
        .map_err(|e| shm_error(e.raw_os_error().unwrap_or(libc::EIO), &name))?;
    // SAFETY: fstat into a zeroed stat we own.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    if unsafe { libc::fstat(fd.as_raw_fd(), &mut st) } < 0 {
        return Err(os_error(std::io::Error::last_os_error()));
    }
    let mapping = Mapping::of(&fd, st.st_size as usize).map_err(os_error)?;
    // The mapping keeps the memory; this process needs no fd for it.
    drop(fd);
    if matches!(a.pos.get(1), Some(Value::Bool(true))) {
        op(trace_id(&name), Op::Attached, None);
    }
    Ok(instance_with(mmap_class(), Rc::new(mapping) as MapRef))
}

/// `unlink(name)`: the run forgets the block; mappings stay until closed.
fn unlink(_: &mut Interp, a: Args) -> R {
    let name = name_arg(&a, 0, "unlink")?;
    check_name(&name)?;
    broker::unlink(&format!("{KEY_PREFIX}{name}"))
        .map_err(|e| shm_error(e.raw_os_error().unwrap_or(libc::EIO), &name))?;
    op(trace_id(&name), Op::Unlinked, None);
    Ok(Value::None)
}

/// `close_map(mmap)`: refused, as CPython's `mmap.close()`, while a memoryview of it lives
/// (the mapping itself goes with its last reference).
fn close_map(_: &mut Interp, a: Args) -> R {
    let m = a.pos.first().and_then(payload::<MapRef>);
    if m.is_some_and(|m| m.exports.get() > 0) {
        return Err(Exc::new(
            ExcKind::BufferError,
            "cannot close exported pointers exist",
        ));
    }
    Ok(Value::None)
}

/// `closed(name)`: this process's access ended (shown on the timeline).
fn closed(_: &mut Interp, a: Args) -> R {
    let name = name_arg(&a, 0, "closed")?;
    op(trace_id(&name), Op::Closed, None);
    Ok(Value::None)
}

/// At the main's end: what CPython's resource tracker warns of blocks never unlinked (it then
/// unlinks them itself), and the run forgets them.
pub fn at_main_exit() {
    if !broker::available() {
        return;
    }
    let Ok(n) = broker::unlink_all(KEY_PREFIX) else {
        return;
    };
    if n > 0 {
        runtime::output::write(
            Stream::Stderr,
            &format!(
                "/usr/lib/python3.11/multiprocessing/resource_tracker.py:254: UserWarning: \
                 resource_tracker: There appear to be {n} leaked shared_memory objects to clean \
                 up at shutdown\n  warnings.warn('resource_tracker: There appear to be %d '\n"
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_checked_as_shm_open_checks_them() {
        let _builtins = Interp::new("t.py", "");
        assert!(check_name("psm_0123abcd").is_ok());
        assert!(check_name("").is_err());
        assert!(check_name("a/b").is_err());
        assert!(check_name(&"x".repeat(300)).is_err());
        let n = random_name();
        assert!(n.starts_with("psm_") && n.len() == 12, "{n}");
        assert_eq!(trace_id("psm_1"), trace_id("psm_1"));
        assert_ne!(trace_id("psm_1"), trace_id("psm_2"));
    }

    #[test]
    fn outside_a_run_a_block_cannot_be_made_and_the_error_says_why() {
        let (code, _, err) = crate::python::tests::run(
            "from multiprocessing import shared_memory\nshared_memory.SharedMemory(create=True, size=8)\n",
        );
        assert_eq!(code, 1);
        assert!(
            err.contains("OSError: multiprocessing.shared_memory needs a forkyard run"),
            "{err}"
        );
    }

    #[test]
    fn a_mapping_of_a_memfd_is_shared_with_another_mapping_of_it() {
        let fd = memfd(16).unwrap();
        let a = Mapping::of(&fd, 16).unwrap();
        let b = Mapping::of(&fd, 16).unwrap();
        // SAFETY: in bounds of a live mapping.
        unsafe { a.ptr.add(3).write(42) };
        assert_eq!(b.bytes()[3], 42);
        assert_eq!(b.bytes().len(), 16);
    }
}

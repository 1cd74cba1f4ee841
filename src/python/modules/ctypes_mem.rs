//! `_ctypes_mem`: the memory under `multiprocessing.sharedctypes` objects of a ctypes Structure or
//! array type (the simple types go through `shared`). A block is a `MAP_SHARED` mapping made before
//! fork, as CPython's `multiprocessing.heap` arena, so a child's write is what the parent reads.
//! `ctypes.py` reads and writes a field as bytes at its offset; the layout is all in Python.

use std::rc::Rc;

use super::make_module;
use super::sync::{self, instance_with, os_error, this};
use crate::python::exceptions::{Exc, ExcKind, type_error, value_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Instance, ThinRc, Value};
use crate::runtime::sync::Shared;

type R = Result<Value, Exc>;

/// A block of shared memory and the size asked for (the mapping may be larger).
#[derive(Debug, Clone)]
struct Block {
    shm: Rc<Shared>,
    size: usize,
    /// Its id among the run's primitives (`sync::new_id`): the fork server tells by it whether
    /// the block was made before the server was forked.
    id: u32,
}

impl crate::python::native_object::NativeObject for Block {
    /// What `wire` calls a block outside of spawning (never reached from sharedctypes, which asks
    /// [`spawning`] first): a block crosses to a child being spawned by inheritance, as an index.
    fn shared_kind(&self) -> Option<&'static str> {
        Some("Block")
    }

    fn trace_id(&self) -> Option<u32> {
        Some(self.id)
    }
}

pub fn module() -> Value {
    make_module(
        "_ctypes_mem",
        &[("shared", shared), ("spawning", spawning)],
        vec![],
    )
}

/// `spawning()`: whether this pickling is of a child being spawned, whose blocks pass by
/// inheritance (sharedctypes then reduces its objects to their type, block and offset).
fn spawning(_: &mut Interp, _: Args) -> R {
    Ok(Value::Bool(super::wire::spawning()))
}

fn usize_arg(v: Option<&Value>, what: &str) -> Result<usize, Exc> {
    match v {
        Some(Value::Int(n)) if *n >= 0 => Ok(*n as usize),
        Some(Value::Int(n)) => Err(value_error(format!("{what} must be >= 0, not {n}"))),
        Some(other) => Err(type_error(format!(
            "{what} must be an int, not {}",
            other.type_name()
        ))),
        None => Err(type_error(format!("missing argument: {what}"))),
    }
}

/// `shared(size)`: a zeroed block of `size` bytes in shared memory.
fn shared(it: &mut Interp, a: Args) -> R {
    let size = usize_arg(a.pos.first(), "size")?;
    if isize::try_from(size).is_err() {
        return Err(Exc::new(ExcKind::OverflowError, "array too large"));
    }
    if size > crate::python::alloc::MAX_OBJECT_BYTES {
        return Err(crate::python::alloc::memory_error());
    }
    let shm = Shared::new(size).map_err(os_error)?;
    Ok(block_value(Block {
        shm: Rc::new(shm),
        size,
        id: sync::new_id(it),
    }))
}

fn block_value(b: Block) -> Value {
    let class = sync::native_class(
        "ctypes_mem.Block",
        "_ctypes_mem",
        &[("read", read), ("write", write)],
    );
    instance_with(class, b)
}

/// Writes the description of a block for a child of the fork server forked before it was made.
pub fn describe(inst: &Instance, out: &mut super::handover::Out) -> bool {
    let n = inst.native.borrow();
    let Some(b) = n.as_ref().and_then(|b| b.downcast_ref::<Block>()) else {
        return false;
    };
    out.u64(super::handover::BLOCK);
    out.u64(b.size as u64);
    out.u64(u64::from(b.id));
    out.shm(b.shm.handover());
    true
}

/// The block another process described ([`describe`]), on the memory it handed over.
pub fn rebuild(input: &mut super::handover::In) -> Option<Value> {
    let size = usize::try_from(input.u64()?).ok()?;
    let id = u32::try_from(input.u64()?).ok()?;
    let shm = input.shm()?;
    if size > shm.len() {
        return None;
    }
    Some(block_value(Block {
        shm: Rc::new(shm),
        size,
        id,
    }))
}

/// The range `off..off+n` of the block, or ValueError past its end.
fn span(b: &Block, off: usize, n: usize) -> Result<(), Exc> {
    match off.checked_add(n) {
        Some(end) if end <= b.size => Ok(()),
        _ => Err(value_error(format!(
            "{n} bytes at offset {off} are past the end of a {}-byte block",
            b.size
        ))),
    }
}

/// `block.read(offset, n)`: the bytes there, as one read.
fn read(_: &mut Interp, a: Args) -> R {
    let b: Block = this(&a, "Block")?;
    let off = usize_arg(a.pos.get(1), "offset")?;
    let n = usize_arg(a.pos.get(2), "n")?;
    span(&b, off, n)?;
    let mut out = vec![0u8; n];
    b.shm.read(off, &mut out);
    Ok(Value::Bytes(ThinRc::from(out)))
}

/// `block.write(offset, data)`: stores `data` (bytes) there.
fn write(_: &mut Interp, a: Args) -> R {
    let b: Block = this(&a, "Block")?;
    let off = usize_arg(a.pos.get(1), "offset")?;
    let Some(Value::Bytes(data)) = a.pos.get(2) else {
        return Err(type_error("Block.write() takes bytes"));
    };
    span(&b, off, data.len())?;
    b.shm.write(off, data);
    Ok(Value::None)
}

#[cfg(test)]
mod tests {
    use crate::python::tests::run;

    /// The parts of ctypes that reach the machine fail where they are used, naming themselves;
    /// the module itself imports and the line before them ran.
    #[test]
    fn machine_parts_of_ctypes_are_refused_where_used() {
        for (call, name) in [
            ("ctypes.CDLL('libc.so.6')", "CDLL"),
            ("ctypes.cdll.LoadLibrary('libc.so.6')", "cdll.LoadLibrary"),
            ("ctypes.pointer(ctypes.c_int(1))", "pointer"),
            ("ctypes.POINTER(ctypes.c_int)", "POINTER"),
            ("ctypes.byref(ctypes.c_int(1))", "byref"),
            ("ctypes.addressof(ctypes.c_int(1))", "addressof"),
            ("ctypes.cast(0, ctypes.c_void_p)", "cast"),
            ("ctypes.memmove(0, 0, 1)", "memmove"),
            ("ctypes.c_char_p(b'x')", "c_char_p"),
            ("ctypes.c_void_p(0)", "c_void_p"),
        ] {
            let (code, out, err) = run(&format!("import ctypes\nprint('imported')\n{call}\n"));
            assert_eq!((code, out.as_str()), (1, "imported\n"), "{call}: {err}");
            let want = format!(
                "NotImplementedError: ctypes.{name} is not available in forkyard: a lesson program \
                 cannot reach the machine ("
            );
            assert!(err.contains(&want), "{call}: {err}");
            assert!(err.contains("line 3, in <module>"), "{call}: {err}");
        }
    }

    /// A block refuses what is outside it with a sentence, never a panic.
    #[test]
    fn a_block_checks_its_bounds_and_arguments() {
        let src = "import _ctypes_mem\nb = _ctypes_mem.shared(4)\nb.write(0, b'abcd')\n\
                   print(b.read(1, 3))\n\
                   for f in (lambda: b.read(2, 4), lambda: b.write(3, b'xy'), \
                   lambda: b.write(0, 'x'), lambda: _ctypes_mem.shared(-1)):\n\
                   \x20   try:\n        f()\n    except Exception as e:\n\
                   \x20       print(type(e).__name__, e)\n";
        let (code, out, err) = run(src);
        assert_eq!(code, 0, "{err}");
        assert_eq!(
            out,
            "b'bcd'\n\
             ValueError 4 bytes at offset 2 are past the end of a 4-byte block\n\
             ValueError 2 bytes at offset 3 are past the end of a 4-byte block\n\
             TypeError Block.write() takes bytes\n\
             ValueError size must be >= 0, not -1\n"
        );
    }
}

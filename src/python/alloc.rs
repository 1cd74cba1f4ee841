//! Sizes computed from Python values. A program can ask for any size (`'x' * n`, `bytes(n)`,
//! `Array('q', n)`, `'%.*f'`...): every such size is computed with checked arithmetic and weighed
//! against what one object may take ([`MAX_OBJECT_BYTES`]) before anything is allocated, and big
//! buffers are reserved with `try_reserve`, so the answer is Python's `MemoryError` and never a
//! wrapped size or Rust's "memory allocation failed" abort.

use super::exceptions::Exc;
use super::value::Value;

pub use super::interp::{MAX_OBJECT_BYTES, memory_error};

/// `n` units of `unit` bytes, or `MemoryError` when that overflows or is more than one object
/// may take.
pub fn bytes_for(unit: usize, n: usize) -> Result<usize, Exc> {
    unit.checked_mul(n)
        .filter(|total| *total <= MAX_OBJECT_BYTES)
        .ok_or_else(memory_error)
}

/// `base + extra` bytes, checked as [`bytes_for`].
pub fn plus(base: usize, extra: usize) -> Result<usize, Exc> {
    base.checked_add(extra)
        .filter(|total| *total <= MAX_OBJECT_BYTES)
        .ok_or_else(memory_error)
}

/// Fails with `MemoryError` unless `n` values fit in one list (their slots alone).
pub fn check_items(n: usize) -> Result<(), Exc> {
    bytes_for(std::mem::size_of::<Value>(), n).map(|_| ())
}

/// An empty vector with room for `n` items, or `MemoryError` (over the object limit, or the
/// allocator said no).
pub fn vec_with_capacity<T>(n: usize) -> Result<Vec<T>, Exc> {
    bytes_for(std::mem::size_of::<T>().max(1), n)?;
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| memory_error())?;
    Ok(v)
}

/// An empty string with room for `n` bytes, or `MemoryError`.
pub fn string_with_capacity(n: usize) -> Result<String, Exc> {
    bytes_for(1, n)?;
    let mut s = String::new();
    s.try_reserve_exact(n).map_err(|_| memory_error())?;
    Ok(s)
}

/// `s` repeated `n` times, or `MemoryError`.
pub fn repeat_str(s: &str, n: usize) -> Result<String, Exc> {
    let bytes = repeat_bytes(s.as_bytes(), n)?;
    // Copies of whole UTF-8 strings are UTF-8.
    Ok(String::from_utf8(bytes).expect("repeated UTF-8 is UTF-8"))
}

/// `c` repeated `n` times, or `MemoryError`.
pub fn repeat_char(c: char, n: usize) -> Result<String, Exc> {
    repeat_str(c.encode_utf8(&mut [0; 4]), n)
}

/// `b` repeated `n` times, or `MemoryError`.
pub fn repeat_bytes(b: &[u8], n: usize) -> Result<Vec<u8>, Exc> {
    let total = bytes_for(b.len(), n)?;
    let mut out = vec_with_capacity(total)?;
    if n > 0 {
        out.extend_from_slice(b);
    }
    // Doubling copies: log2(n) steps instead of n.
    while out.len() < total {
        let more = out.len().min(total - out.len());
        out.extend_from_within(..more);
    }
    Ok(out)
}

/// The pieces joined, or `MemoryError`.
pub fn concat(parts: &[&str]) -> Result<String, Exc> {
    let total = parts.iter().try_fold(0usize, |n, p| plus(n, p.len()))?;
    let mut out = string_with_capacity(total)?;
    for p in parts {
        out.push_str(p);
    }
    Ok(out)
}

/// Room for `extra` more items in `v`, or `MemoryError` (the list would be more than one object
/// may take, or the allocator said no): for lists that grow one item at a time.
pub fn grow<T>(v: &mut Vec<T>, extra: usize) -> Result<(), Exc> {
    let want = v.len().checked_add(extra).ok_or_else(memory_error)?;
    if want > v.capacity() {
        bytes_for(std::mem::size_of::<T>().max(1), want)?;
        // Double as `push` would, but ask first.
        let target = want.max(v.capacity().saturating_mul(2));
        let target = target.min(MAX_OBJECT_BYTES / std::mem::size_of::<T>().max(1));
        v.try_reserve_exact(target - v.len())
            .or_else(|_| v.try_reserve_exact(extra))
            .map_err(|_| memory_error())?;
    }
    Ok(())
}

/// What a list of `n` new strings costs besides their text: its slots and each string's header.
/// `MemoryError` when that is more than one object may take (`'a b ' * 10**8).split()`).
pub fn check_strings(n: usize) -> Result<(), Exc> {
    if n > MAX_STRINGS {
        return Err(memory_error());
    }
    Ok(())
}

/// The most strings one list of new strings may hold (see [`check_strings`]).
pub const MAX_STRINGS: usize = MAX_OBJECT_BYTES / (std::mem::size_of::<Value>() + STR_HEADER);
const STR_HEADER: usize = 32;

/// A Python count (a repeat count, a width, a length) as a size: negative counts as 0, as
/// Python's repeats and paddings do.
pub fn count(n: i64) -> usize {
    usize::try_from(n.max(0)).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::exceptions::ExcKind;

    #[test]
    fn sizes_that_overflow_or_exceed_the_object_limit_are_memory_errors() {
        crate::python::exceptions::install();
        assert_eq!(bytes_for(8, 4).unwrap(), 32);
        assert!(bytes_for(8, 1 << 62).unwrap_err().is(ExcKind::MemoryError));
        assert!(
            bytes_for(usize::MAX, 2)
                .unwrap_err()
                .is(ExcKind::MemoryError)
        );
        assert!(bytes_for(1, MAX_OBJECT_BYTES + 1).is_err());
        assert!(plus(usize::MAX, 1).is_err());
        assert!(vec_with_capacity::<u64>(usize::MAX / 2).is_err());
        assert!(string_with_capacity(1 << 40).is_err());
        assert_eq!(string_with_capacity(10).unwrap().capacity(), 10);
        assert_eq!(count(-5), 0);
        assert_eq!(count(7), 7);
    }
}

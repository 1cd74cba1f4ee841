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
    let mut out = string_with_capacity(bytes_for(s.len(), n)?)?;
    for _ in 0..n {
        out.push_str(s);
    }
    Ok(out)
}

/// `c` repeated `n` times, or `MemoryError`.
pub fn repeat_char(c: char, n: usize) -> Result<String, Exc> {
    repeat_str(c.encode_utf8(&mut [0; 4]), n)
}

/// `b` repeated `n` times, or `MemoryError`.
pub fn repeat_bytes(b: &[u8], n: usize) -> Result<Vec<u8>, Exc> {
    let mut out = vec_with_capacity(bytes_for(b.len(), n)?)?;
    for _ in 0..n {
        out.extend_from_slice(b);
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

/// A Python count (a repeat count, a width, a length) as a size: negative counts as 0, as
/// Python's repeats and paddings do.
pub fn count(n: i64) -> usize {
    usize::try_from(n.max(0)).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_that_overflow_or_exceed_the_object_limit_are_memory_errors() {
        assert_eq!(bytes_for(8, 4).unwrap(), 32);
        assert!(bytes_for(8, 1 << 62).unwrap_err().is("MemoryError"));
        assert!(bytes_for(usize::MAX, 2).unwrap_err().is("MemoryError"));
        assert!(bytes_for(1, MAX_OBJECT_BYTES + 1).is_err());
        assert!(plus(usize::MAX, 1).is_err());
        assert!(vec_with_capacity::<u64>(usize::MAX / 2).is_err());
        assert!(string_with_capacity(1 << 40).is_err());
        assert_eq!(string_with_capacity(10).unwrap().capacity(), 10);
        assert_eq!(count(-5), 0);
        assert_eq!(count(7), 7);
    }
}

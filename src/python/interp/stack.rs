//! How much native stack is left, on whichever stack the interpreter is running.
//!
//! Deep Python recursion grows the native stack in segments (`stacker::grow`) instead of
//! overflowing it, so `RecursionError` is the only limit a program meets. `stacker::maybe_grow`
//! measures against the *thread's* stack, which is wrong on a generator's own stack (a coroutine,
//! see `generator`): there it would either grow on every call or never, and overflow. So the
//! interpreter keeps the lowest usable address of the stack it runs on itself, set when a
//! generator is resumed and when a new segment is entered, and measures against that.

use std::cell::Cell;

thread_local! {
    /// The lowest usable address of the current stack; 0 until first asked on the thread's stack.
    static LIMIT: Cell<usize> = const { Cell::new(0) };
}

/// An address inside the current native frame: close enough to the stack pointer.
#[inline(always)]
fn here() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

/// The current stack's limit, learned from stacker the first time (on the thread's own stack, or
/// in a segment stacker made, stacker knows the bounds).
#[inline]
fn limit() -> usize {
    let l = LIMIT.with(Cell::get);
    if l != 0 {
        return l;
    }
    let l = here().saturating_sub(stacker::remaining_stack().unwrap_or(0));
    LIMIT.with(|c| c.set(l));
    l
}

/// Run `f` with at least `red_zone` bytes of stack, moving to a new segment of `size` bytes when
/// the current stack has less left.
#[inline]
pub fn maybe_grow<R>(red_zone: usize, size: usize, f: impl FnOnce() -> R) -> R {
    if here().saturating_sub(limit()) >= red_zone {
        f()
    } else {
        grow(size, f)
    }
}

#[cold]
fn grow<R>(size: usize, f: impl FnOnce() -> R) -> R {
    let _restore = Restore(LIMIT.with(Cell::get));
    stacker::grow(size, || {
        // Inside the new segment stacker knows its bounds.
        LIMIT.with(|c| c.set(0));
        limit();
        f()
    })
}

/// Switch the limit to another stack's (a generator's, about to be resumed) until the guard is
/// dropped.
pub fn enter(stack_limit: usize) -> Restore {
    Restore(LIMIT.with(|c| c.replace(stack_limit)))
}

/// Puts the previous stack limit back, also when unwinding.
pub struct Restore(usize);

impl Drop for Restore {
    fn drop(&mut self) {
        LIMIT.with(|c| c.set(self.0));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Recursion that would overflow any fixed stack keeps going through new segments.
    fn deep(n: u32) -> u32 {
        if n == 0 {
            return 0;
        }
        maybe_grow(32 * 1024, 1 << 20, || {
            let pad = std::hint::black_box([0u8; 512]);
            deep(n - 1) + pad[0] as u32 + 1
        })
    }

    #[test]
    fn deep_recursion_grows_instead_of_overflowing() {
        assert_eq!(deep(50_000), 50_000);
    }

    #[test]
    fn entering_a_stack_sets_its_limit_and_restores_the_old_one() {
        let before = limit();
        {
            let _g = enter(12345);
            assert_eq!(limit(), 12345);
        }
        assert_eq!(limit(), before);
    }
}

//! A Pool's result handler, where CPython has one: the thread that unpickles every result in the
//! parent. When a result cannot be rebuilt there (an exception whose `__init__` wants more
//! arguments than its `args` hold, a `__setstate__` that raises), that thread dies with a
//! traceback, and from then on no result reaches the parent: `get()` waits forever (or until its
//! timeout), and `terminate()` (the end of a `with Pool()` block) raises `AssertionError: Cannot
//! have cache with result_hander not alive` while jobs are still owed.
//!
//! `scheduler.rs` (`take_result`) reports the death here; `mod.rs` numbers the thread when a pool
//! is made and raises `dead_handler_error` from `terminate()`.

use crate::python::exceptions::ExcKind;
use std::cell::Cell;

use crate::python::exceptions::Exc;
use crate::python::interp::Interp;
use crate::python::modules::wire;
use crate::runtime;

thread_local! {
    /// Pools this process made: CPython names the k-th pool's threads `Thread-(3k-2)` to
    /// `Thread-3k` (`_handle_workers`, `_handle_tasks`, `_handle_results`). A forked child
    /// inherits the count, as it inherits `threading`'s counter.
    static POOLS_MADE: Cell<u32> = const { Cell::new(0) };
}

/// The number of a new pool's result handler thread (`Thread-N`).
pub fn new_handler_number() -> u32 {
    POOLS_MADE.with(|c| {
        c.set(c.get() + 1);
        3 * c.get()
    })
}

/// What the result handler thread prints as it dies of `e`.
pub fn report_death(it: &mut Interp, thread: u32, e: &Exc) {
    let trace = wire::helper_thread_traceback(
        it,
        e,
        "  File \"multiprocessing/pool.py\", line 579, in _handle_results\n",
    );
    runtime::output::write(
        crate::trace::Stream::Stderr,
        &format!("Exception in thread Thread-{thread} (_handle_results):\n{trace}"),
    );
}

/// `terminate()` of a pool whose result handler died while results are owed.
pub fn dead_handler_error() -> Exc {
    Exc::new(
        ExcKind::AssertionError,
        "Cannot have cache with result_hander not alive",
    )
}

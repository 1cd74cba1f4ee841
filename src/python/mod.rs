//! The language: forkyard's Python subset.
//!
//! `parse` is the only module that touches the ruff parser crates (`convert` and `scope` read the
//! tree it returns); everything after works on forkyard's own AST (`ast`), evaluated by `interp`.
//! `modules` is the one place where Python reaches the OS layer (`crate::runtime`).
//! Must not live here: pipes, signals or fork calls of its own.

pub mod alloc;
pub mod ast;
pub mod bigint;
pub mod bind;
pub mod builtin_classes;
pub mod builtins;
pub mod callers;
pub mod complex;
mod convert;
pub mod cpython_hash;
pub mod descriptors;
pub mod dict_iter;
mod dir_names;
mod exc_kind;
mod except_star_check;
pub mod exceptions;
mod exceptions_group;
pub(crate) mod exceptions_os;
mod exceptions_unicode;
mod float_hash;
pub mod format;
mod function_attrs;
pub mod inline_cache;
pub mod interp;
pub mod iter_kind;
pub mod key_hash;
mod keys;
mod methods;
pub mod modules;
pub mod native_object;
mod natives;
pub mod ops;
pub mod parse;
mod scope;
pub mod sizeof;
mod steps;
pub mod subclass;
pub mod tb_repeats;
pub mod thin;
pub mod value;
mod value_drop;
mod value_layout;

use crate::python::exceptions::ExcKind;
use crate::runtime;
use crate::trace::Stream;

pub use parse::{ParseError, parse_program};

/// Parse a program without running it. Errors are CPython-style (file, line, the source line, a
/// caret, the message), or name an unsupported construct with its line and column.
pub fn check_program(source: &str, file: &str) -> Result<(), String> {
    parse_program(source, file)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

fn publish_line(pos: ast::Pos) {
    runtime::state::set_line(pos.line, pos.col);
}

/// The arguments the program was given after its name: `sys.argv[1:]` in every process of the run.
pub fn set_program_arguments(args: Vec<String>) {
    modules::set_program_arguments(args);
}

/// Run `source` as Python's `MainProcess` in this process (the lesson main), including the exit
/// rules of multiprocessing at its end. Returns the process's exit code: 0, 1 after an uncaught
/// exception (its traceback on stderr), or `sys.exit`'s code.
pub fn run_main(source: &str, file: &str) -> i32 {
    // Python data can nest deeply (a list in a list, 100 000 times): dropping or walking it recurses
    // in Rust. The interpreter runs on a large, lazily mapped stack so that only Python's own limits
    // (RecursionError) are ever met; forked children inherit it.
    stacker::grow(INTERPRETER_STACK, || run_main_on_big_stack(source, file))
}

const INTERPRETER_STACK: usize = 1 << 30;

/// Run a single-process program in this process with at most `budget` statements, for tools that
/// run untrusted programs in-process (fuzz tests): returns the exit code, output goes through
/// `runtime::output` (capture it with `runtime::capture`). Starting a process is refused.
pub fn run_with_budget(source: &str, file: &str, budget: u64) -> i32 {
    stacker::grow(INTERPRETER_STACK, || run_inner(source, file, Some(budget)))
}

fn run_main_on_big_stack(source: &str, file: &str) -> i32 {
    run_inner(source, file, None)
}

fn run_inner(source: &str, file: &str, budget: Option<u64>) -> i32 {
    let module = match parse_program(source, file) {
        Ok(m) => m,
        Err(e) => {
            runtime::output::write(Stream::Stderr, &format!("{e}\n"));
            return 1;
        }
    };
    let mut it = interp::Interp::new(file, source);
    it.hook = Some(publish_line);
    it.budget = budget;
    it.process.no_fork = budget.is_some();
    let mut interrupted = false;
    let code = match it.run_module(&module) {
        Ok(()) => 0,
        Err(e) if e.is(ExcKind::SystemExit) => modules::process::main_exit_code_of(&mut it, &e),
        Err(e) => {
            let tb = it.format_exception(&e);
            runtime::output::write(Stream::Stderr, &tb);
            interrupted = e.is(ExcKind::KeyboardInterrupt);
            1
        }
    };
    modules::finalizers::main_exit(&mut it);
    modules::shared_memory::at_main_exit();
    it.close_generators_at_exit();
    // What sys.stdout/sys.stderr still hold goes out at a normal end, after the exit rules, as at
    // CPython's finalization.
    runtime::output::flush_all();
    if interrupted && runtime::is_traced() {
        // CPython's main ends by SIGINT after an uncaught KeyboardInterrupt (the shell sees 130).
        runtime::signals::die_by(libc::SIGINT);
    }
    // The process ends right after this; tearing the heap down would only cost time.
    std::mem::forget(it);
    std::mem::forget(module);
    code
}

#[cfg(test)]
mod tests;

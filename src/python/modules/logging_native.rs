//! `_logging`: what `logging` (`src/python/lib/logging.py`) needs from the interpreter and that
//! CPython's logging reads from frames: where the learner's call stands (a record's `pathname`,
//! `lineno`, `funcName`) and the name of the running process (`processName`).
//!
//! forkyard's frames are not objects a program can walk (`sys._getframe` does not exist), so the
//! caller comes from the program's own frames as its statements note them (`Interp::callers`:
//! library lines do not move them): each frame's line and name (`<module>`, a function's
//! `co_name`, `<lambda>`, `<listcomp>`, `<genexpr>`...), `stacklevel` counting out from the
//! innermost as CPython counts the frames outside `logging`.

use crate::python::exceptions::Exc;
use crate::python::exceptions::ExcKind;
use crate::python::interp::Interp;
use crate::python::value::{Args, PyStr, Value};

use super::make_module;

type R = Result<Value, Exc>;

pub fn module() -> Value {
    make_module(
        "_logging",
        &[
            ("caller", caller),
            ("process_name", process_name),
            ("source_line", source_line),
            ("main_name", main_name),
        ],
        vec![],
    )
}

/// `caller(stacklevel=1)`: `(pathname, lineno, funcName, stack)` of the program's frame
/// `stacklevel` frames out from the innermost one running now; `stack` lists `(lineno,
/// funcName)` of the frames from the outermost to that one.
fn caller(it: &mut Interp, a: Args) -> R {
    let stacklevel = match a.pos.first() {
        Some(Value::Int(n)) => usize::try_from(*n).unwrap_or(1),
        Some(Value::Bool(b)) => *b as usize,
        _ => 1,
    };
    let stack = it.callers.stack(stacklevel);
    // Before the program's first statement (a logging call while importing), the module.
    let (line, func) = stack
        .last()
        .cloned()
        .unwrap_or((0, PyStr::from("<module>")));
    let frames = stack
        .iter()
        .map(|(l, n)| Value::tuple(vec![Value::Int(*l as i64), Value::str(n)]))
        .collect();
    Ok(Value::tuple(vec![
        Value::str(&absolute(&it.file)),
        Value::Int(line as i64),
        Value::str(&func),
        Value::list(frames),
    ]))
}

/// A record's `pathname`: the program's path made absolute, as CPython's is (3.11 runs the main
/// module with an absolute `__file__`, and `co_filename` follows it), without resolving symlinks
/// (`os.path.abspath`). A path that cannot be made absolute (no current directory) stays as given.
fn absolute(file: &str) -> String {
    match std::path::absolute(file) {
        Ok(p) => p.to_string_lossy().into_owned(),
        Err(_) => file.to_string(),
    }
}

/// `process_name()`: `multiprocessing.current_process().name` once the program imported
/// multiprocessing (a child always has), else `'MainProcess'`, as CPython's `LogRecord` asks
/// `sys.modules`.
fn process_name(it: &mut Interp, _: Args) -> R {
    let Some(mp) = it.modules.get("multiprocessing").cloned() else {
        return Ok(Value::str("MainProcess"));
    };
    let current = it.getattr(&mp, "current_process")?;
    let p = it.call(&current, Args::new(vec![]))?;
    it.getattr(&p, "name")
}

/// `main_name()`: the program's `__name__` (`__main__`, or `__mp_main__` in a spawned child):
/// the module a warning from the program's lines is filtered as.
fn main_name(it: &mut Interp, _: Args) -> R {
    Ok(it
        .globals
        .borrow()
        .get("__name__")
        .cloned()
        .unwrap_or_else(|| Value::str("__main__")))
}

/// `source_line(lineno)`: the program's line, stripped, for the call stack of a logging error.
fn source_line(it: &mut Interp, a: Args) -> R {
    let Some(Value::Int(n)) = a.pos.first() else {
        return Err(Exc::new(
            ExcKind::TypeError,
            "source_line(lineno) takes an int",
        ));
    };
    Ok(match it.source_line(u32::try_from(*n).unwrap_or(0)) {
        Some(text) => Value::str(text.trim()),
        None => Value::None,
    })
}

#[cfg(test)]
mod tests {
    use crate::python::tests::out;

    #[test]
    fn a_record_names_the_programs_line_and_function() {
        let src = "import logging, sys\n\
                   logging.basicConfig(stream=sys.stdout, format='%(funcName)s:%(lineno)d %(processName)s %(message)s')\n\
                   def work():\n    logging.warning('in %s', 'work')\n\
                   work()\n\
                   logging.warning('top')\n";
        assert_eq!(
            out(src),
            "work:4 MainProcess in work\n<module>:6 MainProcess top\n"
        );
    }

    #[test]
    fn a_records_pathname_is_absolute_and_ends_in_the_programs_name() {
        let src = "import logging, sys, os\n\
                   logging.basicConfig(stream=sys.stdout, format='%(pathname)s|%(filename)s')\n\
                   h = logging.getLogger().handlers[0]\n\
                   class F(logging.Filter):\n    def filter(self, r):\n        print(os.path.isabs(r.pathname), os.path.basename(r.pathname) == r.filename)\n        return False\n\
                   h.addFilter(F())\n\
                   logging.warning('x')\n";
        assert_eq!(out(src), "True True\n");
    }

    #[test]
    fn lambdas_comprehensions_and_stacklevel_name_their_frames() {
        let src = "import logging, sys\n\
                   logging.basicConfig(stream=sys.stdout, format='%(funcName)s:%(lineno)d %(message)s')\n\
                   f = lambda: logging.warning('l')\n\
                   def helper():\n    logging.warning('h', stacklevel=2)\n\
                   def user():\n    helper()\n\
                   [logging.warning('c') for _ in 'a']\n\
                   f()\n\
                   user()\n\
                   logging.warning(str(user()), stacklevel=9)\n";
        assert_eq!(
            out(src),
            "<listcomp>:8 c\n<lambda>:3 l\nuser:7 h\nuser:7 h\n<module>:11 None\n"
        );
    }
}

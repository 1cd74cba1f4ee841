//! `_logging`: what `logging` (`src/python/lib/logging.py`) needs from the interpreter and that
//! CPython's logging reads from frames: where the learner's call stands (a record's `pathname`,
//! `lineno`, `funcName`) and the name of the running process (`processName`).
//!
//! forkyard's frames are not objects a program can walk (`sys._getframe` does not exist), so the
//! caller is the learner's statement that ran last (`Interp::learner_line`: library lines do not
//! move it), and its function is found from the program's text: the innermost `def` or `class`
//! whose block holds that line, `<module>` outside any, which is the `co_name` CPython reports.

use crate::python::exceptions::Exc;
use crate::python::exceptions::ExcKind;
use crate::python::interp::Interp;
use crate::python::value::{Args, Value};

use super::make_module;

type R = Result<Value, Exc>;

pub fn module() -> Value {
    make_module(
        "_logging",
        &[
            ("caller", caller),
            ("process_name", process_name),
            ("source_line", source_line),
        ],
        vec![],
    )
}

/// `caller()`: `(pathname, lineno, funcName)` of the learner's statement running now.
fn caller(it: &mut Interp, _: Args) -> R {
    let line = it.learner_line;
    let func = enclosing_function(&it.source, line);
    Ok(Value::tuple(vec![
        Value::str(&it.file),
        Value::Int(line as i64),
        Value::str(&func),
    ]))
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

/// The name of the innermost function or class whose block holds `line` (1-based) of `source`, or
/// `<module>`. Walks up from the line: each line indented less than the innermost block seen so far
/// opens an enclosing block; the first of them that is a `def` or `class` names the scope.
fn enclosing_function(source: &str, line: u32) -> String {
    let lines: Vec<&str> = source.lines().collect();
    let Some(start) = (line as usize).checked_sub(1).filter(|i| *i < lines.len()) else {
        return "<module>".to_string();
    };
    let indent_of = |l: &str| l.len() - l.trim_start().len();
    let mut indent = indent_of(lines[start]);
    for l in lines[..start].iter().rev() {
        let text = l.trim_start();
        if indent == 0 {
            break;
        }
        if text.is_empty() || text.starts_with('#') || indent_of(l) >= indent {
            continue;
        }
        indent = indent_of(l);
        let head = text.strip_prefix("async ").unwrap_or(text);
        for keyword in ["def ", "class "] {
            if let Some(rest) = head.strip_prefix(keyword) {
                let name: String = rest
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                return name;
            }
        }
    }
    "<module>".to_string()
}

#[cfg(test)]
mod tests {
    use super::enclosing_function;
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
    fn the_innermost_def_or_class_names_the_scope() {
        let src = "import logging\n\
                   def work(n):\n    if n:\n        logging.info('x')\n\
                   \n    # a comment\n    return n\n\
                   class Box:\n    def put(self):\n        for i in range(2):\n            pass\n\
                   print(1)\n";
        assert_eq!(enclosing_function(src, 1), "<module>");
        assert_eq!(enclosing_function(src, 4), "work");
        assert_eq!(enclosing_function(src, 7), "work");
        assert_eq!(enclosing_function(src, 11), "put");
        assert_eq!(enclosing_function(src, 12), "<module>");
        assert_eq!(enclosing_function(src, 99), "<module>");
        assert_eq!(enclosing_function(src, 0), "<module>");
    }
}

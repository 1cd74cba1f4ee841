//! Modules written in Python: the parts of the standard library that are ordinary Python code in
//! CPython too (collections' helpers, functools, dataclasses...). Their sources live in
//! `src/python/lib/`, are compiled into the binary, and run through the same interpreter as the
//! learner's program, each in its own module namespace, when first imported.
//!
//! Library code is the machinery under a learner's line, not a line of theirs: its statements do not
//! move the process's published line (the code pane and the lanes keep showing the learner's line
//! that called into it), and they are not scheduler checkpoints. Tracebacks name the library file and
//! its line, as CPython names `/usr/lib/python3.11/...`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::python::exceptions::Exc;
use crate::python::interp::{Frame, Interp, Unwind};
use crate::python::value::{Module, Namespace, Value};

/// One module written in Python: its import name and its source.
struct Source {
    name: &'static str,
    text: &'static str,
}

/// The modules written in Python, by import name.
const LIBRARY: &[Source] = &[
    Source {
        name: "bisect",
        text: include_str!("../lib/bisect.py"),
    },
    Source {
        name: "concurrent",
        text: include_str!("../lib/concurrent.py"),
    },
    Source {
        name: "concurrent.futures",
        text: include_str!("../lib/concurrent.futures.py"),
    },
    Source {
        name: "concurrent.futures._base",
        text: include_str!("../lib/concurrent.futures._base.py"),
    },
    Source {
        name: "concurrent.futures.process",
        text: include_str!("../lib/concurrent.futures.process.py"),
    },
    Source {
        name: "json",
        text: include_str!("../lib/json.py"),
    },
    Source {
        name: "pprint",
        text: include_str!("../lib/pprint.py"),
    },
    Source {
        name: "queue",
        text: include_str!("../lib/queue.py"),
    },
    Source {
        name: "statistics",
        text: include_str!("../lib/statistics.py"),
    },
    Source {
        name: "string",
        text: include_str!("../lib/string.py"),
    },
    Source {
        name: "textwrap",
        text: include_str!("../lib/textwrap.py"),
    },
];

/// The file name tracebacks show for a library module: where its source lives in forkyard's tree.
pub fn file_of(name: &str) -> String {
    format!("<forkyard>/src/python/lib/{name}.py")
}

/// Whether `name` is a module written in Python.
pub fn has(name: &str) -> bool {
    LIBRARY.iter().any(|s| s.name == name)
}

/// The source of a library file named as `file_of` names it, for traceback lines.
pub fn source_of_file(file: &str) -> Option<&'static str> {
    let name = file
        .strip_prefix("<forkyard>/src/python/lib/")?
        .strip_suffix(".py")?;
    LIBRARY.iter().find(|s| s.name == name).map(|s| s.text)
}

/// Import a module written in Python: parse its source, run its body in a fresh namespace, and
/// return the module object (whose attributes are that namespace, shared with its functions).
pub fn load(it: &mut Interp, name: &str) -> Result<Value, Exc> {
    let Some(src) = LIBRARY.iter().find(|s| s.name == name) else {
        return Err(Exc::new(
            "ModuleNotFoundError",
            format!("No module named '{name}'"),
        ));
    };
    let file = file_of(name);
    // The sources are tested to parse (see the tests below); a failure here is forkyard's bug,
    // reported as an ImportError with the parser's words rather than a panic.
    let parsed = crate::python::parse_program(src.text, &file).map_err(|e| {
        Exc::new(
            "ImportError",
            format!("forkyard's own module '{name}' does not parse: {e}"),
        )
    })?;
    let globals = Rc::new(RefCell::new(Namespace::default()));
    {
        let mut g = globals.borrow_mut();
        g.insert(Rc::from("__name__"), Value::str(name));
        g.insert(Rc::from("__file__"), Value::str(&file));
    }
    let module = Value::Module(Rc::new(Module {
        name: Rc::from(name),
        attrs: globals.clone(),
    }));
    // Registered before its body runs, as CPython does, so an import cycle sees the module.
    it.modules.insert(Rc::from(name), module.clone());
    let mut frame = Frame::new(&parsed.frame, globals, Rc::from("<module>"));
    match it.exec_block(&parsed.body, &mut frame) {
        Ok(()) | Err(Unwind::Return(_) | Unwind::Break | Unwind::Continue) => {}
        Err(Unwind::Exc(e)) => {
            it.modules.remove(name);
            return Err(e);
        }
    }
    // The syntax tree stays alive as long as the process: functions hold their definitions, and
    // the module body's own tree is small.
    std::mem::forget(parsed);
    Ok(module)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_library_module_parses() {
        for s in LIBRARY {
            if let Err(e) = crate::python::parse_program(s.text, &file_of(s.name)) {
                panic!("{} does not parse:\n{e}", s.name);
            }
        }
    }

    #[test]
    fn source_lines_are_found_by_file_name() {
        let file = file_of("bisect");
        assert!(source_of_file(&file).is_some());
        assert!(source_of_file("prog.py").is_none());
    }
}

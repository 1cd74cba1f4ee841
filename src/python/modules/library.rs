//! Modules written in Python: the parts of the standard library that are ordinary Python code in
//! CPython too (collections' helpers, functools, dataclasses...). Their sources live in
//! `src/python/lib/`, are compiled into the binary, and run through the same interpreter as the
//! learner's program, each in its own module namespace, when first imported.
//!
//! Library code is the machinery under a learner's line, not a line of theirs: its statements do not
//! move the process's published line (the code pane and the lanes keep showing the learner's line
//! that called into it), and they are not scheduler checkpoints. Tracebacks name the library file and
//! its line, as CPython names `/usr/lib/python3.11/...`.

use crate::python::exceptions::ExcKind;
use std::cell::RefCell;
use std::rc::Rc;

use crate::python::exceptions::Exc;
use crate::python::interp::{Frame, Interp, Unwind};
use crate::python::value::{Module, Namespace, PyStr, Value};

/// One module written in Python: its import name and its source.
struct Source {
    name: &'static str,
    text: &'static str,
}

/// The modules written in Python, by import name.
const LIBRARY: &[Source] = &[
    Source {
        name: "abc",
        text: include_str!("../lib/abc.py"),
    },
    Source {
        name: "asyncio",
        text: include_str!("../lib/asyncio.py"),
    },
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
        name: "_manager_server",
        text: include_str!("../lib/_manager_server.py"),
    },
    Source {
        name: "multiprocessing.connection",
        text: include_str!("../lib/multiprocessing.connection.py"),
    },
    Source {
        name: "multiprocessing.managers",
        text: include_str!("../lib/multiprocessing.managers.py"),
    },
    Source {
        name: "ctypes",
        text: include_str!("../lib/ctypes.py"),
    },
    Source {
        name: "multiprocessing.sharedctypes",
        text: include_str!("../lib/multiprocessing.sharedctypes.py"),
    },
    Source {
        name: "multiprocessing.shared_memory",
        text: include_str!("../lib/multiprocessing.shared_memory.py"),
    },
    Source {
        name: "traceback",
        text: include_str!("../lib/traceback.py"),
    },
    Source {
        name: "inspect",
        text: include_str!("../lib/inspect.py"),
    },
    Source {
        name: "io",
        text: include_str!("../lib/io.py"),
    },
    Source {
        name: "json",
        text: include_str!("../lib/json.py"),
    },
    Source {
        name: "pickle",
        text: include_str!("../lib/pickle.py"),
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
        name: "re",
        text: include_str!("../lib/re.py"),
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
    Source {
        name: "collections",
        text: include_str!("../lib/collections.py"),
    },
    Source {
        name: "collections.abc",
        text: include_str!("../lib/collections.abc.py"),
    },
    Source {
        name: "copyreg",
        text: include_str!("../lib/copyreg.py"),
    },
    Source {
        name: "copy",
        text: include_str!("../lib/copy.py"),
    },
    Source {
        name: "functools",
        text: include_str!("../lib/functools.py"),
    },
    Source {
        name: "heapq",
        text: include_str!("../lib/heapq.py"),
    },
    Source {
        name: "itertools",
        text: include_str!("../lib/itertools.py"),
    },
    Source {
        name: "keyword",
        text: include_str!("../lib/keyword.py"),
    },
    Source {
        name: "operator",
        text: include_str!("../lib/operator.py"),
    },
    Source {
        name: "contextlib",
        text: include_str!("../lib/contextlib.py"),
    },
    Source {
        name: "dataclasses",
        text: include_str!("../lib/dataclasses.py"),
    },
    Source {
        name: "enum",
        text: include_str!("../lib/enum.py"),
    },
    Source {
        name: "typing",
        text: include_str!("../lib/typing.py"),
    },
    Source {
        name: "numbers",
        text: include_str!("../lib/numbers.py"),
    },
    Source {
        name: "errno",
        text: include_str!("../lib/errno.py"),
    },
    Source {
        name: "types",
        text: include_str!("../lib/types.py"),
    },
    Source {
        name: "locale",
        text: include_str!("../lib/locale.py"),
    },
    Source {
        name: "calendar",
        text: include_str!("../lib/calendar.py"),
    },
    Source {
        name: "_strptime",
        text: include_str!("../lib/_strptime.py"),
    },
    Source {
        name: "datetime",
        text: include_str!("../lib/datetime.py"),
    },
    Source {
        name: "atexit",
        text: include_str!("../lib/atexit.py"),
    },
    Source {
        name: "warnings",
        text: include_str!("../lib/warnings.py"),
    },
    Source {
        name: "logging",
        text: include_str!("../lib/logging.py"),
    },
    Source {
        name: "_anext",
        text: include_str!("../lib/_anext.py"),
    },
    Source {
        name: "multiprocessing.util",
        text: include_str!("../lib/multiprocessing.util.py"),
    },
];

/// The file name tracebacks show for a library module: where its source lives in forkyard's tree.
pub fn file_of(name: &str) -> String {
    format!("<forkyard>/src/python/lib/{name}.py")
}

/// The importable modules written in Python (not those named with a leading underscore), for the
/// sentence that says what forkyard provides.
pub fn names() -> Vec<&'static str> {
    LIBRARY
        .iter()
        .map(|s| s.name)
        .filter(|n| !n.starts_with('_'))
        .collect()
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
            ExcKind::ModuleNotFoundError,
            format!("No module named '{name}'"),
        ));
    };
    if name == "logging" || name == "warnings" {
        // From here on `logging` (or `warnings`) may ask who called it.
        it.start_noting_callers();
    }
    let file = file_of(name);
    // The sources are tested to parse (see the tests below); a failure here is forkyard's bug,
    // reported as an ImportError with the parser's words rather than a panic.
    let parsed = crate::python::parse_program(src.text, &file).map_err(|e| {
        Exc::new(
            ExcKind::ImportError,
            format!("forkyard's own module '{name}' does not parse: {e}"),
        )
    })?;
    let globals = Rc::new(RefCell::new(Namespace::default()));
    {
        let mut g = globals.borrow_mut();
        g.insert(PyStr::from("__name__"), Value::str(name));
        g.insert(PyStr::from("__file__"), Value::str(&file));
        g.insert(
            PyStr::from("_forkyard_renamed_class"),
            Value::builtin("_forkyard_renamed_class", renamed_class),
        );
        g.insert(
            PyStr::from("_forkyard_blank_instance"),
            Value::builtin("_forkyard_blank_instance", blank_instance),
        );
    }
    let module = Value::Module(Rc::new(Module {
        name: PyStr::from(name),
        attrs: globals.clone(),
    }));
    // Registered before its body runs, as CPython does, so an import cycle sees the module.
    it.modules.insert(PyStr::from(name), module.clone());
    let mut frame = Frame::new(&parsed.frame, globals, PyStr::from("<module>"));
    match it.exec_block(&parsed.body, &mut frame) {
        Ok(()) | Err(Unwind::Return | Unwind::Break | Unwind::Continue) => {}
        Err(Unwind::Exc(e)) => {
            it.modules.remove(name);
            return Err(e);
        }
    }
    // The syntax tree stays alive as long as the process: functions hold their definitions, and
    // the module body's own tree is small.
    std::mem::forget(parsed);
    // Its statements ran under the program's line that imported it (maybe mid-statement, as
    // `random` imports `warnings` to warn): the program's frames are where they were.
    it.note_live_frames();
    Ok(module)
}

/// `_forkyard_renamed_class(template, name, module)`: a copy of the class `template` (its bases
/// and attributes) named `name` in `module`. Library code that makes classes at run time
/// (`collections.namedtuple('Point', 'x y')`) defines a template with a `class` statement and
/// renames it here, so the class prints and pickles as `__main__.Point` the way CPython's
/// `type(name, bases, namespace)` makes it; only library modules see this helper.
fn renamed_class(_: &mut Interp, a: crate::python::value::Args) -> Result<Value, Exc> {
    let (Some(Value::Class(template)), Some(Value::Str(name)), Some(Value::Str(module))) =
        (a.pos.first(), a.pos.get(1), a.pos.get(2))
    else {
        return Err(Exc::new(
            ExcKind::TypeError,
            "_forkyard_renamed_class(template, name, module) takes a class and two strings",
        ));
    };
    let mut attrs = template.attrs.borrow().clone();
    attrs.insert(PyStr::from("__qualname__"), Value::Str(name.clone()));
    attrs.insert(PyStr::from("__module__"), Value::Str(module.clone()));
    let cls = crate::python::exceptions::make_class_q(
        name,
        name,
        module,
        template.bases.clone(),
        attrs,
        template.native,
    )
    .map_err(|e| Exc::new(ExcKind::TypeError, e))?;
    Ok(Value::Class(cls))
}

/// `_forkyard_blank_instance(cls)`: an instance of a plain class without running `__init__`,
/// what `copy` fills with the copied `__dict__` (CPython's `object.__new__(cls)` in `__reduce_ex__`).
/// Instances of native classes (a Lock, a Process) carry kernel state that cannot be copied:
/// TypeError, as CPython's copy fails to pickle them.
fn blank_instance(_: &mut Interp, a: crate::python::value::Args) -> Result<Value, Exc> {
    use crate::python::value::{Instance, NativeKind};
    let Some(Value::Class(cls)) = a.pos.first() else {
        return Err(Exc::new(
            ExcKind::TypeError,
            "_forkyard_blank_instance(cls) takes a class",
        ));
    };
    if !matches!(cls.native_kind(), None | Some(NativeKind::Object)) {
        return Err(Exc::new(
            ExcKind::TypeError,
            format!("cannot pickle '{}' object", cls.name),
        ));
    }
    Ok(Value::Instance(Rc::new(Instance {
        class: cls.clone(),
        attrs: Default::default(),
        native: Default::default(),
    })))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::tests::out;

    #[test]
    fn every_library_module_parses() {
        for s in LIBRARY {
            if let Err(e) = crate::python::parse_program(s.text, &file_of(s.name)) {
                panic!("{} does not parse:\n{e}", s.name);
            }
        }
    }

    #[test]
    fn library_classes_and_functions_belong_to_their_module() {
        let src = "import collections, functools, copy\n\
                   class Mine:\n    pass\n\
                   print(collections.deque.__module__, functools.reduce.__module__, Mine.__module__)\n\
                   print(repr(collections.deque), collections.namedtuple('P', 'x').__module__)\n\
                   b = copy.copy(Mine())\n\
                   print(type(b).__name__)\n";
        assert_eq!(
            out(src),
            "collections functools __main__\n<class 'collections.deque'> __main__\nMine\n"
        );
    }

    #[test]
    fn mapping_protocol_instances_unpack_like_dicts() {
        let src = "from collections import Counter, OrderedDict\n\
                   c = Counter('aab')\n\
                   def f(**kw):\n    return sorted(kw.items())\n\
                   d = {}\n\
                   d.update(OrderedDict(z=1))\n\
                   print(dict(c), {**c, 'q': 0}, f(**c), d)\n";
        assert_eq!(
            out(src),
            "{'a': 2, 'b': 1} {'a': 2, 'b': 1, 'q': 0} [('a', 2), ('b', 1)] {'z': 1}\n"
        );
    }

    #[test]
    fn source_lines_are_found_by_file_name() {
        let file = file_of("bisect");
        assert!(source_of_file(&file).is_some());
        assert!(source_of_file("prog.py").is_none());
    }
}

//! The frames of CPython's own `multiprocessing` code that a child's traceback shows above the
//! learner's frames: `_bootstrap` and `run` in `process.py` above a Process's target, `worker` (and
//! `mapstar` / `starmapstar` for a chunk of a map) in `pool.py` above a Pool task.
//!
//! forkyard has no such Python files (Process and Pool are native), but a learner reading a
//! child's traceback should see what CPython 3.11 prints: where the child's life starts, and that
//! the target was called by `run()`. The text is CPython 3.11's, taken from its output, with the
//! path of a Debian/Ubuntu install (the conformance corpus reduces any install's prefix to
//! `<stdlib>/`), and with the `^^^^` markers where 3.11 prints them (it prints none under a call
//! that spans its whole line, as `self.run()` does).

use crate::python::value::PyStr;

use crate::python::exceptions::{Exc, TbEntry};

/// One frame of CPython's library, as its traceback prints it.
pub struct CpythonFrame {
    pub file: &'static str,
    pub line: u32,
    pub func: &'static str,
    /// The first line of its function (its code object's `co_firstlineno`).
    pub first: u32,
    /// The source line, stripped as a traceback shows it.
    source: &'static str,
    /// The marker line under it, without the traceback's four-space indentation.
    marker: Option<&'static str>,
}

const PROCESS_PY: &str = "/usr/lib/python3.11/multiprocessing/process.py";
const POOL_PY: &str = "/usr/lib/python3.11/multiprocessing/pool.py";

/// `BaseProcess._bootstrap`: the first frame of every child's traceback.
pub const BOOTSTRAP: CpythonFrame = CpythonFrame {
    file: PROCESS_PY,
    line: 314,
    func: "_bootstrap",
    first: 290,
    source: "self.run()",
    marker: None,
};

/// `BaseProcess.run`: calls the target (absent when a subclass's own `run` raised).
pub const RUN: CpythonFrame = CpythonFrame {
    file: PROCESS_PY,
    line: 108,
    func: "run",
    first: 103,
    source: "self._target(*self._args, **self._kwargs)",
    marker: None,
};

/// `pool.worker`: calls every task's function.
pub const POOL_WORKER: CpythonFrame = CpythonFrame {
    file: POOL_PY,
    line: 125,
    func: "worker",
    first: 97,
    source: "result = (True, func(*args, **kwds))",
    marker: Some("                ^^^^^^^^^^^^^^^^^^^"),
};

/// `pool.py`'s `worker` where it takes a task: a task that cannot be unpickled fails here.
pub const POOL_WORKER_GET: CpythonFrame = CpythonFrame {
    file: POOL_PY,
    line: 114,
    func: "worker",
    first: 97,
    source: "task = get()",
    marker: Some("       ^^^^^"),
};

/// `pool.mapstar`: one chunk of `map`, `map_async`, or `imap` with a chunksize above 1.
pub const MAPSTAR: CpythonFrame = CpythonFrame {
    file: POOL_PY,
    line: 48,
    func: "mapstar",
    first: 47,
    source: "return list(map(*args))",
    marker: Some("       ^^^^^^^^^^^^^^^^"),
};

/// `pool.starmapstar`: one chunk of `starmap` / `starmap_async`.
pub const STARMAPSTAR: CpythonFrame = CpythonFrame {
    file: POOL_PY,
    line: 51,
    func: "starmapstar",
    first: 50,
    source: "return list(itertools.starmap(args[0], args[1]))",
    marker: Some("       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^"),
};

const POPEN_FORK_PY: &str = "/usr/lib/python3.11/multiprocessing/popen_fork.py";
const CONTEXT_PY: &str = "/usr/lib/python3.11/multiprocessing/context.py";

/// `BaseProcess.start`, where a forked child's life begins in its parent's stack.
pub const START: CpythonFrame = CpythonFrame {
    file: PROCESS_PY,
    line: 121,
    func: "start",
    first: 110,
    source: "self._popen = self._Popen(self)",
    marker: None,
};

/// `Process._Popen` of the default context, handing over to the chosen start method's class.
pub const DEFAULT_POPEN: CpythonFrame = CpythonFrame {
    file: CONTEXT_PY,
    line: 224,
    func: "_Popen",
    first: 222,
    source: "return _default_context.get_context().Process._Popen(process_obj)",
    marker: None,
};

/// `ForkProcess._Popen`.
pub const FORK_POPEN: CpythonFrame = CpythonFrame {
    file: CONTEXT_PY,
    line: 281,
    func: "_Popen",
    first: 278,
    source: "return Popen(process_obj)",
    marker: None,
};

/// `popen_fork.Popen.__init__`.
pub const POPEN_INIT: CpythonFrame = CpythonFrame {
    file: POPEN_FORK_PY,
    line: 19,
    func: "__init__",
    first: 15,
    source: "self._launch(process_obj)",
    marker: None,
};

/// `popen_fork.Popen._launch`: where `os.fork()` returned 0 in the child.
pub const LAUNCH: CpythonFrame = CpythonFrame {
    file: POPEN_FORK_PY,
    line: 71,
    func: "_launch",
    first: 62,
    source: "code = process_obj._bootstrap(parent_sentinel=child_r)",
    marker: None,
};

/// The frames under a forked child's `run()`, outermost first, as its stack has them in CPython
/// 3.11 (a process of the default context; a context's own class skips the default `_Popen`).
pub const FORKED_CHILD: [&CpythonFrame; 6] = [
    &START,
    &DEFAULT_POPEN,
    &FORK_POPEN,
    &POPEN_INIT,
    &LAUNCH,
    &BOOTSTRAP,
];

const ALL: [&CpythonFrame; 6] = [
    &BOOTSTRAP,
    &RUN,
    &POOL_WORKER,
    &POOL_WORKER_GET,
    &MAPSTAR,
    &STARMAPSTAR,
];

/// Adds `frame` as the next outer frame of `e`'s traceback, as if the exception had passed through
/// CPython's function.
pub fn push(e: &Exc, frame: &CpythonFrame) {
    // A frame address no running frame has: distinct per library frame, so two of them in a row
    // are both kept.
    let id = usize::MAX - frame.line as usize;
    e.push_tb_once(
        TbEntry {
            frame: id,
            file: PyStr::from(frame.file),
            line: frame.line,
            func: PyStr::from(frame.func),
        },
        id,
    );
}

/// The text a traceback prints under the `File` line of a CPython library frame: its source line
/// and, on the next line, its marker (the caller indents the first line by four spaces; the
/// marker carries the same indentation after the newline).
pub fn source_of(file: &str, line: u32) -> Option<String> {
    let f = ALL.iter().find(|f| f.file == file && f.line == line)?;
    Some(match f.marker {
        Some(m) => format!("{}\n    {m}", f.source),
        None => f.source.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_marker_line_sits_under_the_call_as_cpython_prints_it() {
        // CPython 3.11: `    result = (True, func(*args, **kwds))` over
        // `                    ^^^^^^^^^^^^^^^^^^^` (the call `func(*args, **kwds)`).
        let text = format!("    {}", source_of(POOL_PY, 125).unwrap());
        let (src, marker) = text.split_once('\n').unwrap();
        let start = src.find("func(").unwrap();
        let end = src.rfind(')').unwrap();
        assert_eq!(marker.find('^'), Some(start));
        assert_eq!(marker.len(), end);
        let star = format!("    {}", source_of(POOL_PY, 51).unwrap());
        let (src, marker) = star.split_once('\n').unwrap();
        assert_eq!(marker.find('^'), src.find("list("));
        assert_eq!(marker.len(), src.len());
        assert_eq!(source_of(PROCESS_PY, 314).as_deref(), Some("self.run()"));
        assert_eq!(source_of(PROCESS_PY, 315), None);
        assert_eq!(source_of("prog.py", 314), None);
    }
}

//! Where the program's own code stands, frame by frame, for `logging`'s caller (a record's
//! `lineno` and `funcName`, `stacklevel`, `findCaller`). forkyard's frames live on the Rust stack
//! and cannot be walked, so each statement of the program notes its line and its frame's name at
//! its call depth here; a comprehension, which CPython 3.11 runs as a function of its own
//! (`<listcomp>`, `<dictcomp>`, `<setcomp>`), notes itself while it runs. Library code (`logging`
//! itself, `functools`...) notes nothing: like CPython's `_is_internal_frame`, only the program's
//! frames count.

use crate::python::value::PyStr;

use super::ast::CompKind;

/// One frame of the program: its call depth, the line of its statement running now, its name.
struct Place {
    depth: usize,
    line: u32,
    name: PyStr,
}

/// The program's frames that are running, outermost first: `places[..live]`. The places past
/// `live` are frames that returned, kept so that the next call at that depth from the same
/// function takes its place back without a new `Place` (a loop calling a method re-enters the
/// same frame name at the same depth once per iteration; pushing and popping it was a fifth of
/// such a loop's time, most of it a stalled read of the `Place` just built on the stack).
pub struct Callers {
    places: Vec<Place>,
    live: usize,
    /// Whether statements note themselves here: set when `logging` is first imported
    /// (`Interp::start_noting_callers`), so a program that never logs pays nothing per statement.
    pub on: bool,
    /// The names of comprehension frames, made once: a comprehension that starts takes a count
    /// of one, not a new string.
    comp_names: [PyStr; 4],
}

impl Default for Callers {
    fn default() -> Callers {
        Callers {
            places: Vec::new(),
            live: 0,
            on: false,
            comp_names: ["<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>"].map(PyStr::from),
        }
    }
}

impl Callers {
    /// A statement of the program at `line` runs at `depth` in the frame called `name`: the
    /// frames noted at that depth or deeper have returned.
    #[inline]
    pub fn statement(&mut self, depth: usize, line: u32, name: &PyStr) {
        if let Some(top) = self.live.checked_sub(1).map(|i| &mut self.places[i])
            && top.depth == depth
            && PyStr::ptr_eq(&top.name, name)
        {
            // Most statements follow one in the same frame.
            top.line = line;
            return;
        }
        self.drop_from(depth);
        if let Some(kept) = self.places.get_mut(self.live)
            && kept.depth == depth
            && PyStr::ptr_eq(&kept.name, name)
        {
            // The same function called again at this depth since it returned.
            kept.line = line;
            self.live += 1;
            return;
        }
        self.push(Place {
            depth,
            line,
            name: name.clone(),
        });
    }

    /// A library statement runs at `depth`: the program's frames noted there or deeper returned
    /// (a call inside the statement that logs, `log.info(f())`, must not leave `f` as caller).
    #[inline]
    pub fn library_statement(&mut self, depth: usize) {
        self.drop_from(depth);
    }

    /// A comprehension of the program starts at `line` in the frame at `depth`; CPython 3.11
    /// runs it as a function of its own, named by its kind (`<listcomp>`...).
    pub fn enter_comprehension(&mut self, depth: usize, line: u32, kind: CompKind) {
        let name = &self.comp_names[match kind {
            CompKind::List => 0,
            CompKind::Set => 1,
            CompKind::Dict => 2,
            CompKind::Gen => 3,
        }];
        // The place a comprehension left at this depth (a loop running one per iteration) is
        // taken back as `statement` takes back a returned function's.
        if let Some(kept) = self.places.get_mut(self.live)
            && kept.depth == depth
            && PyStr::ptr_eq(&kept.name, name)
        {
            kept.line = line;
            self.live += 1;
            return;
        }
        let name = name.clone();
        self.push(Place { depth, line, name });
    }

    /// The comprehension noted last, in the frame at `depth`, has ended (normally or by an
    /// exception); the calls it made have returned too.
    pub fn leave_comprehension(&mut self, depth: usize) {
        self.drop_from(depth + 1);
        if self.running().last().is_some_and(|p| p.depth == depth) {
            self.live -= 1;
        }
    }

    /// The frames noted at `depth` or deeper have returned (their places stay for reuse).
    #[inline]
    fn drop_from(&mut self, depth: usize) {
        while self.running().last().is_some_and(|p| p.depth >= depth) {
            self.live -= 1;
        }
    }

    /// A new frame on top of the running ones, in place of the returned ones kept past them.
    fn push(&mut self, place: Place) {
        self.places.truncate(self.live);
        self.places.push(place);
        self.live += 1;
    }

    fn running(&self) -> &[Place] {
        &self.places[..self.live]
    }

    /// The line and function of the program's frame `stacklevel` frames out (1: the innermost);
    /// past the outermost, the outermost, as CPython's `findCaller` stops at the last frame.
    pub fn caller(&self, stacklevel: usize) -> Option<(u32, PyStr)> {
        self.stack(stacklevel).last().cloned()
    }

    /// The program's frames from the outermost to the one `stacklevel` frames out, each as its
    /// line and function (`stack_info`'s "Stack (most recent call last)").
    pub fn stack(&self, stacklevel: usize) -> Vec<(u32, PyStr)> {
        let running = self.running();
        let n = running.len();
        let i = n.saturating_sub(stacklevel.max(1));
        running[..(i + 1).min(n)]
            .iter()
            .map(|p| (p.line, p.name.clone()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_helper_names_its_caller_at_stacklevel_two() {
        let (module, helper): (PyStr, PyStr) = ("<module>".into(), "helper".into());
        let mut c = Callers::default();
        c.statement(0, 5, &module);
        c.statement(1, 2, &helper);
        assert_eq!(c.caller(1), Some((2, helper.clone())));
        assert_eq!(c.caller(2), Some((5, module.clone())));
        assert_eq!(c.caller(9), Some((5, module.clone())));
        // helper returned; the module's next statement forgets it.
        c.statement(0, 6, &module);
        assert_eq!(c.caller(1), Some((6, module.clone())));
        assert_eq!(c.caller(2), Some((6, module)));
    }

    #[test]
    fn a_frame_called_again_after_it_returned_reads_its_new_line() {
        let (module, f, g): (PyStr, PyStr, PyStr) = ("<module>".into(), "f".into(), "g".into());
        let mut c = Callers::default();
        for line in [5, 6] {
            c.statement(0, line, &module);
            c.statement(1, 2, &f);
            assert_eq!(c.caller(1), Some((2, f.clone())));
            assert_eq!(c.caller(2), Some((line, module.clone())));
        }
        // f returned: the module is innermost again, f's kept place is not a frame.
        c.statement(0, 7, &module);
        assert_eq!(c.stack(1), vec![(7, module.clone())]);
        // Another function at f's depth takes a place of its own.
        c.statement(1, 9, &g);
        assert_eq!(c.stack(1), vec![(7, module.clone()), (9, g.clone())]);
        c.library_statement(1);
        c.statement(1, 3, &f);
        assert_eq!(c.stack(1), vec![(7, module), (3, f)]);
    }

    #[test]
    fn a_library_statement_ends_the_frames_at_its_depth() {
        let (module, f): (PyStr, PyStr) = ("<module>".into(), "f".into());
        let mut c = Callers::default();
        c.statement(0, 3, &module);
        c.statement(1, 1, &f);
        c.library_statement(1);
        assert_eq!(c.caller(1), Some((3, module)));
    }

    #[test]
    fn a_comprehension_is_a_frame_while_it_runs() {
        let g: PyStr = "g".into();
        let mut c = Callers::default();
        c.statement(1, 4, &g);
        c.enter_comprehension(1, 4, CompKind::List);
        assert_eq!(
            c.caller(1).map(|p| p.1.to_string()),
            Some("<listcomp>".into())
        );
        assert_eq!(c.caller(2), Some((4, g.clone())));
        c.statement(2, 9, &g);
        c.leave_comprehension(1);
        assert_eq!(c.caller(1), Some((4, g)));
    }

    #[test]
    fn a_comprehension_run_again_takes_its_place_back() {
        let g: PyStr = "g".into();
        let mut c = Callers::default();
        c.statement(1, 4, &g);
        for line in [5, 6, 7] {
            c.enter_comprehension(1, line, CompKind::Dict);
            assert_eq!(c.caller(1).map(|p| p.0), Some(line));
            c.leave_comprehension(1);
        }
        // One place for the frame and one for its comprehensions, the name shared, not rebuilt.
        assert_eq!(c.places.len(), 2);
        assert!(PyStr::ptr_eq(&c.places[1].name, &c.comp_names[2]));
        c.enter_comprehension(1, 8, CompKind::Set);
        assert_eq!(c.stack(1), vec![(4, g), (8, "<setcomp>".into())]);
    }
}

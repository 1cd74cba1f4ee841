//! How CPython shows a traceback that repeats itself (a runaway recursion): after three entries
//! in a row at the same file, line and function, the rest of the run is one line,
//! `  [Previous line repeated 996 more times]` (`traceback.c`'s `TB_RECURSIVE_CUTOFF`, and
//! `StackSummary.format`'s for the `traceback` module). A thousand-frame RecursionError is then
//! eight lines in its process's lane, not two thousand.

use super::exceptions::TbEntry;

/// How many entries of a run are shown before the rest is counted.
const SHOWN_OF_A_RUN: usize = 3;

/// One line of a traceback as shown: an entry, or the count of those left out after it.
#[derive(Debug)]
pub enum Shown<'a> {
    Entry(&'a TbEntry),
    Repeated(usize),
}

/// The entries of `tb` as CPython shows them.
pub fn shown(tb: &[TbEntry]) -> Vec<Shown<'_>> {
    let mut out = Vec::with_capacity(tb.len().min(64));
    let mut run = 0;
    for (i, t) in tb.iter().enumerate() {
        let same = i > 0 && {
            let p = &tb[i - 1];
            p.file == t.file && p.line == t.line && p.func == t.func
        };
        if !same {
            if run > SHOWN_OF_A_RUN {
                out.push(Shown::Repeated(run - SHOWN_OF_A_RUN));
            }
            run = 0;
        }
        run += 1;
        if run <= SHOWN_OF_A_RUN {
            out.push(Shown::Entry(t));
        }
    }
    if run > SHOWN_OF_A_RUN {
        out.push(Shown::Repeated(run - SHOWN_OF_A_RUN));
    }
    out
}

/// CPython's line for `n` entries left out.
pub fn repeated_line(n: usize) -> String {
    let s = if n > 1 { "s" } else { "" };
    format!("  [Previous line repeated {n} more time{s}]\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::value::PyStr;

    fn at(line: u32, func: &str) -> TbEntry {
        TbEntry {
            frame: 0,
            file: PyStr::from("m.py"),
            line,
            func: PyStr::from(func),
        }
    }

    fn lines(tb: &[TbEntry]) -> Vec<String> {
        shown(tb)
            .into_iter()
            .map(|s| match s {
                Shown::Entry(t) => format!("{}:{}", t.func, t.line),
                Shown::Repeated(n) => repeated_line(n),
            })
            .collect()
    }

    #[test]
    fn a_run_past_three_entries_is_counted_once_it_ends() {
        let mut tb = vec![at(9, "<module>")];
        tb.extend((0..1000).map(|_| at(2, "r")));
        tb.push(at(5, "leaf"));
        assert_eq!(
            lines(&tb),
            [
                "<module>:9",
                "r:2",
                "r:2",
                "r:2",
                "  [Previous line repeated 997 more times]\n",
                "leaf:5"
            ]
        );
    }

    #[test]
    fn one_more_is_one_time_and_three_are_shown_whole() {
        assert_eq!(
            lines(&[at(2, "r"), at(2, "r"), at(2, "r"), at(2, "r")]),
            [
                "r:2",
                "r:2",
                "r:2",
                "  [Previous line repeated 1 more time]\n"
            ]
        );
        assert_eq!(
            lines(&[at(2, "r"), at(2, "r"), at(2, "r")]),
            ["r:2", "r:2", "r:2"]
        );
        // Alternating frames (mutual recursion) are no run: CPython shows them all.
        let tb: Vec<_> = (0..8).map(|i| at(2 + i % 2, "r")).collect();
        assert_eq!(lines(&tb).len(), 8);
    }
}

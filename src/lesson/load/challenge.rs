//! Loading `[[challenge]]`: at most one per lesson, its text and hint in both languages, the run's
//! knobs, and one or more `[[challenge.goal]]`, each a known `kind` with the fields it needs and
//! none it does not.

use std::ops::Range;

use super::super::challenge::{Challenge, Goal, KINDS};
use super::super::model::{Knob, ProgramFile, Text};
use super::super::raw::{RawChallenge, RawGoal, RawText, S};
use super::{Cx, is_lane_name};

/// The fields a goal of each kind takes (the rest must be absent).
fn fields(kind: &str) -> &'static [&'static str] {
    match kind {
        "last_line" | "appears" => &["line"],
        "ending" => &["process", "ending"],
        "value" => &["prefix", "value"],
        "time" => &["seconds", "tolerance"],
        "before" => &["first", "then"],
        "raises" => &["exception", "process"],
        _ => &[],
    }
}

/// The fields a goal of each kind may leave out.
fn optional(kind: &str, field: &str) -> bool {
    matches!((kind, field), ("raises", "process") | ("time", "tolerance"))
}

/// How to write each field, for "add ...".
fn example(field: &str) -> &'static str {
    match field {
        "line" => "line = \"end\" (text the stdout line contains)",
        "process" => "process = \"Process-1\"",
        "ending" => "ending = \"SIGTERM\" (or \"exit code 0\")",
        "prefix" => "prefix = \"counter:\" (the value is the word after it)",
        "value" => "value = \"2\"",
        "seconds" => "seconds = 3.0",
        "tolerance" => "tolerance = 0.5",
        "first" => "first = \"send: 4\" (the line that must come first)",
        "then" => "then = \"recv: 0\" (the line that must come after it)",
        "exception" => "exception = \"ValueError\"",
        _ => "",
    }
}

impl Cx<'_> {
    /// Every `[[challenge]]` checked; the lesson keeps the first.
    pub(super) fn challenges(
        &mut self,
        raw: Vec<S<RawChallenge>>,
        programs: &[ProgramFile],
        knobs: &[Knob],
    ) -> Option<Challenge> {
        let mut first = None;
        for (i, c) in raw.into_iter().enumerate() {
            if i > 0 {
                self.err(
                    c.span(),
                    "a lesson has at most one [[challenge]]: remove this one or merge its goals \
                     into the first",
                );
            }
            let c = self.challenge(c, programs, knobs);
            first.get_or_insert(c);
        }
        first
    }

    fn challenge(
        &mut self,
        raw: S<RawChallenge>,
        programs: &[ProgramFile],
        knobs: &[Knob],
    ) -> Challenge {
        let span = raw.span();
        let rc = raw.into_inner();
        let text = |cx: &mut Self, t: Option<S<RawText>>, name: &str| match t {
            Some(t) => cx.text(t, &format!("this [[challenge]]'s `{name}`"), true),
            None => {
                cx.err(
                    span.clone(),
                    format!(
                        "this [[challenge]] has no `{name}`: add {name} = {{ en = \"...\", zh = \"...\" }}"
                    ),
                );
                Text::default()
            }
        };
        let text_ = text(self, rc.text, "text");
        let hint = text(self, rc.hint, "hint");
        let program = self.program_ref(rc.program, programs);
        let set = self.settings_list(rc.set, knobs, "set");
        if rc.goal.is_empty() {
            self.err(
                span,
                "this [[challenge]] has no goal: add a [[challenge.goal]] with kind = \"...\", \
                 one of "
                    .to_string()
                    + &KINDS.join(", "),
            );
        }
        let goals = rc.goal.into_iter().filter_map(|g| self.goal(g)).collect();
        Challenge {
            text: text_,
            hint,
            goals,
            program,
            set,
        }
    }

    /// One goal, or `None` when it is wrong (each problem said).
    fn goal(&mut self, raw: S<RawGoal>) -> Option<Goal> {
        let span = raw.span();
        let g = raw.into_inner();
        let kind = match &g.kind {
            Some(k) if KINDS.contains(&k.get_ref().as_str()) => k.get_ref().clone(),
            Some(k) => {
                self.err(
                    k.span(),
                    format!("kind `{}` is not one of {}", k.get_ref(), KINDS.join(", ")),
                );
                return None;
            }
            None => {
                self.err(
                    span,
                    format!(
                        "this [[challenge.goal]] has no `kind`: add kind = \"...\", one of {}",
                        KINDS.join(", ")
                    ),
                );
                return None;
            }
        };
        let given: [(&str, Option<Range<usize>>); 10] = [
            ("line", g.line.as_ref().map(S::span)),
            ("process", g.process.as_ref().map(S::span)),
            ("ending", g.ending.as_ref().map(S::span)),
            ("prefix", g.prefix.as_ref().map(S::span)),
            ("value", g.value.as_ref().map(S::span)),
            ("seconds", g.seconds.as_ref().map(S::span)),
            ("tolerance", g.tolerance.as_ref().map(S::span)),
            ("first", g.first.as_ref().map(S::span)),
            ("then", g.then.as_ref().map(S::span)),
            ("exception", g.exception.as_ref().map(S::span)),
        ];
        let exception_at = g.exception.as_ref().map_or(span.clone(), S::span);
        let wanted = fields(&kind);
        let mut ok = true;
        for (field, at) in given {
            match at {
                Some(at) if !wanted.contains(&field) => {
                    ok = false;
                    self.err(
                        at,
                        if wanted.is_empty() {
                            format!("kind = \"{kind}\" takes no other field: remove `{field}`")
                        } else {
                            format!(
                                "kind = \"{kind}\" takes {}, not `{field}`: remove it",
                                wanted.join(" and ")
                            )
                        },
                    );
                }
                None if wanted.contains(&field) && !optional(&kind, field) => {
                    ok = false;
                    self.err(
                        span.clone(),
                        format!("kind = \"{kind}\" needs `{field}`: add {}", example(field)),
                    );
                }
                _ => {}
            }
        }
        let mut words = |cx: &mut Self, v: Option<S<String>>, what: &str| -> String {
            let Some(v) = v else { return String::new() };
            let (at, v) = (v.span(), v.into_inner());
            if v.trim().is_empty() {
                ok = false;
                cx.err(at, format!("`{what}` is empty: write {}", example(what)));
            }
            v
        };
        let line = words(self, g.line, "line");
        let first = words(self, g.first, "first");
        let then = words(self, g.then, "then");
        let prefix = words(self, g.prefix, "prefix");
        let ending = words(self, g.ending, "ending");
        let exception = words(self, g.exception, "exception");
        let process = g.process.map(|p| {
            let (at, p) = (p.span(), p.into_inner());
            if !is_lane_name(&p) {
                ok = false;
                self.err(
                    at,
                    format!(
                        "process `{p}` is not a process name: write it as Python names it \
                         (`MainProcess`, `Process-1`, `ForkPoolWorker-3`)"
                    ),
                );
            }
            p
        });
        if kind == "raises"
            && !exception.is_empty()
            && !exception
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
        {
            ok = false;
            self.err(
                exception_at,
                format!("exception `{exception}` is not a class name: write it as `ValueError`"),
            );
        }
        let value = g.value.and_then(|v| {
            let (at, v) = (v.span(), v.into_inner());
            match v {
                toml::Value::String(s) if !s.trim().is_empty() => Some(s),
                toml::Value::Integer(i) => Some(i.to_string()),
                toml::Value::Float(f) => Some(f.to_string()),
                other => {
                    ok = false;
                    self.err(
                        at,
                        format!("value is a word or a number the run prints, not {other}"),
                    );
                    None
                }
            }
        });
        let mut seconds = |cx: &mut Self, v: Option<S<toml::Value>>, what: &str| {
            let (at, v) = (v.as_ref()?.span(), v?.into_inner());
            match v.as_float().or_else(|| v.as_integer().map(|i| i as f64)) {
                Some(x) if x > 0.0 && x.is_finite() => Some(x),
                _ => {
                    ok = false;
                    cx.err(
                        at,
                        format!("{what} is a number of seconds above 0, not {v}"),
                    );
                    None
                }
            }
        };
        let secs = seconds(self, g.seconds, "seconds");
        let tolerance = seconds(self, g.tolerance, "tolerance");
        if !ok {
            return None;
        }
        Some(match kind.as_str() {
            "last_line" => Goal::LastLine { line },
            "appears" => Goal::Appears { line },
            "ending" => Goal::Ending {
                process: process.unwrap_or_default(),
                ending,
            },
            "value" => Goal::Value {
                prefix,
                value: value.unwrap_or_default(),
            },
            "time" => Goal::Time {
                seconds: secs.unwrap_or_default(),
                tolerance: tolerance.unwrap_or(0.5),
            },
            "before" => Goal::Before { first, then },
            "raises" => Goal::Raises { exception, process },
            _ => Goal::Deadlock,
        })
    }
}

//! `try: ... except* E as eg:` (3.11): each clause takes the part of the exception group that
//! matches it (`split`), and what the clauses raise is put together as CPython's
//! `_PyExc_PrepReraiseStar` does: the parts re-raised keep the original group's shape, new
//! exceptions are gathered into an `ExceptionGroup('', [...])` (one alone is raised as itself).

use std::collections::HashSet;

use super::super::ast::Handler;
use super::super::exceptions::{Exc, ExcKind, type_error};
use super::super::exceptions_group::{leaf_ids, project};
use super::super::value::{Args, Value};
use super::exec::{Unwind, set_context};
use super::{Frame, Interp};

type Flow = Result<(), Unwind>;

fn group_class(v: &Value) -> bool {
    match v {
        Value::Class(c) => c.is_subclass(&ExcKind::BaseExceptionGroup.class()),
        Value::Tuple(t) => t.iter().any(group_class),
        _ => false,
    }
}

impl Interp {
    pub(super) fn handle_star(&mut self, e: Exc, handlers: &[Handler], f: &mut Frame) -> Flow {
        let orig = Value::Instance(e.value.clone());
        let naked = !e.is(ExcKind::BaseExceptionGroup);
        let mut rest = orig.clone();
        let mut raised: Vec<Value> = Vec::new();
        let mut matched_any = false;
        for h in handlers {
            if matches!(rest, Value::None) {
                break;
            }
            let Some(kind) = &h.kind else { continue };
            let kind = self.eval(kind, f)?;
            if group_class(&kind) {
                let err = type_error(
                    "catching ExceptionGroup with except* is not allowed. Use except instead.",
                );
                set_context(&err, &e);
                return Err(Unwind::Exc(err));
            }
            // The check `except` makes of its class (a class that is no exception is refused).
            self.exception_matches(&e, &kind).map_err(|x| {
                set_context(&x, &e);
                Unwind::Exc(x)
            })?;
            let (m, r) = if naked {
                // A naked exception that matches is handed over as the one member of a group
                // with an empty message (CPython's `_PyEval_ExceptionGroupMatch`).
                if self.exception_matches(&e, &kind).map_err(Unwind::Exc)? {
                    let cls = Value::Class(ExcKind::BaseExceptionGroup.class());
                    let args = vec![Value::str(""), Value::tuple(vec![orig.clone()])];
                    let wrapped = self.call(&cls, Args::new(args)).map_err(Unwind::Exc)?;
                    (wrapped, Value::None)
                } else {
                    (Value::None, rest.clone())
                }
            } else {
                let split = self.getattr(&rest, "split").map_err(Unwind::Exc)?;
                let parts = self
                    .call(&split, Args::new(vec![kind]))
                    .map_err(Unwind::Exc)?;
                match &parts {
                    Value::Tuple(t) if t.len() == 2 => (t[0].clone(), t[1].clone()),
                    _ => return Err(Unwind::Exc(type_error("split must return a pair"))),
                }
            };
            rest = r;
            let Value::Instance(ref m_inst) = m else {
                continue;
            };
            matched_any = true;
            let m_exc = Exc {
                value: m_inst.clone(),
            };
            f.line = h.pos.line;
            if let Some(n) = &h.name {
                self.store(&n.at, Value::Instance(m_inst.clone()), f);
            }
            self.handling.push(m_exc.clone());
            let r = self.exec_block(&h.body, f);
            self.handling.pop();
            if let Some(n) = &h.name {
                self.unstore(&n.at, f);
            }
            match r {
                Ok(()) => {}
                Err(Unwind::Exc(x)) => {
                    set_context(&x, &m_exc);
                    raised.push(Value::Instance(x.value));
                }
                Err(other) => return Err(other),
            }
        }
        if !matches!(rest, Value::None) {
            raised.push(rest);
        }
        if raised.is_empty() {
            return Ok(());
        }
        let mut orig_leaves = HashSet::new();
        leaf_ids(&orig, &mut orig_leaves);
        if naked {
            // Unmatched, or re-raised as it was: the naked exception itself goes on.
            if !matched_any {
                return Err(Unwind::Exc(e));
            }
        }
        let (mut new, mut reraised) = (Vec::new(), HashSet::new());
        for x in &raised {
            let mut ids = HashSet::new();
            leaf_ids(x, &mut ids);
            if !ids.is_empty() && ids.is_subset(&orig_leaves) {
                reraised.extend(ids);
            } else {
                new.push(x.clone());
            }
        }
        let reraised_eg = if reraised.is_empty() {
            Value::None
        } else if naked {
            // The naked exception re-raised by a bare `raise` is raised as itself.
            orig.clone()
        } else {
            project(self, &orig, reraised).map_err(Unwind::Exc)?
        };
        let result = if new.is_empty() {
            reraised_eg
        } else {
            if !matches!(reraised_eg, Value::None) {
                new.push(reraised_eg);
            }
            if new.len() == 1 {
                new.pop().expect("one")
            } else {
                let cls = Value::Class(ExcKind::BaseExceptionGroup.class());
                let args = vec![Value::str(""), Value::list(new)];
                self.call(&cls, Args::new(args)).map_err(Unwind::Exc)?
            }
        };
        match &result {
            Value::Instance(i) => Err(Unwind::Exc(Exc { value: i.clone() })),
            _ => Ok(()),
        }
    }
}

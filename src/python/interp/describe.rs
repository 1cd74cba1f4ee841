//! Keyword arguments spread from a mapping (`f(**kw)`), and how CPython names a callable in the
//! errors about them: `__main__.f()`, `__main__.C.m()`, `dict()`, `str.format()`.

use crate::python::value::PyStr;

use super::super::exceptions::{Exc, type_error};
use super::super::value::*;
use super::Interp;

/// The name CPython gives a callable in "got multiple values for keyword argument" and "argument
/// after ** must be a mapping": module-qualified for Python code, bare for builtins.
pub fn callable(fv: &Value) -> String {
    match fv {
        Value::Function(fun) => {
            let module = match fun.globals.borrow().get("__name__") {
                Some(Value::Str(m)) => m.to_string(),
                _ => "__main__".to_string(),
            };
            format!("{module}.{}", fun.qualname)
        }
        Value::BoundMethod(m) => match &m.func {
            Value::Builtin(b) => format!("{}.{}", m.this.type_name(), b.name),
            other => callable(other),
        },
        Value::Builtin(b) => b.name.to_string(),
        Value::Class(c) if &*c.module == "builtins" => c.name.to_string(),
        Value::Class(c) => format!("{}.{}", c.module, c.qualname),
        other => format!("{} object", other.type_name()),
    }
}

/// Add one keyword to `kw`, refusing a name that is there already (CPython's TypeError).
pub fn push_kwarg(
    kw: &mut Vec<(PyStr, Value)>,
    name: PyStr,
    v: Value,
    desc: &dyn Fn() -> String,
) -> Result<(), Exc> {
    if kw.iter().any(|(k, _)| *k == name) {
        return Err(type_error(format!(
            "{}() got multiple values for keyword argument '{name}'",
            desc()
        )));
    }
    kw.push((name, v));
    Ok(())
}

impl Interp {
    /// The items after a `*` in a call (`call` names it) or a display: a value that cannot be
    /// iterated at all gets CPython's words for the star (`f() argument after * must be an
    /// iterable, not int`, `Value after * must be an iterable, not int`); an error raised while
    /// iterating is left as it is.
    pub(crate) fn star_items(
        &mut self,
        v: &Value,
        call: Option<&dyn Fn() -> String>,
    ) -> Result<Vec<Value>, Exc> {
        self.collect(v).map_err(|e| {
            let plain = format!("'{}' object is not iterable", v.type_name());
            let not_iterable = e.is(super::super::exceptions::ExcKind::TypeError)
                && matches!(e.args().as_slice(), [Value::Str(m)] if **m == *plain);
            match call {
                _ if !not_iterable => e,
                Some(desc) => type_error(format!(
                    "{}() argument after * must be an iterable, not {}",
                    desc(),
                    v.type_name()
                )),
                None => type_error(format!(
                    "Value after * must be an iterable, not {}",
                    v.type_name()
                )),
            }
        })
    }

    /// `**m` in a call: each key of the mapping `m` (a dict, or an object with `keys()` and
    /// `__getitem__`) becomes a keyword argument, once.
    pub(crate) fn spread_kwargs(
        &mut self,
        m: &Value,
        kw: &mut Vec<(PyStr, Value)>,
        desc: &dyn Fn() -> String,
    ) -> Result<(), Exc> {
        let pairs: Vec<(Value, Value)> = match m {
            Value::Dict(d) => d.borrow().map.values().cloned().collect(),
            Value::Instance(_) => match crate::python::subclass::mapping_items(self, m)? {
                Some(pairs) => pairs,
                None => {
                    return Err(type_error(format!(
                        "{}() argument after ** must be a mapping, not {}",
                        desc(),
                        m.type_name()
                    )));
                }
            },
            _ => {
                return Err(type_error(format!(
                    "{}() argument after ** must be a mapping, not {}",
                    desc(),
                    m.type_name()
                )));
            }
        };
        for (k, v) in pairs {
            let Value::Str(ref s) = k else {
                return Err(type_error("keywords must be strings"));
            };
            push_kwarg(kw, s.clone(), v, desc)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::exceptions::ExcKind;

    #[test]
    fn a_keyword_given_twice_is_refused_with_the_callable_named() {
        let _it = Interp::new("t.py", "");
        let mut kw = Vec::new();
        let desc = || "__main__.f".to_string();
        push_kwarg(&mut kw, PyStr::from("sep"), Value::Int(1), &desc).expect("first is fine");
        let e = push_kwarg(&mut kw, PyStr::from("sep"), Value::Int(2), &desc).unwrap_err();
        assert!(e.is(ExcKind::TypeError));
        assert_eq!(kw.len(), 1);
    }

    #[test]
    fn builtins_are_named_bare_and_user_classes_with_their_module() {
        assert_eq!(
            callable(&Value::builtin("print", |_, _| Ok(Value::None))),
            "print"
        );
    }
}

//! `_pickle`: what the `pickle` module (written in Python, `src/python/lib/pickle.py`) asks of the
//! cross-process copying, so that the two never disagree on what pickles: the same exception
//! classes (`_pickle.PicklingError`...), the same lookup of a global by module and qualname, and,
//! for a value that has no reduction of its own (a Lock, a generator, a Queue), the same refusal.

use super::{dumps, lookup_global, module_builtin_name, pickle_error};
use crate::python::exceptions::{Exc, type_error};
use crate::python::interp::Interp;
use crate::python::modules::make_module;
use crate::python::value::{Args, Value};

type R = Result<Value, Exc>;

pub fn module() -> Value {
    make_module(
        "_pickle",
        &[
            ("errors", errors),
            ("find_global", find_global),
            ("native_module", native_module),
            ("refuse", refuse),
        ],
        vec![],
    )
}

fn str_arg(v: Option<&Value>, what: &str) -> Result<String, Exc> {
    match v {
        Some(Value::Str(s)) => Ok(s.to_string()),
        _ => Err(type_error(format!("{what} must be a str"))),
    }
}

/// `errors()`: an instance of each of `PicklingError` and `UnpicklingError`, the classes the
/// cross-process copying raises (their common base is `PickleError`).
fn errors(_it: &mut Interp, _a: Args) -> R {
    let p = pickle_error("PicklingError", String::new());
    let u = pickle_error("UnpicklingError", String::new());
    Ok(Value::tuple(vec![
        Value::Instance(p.value),
        Value::Instance(u.value),
    ]))
}

/// `find_global(module, qualname)`: `(True, obj)` for the object `qualname` names in `module`
/// (`__main__` is the program), `(False, None)` when the lookup fails.
fn find_global(it: &mut Interp, a: Args) -> R {
    let module = str_arg(a.pos.first(), "module")?;
    let qualname = str_arg(a.pos.get(1), "qualname")?;
    let found = if module == "__main__" {
        let first = qualname.split('.').next().unwrap_or("");
        if it.globals.borrow().get(first).is_some() {
            lookup_global(it, &qualname)
        } else {
            None
        }
    } else if module == "builtins" {
        let mut parts = qualname.split('.');
        let mut cur = parts.next().and_then(|n| it.builtins.get(n).cloned());
        for p in parts {
            cur = match cur {
                Some(c) => it.getattr_opt(&c, p)?,
                None => None,
            };
        }
        cur
    } else {
        match crate::python::modules::import(it, &module) {
            Ok(m) => {
                let mut cur = Some(m);
                for p in qualname.split('.') {
                    cur = match cur {
                        Some(c) => it.getattr_opt(&c, p)?,
                        None => None,
                    };
                }
                cur
            }
            Err(_) => None,
        }
    };
    Ok(match found {
        Some(v) => Value::tuple(vec![Value::Bool(true), v]),
        None => Value::tuple(vec![Value::Bool(false), Value::None]),
    })
}

/// `native_module(obj, name)`: the name of the imported module holding the native function `obj`
/// as `name` (`builtins` for a builtin), or None.
fn native_module(it: &mut Interp, a: Args) -> R {
    let obj = a.pos.first().cloned().unwrap_or(Value::None);
    let name = str_arg(a.pos.get(1), "name")?;
    if it.builtins.get(name.as_str()).is_some_and(|b| b.is(&obj)) {
        return Ok(Value::str("builtins"));
    }
    Ok(match module_builtin_name(it, &obj, &name) {
        Some(full) => Value::str(full.split(':').next().unwrap_or("")),
        None => Value::None,
    })
}

/// `refuse(obj)`: raises what copying `obj` to another process raises (CPython's refusal for a
/// Lock, a generator, a module...); returns None for a value the copying would take.
fn refuse(it: &mut Interp, a: Args) -> R {
    let obj = a.pos.first().cloned().unwrap_or(Value::None);
    dumps(it, &obj)?;
    Ok(Value::None)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An interpreter that has run `source`.
    fn run(source: &str) -> Interp {
        crate::python::exceptions::install();
        let module = crate::python::parse_program(source, "bridge.py").expect("parses");
        let mut it = Interp::new("bridge.py", source);
        it.run_module(&module).expect("runs");
        // The functions made by the program refer into its syntax tree for the whole test.
        std::mem::forget(module);
        it
    }

    fn global(it: &Interp, name: &str) -> Value {
        it.globals.borrow().get(name).cloned().expect("defined")
    }

    #[test]
    fn pickle_refuses_what_the_copying_refuses_with_the_same_error() {
        let mut it = run(concat!(
            "import pickle\n",
            "def gen():\n",
            "    yield 1\n",
            "def outer():\n",
            "    def inner():\n",
            "        pass\n",
            "    return inner\n",
            "values = [lambda: 0, outer(), gen()]\n",
            "said = []\n",
            "for v in values:\n",
            "    try:\n",
            "        pickle.dumps(v)\n",
            "        said.append(None)\n",
            "    except Exception as e:\n",
            "        said.append((type(e).__name__, str(e)))\n",
            "same = pickle.PicklingError\n",
        ));
        let values_list = global(&it, "values");
        let Value::List(values) = &values_list else {
            panic!("a list")
        };
        let said_list = global(&it, "said");
        let Value::List(said) = &said_list else {
            panic!("a list")
        };
        let values = values.borrow().clone();
        let said = said.borrow().clone();
        for (v, s) in values.iter().zip(said.iter()) {
            let e = dumps(&mut it, v).expect_err("refused by the copying");
            let exc = Value::Instance(e.value.clone());
            let kind = exc.type_name();
            let text = it.str_of(&exc).expect("str");
            let want = Value::tuple(vec![Value::str(&kind), Value::str(&text)]);
            let want = it.repr(&want).expect("repr");
            assert_eq!(it.repr(s).expect("repr"), want);
        }
        // `pickle.PicklingError` is the class the copying raises.
        let e = dumps(&mut it, &values[0]).expect_err("refused");
        let cls = it
            .getattr(&Value::Instance(e.value), "__class__")
            .expect("class");
        assert!(cls.is(&global(&it, "same")));
    }
}

//! `_collections._count_elements`: the loop at the heart of `collections.Counter(iterable)` and
//! `Counter.update(iterable)`, in Rust as CPython has it in C. Counting the words of a text is
//! the first thing a learner does with a Counter, and through the interpreter the Python loop
//! (`data[elem] = data.get(elem, 0) + 1`) took several times CPython's time on 100 000 words.

use crate::python::ast::BinOp;
use crate::python::exceptions::{Exc, type_error};
use crate::python::interp::Interp;
use crate::python::subclass;
use crate::python::value::{Args, Class, Value};

use super::make_module;

pub fn module() -> Value {
    make_module(
        "_collections",
        &[("_count_elements", count_elements)],
        vec![],
    )
}

/// `_count_elements(counts, iterable)`: add one to `counts[elem]` for each element. `counts` is a
/// dict or a Counter (a dict subclass): a Counter is counted into its own dict directly unless its
/// class brings its own `get` or `__setitem__`, which are then called for each element, as
/// CPython's C loop does. Elements are hashed and counts added as Python does (an unhashable
/// element is CPython's TypeError; a count that is not an int is added to with `+`).
fn count_elements(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    let (Some(target), Some(src), 2) = (a.pos.first(), a.pos.get(1), a.pos.len()) else {
        return Err(type_error(
            "_count_elements(counts, iterable) takes a mapping and an iterable",
        ));
    };
    let counts = match target {
        Value::Dict(d) => Some(d.clone()),
        Value::Instance(inst) if uses_dicts_own_methods(it, &inst.class) => {
            match subclass::base_of(target) {
                Some(Value::Dict(ref d)) => Some(d.clone()),
                _ => None,
            }
        }
        _ => None,
    };
    let iter = it.iter(src)?;
    let one = Value::Int(1);
    let Some(counts) = counts else {
        // A mapping with its own methods: `counts[elem] = counts.get(elem, 0) + 1`.
        let get = it.getattr(target, "get")?;
        let set = it.getattr(target, "__setitem__")?;
        while let Some(elem) = it.next(&iter)? {
            let current = it.call(&get, Args::new(vec![elem.clone(), Value::Int(0)]))?;
            let count = it.binop(BinOp::Add, &current, &one)?;
            it.call(&set, Args::new(vec![elem, count]))?;
        }
        return Ok(Value::None);
    };
    while let Some(elem) = it.next(&iter)? {
        let hk = it.hash_key(&elem)?;
        let current = counts.borrow().get(&hk).cloned();
        let count = match current {
            None => one.clone(),
            Some(Value::Int(n)) if n < i64::MAX => Value::Int(n + 1),
            Some(v) => it.binop(BinOp::Add, &v, &one)?,
        };
        counts.borrow_mut().insert(hk, elem, count);
    }
    Ok(Value::None)
}

/// Whether `get` and `__setitem__` of the class `cls` are dict's own, so counting straight into
/// its instances' dict is what calling them would do.
fn uses_dicts_own_methods(it: &Interp, cls: &Class) -> bool {
    let Some(Value::Class(dict)) = it.builtins.get("dict") else {
        return false;
    };
    // A name the class does not have is the base dict's own method (`get` has no slot).
    ["get", "__setitem__"]
        .iter()
        .all(|name| match (cls.lookup(name), dict.lookup(name)) {
            (None, _) => true,
            (Some(mine), Some(dicts)) => mine.is(&dicts),
            (Some(_), None) => false,
        })
}

#[cfg(test)]
mod tests {
    use crate::runtime::capture::capture;

    #[test]
    fn counts_add_up_in_first_seen_order_and_unhashables_are_refused() {
        let src = "from collections import Counter\n\
                   c = Counter('abracadabra')\n\
                   c.update(x for x in 'aaz')\n\
                   print(c, list(c))\n\
                   try:\n    Counter([[1]])\nexcept TypeError as e:\n    print(e)\n";
        let (code, got) = capture(|| crate::python::run_main(src, "main.py"));
        assert_eq!(code, 0, "{}", got.stderr);
        assert_eq!(
            got.stdout,
            "Counter({'a': 7, 'b': 2, 'r': 2, 'c': 1, 'd': 1, 'z': 1}) \
             ['a', 'b', 'r', 'c', 'd', 'z']\nunhashable type: 'list'\n"
        );
    }

    #[test]
    fn a_counter_with_its_own_setitem_is_counted_through_it() {
        let src = "from collections import Counter\n\
                   class Loud(Counter):\n    def __setitem__(self, k, v):\n        \
                   print('set', k, v)\n        super().__setitem__(k, v)\n\
                   print(Loud('aab'), isinstance(Counter('a'), dict))\n";
        let (code, got) = capture(|| crate::python::run_main(src, "main.py"));
        assert_eq!(code, 0, "{}", got.stderr);
        assert_eq!(
            got.stdout,
            "set a 1\nset a 2\nset b 1\nLoud({'a': 2, 'b': 1}) True\n"
        );
    }

    #[test]
    fn a_class_without_its_own_get_or_setitem_is_counted_straight_into_its_dict() {
        use crate::python::exceptions::make_class;
        use crate::python::interp::Interp;
        use crate::python::value::{Namespace, Value};
        let it = Interp::new("t.py", "");
        let Some(Value::Class(ref dict)) = it.builtins.get("dict").cloned() else {
            panic!("dict is a builtin class");
        };
        let plain = make_class(
            "Tally",
            "__main__",
            vec![dict.clone()],
            Namespace::default(),
            None,
        )
        .expect("one base");
        assert!(super::uses_dicts_own_methods(&it, &plain));
        let mut own = Namespace::default();
        own.insert("get".into(), Value::None);
        let loud = make_class("Loud", "__main__", vec![dict.clone()], own, None).expect("one base");
        assert!(!super::uses_dicts_own_methods(&it, &loud));
    }
}

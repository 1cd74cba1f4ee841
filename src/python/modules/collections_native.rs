//! `_collections._count_elements`: the loop at the heart of `collections.Counter(iterable)` and
//! `Counter.update(iterable)`, in Rust as CPython has it in C. Counting the words of a text is
//! the first thing a learner does with a Counter, and through the interpreter the Python loop
//! (`data[elem] = data.get(elem, 0) + 1`) took several times CPython's time on 100 000 words.

use crate::python::ast::BinOp;
use crate::python::exceptions::{Exc, type_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Value};

use super::make_module;

pub fn module() -> Value {
    make_module(
        "_collections",
        &[("_count_elements", count_elements)],
        vec![],
    )
}

/// `_count_elements(counts, iterable)`: add one to `counts[elem]` (a dict) for each element.
/// Elements are hashed and counts added as Python does (an unhashable element is CPython's
/// TypeError; a count that is not an int is added to with `+`).
fn count_elements(it: &mut Interp, a: Args) -> Result<Value, Exc> {
    let (Some(Value::Dict(counts)), Some(src), 2) = (a.pos.first(), a.pos.get(1), a.pos.len())
    else {
        return Err(type_error(
            "_count_elements(counts, iterable) takes a dict and an iterable",
        ));
    };
    let iter = it.iter(src)?;
    let one = Value::Int(1);
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
}

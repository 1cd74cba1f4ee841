//! `_queue`: the exceptions `queue.Empty` and `queue.Full`, shared by `multiprocessing`'s queues and
//! the `queue` module written in Python (`src/python/lib/queue.py`), as CPython's `_queue`.

use super::super::make_module;
use crate::python::builtin_classes;
use crate::python::exceptions::{self, ExcKind};
use crate::python::value::{Namespace, Value};
use std::rc::Rc;

type Class = Rc<crate::python::value::Class>;

/// `queue.Empty` and `queue.Full`, which the natives of `multiprocessing`'s queues raise too.
pub fn queue_classes() -> (Class, Class) {
    static MADE: builtin_classes::InterpSlot<(Class, Class)> = builtin_classes::InterpSlot::new();
    builtin_classes::per_interp(&MADE, || {
        let base = ExcKind::Exception.class();
        let empty = exceptions::make_class(
            "Empty",
            "_queue",
            vec![base.clone()],
            Namespace::default(),
            None,
        )
        .expect("one base");
        let full = exceptions::make_class("Full", "queue", vec![base], Namespace::default(), None)
            .expect("one base");
        (empty, full)
    })
}

pub fn queue() -> Value {
    let (empty, full) = queue_classes();
    make_module(
        "_queue",
        &[],
        vec![("Empty", Value::Class(empty)), ("Full", Value::Class(full))],
    )
}

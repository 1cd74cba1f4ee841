//! `_queue`: the exceptions `queue.Empty` and `queue.Full`, shared by `multiprocessing`'s queues and
//! the `queue` module written in Python (`src/python/lib/queue.py`), as CPython's `_queue`.

use super::super::make_module;
use crate::python::exceptions::{self};
use crate::python::value::{Namespace, Value};
use std::rc::Rc;

/// `queue.Empty` and `queue.Full`, registered so natives can raise them by name.
pub fn queue_classes() -> (
    Rc<crate::python::value::Class>,
    Rc<crate::python::value::Class>,
) {
    thread_local! {
        static MADE: std::cell::RefCell<Option<(Rc<crate::python::value::Class>, Rc<crate::python::value::Class>)>> = const { std::cell::RefCell::new(None) };
    }
    MADE.with(|m| {
        m.borrow_mut()
            .get_or_insert_with(|| {
                let base = exceptions::class("Exception");
                let empty = exceptions::make_class(
                    "Empty",
                    "_queue",
                    vec![base.clone()],
                    Namespace::default(),
                    None,
                )
                .expect("one base");
                let full =
                    exceptions::make_class("Full", "queue", vec![base], Namespace::default(), None)
                        .expect("one base");
                exceptions::register("queue.Empty", empty.clone());
                exceptions::register("queue.Full", full.clone());
                (empty, full)
            })
            .clone()
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

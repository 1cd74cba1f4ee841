//! `_heapq`: the heap operations of `heapq` in Rust, as CPython has them in C. They are the inner
//! loop of every priority queue a lesson builds (a Dijkstra, a scheduler simulation, a top-k), and
//! written in Python through forkyard's interpreter a heap of 100 000 items took many times
//! CPython's time; `src/python/lib/heapq.py` imports these and keeps the rest (merge, nlargest,
//! nsmallest) in Python.
//!
//! The sift loops are CPython's (`siftdown` up to the root, `siftup` down to a leaf and back), so
//! equal items end in the same places and a learner's `__lt__` is called in the same order. Items
//! are compared with Python's `<`, which may run a learner's `__lt__`: no borrow of the list is
//! held across a comparison, and a list that changed size meanwhile is a RuntimeError, as in
//! CPython.

use crate::python::exceptions::ExcKind;
use std::cell::RefCell;
use std::rc::Rc;

use crate::python::ast::CmpOp;
use crate::python::bind::Sig;
use crate::python::exceptions::{Exc, index_error, type_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Value};

use super::make_module;

type R = Result<Value, Exc>;
type Heap = Rc<RefCell<Vec<Value>>>;

pub fn module() -> Value {
    make_module(
        "_heapq",
        &[
            ("heappush", heappush),
            ("heappop", heappop),
            ("heapify", heapify),
            ("heapreplace", heapreplace),
            ("heappushpop", heappushpop),
        ],
        vec![],
    )
}

/// The arguments of `name`, exactly `n` of them, the first a list.
fn heap_args(a: &Args, name: &str, n: usize) -> Result<Heap, Exc> {
    if n == 1 {
        Sig::c_pos(name, "_heapq", &["heap"], 1).bind::<1>(a)?;
    } else {
        Sig::c_pos(name, "_heapq", &["heap", "item"], 2).bind::<2>(a)?;
    }
    match &a.pos[0] {
        Value::List(l) => Ok(l.clone()),
        other => Err(type_error(format!(
            "{name}() argument{} must be list, not {}",
            if n == 1 { "" } else { " 1" },
            other.type_name()
        ))),
    }
}

fn changed_size() -> Exc {
    Exc::new(ExcKind::RuntimeError, "list changed size during iteration")
}

fn item(heap: &Heap, i: usize, len: usize) -> Result<Value, Exc> {
    let h = heap.borrow();
    if h.len() != len {
        return Err(changed_size());
    }
    Ok(h[i].clone())
}

/// `heap[pos]` moves up towards `start` while it is smaller than its parent.
fn sift_down(it: &mut Interp, heap: &Heap, start: usize, mut pos: usize) -> Result<(), Exc> {
    let len = heap.borrow().len();
    let new = item(heap, pos, len)?;
    while pos > start {
        let parent_pos = (pos - 1) >> 1;
        let parent = item(heap, parent_pos, len)?;
        if !it.compare(CmpOp::Lt, &new, &parent)? {
            break;
        }
        let mut h = heap.borrow_mut();
        if h.len() != len {
            return Err(changed_size());
        }
        h[pos] = parent;
        pos = parent_pos;
    }
    let mut h = heap.borrow_mut();
    if h.len() != len {
        return Err(changed_size());
    }
    h[pos] = new;
    Ok(())
}

/// The smaller child moves up until `pos` reaches a leaf, then the item that was at `pos` settles
/// there with `sift_down`.
fn sift_up(it: &mut Interp, heap: &Heap, mut pos: usize) -> Result<(), Exc> {
    let len = heap.borrow().len();
    let start = pos;
    let new = item(heap, pos, len)?;
    let mut child = 2 * pos + 1;
    while child < len {
        let right = child + 1;
        if right < len {
            let (c, r) = (item(heap, child, len)?, item(heap, right, len)?);
            if !it.compare(CmpOp::Lt, &c, &r)? {
                child = right;
            }
        }
        let moved = item(heap, child, len)?;
        let mut h = heap.borrow_mut();
        if h.len() != len {
            return Err(changed_size());
        }
        h[pos] = moved;
        pos = child;
        child = 2 * pos + 1;
    }
    {
        let mut h = heap.borrow_mut();
        if h.len() != len {
            return Err(changed_size());
        }
        h[pos] = new;
    }
    sift_down(it, heap, start, pos)
}

fn heappush(it: &mut Interp, a: Args) -> R {
    let heap = heap_args(&a, "heappush", 2)?;
    let pos = {
        let mut h = heap.borrow_mut();
        h.push(a.pos[1].clone());
        h.len() - 1
    };
    sift_down(it, &heap, 0, pos)?;
    Ok(Value::None)
}

fn heappop(it: &mut Interp, a: Args) -> R {
    let heap = heap_args(&a, "heappop", 1)?;
    let (last, empty) = {
        let mut h = heap.borrow_mut();
        let Some(last) = h.pop() else {
            return Err(index_error("index out of range"));
        };
        (last, h.is_empty())
    };
    if empty {
        return Ok(last);
    }
    let first = std::mem::replace(&mut heap.borrow_mut()[0], last);
    sift_up(it, &heap, 0)?;
    Ok(first)
}

fn heapreplace(it: &mut Interp, a: Args) -> R {
    let heap = heap_args(&a, "heapreplace", 2)?;
    let first = {
        let mut h = heap.borrow_mut();
        if h.is_empty() {
            return Err(index_error("index out of range"));
        }
        std::mem::replace(&mut h[0], a.pos[1].clone())
    };
    sift_up(it, &heap, 0)?;
    Ok(first)
}

fn heappushpop(it: &mut Interp, a: Args) -> R {
    let heap = heap_args(&a, "heappushpop", 2)?;
    let new = a.pos[1].clone();
    let top = match heap.borrow().first() {
        None => return Ok(new),
        Some(top) => top.clone(),
    };
    if !it.compare(CmpOp::Lt, &top, &new)? {
        return Ok(new);
    }
    let first = {
        let mut h = heap.borrow_mut();
        if h.is_empty() {
            return Err(index_error("index out of range"));
        }
        std::mem::replace(&mut h[0], new)
    };
    sift_up(it, &heap, 0)?;
    Ok(first)
}

fn heapify(it: &mut Interp, a: Args) -> R {
    let heap = heap_args(&a, "heapify", 1)?;
    let n = heap.borrow().len();
    for i in (0..n / 2).rev() {
        sift_up(it, &heap, i)?;
    }
    Ok(Value::None)
}

#[cfg(test)]
mod tests {
    use crate::python::tests::out;

    #[test]
    fn heap_operations_keep_the_invariant_and_give_cpythons_layout() {
        // The layouts below are what CPython 3.11 prints for the same calls.
        let src = "import heapq\n\
                   h = []\n\
                   for x in [5, 1, 8, 3, 9, 2, 7]:\n    heapq.heappush(h, x)\n\
                   print(h)\n\
                   d = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]\n\
                   heapq.heapify(d)\n\
                   print(d, heapq.heapreplace(d, 4), heapq.heappushpop(d, 0), d)\n\
                   print([heapq.heappop(d) for _ in range(len(d))])\n";
        assert_eq!(
            out(src),
            "[1, 3, 2, 5, 9, 8, 7]\n\
             [1, 3, 2, 4, 4, 7, 6, 9, 5, 8] 0 0 [1, 3, 2, 4, 4, 7, 6, 9, 5, 8]\n\
             [1, 2, 3, 4, 4, 5, 6, 7, 8, 9]\n"
        );
    }

    #[test]
    fn a_comparison_that_changes_the_heap_is_a_runtime_error() {
        let src = "import heapq\n\
                   h = []\n\
                   class Evil:\n    def __lt__(self, other):\n        h.clear()\n        return True\n\
                   heapq.heappush(h, Evil())\n\
                   try:\n    heapq.heappush(h, Evil())\nexcept RuntimeError as e:\n    print(e)\n\
                   try:\n    heapq.heappop([])\nexcept IndexError as e:\n    print(e)\n";
        assert_eq!(
            out(src),
            "list changed size during iteration\nindex out of range\n"
        );
    }
}

//! Iterators over a dict (its keys, values or items, forwards or `reversed`) and over a set, as
//! CPython 3.11's `dictiter_iternext*`, `dictreviter_iternext` and `setiter_iternext` behave.
//!
//! A dict iterator reads its dict in place, one position at a time: nothing is copied when the loop
//! starts, values changed during the loop are seen, and a dict whose size changed since the
//! iterator was made raises `RuntimeError: dictionary changed size during iteration`, at that next
//! step and every one after (CPython makes that state sticky). Meeting more keys than the dict had
//! when the loop began (a key deleted and another added) raises `dictionary keys changed during
//! iteration` and ends the iterator.
//!
//! CPython's dict is a table of entries in insertion order where a deleted entry leaves a hole, so
//! its iterator's position does not move when a key is deleted. forkyard's dict is an `IndexMap`
//! whose deletions (`shift_remove`) close the gap, moving later entries down. So the iterator keeps
//! the key it yielded last and, at the next step, finds its place again: where that key now stands
//! (entries before it were deleted), or, when it was deleted itself, the index it had (the entries
//! after it moved down by one). That is CPython's order for every loop that changes at most its own
//! key and the keys after it; one that deletes earlier keys and its own key in the same step, and
//! keeps the size, may resume one entry off. CPython's table compaction, when an insertion finds it
//! full, is not modelled.
//!
//! A set's order is CPython's table order (`Set::iteration_order`), computed when the iterator is
//! made; the size is checked at each step as CPython checks it.

use std::cell::RefCell;
use std::rc::Rc;

use super::exceptions::{Exc, ExcKind};
use super::interp::pair;
use super::iter_kind::IterKind;
use super::value::{Dict, HashKey, Set, Value};

/// What a dict iterator yields.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Yields {
    Keys,
    Values,
    Items,
}

/// CPython's `di_used` once the size check failed: no dict has that size, so the error repeats.
const BROKEN: usize = usize::MAX;

/// A running iterator over a dict.
pub struct DictIter {
    dict: Rc<RefCell<Dict>>,
    yields: Yields,
    reverse: bool,
    /// Forwards: the index of the next entry. Reversed: one past it (0 is the end).
    cursor: usize,
    /// The dict's size when the iterator was made (CPython's `di_used`), or `BROKEN`.
    used: usize,
    /// How many entries are still to come (CPython's `len`): a forward iterator that finds an
    /// entry when this is 0 has met a key the dict did not have when the loop began.
    left: usize,
    /// The index and key of the entry yielded last, to find the position again (module docs).
    last: Option<(usize, HashKey)>,
    /// Ended by "keys changed": CPython drops its dict, and later steps are StopIteration.
    ended: bool,
}

impl DictIter {
    pub fn new(dict: Rc<RefCell<Dict>>, yields: Yields, reverse: bool) -> DictIter {
        let used = dict.borrow().len();
        DictIter {
            dict,
            yields,
            reverse,
            cursor: if reverse { used } else { 0 },
            used,
            left: used,
            last: None,
            ended: false,
        }
    }

    /// CPython's type for this iterator.
    pub fn kind(&self) -> IterKind {
        match (self.yields, self.reverse) {
            (Yields::Keys, false) => IterKind::DictKeys,
            (Yields::Values, false) => IterKind::DictValues,
            (Yields::Items, false) => IterKind::DictItems,
            (Yields::Keys, true) => IterKind::DictReverseKeys,
            (Yields::Values, true) => IterKind::DictReverseValues,
            (Yields::Items, true) => IterKind::DictReverseItems,
        }
    }

    /// The next key, value or pair; `Ok(None)` at the end (the caller marks the iterator done).
    pub fn step(&mut self) -> Result<Option<Value>, Exc> {
        if self.ended {
            return Ok(None);
        }
        let d = self.dict.borrow();
        if d.len() != self.used {
            self.used = BROKEN;
            return Err(Exc::new(
                ExcKind::RuntimeError,
                "dictionary changed size during iteration",
            ));
        }
        if let Some(at) = moved_place(&d, &self.last, self.reverse) {
            self.cursor = at;
        }
        let index = if self.reverse {
            match self.cursor.checked_sub(1) {
                Some(i) => i,
                None => return Ok(None),
            }
        } else {
            self.cursor
        };
        let Some((hk, (k, v))) = d.map.get_index(index) else {
            return Ok(None);
        };
        if !self.reverse && self.left == 0 {
            self.ended = true;
            return Err(Exc::new(
                ExcKind::RuntimeError,
                "dictionary keys changed during iteration",
            ));
        }
        self.left = self.left.saturating_sub(1);
        self.cursor = if self.reverse { index } else { index + 1 };
        self.last = Some((index, hk.clone()));
        Ok(Some(match self.yields {
            Yields::Keys => k.clone(),
            Yields::Values => v.clone(),
            Yields::Items => pair(k.clone(), v.clone()),
        }))
    }

    /// How many items are left, as CPython's `__length_hint__` says: 0 once the size changed.
    pub fn length_hint(&self) -> usize {
        if self.ended || self.dict.borrow().len() != self.used {
            0
        } else {
            self.left
        }
    }

    /// The items still to come, for sending the iterator to another process (CPython pickles a
    /// dict iterator as the list of what it has left).
    pub fn remaining(&self) -> Vec<Value> {
        let mut copy = DictIter {
            dict: self.dict.clone(),
            yields: self.yields,
            reverse: self.reverse,
            cursor: self.cursor,
            used: self.used,
            left: self.left,
            last: self.last.clone(),
            ended: self.ended,
        };
        let mut out = Vec::new();
        while let Ok(Some(v)) = copy.step() {
            out.push(v);
        }
        out
    }
}

/// The cursor beside the key yielded last when deletions moved that key (module docs); `None`
/// when it stands where it was.
fn moved_place(d: &Dict, last: &Option<(usize, HashKey)>, reverse: bool) -> Option<usize> {
    let (index, key) = last.as_ref()?;
    if d.map.get_index(*index).is_some_and(|(k, _)| k == key) {
        return None;
    }
    Some(match d.map.get_index_of(key) {
        Some(now) if reverse => now,
        Some(now) => now + 1,
        None => *index,
    })
}

/// A running iterator over a set: its members in CPython's order, listed when it was made, and the
/// set, whose size is compared at each step.
pub struct SetIter {
    set: Rc<RefCell<Set>>,
    items: Rc<[Value]>,
    pos: usize,
    used: usize,
}

impl SetIter {
    pub fn new(set: Rc<RefCell<Set>>) -> SetIter {
        let (items, used) = {
            let s = set.borrow();
            (s.iteration_order().into(), s.map.len())
        };
        SetIter {
            set,
            items,
            pos: 0,
            used,
        }
    }

    pub fn step(&mut self) -> Result<Option<Value>, Exc> {
        if self.set.borrow().map.len() != self.used {
            self.used = BROKEN;
            return Err(Exc::new(
                ExcKind::RuntimeError,
                "Set changed size during iteration",
            ));
        }
        let v = self.items.get(self.pos).cloned();
        self.pos += 1;
        Ok(v)
    }

    pub fn length_hint(&self) -> usize {
        if self.set.borrow().map.len() != self.used {
            0
        } else {
            self.items.len().saturating_sub(self.pos)
        }
    }

    pub fn remaining(&self) -> Vec<Value> {
        self.items[self.pos.min(self.items.len())..].to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dict_of(keys: &[i64]) -> Rc<RefCell<Dict>> {
        // Exceptions are instances of this thread's interpreter's classes.
        crate::python::exceptions::install();
        let mut d = Dict::default();
        for &k in keys {
            d.insert(HashKey::Int(k), Value::Int(k), Value::Int(k * 10));
        }
        Rc::new(RefCell::new(d))
    }

    fn ints(it: &mut DictIter) -> Result<Vec<i64>, String> {
        let mut out = Vec::new();
        loop {
            match it.step() {
                Ok(Some(Value::Int(i))) => out.push(i),
                Ok(Some(_)) => return Err("not an int".into()),
                Ok(None) => return Ok(out),
                Err(e) => return Err(format!("{out:?} {}", message(&e))),
            }
        }
    }

    fn message(e: &Exc) -> String {
        match e.args().first() {
            Some(Value::Str(s)) => s.to_string(),
            _ => String::new(),
        }
    }

    #[test]
    fn reads_keys_values_in_order_forwards_and_back() {
        let d = dict_of(&[3, 1, 2]);
        assert_eq!(
            ints(&mut DictIter::new(d.clone(), Yields::Keys, false)),
            Ok(vec![3, 1, 2])
        );
        assert_eq!(
            ints(&mut DictIter::new(d.clone(), Yields::Values, true)),
            Ok(vec![20, 10, 30])
        );
    }

    #[test]
    fn a_size_change_raises_at_every_later_step() {
        let d = dict_of(&[1, 2]);
        let mut it = DictIter::new(d.clone(), Yields::Keys, false);
        assert!(matches!(it.step(), Ok(Some(Value::Int(1)))));
        d.borrow_mut()
            .insert(HashKey::Int(9), Value::Int(9), Value::None);
        assert!(it.step().is_err());
        d.borrow_mut().map.shift_remove(&HashKey::Int(9));
        assert!(it.step().is_err(), "sticky, as CPython's di_used = -1");
        assert_eq!(it.length_hint(), 0);
    }

    #[test]
    fn own_key_replaced_resumes_after_it_then_keys_changed() {
        // CPython: [1, 2, 3] -> yield 1, del 1, add 4 -> 2, 3, then 4 is one key too many.
        let d = dict_of(&[1, 2, 3]);
        let mut it = DictIter::new(d.clone(), Yields::Keys, false);
        assert!(matches!(it.step(), Ok(Some(Value::Int(1)))));
        d.borrow_mut().map.shift_remove(&HashKey::Int(1));
        d.borrow_mut()
            .insert(HashKey::Int(4), Value::Int(4), Value::None);
        let r = ints(&mut it);
        assert!(
            r.as_ref()
                .is_err_and(|e| e.starts_with("[2, 3] dictionary keys changed")),
            "{r:?}"
        );
        assert_eq!(ints(&mut it), Ok(vec![]), "ended after the error");
    }

    #[test]
    fn reverse_resumes_below_its_key_after_an_earlier_deletion() {
        // CPython: [1, 2, 3, 4] reversed -> 4, del 1, add 5 -> 3, 2 (no keys-changed check).
        let d = dict_of(&[1, 2, 3, 4]);
        let mut it = DictIter::new(d.clone(), Yields::Keys, true);
        assert!(matches!(it.step(), Ok(Some(Value::Int(4)))));
        d.borrow_mut().map.shift_remove(&HashKey::Int(1));
        d.borrow_mut()
            .insert(HashKey::Int(5), Value::Int(5), Value::None);
        assert_eq!(ints(&mut it), Ok(vec![3, 2]));
    }

    #[test]
    fn a_set_checks_its_size() {
        crate::python::exceptions::install();
        let mut s = Set::default();
        s.map.insert(HashKey::Int(1), Value::Int(1));
        let s = Rc::new(RefCell::new(s));
        let mut it = SetIter::new(s.clone());
        s.borrow_mut().map.insert(HashKey::Int(2), Value::Int(2));
        assert!(it.step().is_err());
        s.borrow_mut().map.shift_remove(&HashKey::Int(2));
        assert!(it.step().is_err());
    }
}

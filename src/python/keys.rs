//! Dict keys and set members that are instances with their own `__hash__` and `__eq__`.
//!
//! Plain values (ints, strs, tuples of them...) are keyed by value: their `HashKey`s are equal
//! exactly when Python's `==` says so, and the container is used directly. An instance whose class
//! defines `__eq__` is keyed by `HashKey::User` (its hash and its identity) instead, and CPython's
//! dict lookup is done here before the container is touched: every stored key with the same hash is
//! compared with the probe, by identity first, then by `stored == probe` (so `__eq__` runs, its
//! exception propagates and a non-bool result is truth-tested). The stored key that matches is the
//! key to use; without one, the probe's own key is new to the container.

use std::cell::RefCell;
use std::hash::{Hash, Hasher};

use indexmap::Equivalent;

use super::exceptions::Exc;
use super::interp::Interp;
use super::value::{Dict, HashKey, Set, Value};

/// A probe that finds every stored key sharing a Python hash with `key`: it hashes like `key`, and
/// answers "not equal" to each key the map compares it with, noting those whose hash matches, so the
/// map walks the whole chain of keys with that hash.
struct SameHash<'a> {
    key: &'a HashKey,
    found: RefCell<Vec<HashKey>>,
}

impl Hash for SameHash<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.key.hash(state)
    }
}

impl Equivalent<HashKey> for SameHash<'_> {
    fn equivalent(&self, stored: &HashKey) -> bool {
        let HashKey::User { hash, .. } = self.key else {
            return false;
        };
        // Only ints (and bools, integral floats) and other user keys can hash like a user key.
        let same = match stored {
            HashKey::User { hash: h, .. } | HashKey::Int(h) => h == hash,
            _ => false,
        };
        if same {
            self.found.borrow_mut().push(stored.clone());
        }
        false
    }
}

/// The stored keys with the same hash as `key`, each with the key object, in insertion order.
fn same_hash<V>(
    map: &indexmap::IndexMap<HashKey, V, super::key_hash::KeyHashing>,
    key: &HashKey,
    object: impl Fn(&V) -> &Value,
) -> Vec<(HashKey, Value)> {
    if !matches!(key, HashKey::User { .. }) {
        return Vec::new();
    }
    let probe = SameHash {
        key,
        found: RefCell::new(Vec::new()),
    };
    map.get_index_of(&probe);
    let mut at: Vec<(usize, HashKey, Value)> = probe
        .found
        .into_inner()
        .into_iter()
        .filter_map(|k| {
            let (i, _, v) = map.get_full(&k)?;
            Some((i, k, object(v).clone()))
        })
        .collect();
    at.sort_by_key(|(i, _, _)| *i);
    at.into_iter().map(|(_, k, v)| (k, v)).collect()
}

impl Dict {
    /// The stored keys that hash like `key` (none unless `key` is a user key).
    pub fn same_hash(&self, key: &HashKey) -> Vec<(HashKey, Value)> {
        same_hash(&self.map, key, |(k, _)| k)
    }
}

impl Set {
    /// The stored members that hash like `key` (none unless `key` is a user key).
    pub fn same_hash(&self, key: &HashKey) -> Vec<(HashKey, Value)> {
        same_hash(&self.map, key, |v| v)
    }
}

impl Interp {
    /// The key under which `v` is (or would be) stored in a container, as CPython's lookup finds
    /// it. `stored` gives the container's keys that hash like the probe (`Dict::same_hash`,
    /// `Set::same_hash`); it is called only for user keys and must not keep the container
    /// borrowed, since `__eq__` may read or change it.
    pub fn key_in(
        &mut self,
        v: &Value,
        stored: impl FnOnce(&HashKey) -> Vec<(HashKey, Value)>,
    ) -> Result<HashKey, Exc> {
        let key = self.hash_key(v)?;
        if !matches!(key, HashKey::User { .. }) {
            return Ok(key);
        }
        let candidates = stored(&key);
        self.match_stored(key, v, candidates)
    }

    /// The first stored key that is `v` itself or equal to it (`stored == v`), else `key`.
    pub fn match_stored(
        &mut self,
        key: HashKey,
        v: &Value,
        candidates: Vec<(HashKey, Value)>,
    ) -> Result<HashKey, Exc> {
        for (stored_key, stored) in candidates {
            if stored_key == key || stored.is(v) || self.eq(&stored, v)? {
                return Ok(stored_key);
            }
        }
        Ok(key)
    }
}

/// A copy of a set or frozenset's members, for comparisons that may call `__eq__` (which could
/// change the set being compared).
pub fn set_members(v: &Value) -> Option<Set> {
    match v {
        Value::Set(s) => Some(s.borrow().clone()),
        Value::FrozenSet(s) => Some((**s).clone()),
        _ => None,
    }
}

impl Interp {
    /// The key under which the member `v` (whose own key is `k`) is stored in `s`, or would be.
    pub fn key_in_set(&mut self, s: &Set, k: &HashKey, v: &Value) -> Result<HashKey, Exc> {
        match k {
            HashKey::User { .. } => self.match_stored(k.clone(), v, s.same_hash(k)),
            _ => Ok(k.clone()),
        }
    }

    /// The key under which the key object `v` (whose own key is `k`) is stored in `d`, or would be.
    pub fn key_in_dict(&mut self, d: &Dict, k: &HashKey, v: &Value) -> Result<HashKey, Exc> {
        match k {
            HashKey::User { .. } => self.match_stored(k.clone(), v, d.same_hash(k)),
            _ => Ok(k.clone()),
        }
    }

    /// `d[key] = value` on a dict that no Python code can see yet (a display, `dict(...)`).
    pub fn dict_insert(&mut self, d: &mut Dict, key: Value, value: Value) -> Result<(), Exc> {
        let k = self.key_in(&key, |k| d.same_hash(k))?;
        d.insert(k, key, value);
        Ok(())
    }

    /// `s.add(v)` on a set that no Python code can see yet (a display, `set(...)`).
    pub fn set_insert(&mut self, s: &mut Set, v: Value) -> Result<(), Exc> {
        let k = self.key_in(&v, |k| s.same_hash(k))?;
        s.map.entry(k).or_insert(v);
        Ok(())
    }

    /// Whether every member of `x` is in `y`, found as `in` finds it.
    pub fn is_subset(&mut self, x: &Set, y: &Set) -> Result<bool, Exc> {
        for (k, v) in x.map.iter() {
            let k = self.key_in_set(y, k, v)?;
            if !y.map.contains_key(&k) {
                return Ok(false);
            }
        }
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(hash: i64, id: usize) -> HashKey {
        HashKey::User { hash, id }
    }

    #[test]
    fn same_hash_finds_every_user_and_int_key_of_that_hash_in_insertion_order() {
        let mut d = Dict::default();
        d.insert(HashKey::Int(7), Value::Int(0), Value::None);
        d.insert(HashKey::Str("7".into()), Value::Int(1), Value::None);
        // Enough keys of one hash to spread over several of the map's probe groups.
        for id in 0..100 {
            d.insert(user(7, 1000 + id), Value::Int(2 + id as i64), Value::None);
        }
        d.insert(user(8, 5), Value::Int(-1), Value::None);
        let found = d.same_hash(&user(7, 1));
        assert_eq!(found.len(), 101);
        assert_eq!(found[0].0, HashKey::Int(7));
        let objects: Vec<i64> = found
            .iter()
            .map(|(_, v)| match v {
                Value::Int(i) => *i,
                _ => -99,
            })
            .collect();
        assert_eq!(
            objects,
            (0..101)
                .map(|i| if i == 0 { 0 } else { i + 1 })
                .collect::<Vec<_>>()
        );
        assert_eq!(d.same_hash(&user(8, 9)).len(), 1);
        assert!(d.same_hash(&user(9, 9)).is_empty());
    }

    #[test]
    fn plain_keys_take_no_detour() {
        let mut s = Set::default();
        s.map.insert(user(7, 1), Value::Int(1));
        s.map.insert(HashKey::Int(7), Value::Int(7));
        assert!(s.same_hash(&HashKey::Int(7)).is_empty());
        assert_eq!(s.same_hash(&user(7, 2)).len(), 2);
    }

    #[test]
    fn user_keys_are_one_key_only_by_identity() {
        assert_eq!(user(7, 1), user(7, 1));
        assert_ne!(user(7, 1), user(7, 2));
        assert_ne!(user(7, 1), HashKey::Int(7));
    }
}

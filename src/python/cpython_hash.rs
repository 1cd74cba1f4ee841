//! The hashes CPython gives values whose hash does not change from one CPython process to the
//! next: numbers, and tuples and frozensets made of them. Sets are laid out by these hashes
//! (`Set::iteration_order`), so `print({(1, 2), (3, 4), (5, 6), (7, 8)})` lists them in the
//! order CPython prints; `hash((1, 2))` is CPython's number, and so is a `__hash__` built on it.
//! A `str` or `bytes` hash is salted anew in every CPython process (PYTHONHASHSEED), `None`'s and
//! an object's come from addresses: for those there is no CPython number to match (`None`).

use super::value::HashKey;

// CPython's `tuplehash` (Objects/tupleobject.c, 64-bit): xxHash's primes and rotation.
const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// CPython's hash of the value behind `k`, where every CPython process gives the same one.
pub fn of_key(k: &HashKey) -> Option<i64> {
    // A tuple nested 100 000 deep hashes, as in CPython (whose tuplehash does not count depth):
    // on more stack where a generator's small one runs out.
    super::interp::stack::maybe_grow(64 * 1024, 1 << 20, || of_key_here(k))
}

fn of_key_here(k: &HashKey) -> Option<i64> {
    Some(match k {
        HashKey::Int(i) => super::bigint::hash_i64(*i),
        HashKey::BigInt(b) => super::bigint::hash_big(b),
        // A NaN's hash is its address since 3.10.
        HashKey::Float(bits) if !f64::from_bits(*bits).is_nan() => {
            super::float_hash::hash_double(f64::from_bits(*bits))
        }
        // A `__hash__` of the program's (or a complex number's): what CPython uses, -1 being
        // reserved for errors.
        HashKey::User { hash: -1, .. } => -2,
        HashKey::User { hash, .. } => *hash,
        HashKey::Tuple(items) => tuple(items)?,
        HashKey::FrozenSet(items) => frozenset(items)?,
        _ => return None,
    })
}

fn tuple(items: &[HashKey]) -> Option<i64> {
    let mut acc = XXPRIME_5;
    for k in items {
        let lane = of_key(k)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    // The length, mangled to keep the historical value of hash(()).
    acc = acc.wrapping_add(items.len() as u64 ^ (XXPRIME_5 ^ 3527539));
    Some(if acc == u64::MAX {
        1546275796
    } else {
        acc as i64
    })
}

/// CPython's `frozenset_hash` (Objects/setobject.c): the members' shuffled hashes xor-ed (the
/// table's empty and deleted slots cancel out), then spread.
fn frozenset(items: &[HashKey]) -> Option<i64> {
    let shuffle = |h: u64| ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
    let mut hash = 0u64;
    for k in items {
        hash ^= shuffle(of_key(k)? as u64);
    }
    hash ^= (items.len() as u64 + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    Some(if hash == u64::MAX {
        590923713
    } else {
        hash as i64
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    fn t(items: Vec<HashKey>) -> HashKey {
        HashKey::Tuple(Rc::from(items))
    }

    fn fs(items: Vec<HashKey>) -> HashKey {
        HashKey::FrozenSet(Rc::from(items))
    }

    fn ints(r: impl Iterator<Item = i64>) -> Vec<HashKey> {
        r.map(HashKey::Int).collect()
    }

    #[test]
    fn tuples_hash_as_cpython_3_11s() {
        // Each figure printed by CPython 3.11.7's hash().
        assert_eq!(of_key(&t(vec![])), Some(5740354900026072187));
        assert_eq!(of_key(&t(ints(1..2))), Some(-6644214454873602895));
        assert_eq!(of_key(&t(ints(1..3))), Some(-3550055125485641917));
        assert_eq!(of_key(&t(ints(0..10))), Some(-2040549277248155741));
        assert_eq!(of_key(&t(ints(-1..0))), Some(8078679518589016365));
        let nested = t(vec![t(ints(1..3)), t(ints(3..4))]);
        assert_eq!(of_key(&nested), Some(-8303551883679707139));
        let mixed = t(vec![HashKey::Float(1.5f64.to_bits()), HashKey::Int(-1)]);
        assert_eq!(of_key(&mixed), Some(-9002791676578425913));
        // A `__hash__` that returns -1 counts as -2, as hash() shows it.
        let user = t(vec![HashKey::User { hash: -1, id: 1 }]);
        assert_eq!(of_key(&user), Some(8078679518589016365));
    }

    #[test]
    fn frozensets_hash_as_cpython_3_11s() {
        assert_eq!(of_key(&fs(vec![])), Some(133146708735736));
        assert_eq!(of_key(&fs(ints(1..4))), Some(-272375401224217160));
        assert_eq!(of_key(&fs(ints(0..100))), Some(4411996150312757951));
        assert_eq!(of_key(&fs(vec![t(ints(1..3))])), Some(3819360209092968377));
    }

    #[test]
    fn salted_and_address_hashes_have_no_number() {
        assert_eq!(of_key(&t(vec![HashKey::Str("a".into())])), None);
        assert_eq!(of_key(&t(vec![HashKey::Int(1), HashKey::None])), None);
        assert_eq!(of_key(&HashKey::Float(f64::NAN.to_bits())), None);
    }
}

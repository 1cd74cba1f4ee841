//! The hasher of dict keys and set members.
//!
//! Fx (rustc's hasher) for everything, except a key that is one int (`HashKey::Int`, and a user
//! key's `__hash__`, which must hash alike): that one keeps its place. CPython's hash of an int
//! is the int, so a dict filled with `d[i] = ...` over a range fills its table in order and each
//! insertion touches the memory beside the last one. Fx scatters consecutive ints over the whole
//! table, and at a million keys every insertion and lookup missed the cache: `IndexMap::entry`
//! stalled on the table's control bytes for 92% of its samples, and building such a dict took
//! 1.95x CPython's time.
//!
//! So a lone int from 0 to 2^23 is its own slot (its low bits); larger and negative ints are
//! mixed through. Clustering is
//! bounded by the window: multiples of 2^s below 2^23 are at most 2^(23-s) keys. The top seven
//! bits are hashbrown's tag, compared before any key is read; they are mixed from the whole int,
//! so that neighbours in one group of slots have different tags.

use std::hash::{BuildHasher, Hasher};

use rustc_hash::FxHasher;

/// Fx's multiplier (an odd constant with its bits well spread).
const K: u64 = 0xf135_7aea_2e62_a9c5;
/// The ints that keep their place: below 2^23.
const WINDOW_BITS: u32 = 23;

/// Builds a [`KeyHasher`]; the hasher of `Dict` and `Set` maps.
#[derive(Clone, Copy, Default, Debug)]
pub struct KeyHashing;

impl BuildHasher for KeyHashing {
    type Hasher = KeyHasher;
    fn build_hasher(&self) -> KeyHasher {
        KeyHasher::default()
    }
}

/// Fx, or the placed hash of a lone int (module docs).
#[derive(Clone, Default)]
pub struct KeyHasher {
    fx: FxHasher,
    /// The int written first, when it was the first write.
    int: Option<i64>,
    /// Anything else written (then Fx's hash is the hash).
    other: bool,
}

impl KeyHasher {
    fn other(&mut self) -> &mut FxHasher {
        self.other = true;
        &mut self.fx
    }
}

/// A lone int's hash: in the window, its place in the low bits and a mixed tag in the top seven;
/// outside it, every bit mixed (MurmurHash3's finalizer: Fx's one multiplication leaves
/// multiples of 2^23 + 1 in a few hundred slots of 4096).
fn placed(i: i64) -> u64 {
    let x = i as u64;
    if x >> WINDOW_BITS == 0 {
        return x | (x.wrapping_mul(K) >> 57 << 57);
    }
    let mut h = x ^ (x >> 33);
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        match self.int {
            Some(i) if !self.other => placed(i),
            _ => self.fx.finish(),
        }
    }
    fn write_i64(&mut self, i: i64) {
        if self.int.is_none() && !self.other {
            self.int = Some(i);
        } else {
            self.other = true;
        }
        self.fx.write_i64(i);
    }
    fn write(&mut self, bytes: &[u8]) {
        self.other().write(bytes)
    }
    fn write_u8(&mut self, i: u8) {
        self.other().write_u8(i)
    }
    fn write_u16(&mut self, i: u16) {
        self.other().write_u16(i)
    }
    fn write_u32(&mut self, i: u32) {
        self.other().write_u32(i)
    }
    fn write_u64(&mut self, i: u64) {
        self.other().write_u64(i)
    }
    fn write_usize(&mut self, i: usize) {
        self.other().write_usize(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::value::HashKey;
    use std::hash::Hash;

    fn hash(k: &HashKey) -> u64 {
        KeyHashing.hash_one(k)
    }

    #[test]
    fn small_ints_keep_their_place_and_get_distinct_tags() {
        for i in 0..1000 {
            assert_eq!(hash(&HashKey::Int(i)) & 0xffff, i as u64);
        }
        let tags: std::collections::HashSet<u64> =
            (0..16).map(|i| hash(&HashKey::Int(i)) >> 57).collect();
        assert_eq!(
            tags.len(),
            16,
            "one group's neighbours are told apart by tag"
        );
    }

    #[test]
    fn an_int_and_a_user_key_with_its_hash_share_a_hash() {
        assert_eq!(
            hash(&HashKey::Int(42)),
            hash(&HashKey::User { hash: 42, id: 7 })
        );
    }

    #[test]
    fn large_ints_spread_over_the_low_bits() {
        // Multiples of 2^23 + 1 would cancel out in a plain fold of the high bits.
        let step = (1i64 << WINDOW_BITS) + 1;
        let slots: std::collections::HashSet<u64> = (1..4096)
            .map(|k| hash(&HashKey::Int(k * step)) & 0xfff)
            .collect();
        assert!(slots.len() > 2000, "{} distinct slots of 4095", slots.len());
    }

    #[test]
    fn other_keys_hash_as_fx() {
        let k = HashKey::Float(1.5f64.to_bits());
        let mut fx = FxHasher::default();
        k.hash(&mut fx);
        assert_eq!(hash(&k), fx.finish());
    }
}

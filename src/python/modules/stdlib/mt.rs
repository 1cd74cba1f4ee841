//! The Mersenne Twister (MT19937) exactly as CPython's `Modules/_randommodule.c` runs it, so a
//! seeded program draws the numbers CPython draws: `init_genrand`, `init_by_array`, `genrand_res53`
//! and `getrandbits`' little-endian 32-bit words.

use num_bigint::BigInt;
use num_traits::Signed;

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

#[derive(Clone)]
pub struct Mt {
    pub state: [u32; N],
    /// The next word to hand out; `N` means the block is used up and is regenerated first.
    pub index: usize,
}

impl Mt {
    fn init_genrand(s: u32) -> Mt {
        let mut mt = [0u32; N];
        mt[0] = s;
        for i in 1..N {
            mt[i] = 1_812_433_253u32
                .wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30))
                .wrapping_add(i as u32);
        }
        Mt {
            state: mt,
            index: N,
        }
    }

    /// CPython's `init_by_array`: every word of the key mixes into the state.
    pub fn from_key(key: &[u32]) -> Mt {
        let mut g = Mt::init_genrand(19_650_218);
        let mt = &mut g.state;
        let (mut i, mut j) = (1usize, 0usize);
        let len = key.len().max(1);
        for _ in 0..N.max(len) {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key.get(j).copied().unwrap_or(0))
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= len {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
        g
    }

    /// `random.seed(n)` for an int: the absolute value's 32-bit words, least significant first.
    pub fn from_int(n: &BigInt) -> Mt {
        let (_, mut words) = n.abs().to_u32_digits();
        if words.is_empty() {
            words.push(0);
        }
        Mt::from_key(&words)
    }

    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            let mt = &mut self.state;
            for kk in 0..N {
                let y = (mt[kk] & UPPER_MASK) | (mt[(kk + 1) % N] & LOWER_MASK);
                let mag = if y & 1 == 1 { MATRIX_A } else { 0 };
                mt[kk] = mt[(kk + M) % N] ^ (y >> 1) ^ mag;
            }
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random()`: 53 bits from two words (`genrand_res53`).
    pub fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` for `k <= 64`, the words in CPython's order.
    pub fn bits64(&mut self, k: u32) -> u64 {
        match k {
            0 => 0,
            1..=32 => (self.next_u32() >> (32 - k)) as u64,
            _ => {
                let low = self.next_u32() as u64;
                let high = (self.next_u32() >> (64 - k)) as u64;
                low | (high << 32)
            }
        }
    }

    /// `getrandbits(k)` at any size.
    pub fn bits(&mut self, k: u64) -> BigInt {
        if k <= 64 {
            return BigInt::from(self.bits64(k as u32));
        }
        let mut words = Vec::with_capacity(k.div_ceil(32) as usize);
        let mut left = k;
        while left > 0 {
            let w = self.next_u32();
            words.push(if left < 32 { w >> (32 - left) } else { w });
            left = left.saturating_sub(32);
        }
        BigInt::from_slice(num_bigint::Sign::Plus, &words)
    }

    /// `_randbelow_with_getrandbits(n)` for `0 < n < 2**64`: draw `n.bit_length()` bits until
    /// the draw is below `n`.
    pub fn below(&mut self, n: u64) -> u64 {
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.bits64(k);
            if r < n {
                return r;
            }
        }
    }

    /// `_randbelow` for any positive `n`.
    pub fn below_big(&mut self, n: &BigInt) -> BigInt {
        if let Ok(small) = u64::try_from(n) {
            return BigInt::from(self.below(small));
        }
        let k = n.bits();
        loop {
            let r = self.bits(k);
            if &r < n {
                return r;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_42_draws_cpythons_first_numbers() {
        // python3 -c 'import random; random.seed(42); print(repr(random.random()), random.getrandbits(32))'
        let mut g = Mt::from_int(&BigInt::from(42));
        assert_eq!(g.random(), 0.6394267984578837);
        let mut g = Mt::from_int(&BigInt::from(42));
        g.random();
        assert_eq!(g.bits64(32), 107_420_369);
    }

    #[test]
    fn big_draws_take_words_least_significant_first() {
        // python3 -c 'import random; random.seed(1); print(random.getrandbits(70));
        //   print([random.randrange(10) for _ in range(5)]); print(random.randrange(10**30))'
        let mut g = Mt::from_int(&BigInt::from(1));
        assert_eq!(g.bits(70).to_string(), "1006624138111981302261");
        let draws: Vec<u64> = (0..5).map(|_| g.below(10)).collect();
        assert_eq!(draws, [1, 4, 1, 7, 7]);
        let n: BigInt = "1000000000000000000000000000000".parse().unwrap();
        assert_eq!(
            g.below_big(&n).to_string(),
            "980814166729821154279298502753"
        );
    }

    #[test]
    fn negative_seed_is_its_absolute_value() {
        let mut a = Mt::from_int(&BigInt::from(-7));
        let mut b = Mt::from_int(&BigInt::from(7));
        assert_eq!(a.next_u32(), b.next_u32());
    }
}

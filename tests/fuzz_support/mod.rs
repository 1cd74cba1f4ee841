//! What the fuzz suites share: a small deterministic generator, so a failing case can be rerun from
//! its number (`FORKYARD_FUZZ_CASES`, `FORKYARD_WIRE_FUZZ_CASES`).

/// xorshift64*: fast, deterministic, good enough to spread mutations.
pub struct Rng(u64);

impl Rng {
    /// The generator of case `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    /// One of `xs`.
    #[allow(dead_code)] // used by fuzz_language only; each test crate compiles this module alone
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

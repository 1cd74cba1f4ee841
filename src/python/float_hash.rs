//! CPython's hash of a float (`_Py_HashDouble`): what `hash(2.5)` is, what sets and dicts of
//! floats are ordered by, what a complex number's hash is made of, and what `random.seed(float)`
//! seeds with. One place for all of them, so they cannot drift apart.

/// CPython's `_Py_HashDouble`.
pub fn hash_double(x: f64) -> i64 {
    const BITS: i32 = 61;
    const MODULUS: u64 = (1 << BITS) - 1;
    if x.is_infinite() {
        return if x > 0.0 { 314_159 } else { -314_159 };
    }
    if x.is_nan() {
        return 0;
    }
    let (mut m, mut e) = frexp(x.abs());
    let mut h: u64 = 0;
    while m != 0.0 {
        h = ((h << 28) & MODULUS) | (h >> (BITS - 28));
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        h += y;
        if h >= MODULUS {
            h -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % BITS
    } else {
        BITS - 1 - ((-1 - e) % BITS)
    };
    h = ((h << e) & MODULUS) | (h >> (BITS - e));
    let h = h as i64 * if x < 0.0 { -1 } else { 1 };
    if h == -1 { -2 } else { h }
}

/// `math.frexp` for a finite, non-negative float: a fraction in [0.5, 1) times a power of two.
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_hash_is_cpythons() {
        // python3 -c 'print(hash(1.5), hash(-2.25), hash(1e300), hash(0.1))'
        assert_eq!(hash_double(1.5), 1_152_921_504_606_846_977);
        assert_eq!(hash_double(-2.25), -576_460_752_303_423_490);
        assert_eq!(hash_double(0.1), 230_584_300_921_369_408);
        assert_eq!(hash_double(3.0), 3);
    }

    #[test]
    fn frexp_splits_like_c() {
        assert_eq!(frexp(8.0), (0.5, 4));
        assert_eq!(frexp(0.75), (0.75, 0));
        assert_eq!(frexp(5e-324), (0.5, -1073));
    }
}

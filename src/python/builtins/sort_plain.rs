//! Sorting keys that are all ints, all floats or all strs: Python's `<` on them is Rust's order
//! on `i64`, `f64` and `str` (code points compare as their UTF-8 bytes do), so such a sort needs
//! no call into the interpreter per comparison. Through the generic comparison, `sorted` of 100 000
//! floats was 3.1x CPython's time.

use std::cmp::Ordering;

use crate::python::value::Value;

/// The order (indices into `keys`) a stable sort puts `keys` in, ascending or, with `reverse`,
/// descending with equal keys still in their first order (as CPython's `reverse=True`); `None`
/// unless every key is an int, every key a float (none NaN, which orders with nothing), or every
/// key a str.
pub fn order(keys: &[Value], reverse: bool) -> Option<Vec<usize>> {
    match keys.first()? {
        Value::Int(_) => {
            let mut v = Vec::with_capacity(keys.len());
            for (i, k) in keys.iter().enumerate() {
                let Value::Int(x) = k else { return None };
                v.push((*x, i));
            }
            Some(sorted(v, reverse, |a, b| a.cmp(b)))
        }
        Value::Float(_) => {
            let mut v = Vec::with_capacity(keys.len());
            for (i, k) in keys.iter().enumerate() {
                match k {
                    Value::Float(x) if !x.is_nan() => v.push((*x, i)),
                    _ => return None,
                }
            }
            // No NaN: every pair is ordered (and -0.0 equals 0.0, as in Python).
            Some(sorted(v, reverse, |a, b| {
                a.partial_cmp(b).unwrap_or(Ordering::Equal)
            }))
        }
        Value::Str(_) => {
            let mut v = Vec::with_capacity(keys.len());
            for (i, k) in keys.iter().enumerate() {
                let Value::Str(s) = k else { return None };
                v.push((&**s, i));
            }
            Some(sorted(v, reverse, |a, b| a.cmp(b)))
        }
        _ => None,
    }
}

/// The indices of `v` sorted stably by key.
fn sorted<K>(
    mut v: Vec<(K, usize)>,
    reverse: bool,
    cmp: impl Fn(&K, &K) -> Ordering,
) -> Vec<usize> {
    if reverse {
        v.sort_by(|a, b| cmp(&b.0, &a.0));
    } else {
        v.sort_by(|a, b| cmp(&a.0, &b.0));
    }
    v.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::value::PyStr;

    fn strs(xs: &[&str]) -> Vec<Value> {
        xs.iter().map(|s| Value::Str(PyStr::from(*s))).collect()
    }

    #[test]
    fn equal_keys_keep_their_first_order_both_ways() {
        let keys = vec![Value::Int(2), Value::Int(1), Value::Int(2), Value::Int(1)];
        assert_eq!(order(&keys, false), Some(vec![1, 3, 0, 2]));
        assert_eq!(order(&keys, true), Some(vec![0, 2, 1, 3]));
    }

    #[test]
    fn floats_order_as_numbers_and_zeros_are_equal() {
        let keys = vec![Value::Float(0.5), Value::Float(-0.0), Value::Float(0.0)];
        assert_eq!(order(&keys, false), Some(vec![1, 2, 0]));
    }

    #[test]
    fn strs_order_by_code_point() {
        let keys = strs(&["é", "z", "Z", "ab", "a"]);
        assert_eq!(order(&keys, false), Some(vec![2, 4, 3, 1, 0]));
    }

    #[test]
    fn mixed_kinds_nan_and_empty_take_the_general_path() {
        assert_eq!(order(&[Value::Int(1), Value::Float(2.0)], false), None);
        assert_eq!(
            order(&[Value::Float(1.0), Value::Float(f64::NAN)], false),
            None
        );
        assert_eq!(order(&[Value::Bool(true), Value::Int(0)], false), None);
        assert_eq!(order(&[], false), None);
    }
}

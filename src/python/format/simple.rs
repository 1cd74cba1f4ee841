//! The format specs a loop meets most (`{i:>6}`, `{x:.2f}`, `%5d`'s spec): an int or a float
//! written straight into the output, without the parsed `Spec`'s character vector and the four or
//! five strings the general path builds (digits, sign, padding, their concatenation). Any other
//! spec, and any value that is not a finite float or a small int, is left to the general path,
//! which also gives every error message.

use super::{fixed, push_int};
use crate::python::value::Value;

/// What this path takes: `[[fill]align][width][.precision][type]`, no sign, `#`, `0`, grouping
/// or `z`.
struct Simple {
    fill: char,
    /// `<`, `>` or `^` (`=` is left to the general path).
    align: char,
    width: usize,
    precision: Option<usize>,
    ty: Option<char>,
}

/// The widths this path pads to; a wider one goes the general way, which asks the allocator first.
const MAX_WIDTH: usize = 1 << 16;

fn parse(spec: &str) -> Option<Simple> {
    let mut chars = spec.chars();
    let mut rest = spec;
    let (mut fill, mut align) = (' ', '>');
    let first = chars.next()?;
    let second = chars.next();
    if let Some(a @ ('<' | '>' | '^')) = second {
        (fill, align) = (first, a);
        rest = &spec[first.len_utf8() + 1..];
    } else if let a @ ('<' | '>' | '^') = first {
        align = a;
        rest = &spec[1..];
    }
    let b = rest.as_bytes();
    let mut i = 0;
    // A leading `0` is the zero flag, not a width digit.
    if b.first() == Some(&b'0') {
        return None;
    }
    let mut width = 0usize;
    while i < b.len() && b[i].is_ascii_digit() {
        width = width * 10 + usize::from(b[i] - b'0');
        if width > MAX_WIDTH {
            return None;
        }
        i += 1;
    }
    let mut precision = None;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        let mut p = 0usize;
        while i < b.len() && b[i].is_ascii_digit() {
            p = p * 10 + usize::from(b[i] - b'0');
            if p > 100 {
                return None;
            }
            i += 1;
        }
        if i == start {
            return None;
        }
        precision = Some(p);
    }
    let ty = match &b[i..] {
        [] => None,
        [t] if t.is_ascii_alphabetic() => Some(char::from(*t)),
        _ => return None,
    };
    Some(Simple {
        fill,
        align,
        width,
        precision,
        ty,
    })
}

/// `format(v, spec)` appended to `out` when the spec and the value are of the common kinds;
/// `false` (and `out` untouched) otherwise.
pub(super) fn format_into(out: &mut String, v: &Value, spec: &str) -> bool {
    let Some(sp) = parse(spec) else {
        return false;
    };
    match (v, sp.ty, sp.precision) {
        (Value::Int(i), None | Some('d'), None) => {
            let mut digits = String::new();
            push_int(&mut digits, *i);
            pad_into(out, &digits, &sp);
            true
        }
        (Value::Float(x), Some('f' | 'F'), p) if x.is_finite() => {
            let Ok(body) = fixed(x.abs(), p.unwrap_or(6)) else {
                return false;
            };
            if x.is_sign_negative() {
                let mut signed = String::with_capacity(body.len() + 1);
                signed.push('-');
                signed.push_str(&body);
                pad_into(out, &signed, &sp);
            } else {
                pad_into(out, &body, &sp);
            }
            true
        }
        _ => false,
    }
}

/// `text` (ASCII) padded with the fill to the width, as the alignment says.
fn pad_into(out: &mut String, text: &str, sp: &Simple) {
    let n = sp.width.saturating_sub(text.len());
    let (before, after) = match sp.align {
        '<' => (0, n),
        '^' => (n / 2, n - n / 2),
        _ => (n, 0),
    };
    out.reserve(text.len() + (before + after) * sp.fill.len_utf8());
    out.extend(std::iter::repeat_n(sp.fill, before));
    out.push_str(text);
    out.extend(std::iter::repeat_n(sp.fill, after));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn simple(v: Value, spec: &str) -> Option<String> {
        let mut out = String::from("|");
        format_into(&mut out, &v, spec).then_some(out)
    }

    #[test]
    fn ints_and_floats_are_padded_as_cpython_pads_them() {
        // Each expected text is CPython 3.11's `"|" + format(v, spec)`.
        assert_eq!(simple(Value::Int(42), ">6").as_deref(), Some("|    42"));
        assert_eq!(simple(Value::Int(-42), "<6").as_deref(), Some("|-42   "));
        assert_eq!(simple(Value::Int(7), "*^6d").as_deref(), Some("|**7***"));
        assert_eq!(simple(Value::Int(123456), "3").as_deref(), Some("|123456"));
        assert_eq!(simple(Value::Float(2.5), ".2f").as_deref(), Some("|2.50"));
        assert_eq!(
            simple(Value::Float(-0.001), ".2f").as_deref(),
            Some("|-0.00")
        );
        assert_eq!(
            simple(Value::Float(1.0 / 3.0), "8.3F").as_deref(),
            Some("|   0.333")
        );
        assert_eq!(
            simple(Value::Float(2.675), "é<7.2f").as_deref(),
            Some("|2.67ééé")
        );
        assert_eq!(simple(Value::Float(0.5), "f").as_deref(), Some("|0.500000"));
    }

    #[test]
    fn other_specs_and_values_go_the_general_way() {
        for spec in [
            "", "06", "+5", ",", "=6", "#x", "x", ".2", "5.", "z.1f", ">6s",
        ] {
            assert!(simple(Value::Int(5), spec).is_none(), "{spec}");
        }
        assert!(simple(Value::Int(5), ".2f").is_none());
        assert!(simple(Value::Float(f64::NAN), ".2f").is_none());
        assert!(simple(Value::Float(f64::INFINITY), "f").is_none());
        assert!(simple(Value::Float(1.5), ">6").is_none());
        assert!(simple(Value::str("a"), ">6").is_none());
        assert!(simple(Value::Bool(true), ">6").is_none());
    }
}

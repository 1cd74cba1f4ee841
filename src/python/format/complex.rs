//! `format(z, spec)` and `repr(z)` for complex numbers: CPython 3.11's `format_complex_internal`.
//! Each part is formatted as a float of the spec's type with no width; the imaginary part always
//! carries its sign (unless the real part is left out) and a `j`; the whole is padded. With no
//! type the result is `str(z)`'s form: `repr` digits, parentheses unless the real part is a
//! positive zero, which is then left out.

use super::{Spec, float_repr, format_float, pad};
use crate::python::exceptions::{Exc, value_error};

/// `format(complex(re, im), spec)`.
pub fn format_complex(re: f64, im: f64, spec: &str) -> Result<String, Exc> {
    let sp = Spec::parse(spec).map_err(|e| super::with_type(e, spec, "complex"))?;
    if sp.zero || sp.fill == Some('0') {
        return Err(value_error(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if sp.align == Some('=') {
        return Err(value_error(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let mut ty = sp.ty;
    if let Some(t) = ty.filter(|t| !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n')) {
        return Err(value_error(format!(
            "Unknown format code '{t}' for object of type 'complex'"
        )));
    }
    let (mut skip_re, mut parens) = (false, false);
    if ty.is_none() {
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            parens = true;
        }
        // A precision with no type is `g` to that precision; without one, repr's digits.
        if sp.precision.is_some() {
            ty = Some('g');
        }
    }
    if ty == Some('n') {
        ty = Some('g');
    }
    let part = |x: f64| -> Result<String, Exc> {
        let x = x.abs();
        match ty {
            None if sp.grouping.is_some() => {
                // Repr's digits, grouped: `format(1234.5-2j, ',')` is `(1,234.5-2j)`.
                let one = Spec {
                    grouping: sp.grouping,
                    ..Spec::default()
                };
                let grouped = format_float(x, &one, "")?;
                Ok(match grouped.strip_suffix(".0") {
                    Some(s) if !grouped.contains('e') => s.to_string(),
                    _ => grouped,
                })
            }
            None => Ok(repr_digits(x)),
            Some(t) => {
                let one = Spec {
                    ty: Some(t),
                    precision: sp.precision,
                    alt: sp.alt,
                    grouping: sp.grouping,
                    ..Spec::default()
                };
                format_float(x, &one, "")
            }
        }
    };
    let sign = |x: f64, forced: bool| -> &'static str {
        if x.is_sign_negative() && !x.is_nan() {
            "-"
        } else if forced {
            "+"
        } else {
            match sp.sign {
                Some('+') => "+",
                Some(' ') => " ",
                _ => "",
            }
        }
    };
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(sign(re, false));
        body.push_str(&part(re)?);
    }
    body.push_str(sign(im, !skip_re));
    body.push_str(&part(im)?);
    body.push('j');
    if parens {
        body.push(')');
    }
    let outer = Spec {
        fill: sp.fill,
        align: sp.align,
        width: sp.width,
        ..Spec::default()
    };
    pad(&body, &outer, '>')
}

/// `repr(float)`'s digits without the `.0` it adds to an integral value (`1e+16`, `2`, `0.5`).
fn repr_digits(x: f64) -> String {
    let r = float_repr(x);
    match r.strip_suffix(".0") {
        Some(s) if !r.contains('e') => s.to_string(),
        _ => r,
    }
}

#[cfg(test)]
mod tests {
    use super::format_complex;

    #[test]
    fn repr_and_specs_are_cpythons() {
        let f = |re, im, spec| format_complex(re, im, spec).unwrap();
        assert_eq!(f(1.0, 2.0, ""), "(1+2j)");
        assert_eq!(f(0.0, 2.0, ""), "2j");
        assert_eq!(f(-0.0, -1.0, ""), "(-0-1j)");
        assert_eq!(f(0.0, 1e16, ""), "1e+16j");
        assert_eq!(f(1.0, f64::NAN, ""), "(1+nanj)");
        assert_eq!(f(1.5, -2.0, ".2f"), "1.50-2.00j");
        assert_eq!(f(1.5, -2.0, ">10"), "  (1.5-2j)");
        assert_eq!(f(1.5, -2.0, " "), "( 1.5-2j)");
        assert_eq!(f(0.0, 2.0, " "), " 2j");
        assert_eq!(f(1.5, -2.0, "#.0f"), "2.-2.j");
    }
}

//! `complex("1+2j")`: CPython 3.11's `complex_from_string_inner`. Surrounding whitespace and one
//! pair of parentheses are allowed; inside, a real part, an imaginary part (`j` or `J`, with or
//! without digits) or both, with no space between them. Underscores were checked and removed by
//! the caller.

use super::Cpx;

/// The number `s` spells, or `None` for a malformed string.
pub fn parse(s: &str) -> Option<Cpx> {
    let b = s.trim().as_bytes();
    let b = match (b.first(), b.last()) {
        (Some(b'('), Some(b')')) if b.len() >= 2 => trim(&b[1..b.len() - 1]),
        _ => b,
    };
    let (x, y, rest) = match float_prefix(b) {
        Some((x, n)) => {
            let rest = &b[n..];
            match rest.first() {
                Some(b'+' | b'-') => {
                    let (y, m) = match float_prefix(rest) {
                        Some(got) => got,
                        None => (if rest[0] == b'+' { 1.0 } else { -1.0 }, 1),
                    };
                    let after = &rest[m..];
                    if !matches!(after.first(), Some(b'j' | b'J')) {
                        return None;
                    }
                    (x, y, &after[1..])
                }
                Some(b'j' | b'J') => (0.0, x, &rest[1..]),
                _ => (x, 0.0, rest),
            }
        }
        None => match b {
            [s @ (b'+' | b'-'), b'j' | b'J', rest @ ..] => {
                (0.0, if *s == b'+' { 1.0 } else { -1.0 }, rest)
            }
            [b'j' | b'J', rest @ ..] => (0.0, 1.0, rest),
            _ => return None,
        },
    };
    rest.is_empty().then_some(Cpx { re: x, im: y })
}

fn trim(b: &[u8]) -> &[u8] {
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|c| !c.is_ascii_whitespace())
        .map_or(start, |e| e + 1);
    &b[start..end]
}

/// The longest float at the start of `b` (sign, digits, a point, an exponent; or `inf`,
/// `infinity`, `nan`) and its length.
fn float_prefix(b: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    if matches!(b.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let word =
        |w: &str| b.len() >= i + w.len() && b[i..i + w.len()].eq_ignore_ascii_case(w.as_bytes());
    for w in ["infinity", "inf", "nan"] {
        if word(w) {
            let n = i + w.len();
            let text = std::str::from_utf8(&b[..n]).ok()?;
            return text.parse::<f64>().ok().map(|x| (x, n));
        }
    }
    let digits = |mut i: usize| -> (usize, bool) {
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        (i, i > start)
    };
    let (mut j, int_digits) = digits(i);
    let mut frac_digits = false;
    if j < b.len() && b[j] == b'.' {
        let (k, any) = digits(j + 1);
        if int_digits || any {
            j = k;
            frac_digits = any;
        }
    }
    if !int_digits && !frac_digits {
        return None;
    }
    if j < b.len() && matches!(b[j], b'e' | b'E') {
        let mut k = j + 1;
        if k < b.len() && matches!(b[k], b'+' | b'-') {
            k += 1;
        }
        let (k, any) = digits(k);
        if any {
            j = k;
        }
    }
    let text: String = b[..j]
        .iter()
        .filter(|c| **c != b'_')
        .map(|c| *c as char)
        .collect();
    text.parse::<f64>().ok().map(|x| (x, j))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(re: f64, im: f64) -> Option<Cpx> {
        Some(Cpx { re, im })
    }

    #[test]
    fn parses_as_cpython() {
        assert_eq!(parse("1+2j"), c(1.0, 2.0));
        assert_eq!(parse("  (1+2j) "), c(1.0, 2.0));
        assert_eq!(parse("-j"), c(0.0, -1.0));
        assert_eq!(parse("+1.5e3-2J"), c(1500.0, -2.0));
        assert_eq!(parse("1e3"), c(1000.0, 0.0));
        assert_eq!(parse("1 + 2j"), None);
        assert_eq!(parse("(1"), None);
        assert_eq!(parse("1e"), None);
        assert_eq!(parse(""), None);
    }
}

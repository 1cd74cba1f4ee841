//! Text of values: `repr`, `str`, the format-spec mini-language (f-strings, `format`,
//! `str.format`) and `%` formatting, matching CPython's output character for character.

use super::alloc::{concat, repeat_char};
use crate::python::exceptions::ExcKind;
use crate::python::value::PyStr;

use super::exceptions::{Exc, type_error, value_error};
use super::interp::{Interp, bind};
use super::value::*;

pub mod complex;
pub mod markup;
mod simple;

/// CPython's `repr(float)`: the shortest text that reads back the same, with an exponent outside
/// 1e-4 <= |x| < 1e16.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let sign = if f < 0.0 { "-" } else { "" };
    let (digits, exp) = shortest_digits(f.abs());
    if (-4..16).contains(&exp) {
        let point = exp + 1;
        if point <= 0 {
            format!("{sign}0.{}{digits}", "0".repeat((-point) as usize))
        } else if digits.len() as i32 <= point {
            format!(
                "{sign}{digits}{}.0",
                "0".repeat(point as usize - digits.len())
            )
        } else {
            let (int, frac) = digits.split_at(point as usize);
            format!("{sign}{int}.{frac}")
        }
    } else {
        let (first, rest) = digits.split_at(1);
        let dot = if rest.is_empty() { "" } else { "." };
        let e = if exp < 0 { '-' } else { '+' };
        format!("{sign}{first}{dot}{rest}e{e}{:02}", exp.abs())
    }
}

/// The shortest decimal digits that read back as `f` (positive, finite) and the exponent of the
/// first one. Rust's formatter finds them; where two such strings are equally near `f` it rounds
/// the tie up, CPython to the even digit (265981251019105.625 is `...105.62`), so a tie is looked
/// for exactly (in integers) and settled CPython's way.
fn shortest_digits(f: f64) -> (String, i32) {
    let sci = format!("{f:e}");
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let odd = digits.bytes().last().is_some_and(|d| (d - b'0') % 2 == 1);
    if !odd || digits.len() < 2 {
        return (digits, exp);
    }
    use num_bigint::BigInt;
    let Ok(d) = digits.parse::<BigInt>() else {
        return (digits, exp);
    };
    // f = m * 2**e2 exactly; the candidate is d * 10**k.
    let bits = f.to_bits();
    let raw_exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e2) = if raw_exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), raw_exp - 1075)
    };
    let k = exp - (digits.len() as i32 - 1);
    for other in [&d - 1u32, &d + 1u32] {
        // A tie: f lies exactly halfway, 2 * f == (d + other) * 10**k.
        let mut lhs = BigInt::from(m) * 2;
        let mut rhs = &d + &other;
        if e2 >= 0 {
            lhs <<= e2 as u32;
        } else {
            rhs <<= (-e2) as u32;
        }
        let ten = BigInt::from(10);
        if k >= 0 {
            rhs *= num_traits::Pow::pow(&ten, k as u32);
        } else {
            lhs *= num_traits::Pow::pow(&ten, (-k) as u32);
        }
        let text: String = other.to_string();
        if lhs == rhs && text.len() == digits.len() && format!("{text}e{k}").parse() == Ok(f) {
            return (text, exp);
        }
    }
    (digits, exp)
}

/// `repr(str)` with CPython's choice of quotes and escapes.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if !super::methods::is_printable(c) => push_escape(&mut out, c),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `ascii(x)` made from `repr(x)`: every non-ASCII character escaped (`'é'` is `'\xe9'`).
pub fn ascii_of(repr: &str) -> String {
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            push_escape(&mut out, c);
        }
    }
    out
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN`, the shortest that holds `c`, as `repr` and `ascii` write it.
pub fn push_escape(out: &mut String, c: char) {
    let n = c as u32;
    if n < 0x100 {
        out.push_str(&format!("\\x{n:02x}"));
    } else if n < 0x10000 {
        out.push_str(&format!("\\u{n:04x}"));
    } else {
        out.push_str(&format!("\\U{n:08x}"));
    }
}

pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from("b");
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

impl Interp {
    /// `repr(v)`.
    pub fn repr(&mut self, v: &Value) -> Result<String, Exc> {
        match v {
            Value::List(_)
            | Value::Tuple(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::FrozenSet(_) => {
                self.nested("while getting the repr of an object", |it| it.repr_inner(v))
            }
            _ => self.repr_inner(v),
        }
    }

    fn repr_inner(&mut self, v: &Value) -> Result<String, Exc> {
        Ok(match v {
            Value::None => "None".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => crate::python::bigint::to_decimal(b)?,
            Value::Float(f) => float_repr(*f),
            Value::Str(s) => str_repr(s),
            Value::Bytes(b) => bytes_repr(b),
            Value::Ellipsis => "Ellipsis".into(),
            Value::List(l) => {
                let items = l.borrow().clone();
                if self.repr_guard(v) {
                    return Ok("[...]".into());
                }
                let r = self.join_reprs(&items);
                self.repr_unguard();
                format!("[{}]", r?)
            }
            Value::Tuple(t) => {
                // A tuple can reach itself through a list inside it: CPython shows that as `(...)`.
                if !t.is_empty() && self.repr_guard(v) {
                    return Ok("(...)".into());
                }
                let r = self.join_reprs(t);
                if !t.is_empty() {
                    self.repr_unguard();
                }
                let r = r?;
                if t.len() == 1 {
                    format!("({r},)")
                } else {
                    format!("({r})")
                }
            }
            Value::Dict(d) => {
                if self.repr_guard(v) {
                    return Ok("{...}".into());
                }
                let items: Vec<(Value, Value)> = d.borrow().map.values().cloned().collect();
                let mut parts = Vec::new();
                for (k, val) in &items {
                    let kr = self.repr(k);
                    let vr = self.repr(val);
                    match (kr, vr) {
                        (Ok(k), Ok(val)) => parts.push(format!("{k}: {val}")),
                        (Err(e), _) | (_, Err(e)) => {
                            self.repr_unguard();
                            return Err(e);
                        }
                    }
                }
                self.repr_unguard();
                format!("{{{}}}", parts.join(", "))
            }
            Value::Set(s) => {
                let items = s.borrow().iteration_order();
                if items.is_empty() {
                    "set()".into()
                } else {
                    format!("{{{}}}", self.join_reprs(&items)?)
                }
            }
            Value::FrozenSet(s) => {
                let items = s.iteration_order();
                if items.is_empty() {
                    "frozenset()".into()
                } else {
                    format!("frozenset({{{}}})", self.join_reprs(&items)?)
                }
            }
            Value::Range(r) if r.big.is_some() => super::methods::range::repr(r),
            Value::Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Value::Slice(s) => {
                let a = self.repr(&s[0])?;
                let b = self.repr(&s[1])?;
                let c = self.repr(&s[2])?;
                format!("slice({a}, {b}, {c})")
            }
            Value::Function(f) => {
                let q = super::function_attrs::qualname(f);
                format!("<function {q} at 0x{:x}>", v.ptr().unwrap_or(0))
            }
            Value::Builtin(b) => {
                if &*b.name == "NotImplemented" {
                    "NotImplemented".into()
                } else if let Some(r) = super::methods::getset_repr(b) {
                    r.to_string()
                } else if let Some(r) = super::descriptors::repr(b) {
                    r
                } else {
                    format!("<built-in function {}>", b.name)
                }
            }
            // A builtin type's method bound to its object: CPython's `<built-in method append of
            // list object at 0x...>` (an int has no address here: the method's own stands in).
            Value::BoundMethod(m) if matches!(m.func, Value::Builtin(_)) => {
                let Value::Builtin(b) = &m.func else {
                    unreachable!("matched above")
                };
                let at = m.this.ptr().unwrap_or(std::rc::Rc::as_ptr(m) as usize);
                format!(
                    "<built-in method {} of {} object at 0x{at:x}>",
                    b.name,
                    super::builtins::type_of(&m.this).name
                )
            }
            Value::BoundMethod(m) => {
                let name = match &m.func {
                    Value::Function(f) => f.qualname.to_string(),
                    Value::Builtin(b) => b.name.to_string(),
                    _ => "?".into(),
                };
                let this = self.repr(&m.this)?;
                format!("<bound method {name} of {this}>")
            }
            Value::Class(c) => {
                // A metaclass's `__repr__` prints its classes.
                if let Some(m) = super::interp::meta_method(c, "__repr__") {
                    return match self.call(&bind(m, v), Args::default())? {
                        Value::Str(ref s) => Ok(s.to_string()),
                        other => Err(type_error(format!(
                            "__repr__ returned non-string (type {})",
                            other.type_name()
                        ))),
                    };
                }
                if &*c.module == "builtins" {
                    format!("<class '{}'>", c.name)
                } else {
                    format!("<class '{}.{}'>", c.module, c.qualname)
                }
            }
            Value::Module(m) => format!("<module '{}'>", m.name),
            Value::Iterator(_) => {
                format!("<{} object at 0x{:x}>", v.type_name(), v.ptr().unwrap_or(0))
            }
            Value::Generator(g) => format!(
                "<{} object {} at 0x{:x}>",
                v.type_name(),
                g.qualname,
                v.ptr().unwrap_or(0)
            ),
            Value::Super(s) if matches!(s.1, Value::None) => {
                format!("<super: <class '{}'>, NULL>", s.0.name)
            }
            // CPython names the object's type, or the class itself for `super(B, C)`.
            Value::Super(s) => match &s.1 {
                Value::Class(c) if c.is_subclass(&s.0) => {
                    format!("<super: <class '{}'>, <{} object>>", s.0.name, c.name)
                }
                this => format!(
                    "<super: <class '{}'>, <{} object>>",
                    s.0.name,
                    this.type_name()
                ),
            },
            Value::Instance(inst) => {
                if let Some(m) = inst.class.lookup("__repr__") {
                    // CPython's PyObject_Repr counts a level of its own around the method's
                    // frame, and names itself when that level is the one past the limit.
                    let r = self.nested("while getting the repr of an object", |it| {
                        it.call(&bind(m, v), Args::default())
                    })?;
                    return match r {
                        Value::Str(ref s) => Ok(s.to_string()),
                        other => Err(type_error(format!(
                            "__repr__ returned non-string (type {})",
                            other.type_name()
                        ))),
                    };
                }
                if let Some(s) = super::natives::repr(self, inst)? {
                    return Ok(s);
                }
                if inst.class.native_kind() == Some(NativeKind::BaseException) {
                    let args = match inst.attrs.borrow().get("args") {
                        Some(Value::Tuple(t)) => t.to_vec(),
                        _ => vec![],
                    };
                    let inner = self.join_reprs(&args)?;
                    return Ok(format!("{}({inner})", inst.class.name));
                }
                format!(
                    "<{}.{} object at 0x{:x}>",
                    inst.class.module,
                    inst.class.qualname,
                    v.ptr().unwrap_or(0)
                )
            }
        })
    }

    fn repr_guard(&mut self, v: &Value) -> bool {
        let p = v.ptr().unwrap_or(0);
        if self.repr_stack.contains(&p) {
            return true;
        }
        self.repr_stack.push(p);
        false
    }

    fn repr_unguard(&mut self) {
        self.repr_stack.pop();
    }

    fn join_reprs(&mut self, items: &[Value]) -> Result<String, Exc> {
        let mut parts = Vec::with_capacity(items.len());
        for x in items {
            parts.push(self.repr(x)?);
        }
        Ok(parts.join(", "))
    }

    /// `str(v)`.
    pub fn str_of(&mut self, v: &Value) -> Result<String, Exc> {
        match v {
            Value::Str(s) => Ok(s.to_string()),
            Value::Instance(inst) => {
                if let Some(m) = inst.class.lookup("__str__") {
                    // A level of PyObject_Str's own, as for `__repr__` above.
                    let r = self.nested("while getting the str of an object", |it| {
                        it.call(&bind(m, v), Args::default())
                    })?;
                    return match r {
                        Value::Str(ref s) => Ok(s.to_string()),
                        other => Err(type_error(format!(
                            "__str__ returned non-string (type {})",
                            other.type_name()
                        ))),
                    };
                }
                if inst.class.native_kind() == Some(NativeKind::BaseException) {
                    return self.exception_str(inst);
                }
                self.repr(v)
            }
            _ => self.repr(v),
        }
    }

    /// `format(v, spec)`.
    pub fn format_value(&mut self, v: &Value, spec: &str) -> Result<String, Exc> {
        if let Value::Instance(inst) = v {
            if let Some(m) = inst.class.lookup("__format__") {
                let r = self.call(&bind(m, v), Args::new(vec![Value::str(spec)]))?;
                return self.str_of(&r);
            }
            if spec.is_empty() {
                // CPython calls the builtin `object.__format__`, a C call that counts a level.
                return self.nested("while calling a Python object", |it| it.str_of(v));
            }
            // object.__format__: a spec is for types that define their own.
            return Err(type_error(format!(
                "unsupported format string passed to {}.__format__",
                v.type_name()
            )));
        }
        if spec.is_empty() {
            return self.str_of(v);
        }
        let sp = Spec::parse(spec).map_err(|e| with_type(e, spec, &v.type_name()))?;
        match v {
            Value::Int(i) => format_int(*i as i128, &sp, spec),
            Value::Bool(b) => match sp.ty {
                Some(t) if !"bcdoxXneEfFgG%".contains(t) => Err(value_error(format!(
                    "Unknown format code '{t}' for object of type 'bool'"
                ))),
                _ => format_int(*b as i128, &sp, spec),
            },
            Value::BigInt(b) => format_big(b, &sp, spec),
            Value::Float(f) => format_float(*f, &sp, spec),
            Value::Str(s) => format_str(s, &sp, spec),
            _ => Err(type_error(format!(
                "unsupported format string passed to {}.__format__",
                v.type_name()
            ))),
        }
    }

    /// `format(v, spec)` appended to `out`: an int or a str with no spec goes straight in, without
    /// a String of its own (f-strings and `str.format` format thousands of these in a loop).
    pub fn format_into(&mut self, out: &mut String, v: &Value, spec: &str) -> Result<(), Exc> {
        if spec.is_empty() {
            match v {
                Value::Str(s) => {
                    out.push_str(s);
                    return Ok(());
                }
                Value::Int(i) => {
                    push_int(out, *i);
                    return Ok(());
                }
                _ => {}
            }
        } else if simple::format_into(out, v, spec) {
            return Ok(());
        }
        out.push_str(&self.format_value(v, spec)?);
        Ok(())
    }

    /// `fmt % args`.
    pub fn percent_format(&mut self, fmt: &str, args: &Value) -> Result<String, Exc> {
        let (items, mapping): (Vec<Value>, Option<Value>) = match args {
            Value::Tuple(t) => (t.to_vec(), None),
            Value::Dict(_) => (vec![args.clone()], Some(args.clone())),
            // A tuple subclass (a namedtuple) gives its items, as a tuple does; a dict subclass
            // is a mapping.
            Value::Instance(_) => match crate::python::subclass::base_of(args) {
                Some(Value::Tuple(ref t)) => (t.to_vec(), None),
                Some(ref base) if is_percent_mapping(base) => {
                    (vec![args.clone()], Some(args.clone()))
                }
                _ if is_percent_mapping(args) => (vec![args.clone()], Some(args.clone())),
                _ => (vec![args.clone()], None),
            },
            other if is_percent_mapping(other) => (vec![other.clone()], Some(other.clone())),
            other => (vec![other.clone()], None),
        };
        let mut next = 0usize;
        let mut out = String::new();
        let chars: Vec<char> = fmt.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c != '%' {
                out.push(c);
                i += 1;
                continue;
            }
            i += 1;
            let mut key = None;
            if chars.get(i) == Some(&'(') {
                let end = chars[i..].iter().position(|&c| c == ')').map(|p| p + i);
                let Some(end) = end else {
                    return Err(value_error("incomplete format key"));
                };
                key = Some(chars[i + 1..end].iter().collect::<String>());
                i = end + 1;
            }
            let mut flags = String::new();
            while let Some(&c) = chars.get(i) {
                if "-+ #0".contains(c) {
                    flags.push(c);
                    i += 1;
                } else {
                    break;
                }
            }
            let mut width = String::new();
            while let Some(&c) = chars.get(i) {
                if c.is_ascii_digit() {
                    width.push(c);
                    i += 1;
                } else if c == '*' {
                    let w = items.get(next).cloned().unwrap_or(Value::Int(0));
                    next += 1;
                    width = match w {
                        // A negative `*` width left-aligns, as the `-` flag does.
                        Value::Int(n) if n < 0 => {
                            flags.push('-');
                            n.unsigned_abs().to_string()
                        }
                        Value::Int(n) => n.to_string(),
                        _ => return Err(type_error("* wants int")),
                    };
                    i += 1;
                } else {
                    break;
                }
            }
            let mut prec = None;
            if chars.get(i) == Some(&'.') {
                i += 1;
                let mut p = String::new();
                while let Some(&c) = chars.get(i) {
                    if c.is_ascii_digit() {
                        p.push(c);
                        i += 1;
                    } else {
                        break;
                    }
                }
                prec = Some(p);
            }
            let Some(&conv) = chars.get(i) else {
                return Err(value_error("incomplete format"));
            };
            i += 1;
            if conv == '%' {
                out.push('%');
                continue;
            }
            let arg = match (&key, &mapping) {
                (Some(k), Some(m)) => self.getitem(m, &Value::str(k))?,
                (Some(_), None) => return Err(type_error("format requires a mapping")),
                (None, _) => {
                    let a = items
                        .get(next)
                        .cloned()
                        .ok_or_else(|| type_error("not enough arguments for format string"))?;
                    next += 1;
                    a
                }
            };
            // `%d` of an int and `%s` of a str, the common conversions, need no spec.
            if flags.is_empty() && width.is_empty() && prec.is_none() {
                match (conv, &arg) {
                    ('d' | 'i' | 'u', Value::Int(n)) => {
                        push_int(&mut out, *n);
                        continue;
                    }
                    ('s', Value::Str(s)) => {
                        out.push_str(s);
                        continue;
                    }
                    _ => {}
                }
            }
            let mut spec = String::new();
            let align_left = flags.contains('-');
            if flags.contains('0') && !align_left && conv != 's' && conv != 'r' {
                spec.push('0');
            }
            if flags.contains('+') {
                spec.push('+');
            } else if flags.contains(' ') {
                spec.push(' ');
            }
            if flags.contains('#') {
                spec.push('#');
            }
            // Left-justified numbers are padded below, like strings; right-justified ones by the spec
            // (which may zero-fill).
            let num_width: &str = if align_left { "" } else { &width };
            // `%d` of an int subclass (an IntEnum member) formats the number it carries.
            let arg = match conv {
                's' | 'r' | 'a' => arg,
                _ => crate::python::subclass::unwrap(&arg),
            };
            let text = match conv {
                's' => self.str_of(&arg)?,
                'r' => self.repr(&arg)?,
                'a' => ascii_of(&self.repr(&arg)?),
                'd' | 'i' | 'u' => {
                    let n = match &arg {
                        Value::Float(f) => crate::python::ops::float_to_int(*f)?,
                        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => arg.clone(),
                        other => {
                            return Err(type_error(format!(
                                "%d format: a real number is required, not {}",
                                other.type_name()
                            )));
                        }
                    };
                    let mut s = spec.clone();
                    s.push_str(num_width);
                    s.push('d');
                    self.format_value(&n, &s)?
                }
                'f' | 'F' | 'e' | 'E' | 'g' | 'G' => {
                    let x = match &arg {
                        Value::Int(i) => Value::Float(*i as f64),
                        Value::BigInt(b) => Value::Float(crate::python::bigint::to_f64(b)?),
                        Value::Bool(b) => Value::Float(*b as i64 as f64),
                        Value::Float(_) => arg.clone(),
                        other => {
                            return Err(type_error(format!(
                                "must be real number, not {}",
                                other.type_name()
                            )));
                        }
                    };
                    let mut s = spec.clone();
                    s.push_str(num_width);
                    s.push('.');
                    s.push_str(prec.as_deref().unwrap_or("6"));
                    s.push(conv);
                    self.format_value(&x, &s)?
                }
                'x' | 'X' | 'o' => {
                    if crate::python::complex::get(&arg).is_some() {
                        return Err(type_error(format!(
                            "%{conv} format: an integer is required, not complex"
                        )));
                    }
                    let mut s = spec.clone();
                    s.push_str(num_width);
                    s.push(conv);
                    self.format_value(&arg, &s)?
                }
                'c' => match &arg {
                    Value::Int(i) => percent_c(*i)?.to_string(),
                    other => self.str_of(other)?,
                },
                other => {
                    return Err(value_error(format!(
                        "unsupported format character '{other}'"
                    )));
                }
            };
            let text = match (conv, &prec) {
                ('s' | 'r', Some(p)) => {
                    text.chars().take(p.parse().unwrap_or(usize::MAX)).collect()
                }
                _ => text,
            };
            let w = spec_number(&width)?;
            let room = repeat_char(' ', w.saturating_sub(text.chars().count()))?;
            let piece = if align_left {
                concat(&[&text, &room])?
            } else {
                concat(&[&room, &text])?
            };
            crate::python::alloc::plus(out.len(), piece.len())?;
            out.push_str(&piece);
        }
        if mapping.is_none() && next < items.len() {
            return Err(type_error(
                "not all arguments converted during string formatting",
            ));
        }
        Ok(out)
    }
}

/// A parsed format spec: `[[fill]align][sign][#][0][width][,|_][.precision][type]`.
#[derive(Default, Debug)]
pub struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    /// `z`: a negative zero (after rounding) prints without its sign (floats only, 3.11).
    z: bool,
    alt: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    ty: Option<char>,
}

impl Spec {
    pub fn parse(spec: &str) -> Result<Spec, Exc> {
        let c: Vec<char> = spec.chars().collect();
        let mut s = Spec::default();
        let mut i = 0;
        if c.len() >= 2 && "<>^=".contains(c[1]) {
            s.fill = Some(c[0]);
            s.align = Some(c[1]);
            i = 2;
        } else if !c.is_empty() && "<>^=".contains(c[0]) {
            s.align = Some(c[0]);
            i = 1;
        }
        if i < c.len() && "+- ".contains(c[i]) {
            s.sign = Some(c[i]);
            i += 1;
        }
        if i < c.len() && c[i] == 'z' {
            s.z = true;
            i += 1;
        }
        if i < c.len() && c[i] == '#' {
            s.alt = true;
            i += 1;
        }
        if i < c.len() && c[i] == '0' {
            s.zero = true;
            i += 1;
        }
        // Widths and precisions may be written in any script's decimal digits, as CPython reads.
        let digit =
            |ch: char| super::methods::decimal_value(ch).and_then(|d| char::from_digit(d, 10));
        let mut w = String::new();
        while let Some(d) = c.get(i).and_then(|&ch| digit(ch)) {
            w.push(d);
            i += 1;
        }
        s.width = spec_number(&w)?;
        if i < c.len() && (c[i] == ',' || c[i] == '_') {
            s.grouping = Some(c[i]);
            i += 1;
            if i < c.len() && (c[i] == ',' || c[i] == '_') {
                return Err(value_error(if c[i] == c[i - 1] {
                    format!("Cannot specify '{}' with '{}'.", c[i], c[i])
                } else {
                    "Cannot specify both ',' and '_'.".to_string()
                }));
            }
        }
        if i < c.len() && c[i] == '.' {
            i += 1;
            let mut p = String::new();
            while let Some(d) = c.get(i).and_then(|&ch| digit(ch)) {
                p.push(d);
                i += 1;
            }
            if p.is_empty() {
                return Err(value_error("Format specifier missing precision"));
            }
            let p = spec_number(&p)?;
            // CPython keeps precisions in a C int.
            if p > i32::MAX as usize {
                return Err(value_error("precision too big"));
            }
            s.precision = Some(p);
        }
        if i < c.len() {
            s.ty = Some(c[i]);
            i += 1;
        }
        if i < c.len() {
            return Err(value_error("Invalid format specifier"));
        }
        // CPython checks the grouping against the type while parsing, for every type of value.
        if let Some(g) = s.grouping {
            let ok = match s.ty {
                None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
                Some('b' | 'o' | 'x' | 'X') => g == '_',
                _ => false,
            };
            if !ok {
                let t = s.ty.unwrap_or(' ');
                return Err(value_error(format!("Cannot specify '{g}' with '{t}'.")));
            }
        }
        Ok(s)
    }
}

/// The character of `'%c' % i` / `'{:c}'.format(i)`, with CPython's error out of range.
fn percent_c(i: i64) -> Result<char, Exc> {
    u32::try_from(i)
        .ok()
        .filter(|c| *c < 0x110000)
        .map(|c| char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER))
        .ok_or_else(|| Exc::new(ExcKind::OverflowError, "%c arg not in range(0x110000)"))
}

/// A width or precision of a format spec. Past a Py_ssize_t, CPython's ValueError; the result
/// itself is weighed when it is built (padding, digits), where too large is a MemoryError.
fn spec_number(digits: &str) -> Result<usize, Exc> {
    if digits.is_empty() {
        return Ok(0);
    }
    digits
        .parse::<usize>()
        .ok()
        .filter(|n| isize::try_from(*n).is_ok())
        .ok_or_else(|| value_error("Too many decimal digits in format string"))
}

fn group(digits: &str, sep: char, every: usize) -> String {
    let mut out = String::new();
    let n = digits.len();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// Digits grouped by `sep`; when the spec pads with zeros (`'020,'`), the zeros are digits too,
/// grouped with the rest, so the result is at least `width - taken` long and never starts with a
/// separator (CPython's `'0,000,000,123,456,789'` for width 20 is 21 long).
fn group_padded(digits: &str, sep: char, every: usize, sp: &Spec, taken: usize) -> String {
    let zero_padded = sp.zero && sp.fill.is_none() && matches!(sp.align, None | Some('='));
    let need = sp.width.saturating_sub(taken);
    let mut d = digits.len();
    if zero_padded {
        while d + (d - 1) / every < need {
            d += 1;
        }
    }
    let padded = format!("{}{digits}", "0".repeat(d - digits.len()));
    group(&padded, sep, every)
}

/// Pad `body` (with its sign already split off into `sign`) to the spec's width.
fn pad_number(sign: &str, prefix: &str, body: &str, sp: &Spec) -> Result<String, Exc> {
    let len = sign.chars().count() + prefix.len() + body.chars().count();
    let align = sp.align.unwrap_or(if sp.zero { '=' } else { '>' });
    let fill = sp.fill.unwrap_or(if sp.zero { '0' } else { ' ' });
    let n = sp.width.saturating_sub(len);
    crate::python::alloc::plus(len, crate::python::alloc::bytes_for(fill.len_utf8(), n)?)?;
    let (before, after) = match align {
        '<' => (0, n),
        '^' => (n / 2, n - n / 2),
        _ => (n, 0),
    };
    let (left, right) = (repeat_char(fill, before)?, repeat_char(fill, after)?);
    if align == '=' {
        concat(&[sign, prefix, &left, body])
    } else {
        concat(&[&left, sign, prefix, body, &right])
    }
}

fn pad(s: &str, sp: &Spec, default_align: char) -> Result<String, Exc> {
    let n = sp.width.saturating_sub(s.chars().count());
    let fill = sp.fill.unwrap_or(if sp.zero { '0' } else { ' ' });
    crate::python::alloc::plus(
        s.len(),
        crate::python::alloc::bytes_for(fill.len_utf8(), n)?,
    )?;
    let (before, after) = match sp.align.unwrap_or(default_align) {
        '>' => (n, 0),
        '^' => (n / 2, n - n / 2),
        _ => (0, n),
    };
    concat(&[&repeat_char(fill, before)?, s, &repeat_char(fill, after)?])
}

fn sign_of(neg: bool, sp: &Spec) -> &'static str {
    if neg {
        "-"
    } else {
        match sp.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

/// What CPython refuses in a spec for an int, before any digit is made.
fn check_int_spec(sp: &Spec) -> Result<(), Exc> {
    if matches!(sp.ty, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) {
        return Ok(());
    }
    if sp.precision.is_some() {
        return Err(value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if sp.z {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if sp.ty == Some('c') {
        if sp.sign.is_some() {
            return Err(value_error(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if sp.alt {
            return Err(value_error(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
    }
    Ok(())
}

fn format_int(i: i128, sp: &Spec, spec: &str) -> Result<String, Exc> {
    check_int_spec(sp)?;
    let neg = i < 0;
    let a = i.unsigned_abs();
    let (body, prefix) = match sp.ty {
        None | Some('d') | Some('n') => (a.to_string(), ""),
        Some('b') => (format!("{a:b}"), "0b"),
        Some('o') => (format!("{a:o}"), "0o"),
        Some('x') => (format!("{a:x}"), "0x"),
        Some('X') => (format!("{a:X}"), "0X"),
        Some('c') => (
            percent_c(i64::try_from(i).unwrap_or(i64::MAX))?.to_string(),
            "",
        ),
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => return format_float(i as f64, sp, spec),
        Some(t) => {
            return Err(value_error(format!(
                "Unknown format code '{t}' for object of type 'int'"
            )));
        }
    };
    finish_int(neg, body, prefix, sp)
}

/// An int's digits grouped, prefixed and padded as the spec says.
fn finish_int(neg: bool, body: String, prefix: &str, sp: &Spec) -> Result<String, Exc> {
    let prefix = if sp.alt { prefix } else { "" };
    let sign = sign_of(neg, sp);
    let every = if matches!(sp.ty, Some('b' | 'o' | 'x' | 'X')) {
        4
    } else {
        3
    };
    let body = match sp.grouping {
        Some(g) => group_padded(&body, g, every, sp, sign.len() + prefix.len()),
        None => body,
    };
    pad_number(sign, prefix, &body, sp)
}

/// [`format_int`] for an int past 64 bits.
fn format_big(b: &num_bigint::BigInt, sp: &Spec, spec: &str) -> Result<String, Exc> {
    use crate::python::bigint::{radix_digits, to_decimal, to_f64};
    check_int_spec(sp)?;
    let neg = b.sign() == num_bigint::Sign::Minus;
    let (body, prefix) = match sp.ty {
        None | Some('d') | Some('n') => (to_decimal(b)?.trim_start_matches('-').to_string(), ""),
        Some('b') => (radix_digits(b, 2, false), "0b"),
        Some('o') => (radix_digits(b, 8, false), "0o"),
        Some('x') => (radix_digits(b, 16, false), "0x"),
        Some('X') => (radix_digits(b, 16, true), "0X"),
        Some('c') => {
            return Err(Exc::new(
                ExcKind::OverflowError,
                "Python int too large to convert to C long",
            ));
        }
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            return format_float(to_f64(b)?, sp, spec);
        }
        Some(t) => {
            return Err(value_error(format!(
                "Unknown format code '{t}' for object of type 'int'"
            )));
        }
    };
    finish_int(neg, body, prefix, sp)
}

fn format_float(f: f64, sp: &Spec, spec: &str) -> Result<String, Exc> {
    let _ = spec;
    if let Some(t) = sp
        .ty
        .filter(|t| !matches!(t, 'f' | 'F' | 'e' | 'E' | '%' | 'g' | 'G' | 'n'))
    {
        return Err(value_error(format!(
            "Unknown format code '{t}' for object of type 'float'"
        )));
    }
    let mut neg = f.is_sign_negative();
    let a = f.abs();
    let body = if f.is_nan() || f.is_infinite() {
        let word = if f.is_nan() { "nan" } else { "inf" };
        if sp.ty == Some('%') {
            format!("{word}%")
        } else {
            word.to_string()
        }
    } else {
        match sp.ty {
            Some('f' | 'F') => point_kept(fixed(a, sp.precision.unwrap_or(6))?, sp),
            Some('e' | 'E') => point_kept(sci(a, sp.precision.unwrap_or(6))?, sp),
            Some('%') => point_kept(fixed(a * 100.0, sp.precision.unwrap_or(6))?, sp) + "%",
            // `n` is `g` with the locale's separators, and forkyard's locale is C (none).
            Some('g' | 'G' | 'n') => general(a, sp.precision.unwrap_or(6), sp.alt)?,
            None => match sp.precision {
                Some(p) => general_repr(a, p.max(1), sp.alt)?,
                None => point_kept(float_repr(a), sp),
            },
            Some(t) => {
                return Err(value_error(format!(
                    "Unknown format code '{t}' for object of type 'float'"
                )));
            }
        }
    };
    let body = if matches!(sp.ty, Some('E' | 'F' | 'G')) {
        body.to_uppercase()
    } else {
        body
    };
    // `z`: a zero that was negative (or rounded from one) loses its sign.
    if sp.z && neg && !body.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        neg = false;
    }
    let sign = sign_of(neg && !f.is_nan(), sp);
    let body = match sp.grouping {
        Some(g) if f.is_finite() => {
            let (int_part, rest) = match body.find(['.', 'e', 'E', '%']) {
                Some(p) => body.split_at(p),
                None => (body.as_str(), ""),
            };
            let taken = sign.len() + rest.chars().count();
            format!("{}{}", group_padded(int_part, g, 3, sp, taken), rest)
        }
        _ => body,
    };
    pad_number(sign, "", &body, sp)
}

/// `#` keeps the decimal point even with no digits after it (`'1235.'`, `'1.e+03'`).
fn point_kept(s: String, sp: &Spec) -> String {
    if !sp.alt || s.contains('.') {
        return s;
    }
    match s.find('e') {
        Some(p) => format!("{}.{}", &s[..p], &s[p..]),
        None => s + ".",
    }
}

/// Digits past these are all zeros for any double: its exact decimal expansion has at most 1074
/// decimals and 767 significant digits. Rust's formatter takes precisions below 65536 only, so
/// longer results are formatted to here and padded with zeros (exact, as CPython's).
const EXACT_DECIMALS: usize = 1100;
const EXACT_DIGITS: usize = 800;

/// `%f` style of a non-negative `a` that is exactly an integer over `10^prec` (`2.5` at `.2f`):
/// its digits without rounding. Rust's formatter finds these the slow way (its fast algorithm
/// cannot tell an exact tie, so it falls back to big-number arithmetic), and they are common.
fn fixed_exact(a: f64, prec: usize) -> Option<String> {
    const TWO_53: f64 = 9_007_199_254_740_992.0;
    if prec > 15 || !(0.0..TWO_53).contains(&a) {
        return None;
    }
    let scale = 10f64.powi(prec as i32);
    let m = a * scale;
    // `m` is an integer and the product was exact (the fused remainder is zero), so the decimal
    // expansion of `a` is exactly `m` with the point `prec` digits from the right.
    if m >= TWO_53 || m != m.trunc() || a.mul_add(scale, -m) != 0.0 {
        return None;
    }
    // The digits of `m` (at most 16), zero-padded to `prec + 1`, written here and copied once:
    // two `format!`s were a tenth of a loop of f-strings with a float field.
    let mut buf = [b'0'; 24];
    let mut at = buf.len();
    let mut x = m as u64;
    loop {
        at -= 1;
        buf[at] = b'0' + (x % 10) as u8;
        x /= 10;
        if x == 0 {
            break;
        }
    }
    at = at.min(buf.len() - (prec + 1));
    let digits = &buf[at..];
    let point = digits.len() - prec;
    let mut out = String::with_capacity(digits.len() + 1);
    out.push_str(ascii(&digits[..point]));
    if prec > 0 {
        out.push('.');
        out.push_str(ascii(&digits[point..]));
    }
    Some(out)
}

/// Digits written as bytes, as a `str`.
#[inline]
fn ascii(digits: &[u8]) -> &str {
    debug_assert!(digits.is_ascii());
    // SAFETY: the callers write only ASCII digits and signs, which are UTF-8.
    unsafe { std::str::from_utf8_unchecked(digits) }
}

/// `%f` style with `prec` decimals, at any precision (or `MemoryError`).
fn fixed(a: f64, prec: usize) -> Result<String, Exc> {
    if let Some(s) = fixed_exact(a, prec) {
        return Ok(s);
    }
    if prec <= EXACT_DECIMALS {
        return Ok(format!("{a:.prec$}"));
    }
    let head = format!("{a:.EXACT_DECIMALS$}");
    concat(&[&head, &repeat_char('0', prec - EXACT_DECIMALS)?])
}

/// `%e` style: mantissa with `prec` decimals, exponent with at least two digits.
fn sci(a: f64, prec: usize) -> Result<String, Exc> {
    let s = format!("{:.*e}", prec.min(EXACT_DIGITS), a);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    let zeros = repeat_char('0', prec.saturating_sub(EXACT_DIGITS))?;
    let exp = format!("e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs());
    concat(&[m, &zeros, &exp])
}

/// No type with a precision: `g`, except that a fixed-point result keeps a digit after the point,
/// and the exponent form starts one digit sooner to make room for it (CPython's `add_dot_0`:
/// `format(100.0, '.3')` is `'1e+02'`).
fn general_repr(a: f64, p: usize, alt: bool) -> Result<String, Exc> {
    let exp = if a == 0.0 {
        0
    } else {
        let s = format!("{:.*e}", (p - 1).min(EXACT_DIGITS), a);
        s.split_once('e')
            .and_then(|(_, e)| e.parse::<i32>().ok())
            .unwrap_or(0)
    };
    if exp < -4 || exp as i64 >= p as i64 - 1 {
        let s = sci(a, p - 1)?;
        let (m, e) = s.split_once('e').unwrap_or((&s, ""));
        let m = if alt {
            if m.contains('.') {
                m.to_string()
            } else {
                format!("{m}.")
            }
        } else if m.contains('.') {
            m.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            m.to_string()
        };
        return Ok(format!("{m}e{e}"));
    }
    let decimals = (p as i64 - 1 - exp as i64).max(0) as usize;
    let s = fixed(a, decimals)?;
    if alt {
        return Ok(s);
    }
    let t = s.trim_end_matches('0');
    Ok(if t.ends_with('.') {
        format!("{t}0")
    } else {
        t.to_string()
    })
}

/// `%g` style.
fn general(a: f64, prec: usize, alt: bool) -> Result<String, Exc> {
    let p = prec.max(1);
    if a == 0.0 {
        return if alt {
            fixed(0.0, p - 1).map(|s| if s.contains('.') { s } else { s + "." })
        } else {
            Ok("0".into())
        };
    }
    let exp = {
        let s = format!("{:.*e}", (p - 1).min(EXACT_DIGITS), a);
        s.split_once('e')
            .and_then(|(_, e)| e.parse::<i32>().ok())
            .unwrap_or(0)
    };

    Ok(if exp < -4 || exp >= p.min(i32::MAX as usize) as i32 {
        let s = sci(a, p - 1)?;
        if alt {
            if s.contains('.') {
                s
            } else {
                s.replacen('e', ".e", 1)
            }
        } else {
            let (m, e) = s.split_once('e').unwrap_or((&s, ""));
            let m = if m.contains('.') {
                m.trim_end_matches('0').trim_end_matches('.')
            } else {
                m
            };
            format!("{m}e{e}")
        }
    } else {
        let decimals = (p as i64 - 1 - exp as i64).max(0) as usize;
        let s = fixed(a, decimals)?;
        if alt && !s.contains('.') {
            s + "."
        } else if alt || !s.contains('.') {
            s
        } else {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        }
    })
}

fn format_str(s: &str, sp: &Spec, spec: &str) -> Result<String, Exc> {
    match sp.ty {
        None | Some('s') => {}
        Some(t) => {
            return Err(value_error(format!(
                "Unknown format code '{t}' for object of type 'str'"
            )));
        }
    }
    if sp.sign == Some(' ') {
        return Err(value_error("Space not allowed in string format specifier"));
    }
    if sp.sign.is_some() {
        return Err(value_error("Sign not allowed in string format specifier"));
    }
    if sp.z {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if sp.alt {
        return Err(value_error(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if sp.align == Some('=') {
        return Err(value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    if let Some(g) = sp.grouping {
        return Err(value_error(format!("Cannot specify '{g}' with 's'.")));
    }
    let _ = spec;
    let s: String = match sp.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    pad(&s, sp, '<')
}

/// The decimal digits of `n`, appended to `out` (what `str(n)` is, without a String of its own).
pub fn push_int(out: &mut String, n: i64) {
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    let mut m = n.unsigned_abs();
    loop {
        at -= 1;
        buf[at] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    if n < 0 {
        out.push('-');
    }
    // Checking the digits for UTF-8 was a quarter of this function's samples.
    out.push_str(ascii(&buf[at..]));
}

/// CPython names the spec and the value's type when a spec does not parse.
fn with_type(e: Exc, spec: &str, t: &str) -> Exc {
    let bare = matches!(&e.args()[..], [Value::Str(m)] if &**m == "Invalid format specifier");
    if bare {
        return value_error(format!(
            "Invalid format specifier '{spec}' for object of type '{t}'"
        ));
    }
    e
}

/// `str.format(*args, **kwargs)`.
pub fn str_format(
    it: &mut Interp,
    fmt: &str,
    args: &[Value],
    kwargs: &[(PyStr, Value)],
) -> Result<String, Exc> {
    markup::format(it, fmt, args, kwargs)
}

/// Whether `%`'s right side is taken as a mapping, by CPython's rule: anything subscriptable that is
/// not a tuple or a str (`'%(a)s' % obj.__dict__` works, `'hi' % [1]` is `'hi'` and
/// `'%(a)s' % [1]` fails in the list's own `__getitem__`).
pub fn is_percent_mapping(args: &Value) -> bool {
    match args {
        Value::Dict(_) | Value::List(_) | Value::Bytes(_) | Value::Range(_) => true,
        Value::Instance(i) => i.class.lookup("__getitem__").is_some(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The level past the limit names itself, at the places CPython 3.11 meets it from these
    /// depths (a frame says nothing more; PyObject_Str and PyObject_RichCompare add words).
    #[test]
    fn a_recursing_dunder_meets_the_limit_where_cpython_does() {
        let got = crate::python::tests::out(
            "class R:\n    def __repr__(self): return repr(self)\n\
             class S:\n    def __str__(self): return str(self)\n\
             class E:\n    def __eq__(self, o): return self == o\n\
             for f in (lambda: repr(R()), lambda: str(S()), lambda: E() == E()):\n\
             \x20   try: f()\n\
             \x20   except RecursionError as e: print(e)\n",
        );
        assert_eq!(
            got,
            "maximum recursion depth exceeded\n\
             maximum recursion depth exceeded while getting the str of an object\n\
             maximum recursion depth exceeded in comparison\n"
        );
    }

    #[test]
    fn an_exact_fixed_point_pads_and_places_the_point() {
        assert_eq!(fixed_exact(0.5, 2).as_deref(), Some("0.50"));
        assert_eq!(fixed_exact(0.0, 3).as_deref(), Some("0.000"));
        assert_eq!(fixed_exact(123.0, 0).as_deref(), Some("123"));
        assert_eq!(fixed_exact(49999.5, 2).as_deref(), Some("49999.50"));
        assert_eq!(fixed_exact(0.25, 15).as_deref(), Some("0.250000000000000"));
        assert_eq!(
            fixed_exact(9_007_199_254_740_991.0, 0).as_deref(),
            Some("9007199254740991")
        );
        // Not exact in binary: left to the general path.
        assert_eq!(fixed_exact(0.1, 2), None);
        let mut s = String::from("n=");
        push_int(&mut s, -90);
        push_int(&mut s, 0);
        assert_eq!(s, "n=-900");
    }

    #[test]
    fn floats_print_like_cpython() {
        assert_eq!(float_repr(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(1.5e-5), "1.5e-05");
        assert_eq!(float_repr(3.0), "3.0");
        assert_eq!(float_repr(123456789.0), "123456789.0");
        assert_eq!(float_repr(-0.0), "-0.0");
        // Ties between two shortest texts go to the even digit, as CPython (Rust rounds them up).
        // 265981251019105.625 and -1337461030091373.25, exactly.
        assert_eq!(float_repr(8511400032611380.0 / 32.0), "265981251019105.62");
        assert_eq!(float_repr(-5349844120365493.0 / 4.0), "-1337461030091373.2");
        assert_eq!(float_repr(5e-324), "5e-324");
        assert_eq!(float_repr(1e23), "1e+23");
        assert_eq!(float_repr(0.00012), "0.00012");
        assert_eq!(float_repr(1e-5), "1e-05");
        assert_eq!(float_repr(9007199254740993.0), "9007199254740992.0");
    }

    #[test]
    fn general_format() {
        assert_eq!(general(0.0001234, 6, false).unwrap(), "0.0001234");
        assert_eq!(general(1234567.0, 6, false).unwrap(), "1.23457e+06");
        assert_eq!(general(3.0, 6, false).unwrap(), "3");
    }

    #[test]
    fn exact_fixed_point_matches_the_general_formatter() {
        let values = [
            0.0,
            0.5,
            2.5,
            12345.5,
            0.125,
            1.0,
            100.0,
            0.1,
            0.3,
            1.005,
            2.675,
            1e15,
            123.456,
            4503599627370495.5,
            9007199254740991.0,
        ];
        for a in values {
            for prec in 0..=15 {
                let general = format!("{a:.prec$}");
                if let Some(s) = fixed_exact(a, prec) {
                    assert_eq!(s, general, "{a} at .{prec}f");
                }
                assert_eq!(fixed(a, prec).unwrap(), general, "{a} at .{prec}f");
            }
        }
        assert_eq!(fixed_exact(2.5, 2).as_deref(), Some("2.50"));
        assert_eq!(
            fixed_exact(0.125, 1),
            None,
            "needs rounding: left to the general path"
        );
        assert_eq!(fixed_exact(0.1, 2), None, "0.1 is not exactly 10/100");
    }

    #[test]
    fn ints_go_in_as_str_makes_them() {
        for n in [
            0,
            7,
            -7,
            10,
            -10,
            1234567890,
            i64::MAX,
            i64::MIN,
            i64::MIN + 1,
        ] {
            let mut out = String::from("<");
            push_int(&mut out, n);
            assert_eq!(out, format!("<{n}"));
        }
    }

    #[test]
    fn specs() {
        let f = |v: f64, s: &str| format_float(v, &Spec::parse(s).unwrap(), s).unwrap();
        assert_eq!(f(1.23456, ">8.3f"), "   1.235");
        assert_eq!(f(1234567.891, ",.2f"), "1,234,567.89");
        assert_eq!(f(0.5, ".1%"), "50.0%");
        let i = |v: i128, s: &str| format_int(v, &Spec::parse(s).unwrap(), s).unwrap();
        assert_eq!(i(5, "08b"), "00000101");
        assert_eq!(i(1234567, ","), "1,234,567");
        assert_eq!(i(-42, "+05d"), "-0042");
        assert_eq!(i(255, "#x"), "0xff");
        assert_eq!(i(7, "^5"), "  7  ");
    }
}

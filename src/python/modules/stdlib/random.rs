//! `random`: CPython's Mersenne Twister and the algorithms of its `Lib/random.py`, step for step, so
//! `random.seed(42)` gives CPython's numbers for every function. The module functions share one
//! hidden generator (CPython's `random._inst`); `random.Random(seed)` makes others.
//!
//! After a fork, CPython reseeds `_inst` in the child (`os.register_at_fork(after_in_child=
//! _inst.seed)`), so two children do not draw the same "random" numbers. Here the hidden generator
//! remembers the pid that made or seeded it and reseeds from the OS when another process (a forked
//! child, a Pool worker, a spawned child) first uses it.

use crate::python::exceptions::ExcKind;
use crate::python::value::{PyStr, ThinRc};
use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::Signed;

use super::super::make_module;
use super::mt::Mt;
use super::{R, num};
use crate::python::bigint::{check_bits, norm, to_big};
use crate::python::bind::Sig;
use crate::python::exceptions::{self, Exc, type_error, value_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Instance, Namespace, NativeFn, NativeKind, Value};
use crate::runtime;

/// One generator: the twister and `gauss`' second number, kept for the next call.
#[derive(Clone)]
struct Gen {
    mt: Mt,
    gauss_next: Option<f64>,
}

impl crate::python::native_object::NativeObject for Gen {}

impl Gen {
    fn new(mt: Mt) -> Gen {
        Gen {
            mt,
            gauss_next: None,
        }
    }
}

thread_local! {
    /// The module's hidden generator and the pid it belongs to (fork copies it; see the top).
    static HIDDEN: RefCell<Option<(i32, Gen)>> = const { RefCell::new(None) };
}

/// CPython's `random_seed_urandom`: 624 words from the OS, mixed in by `init_by_array`.
fn from_os() -> Mt {
    let mut key = [0u32; 624];
    let bytes = std::mem::size_of_val(&key);
    // SAFETY: getrandom writes at most `bytes` bytes into `key`, which owns that many.
    let got = unsafe { libc::getrandom(key.as_mut_ptr().cast(), bytes, 0) };
    if got != bytes as isize {
        // No entropy source: the clock and the pid, as CPython's fallback does.
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(1);
        key[..4].copy_from_slice(&[
            t as u32,
            (t >> 32) as u32,
            (t >> 64) as u32,
            runtime::state::pid() as u32,
        ]);
    }
    Mt::from_key(&key)
}

/// Which generator a call draws from.
enum Src {
    Hidden,
    Inst(Rc<Instance>),
}

impl Src {
    fn with<T>(&self, f: impl FnOnce(&mut Gen) -> T) -> Result<T, Exc> {
        match self {
            Src::Hidden => Ok(HIDDEN.with(|h| {
                let mut h = h.borrow_mut();
                let pid = runtime::state::pid();
                if h.as_ref().is_none_or(|(owner, _)| *owner != pid) {
                    *h = Some((pid, Gen::new(from_os())));
                }
                f(&mut h.as_mut().expect("just made").1)
            })),
            Src::Inst(inst) => {
                let mut n = inst.native.borrow_mut();
                if n.as_ref().is_some_and(|b| b.is::<SystemGen>()) {
                    // SystemRandom keeps no state: each draw comes from a generator keyed
                    // afresh by the OS's entropy (getrandom).
                    return Ok(f(&mut Gen::new(from_os())));
                }
                match n.as_mut().and_then(|b| b.downcast_mut::<Gen>()) {
                    Some(g) => Ok(f(g)),
                    None => Err(type_error(
                        "this Random was not initialized: call Random.__init__ first",
                    )),
                }
            }
        }
    }

    /// Replace the generator (a seed), in this process.
    fn set(&self, g: Gen) -> Result<(), Exc> {
        match self {
            Src::Hidden => HIDDEN.with(|h| *h.borrow_mut() = Some((runtime::state::pid(), g))),
            Src::Inst(inst) => *inst.native.borrow_mut() = Some(Box::new(g)),
        }
        Ok(())
    }

    fn random(&self) -> Result<f64, Exc> {
        self.with(|g| g.mt.random())
    }

    fn below(&self, n: usize) -> Result<usize, Exc> {
        self.with(|g| g.mt.below(n as u64) as usize)
    }
}

/// A float argument, `default` where it was not given.
fn float_arg(v: Option<&Value>, name: &str, default: Option<f64>) -> Result<f64, Exc> {
    match (v, default) {
        (None, Some(d)) => Ok(d),
        (v, _) => num(v, name),
    }
}

/// The signature of `Random.NAME`, a method of the module's hidden `Random` (bound: its `self`
/// is not among the arguments) or of the program's own (whose `self` is taken off before).
const fn random_sig(
    name: &'static str,
    params: &'static [&'static str],
    required: usize,
) -> Sig<'static> {
    Sig::py(name, params, required).bound()
}

// ---- seeding and state --------------------------------------------------------------------------

fn seed_gen(a: Option<&Value>, version: i64) -> Result<Mt, Exc> {
    let n: BigInt = match a {
        None | Some(Value::None) => return Ok(from_os()),
        Some(v @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_))) => to_big(v).expect("int"),
        // CPython seeds with the hash as an unsigned word (`PyLong_FromSize_t`), not its absolute value.
        Some(Value::Float(f)) => BigInt::from(crate::python::float_hash::hash_double(*f) as u64),
        Some(v @ (Value::Str(_) | Value::Bytes(_))) => {
            let bytes: Vec<u8> = match v {
                Value::Str(s) => s.as_bytes().to_vec(),
                Value::Bytes(b) => b.to_vec(),
                _ => unreachable!(),
            };
            if version == 1 {
                // Python 2's string hash, kept by CPython for old sequences: latin-1 for bytes.
                let chars: Vec<u64> = match v {
                    Value::Str(s) => s.chars().map(|c| c as u64).collect(),
                    _ => bytes.iter().map(|b| *b as u64).collect(),
                };
                let mut x: u64 = chars.first().map_or(0, |c| c << 7);
                for c in &chars {
                    x = 1_000_003u64.wrapping_mul(x) ^ c;
                }
                x ^= chars.len() as u64;
                BigInt::from(x)
            } else {
                use sha2::{Digest, Sha512};
                let mut all = bytes.clone();
                all.extend_from_slice(&Sha512::digest(&bytes));
                BigInt::from_bytes_be(num_bigint::Sign::Plus, &all)
            }
        }
        Some(_) => {
            return Err(type_error(
                "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
            ));
        }
    };
    Ok(Mt::from_int(&n))
}

fn seed(_: &mut Interp, g: &Src, a: Args) -> R {
    let [seed_a, version] = random_sig("Random.seed", &["a", "version"], 0).bind(&a)?;
    let version = match version {
        None => 2,
        Some(v) => to_big(v).and_then(|b| i64::try_from(b).ok()).unwrap_or(2),
    };
    g.set(Gen::new(seed_gen(seed_a, version)?))?;
    Ok(Value::None)
}

fn getstate(_: &mut Interp, g: &Src, a: Args) -> R {
    random_sig("Random.getstate", &[], 0).bind::<0>(&a)?;
    let (words, index, gauss) = g.with(|g| (g.mt.state, g.mt.index, g.gauss_next))?;
    let mut inner: Vec<Value> = words.iter().map(|w| Value::Int(*w as i64)).collect();
    inner.push(Value::Int(index as i64));
    Ok(Value::tuple(vec![
        Value::Int(3),
        Value::tuple(inner),
        gauss.map_or(Value::None, Value::Float),
    ]))
}

fn setstate(it: &mut Interp, g: &Src, a: Args) -> R {
    let [state] = random_sig("Random.setstate", &["state"], 1).bind(&a)?;
    let state = it.collect(state.unwrap_or(&Value::None))?;
    let version = state.first().cloned().unwrap_or(Value::None);
    if !matches!(version, Value::Int(2 | 3)) {
        let v = it.str_of(&version)?;
        return Err(value_error(format!(
            "state with version {v} passed to Random.setstate() of version 3"
        )));
    }
    if state.len() != 3 {
        return Err(value_error(format!(
            "too many values to unpack (expected 3, got {})",
            state.len()
        )));
    }
    let Value::Tuple(inner) = &state[1] else {
        return Err(type_error("state vector must be a tuple"));
    };
    if inner.len() != 625 {
        return Err(value_error("state vector is the wrong size"));
    }
    let mut words = [0u32; 624];
    for (w, v) in words.iter_mut().zip(inner.iter()) {
        let b = to_big(v).ok_or_else(|| type_error("state vector items must be integers"))?;
        // Version 2 states hold signed words (`x % 2**32`); CPython keeps the low 32 bits.
        let (_, digits) = (b % BigInt::from(1u64 << 32) + BigInt::from(1u64 << 32)).to_u32_digits();
        *w = digits.first().copied().unwrap_or(0);
    }
    let index = match &inner[624] {
        Value::Int(i) if (0..=624).contains(i) => *i as usize,
        _ => return Err(value_error("invalid state")),
    };
    let gauss_next = match &state[2] {
        Value::None => None,
        v => Some(num(Some(v), "gauss_next")?),
    };
    g.set(Gen {
        mt: Mt {
            state: words,
            index,
        },
        gauss_next,
    })?;
    Ok(Value::None)
}

// ---- integers -----------------------------------------------------------------------------------

fn getrandbits(_: &mut Interp, g: &Src, a: Args) -> R {
    let [k] = Sig::c_pos("getrandbits", "Random", &["k"], 1).bind(&a)?;
    let k = match k {
        Some(v @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_))) => to_big(v).expect("int"),
        v => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                v.map_or("NoneType".into(), |v| v.type_name())
            )));
        }
    };
    if k.is_negative() {
        return Err(value_error("number of bits must be non-negative"));
    }
    let k = u64::try_from(&k).map_err(|_| {
        Exc::new(
            ExcKind::OverflowError,
            "Python int too large to convert to C int",
        )
    })?;
    check_bits(k)?;
    Ok(norm(g.with(|g| g.mt.bits(k))?))
}

fn randbytes(_: &mut Interp, g: &Src, a: Args) -> R {
    let [n] = random_sig("Random.randbytes", &["n"], 1).bind(&a)?;
    let n = match n {
        Some(Value::Int(n)) => *n,
        v => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                v.map_or("NoneType".into(), |v| v.type_name())
            )));
        }
    };
    if n < 0 {
        return Err(value_error("number of bits must be non-negative"));
    }
    check_bits(n as u64 * 8)?;
    let bits = g.with(|g| g.mt.bits(n as u64 * 8))?;
    let mut bytes = bits.to_bytes_le().1;
    bytes.resize(n as usize, 0);
    Ok(Value::Bytes(ThinRc::from(bytes)))
}

/// One `randrange` bound as an int (CPython's `_index`): an integral float still passes in 3.11
/// (with a DeprecationWarning forkyard does not print), a fractional one is a ValueError.
fn bound(v: &Value, which: &str) -> Result<BigInt, Exc> {
    if let Some(b) = to_big(v) {
        return Ok(b);
    }
    match v {
        Value::Float(f) if f.fract() == 0.0 && f.is_finite() => {
            let v = crate::python::bigint::from_f64(*f)?;
            Ok(to_big(&v).expect("int"))
        }
        Value::Float(f) if f.is_finite() => {
            Err(value_error(format!("non-integer {which} for randrange()")))
        }
        Value::Float(f) => Err(Exc::new(
            if f.is_nan() {
                ExcKind::ValueError
            } else {
                ExcKind::OverflowError
            },
            if f.is_nan() {
                "cannot convert float NaN to integer"
            } else {
                "cannot convert float infinity to integer"
            },
        )),
        Value::Str(s) => Err(value_error(format!(
            "invalid literal for int() with base 10: {}",
            crate::python::format::str_repr(s)
        ))),
        other => Err(type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            other.type_name()
        ))),
    }
}

fn randrange_of(g: &Src, start: &Value, stop: Option<&Value>, step: Option<&Value>) -> R {
    let istart = bound(start, "arg 1")?;
    let Some(stop) = stop.filter(|v| !matches!(v, Value::None)) else {
        if step.is_some() {
            return Err(type_error("Missing a non-None stop argument"));
        }
        if istart.is_positive() {
            return Ok(norm(g.with(|g| g.mt.below_big(&istart))?));
        }
        return Err(value_error("empty range for randrange()"));
    };
    let istop = bound(stop, "stop")?;
    let width = &istop - &istart;
    let istep = match step {
        None => BigInt::from(1),
        Some(s) => bound(s, "step")?,
    };
    if istep == BigInt::from(1) {
        if width.is_positive() {
            return Ok(norm(&istart + g.with(|g| g.mt.below_big(&width))?));
        }
        return Err(value_error(format!(
            "empty range for randrange() ({istart}, {istop}, {width})"
        )));
    }
    use num_integer::Integer;
    let n = if istep.is_positive() {
        (&width + &istep - BigInt::from(1)).div_floor(&istep)
    } else if istep.is_negative() {
        (&width + &istep + BigInt::from(1)).div_floor(&istep)
    } else {
        return Err(value_error("zero step for randrange()"));
    };
    if !n.is_positive() {
        return Err(value_error("empty range for randrange()"));
    }
    Ok(norm(istart + istep * g.with(|g| g.mt.below_big(&n))?))
}

fn randrange(it: &mut Interp, g: &Src, a: Args) -> R {
    let [start, stop, step] =
        random_sig("Random.randrange", &["start", "stop", "step"], 1).bind(&a)?;
    let none = Value::None;
    let start = start.unwrap_or(&none);
    // CPython 3.11 still takes a float bound (`int(x)` of it) with a DeprecationWarning on the
    // caller's line; one that is not integral warns that it will be a TypeError, then refuses.
    for v in [Some(start), stop, step].into_iter().flatten() {
        if let Value::Float(f) = v {
            let text = if f.is_finite() && f.fract() != 0.0 {
                "randrange() will raise TypeError in the future"
            } else {
                "non-integer arguments to randrange() have been deprecated since Python 3.10 and will be removed in a subsequent version"
            };
            deprecated(it, text)?;
            if f.is_finite() && f.fract() != 0.0 {
                break;
            }
        }
    }
    randrange_of(g, start, stop, step)
}

/// `warnings.warn(text, DeprecationWarning)` on the program's line that called into `random`
/// (CPython's `_warn(..., DeprecationWarning, 2)` from random.py).
fn deprecated(it: &mut Interp, text: &str) -> Result<(), Exc> {
    let warnings = crate::python::modules::import(it, "warnings")?;
    let warn = it.getattr(&warnings, "warn")?;
    let category = Value::Class(ExcKind::DeprecationWarning.class());
    it.call(&warn, Args::new(vec![Value::str(text), category]))?;
    Ok(())
}

fn randint(it: &mut Interp, g: &Src, a: Args) -> R {
    let [lo, hi] = random_sig("Random.randint", &["a", "b"], 2).bind(&a)?;
    let none = Value::None;
    let (lo, hi) = (lo.unwrap_or(&none), hi.unwrap_or(&none));
    // `randrange(a, b + 1)`: the addition is Python's, so `randint(1, 2.0)` still works.
    let stop = it.binop(crate::python::ast::BinOp::Add, hi, &Value::Int(1))?;
    randrange_of(g, lo, Some(&stop), None)
}

// ---- sequences ----------------------------------------------------------------------------------

/// A population `choice`, `sample` and `choices` index into: a range stays a range (so
/// `sample(range(10**9), 3)` makes no billion items).
enum Population {
    Items(Vec<Value>),
    Range { start: i64, step: i64, len: usize },
}

impl Population {
    fn of(it: &mut Interp, v: &Value, what: &str) -> Result<Population, Exc> {
        match v {
            // Bounds past 64 bits: its items, as a list's.
            Value::Range(r) if r.big.is_some() => Ok(Population::Items(it.collect(v)?)),
            Value::Range(r) => Ok(Population::Range {
                start: r.start,
                step: r.step,
                len: usize::try_from(r.len_exact())
                    .map_err(|_| Exc::new(ExcKind::OverflowError, "Python int too large"))?,
            }),
            Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) => {
                Ok(Population::Items(it.collect(v)?))
            }
            Value::Set(_) | Value::FrozenSet(_) | Value::Dict(_) if what == "sample" => Err(
                type_error("Population must be a sequence.  For dicts or sets, use sorted(d)."),
            ),
            Value::Set(_) | Value::FrozenSet(_) => Err(type_error(format!(
                "'{}' object is not subscriptable",
                v.type_name()
            ))),
            _ if what == "sample" => Err(type_error(
                "Population must be a sequence.  For dicts or sets, use sorted(d).",
            )),
            _ => Err(type_error(format!(
                "object of type '{}' has no len()",
                v.type_name()
            ))),
        }
    }

    fn len(&self) -> usize {
        match self {
            Population::Items(v) => v.len(),
            Population::Range { len, .. } => *len,
        }
    }

    fn get(&self, i: usize) -> Value {
        match self {
            Population::Items(v) => v[i].clone(),
            Population::Range { start, step, .. } => {
                norm(BigInt::from(*start) + BigInt::from(*step) * BigInt::from(i))
            }
        }
    }
}

fn choice(it: &mut Interp, g: &Src, a: Args) -> R {
    let [seq] = random_sig("Random.choice", &["seq"], 1).bind(&a)?;
    let none = Value::None;
    let seq = seq.unwrap_or(&none);
    let pop = Population::of(it, seq, "choice")?;
    if pop.len() == 0 {
        return Err(Exc::new(
            ExcKind::IndexError,
            "Cannot choose from an empty sequence",
        ));
    }
    Ok(pop.get(g.below(pop.len())?))
}

fn shuffle(_: &mut Interp, g: &Src, a: Args) -> R {
    let [x] = random_sig("Random.shuffle", &["x"], 1).bind(&a)?;
    let l = match x.unwrap_or(&Value::None) {
        Value::List(l) => l.clone(),
        v @ (Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) | Value::Range(_)) => {
            return Err(type_error(format!(
                "'{}' object does not support item assignment",
                v.type_name()
            )));
        }
        v => {
            return Err(type_error(format!(
                "object of type '{}' has no len()",
                v.type_name()
            )));
        }
    };
    let n = l.borrow().len();
    for i in (1..n).rev() {
        let j = g.below(i + 1)?;
        l.borrow_mut().swap(i, j);
    }
    Ok(Value::None)
}

fn sample(it: &mut Interp, g: &Src, a: Args) -> R {
    let [population, k, counts] = random_sig("Random.sample", &["population", "k", "counts"], 2)
        .kwonly(1)
        .bind(&a)?;
    let none = Value::None;
    let (population, k) = (population.unwrap_or(&none), k.unwrap_or(&none));
    let pop = Population::of(it, population, "sample")?;
    let n = pop.len();
    if let Some(counts) = counts.filter(|v| !matches!(v, Value::None)) {
        let counts = it.collect(counts)?;
        let mut cum: Vec<i64> = Vec::with_capacity(counts.len());
        let mut total: i64 = 0;
        for c in &counts {
            let Value::Int(c) = c else {
                return Err(type_error("Counts must be integers"));
            };
            total = total
                .checked_add(*c)
                .ok_or_else(|| Exc::new(ExcKind::OverflowError, "counts too large"))?;
            cum.push(total);
        }
        if cum.len() != n {
            return Err(value_error(
                "The number of counts does not match the population",
            ));
        }
        cum.pop();
        if total <= 0 {
            return Err(value_error("Total of counts must be greater than zero"));
        }
        let picks = sample_indexes(g, total as usize, k)?;
        return Ok(Value::list(
            picks
                .into_iter()
                .map(|s| pop.get(cum.partition_point(|c| *c <= s as i64)))
                .collect(),
        ));
    }
    let picks = sample_indexes(g, n, k)?;
    Ok(Value::list(picks.into_iter().map(|i| pop.get(i)).collect()))
}

/// The indexes `sample` picks from `n` items: the pool branch for small populations, the
/// set-of-selected branch for big ones, at CPython's threshold, so the draws match.
fn sample_indexes(g: &Src, n: usize, k: &Value) -> Result<Vec<usize>, Exc> {
    let k = match k {
        Value::Int(k) => *k,
        Value::Bool(b) => *b as i64,
        Value::BigInt(b) if b.is_negative() => -1,
        Value::BigInt(_) => i64::MAX,
        other => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )));
        }
    };
    if k < 0 || k as u64 > n as u64 {
        return Err(value_error("Sample larger than population or is negative"));
    }
    let k = k as usize;
    let mut setsize: usize = 21;
    if k > 5 {
        // 4 ** ceil(log(k * 3, 4)), with CPython's float log.
        let e = ((k as f64 * 3.0).ln() / 4f64.ln()).ceil();
        setsize += 4usize.pow(e as u32);
    }
    let mut out = Vec::with_capacity(k);
    if n <= setsize {
        let mut pool: Vec<usize> = (0..n).collect();
        for i in 0..k {
            let j = g.below(n - i)?;
            out.push(pool[j]);
            pool[j] = pool[n - i - 1];
        }
    } else {
        let mut selected = std::collections::HashSet::with_capacity(k);
        for _ in 0..k {
            let mut j = g.below(n)?;
            while selected.contains(&j) {
                j = g.below(n)?;
            }
            selected.insert(j);
            out.push(j);
        }
    }
    Ok(out)
}

fn choices(it: &mut Interp, g: &Src, a: Args) -> R {
    let [population, weights, cum, k] = random_sig(
        "Random.choices",
        &["population", "weights", "cum_weights", "k"],
        1,
    )
    .kwonly(2)
    .bind(&a)?;
    let none = Value::None;
    let population = population.unwrap_or(&none);
    let pop = Population::of(it, population, "choices")?;
    let n = pop.len();
    let k = match k {
        None => 1,
        Some(Value::Int(k)) => (*k).max(0) as usize,
        Some(v) => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                v.type_name()
            )));
        }
    };
    let weights = weights.filter(|v| !matches!(v, Value::None));
    let cum = cum.filter(|v| !matches!(v, Value::None));
    let cum: Vec<f64> = match (weights, cum) {
        (None, None) => {
            let nf = n as f64;
            let mut out = Vec::with_capacity(k);
            for _ in 0..k {
                let i = (g.random()? * nf).floor() as usize;
                if i >= n {
                    return Err(Exc::new(ExcKind::IndexError, "list index out of range"));
                }
                out.push(pop.get(i));
            }
            return Ok(Value::list(out));
        }
        (Some(_), Some(_)) => {
            return Err(type_error(
                "Cannot specify both weights and cumulative weights",
            ));
        }
        (Some(Value::Int(k)), None) => {
            return Err(type_error(format!(
                "The number of choices must be a keyword argument: k={k}"
            )));
        }
        (Some(w), None) => {
            let mut total = Value::Int(0);
            let mut cum = Vec::new();
            for (i, w) in it.collect(w)?.into_iter().enumerate() {
                total = if i == 0 {
                    w
                } else {
                    it.binop(crate::python::ast::BinOp::Add, &total, &w)?
                };
                cum.push(num(Some(&total), "weights")?);
            }
            cum
        }
        (None, Some(c)) => it
            .collect(c)?
            .iter()
            .map(|v| num(Some(v), "cum_weights"))
            .collect::<Result<_, _>>()?,
    };
    if cum.len() != n {
        return Err(value_error(
            "The number of weights does not match the population",
        ));
    }
    let total = cum[n - 1] + 0.0;
    if total <= 0.0 {
        return Err(value_error("Total of weights must be greater than zero"));
    }
    if !total.is_finite() {
        return Err(value_error("Total of weights must be finite"));
    }
    let hi = n - 1;
    let mut out = Vec::with_capacity(k);
    for _ in 0..k {
        let x = g.random()? * total;
        // bisect_right(cum_weights, x, 0, hi)
        let i = cum[..hi].partition_point(|c| *c <= x);
        out.push(pop.get(i));
    }
    Ok(Value::list(out))
}

// ---- floats -------------------------------------------------------------------------------------

fn random(_: &mut Interp, g: &Src, a: Args) -> R {
    Sig::c_pos("random", "Random", &[], 0).bind::<0>(&a)?;
    Ok(Value::Float(g.random()?))
}

fn uniform(_: &mut Interp, g: &Src, a: Args) -> R {
    let [a_, b_] = random_sig("Random.uniform", &["a", "b"], 2).bind(&a)?;
    let lo = float_arg(a_, "a", None)?;
    let hi = float_arg(b_, "b", None)?;
    Ok(Value::Float(lo + (hi - lo) * g.random()?))
}

fn triangular(_: &mut Interp, g: &Src, a: Args) -> R {
    let [low_, high_, mode_] =
        random_sig("Random.triangular", &["low", "high", "mode"], 0).bind(&a)?;
    let mut low = float_arg(low_, "low", Some(0.0))?;
    let mut high = float_arg(high_, "high", Some(1.0))?;
    let u = g.random()?;
    let c = match mode_.filter(|v| !matches!(v, Value::None)) {
        None => 0.5,
        Some(m) => {
            if high - low == 0.0 {
                // CPython catches the ZeroDivisionError and returns `low` as given.
                return Ok(low_.cloned().unwrap_or(Value::Float(0.0)));
            }
            (num(Some(m), "mode")? - low) / (high - low)
        }
    };
    let (mut u, mut c) = (u, c);
    if u > c {
        u = 1.0 - u;
        c = 1.0 - c;
        std::mem::swap(&mut low, &mut high);
    }
    Ok(Value::Float(low + (high - low) * (u * c).sqrt()))
}

const NV_MAGICCONST: f64 = 1.7155277699214135; // 4 * exp(-0.5) / sqrt(2.0)

fn normal(g: &Src, mu: f64, sigma: f64) -> Result<f64, Exc> {
    loop {
        let u1 = g.random()?;
        let u2 = 1.0 - g.random()?;
        let z = NV_MAGICCONST * (u1 - 0.5) / u2;
        let zz = z * z / 4.0;
        if zz <= -u2.ln() {
            return Ok(mu + z * sigma);
        }
    }
}

fn normalvariate(_: &mut Interp, g: &Src, a: Args) -> R {
    let [mu_, sigma_] = random_sig("Random.normalvariate", &["mu", "sigma"], 0).bind(&a)?;
    let mu = float_arg(mu_, "mu", Some(0.0))?;
    let sigma = float_arg(sigma_, "sigma", Some(1.0))?;
    Ok(Value::Float(normal(g, mu, sigma)?))
}

fn lognormvariate(_: &mut Interp, g: &Src, a: Args) -> R {
    let [mu_, sigma_] = random_sig("Random.lognormvariate", &["mu", "sigma"], 2).bind(&a)?;
    let mu = float_arg(mu_, "mu", None)?;
    let sigma = float_arg(sigma_, "sigma", None)?;
    Ok(Value::Float(normal(g, mu, sigma)?.exp()))
}

fn gauss(_: &mut Interp, g: &Src, a: Args) -> R {
    let [mu_, sigma_] = random_sig("Random.gauss", &["mu", "sigma"], 0).bind(&a)?;
    let mu = float_arg(mu_, "mu", Some(0.0))?;
    let sigma = float_arg(sigma_, "sigma", Some(1.0))?;
    let z = g.with(|g| {
        if let Some(z) = g.gauss_next.take() {
            return z;
        }
        let x2pi = g.mt.random() * std::f64::consts::TAU;
        let g2rad = (-2.0 * (1.0 - g.mt.random()).ln()).sqrt();
        g.gauss_next = Some(x2pi.sin() * g2rad);
        x2pi.cos() * g2rad
    })?;
    Ok(Value::Float(mu + z * sigma))
}

fn expovariate(_: &mut Interp, g: &Src, a: Args) -> R {
    let [lambd_] = random_sig("Random.expovariate", &["lambd"], 1).bind(&a)?;
    let lambd = float_arg(lambd_, "lambd", None)?;
    let u = g.random()?;
    if lambd == 0.0 {
        return Err(Exc::new(
            ExcKind::ZeroDivisionError,
            "float division by zero",
        ));
    }
    Ok(Value::Float(-(1.0 - u).ln() / lambd))
}

fn gamma(g: &Src, alpha: f64, beta: f64) -> Result<f64, Exc> {
    if alpha <= 0.0 || beta <= 0.0 {
        return Err(value_error("gammavariate: alpha and beta must be > 0.0"));
    }
    const LOG4: f64 = 1.3862943611198906;
    const SG_MAGICCONST: f64 = 2.504077396776274; // 1.0 + log(4.5)
    if alpha > 1.0 {
        let ainv = (2.0 * alpha - 1.0).sqrt();
        let bbb = alpha - LOG4;
        let ccc = alpha + ainv;
        loop {
            let u1 = g.random()?;
            if !(1e-7 < u1 && u1 < 0.9999999) {
                continue;
            }
            let u2 = 1.0 - g.random()?;
            let v = (u1 / (1.0 - u1)).ln() / ainv;
            let x = alpha * v.exp();
            let z = u1 * u1 * u2;
            let r = bbb + ccc * v - x;
            if r + SG_MAGICCONST - 4.5 * z >= 0.0 || r >= z.ln() {
                return Ok(x * beta);
            }
        }
    } else if alpha == 1.0 {
        Ok(-(1.0 - g.random()?).ln() * beta)
    } else {
        let e = std::f64::consts::E;
        loop {
            let u = g.random()?;
            let b = (e + alpha) / e;
            let p = b * u;
            let x = if p <= 1.0 {
                p.powf(1.0 / alpha)
            } else {
                -((b - p) / alpha).ln()
            };
            let u1 = g.random()?;
            if p > 1.0 {
                if u1 <= x.powf(alpha - 1.0) {
                    return Ok(x * beta);
                }
            } else if u1 <= (-x).exp() {
                return Ok(x * beta);
            }
        }
    }
}

fn gammavariate(_: &mut Interp, g: &Src, a: Args) -> R {
    let [alpha_, beta_] = random_sig("Random.gammavariate", &["alpha", "beta"], 2).bind(&a)?;
    let alpha = float_arg(alpha_, "alpha", None)?;
    let beta = float_arg(beta_, "beta", None)?;
    Ok(Value::Float(gamma(g, alpha, beta)?))
}

fn betavariate(_: &mut Interp, g: &Src, a: Args) -> R {
    let [alpha_, beta_] = random_sig("Random.betavariate", &["alpha", "beta"], 2).bind(&a)?;
    let alpha = float_arg(alpha_, "alpha", None)?;
    let beta = float_arg(beta_, "beta", None)?;
    let y = gamma(g, alpha, 1.0)?;
    if y == 0.0 {
        return Ok(Value::Float(0.0));
    }
    Ok(Value::Float(y / (y + gamma(g, beta, 1.0)?)))
}

fn paretovariate(_: &mut Interp, g: &Src, a: Args) -> R {
    let [alpha_] = random_sig("Random.paretovariate", &["alpha"], 1).bind(&a)?;
    let alpha = float_arg(alpha_, "alpha", None)?;
    let u = 1.0 - g.random()?;
    Ok(Value::Float(u.powf(-1.0 / alpha)))
}

fn weibullvariate(_: &mut Interp, g: &Src, a: Args) -> R {
    let [alpha_, beta_] = random_sig("Random.weibullvariate", &["alpha", "beta"], 2).bind(&a)?;
    let alpha = float_arg(alpha_, "alpha", None)?;
    let beta = float_arg(beta_, "beta", None)?;
    let u = 1.0 - g.random()?;
    Ok(Value::Float(alpha * (-u.ln()).powf(1.0 / beta)))
}

// ---- the module and the class -------------------------------------------------------------------

type Op = fn(&mut Interp, &Src, Args) -> R;

/// Each function under its name; the module and `Random`'s methods are both made from this table.
macro_rules! ops {
    ($($name:ident),* $(,)?) => {
        /// The module functions, on the hidden generator.
        mod hidden {
            use super::*;
            $(pub fn $name(it: &mut Interp, a: Args) -> R { super::$name(it, &Src::Hidden, a) })*
        }
        /// `Random`'s methods, on `self`'s generator.
        mod method {
            use super::*;
            $(pub fn $name(it: &mut Interp, a: Args) -> R { on_self(it, a, super::$name) })*
        }
        const HIDDEN_FNS: &[(&str, NativeFn)] = &[$((stringify!($name), hidden::$name)),*];
        const METHODS: &[(&str, NativeFn)] = &[$((stringify!($name), method::$name)),*];
    };
}

ops!(
    seed,
    getstate,
    setstate,
    getrandbits,
    randbytes,
    random,
    randrange,
    randint,
    choice,
    choices,
    shuffle,
    sample,
    uniform,
    triangular,
    normalvariate,
    lognormvariate,
    gauss,
    expovariate,
    gammavariate,
    betavariate,
    paretovariate,
    weibullvariate,
);

fn on_self(it: &mut Interp, mut a: Args, op: Op) -> R {
    match a.pos.first() {
        Some(Value::Instance(inst)) => {
            let inst = inst.clone();
            a.pos.remove(0);
            op(it, &Src::Inst(inst), a)
        }
        _ => Err(type_error("a Random method needs a Random instance")),
    }
}

/// `Random(x=None)`: a generator of its own, seeded like `seed(x)`.
fn init(it: &mut Interp, mut a: Args) -> R {
    let Some(Value::Instance(ref inst)) = a.pos.first().cloned() else {
        return Err(type_error("Random.__init__ needs self"));
    };
    a.pos.remove(0);
    *inst.native.borrow_mut() = Some(Box::new(Gen::new(Mt::from_key(&[0]))));
    // A subclass's own `seed` runs, as in CPython's `__init__`.
    let mut args = vec![Value::Instance(inst.clone())];
    args.extend(a.pos);
    it.call_method(&Value::Instance(inst.clone()), "seed", args[1..].to_vec())?;
    Ok(Value::None)
}

/// What a `SystemRandom` instance holds instead of a generator: nothing to seed or save.
struct SystemGen;

impl crate::python::native_object::NativeObject for SystemGen {}

/// `SystemRandom(x=None)`: draws from the OS's entropy; `x` is ignored, as in CPython.
fn system_init(_: &mut Interp, a: Args) -> R {
    let Some(Value::Instance(inst)) = a.pos.first() else {
        return Err(type_error("SystemRandom.__init__ needs self"));
    };
    *inst.native.borrow_mut() = Some(Box::new(SystemGen));
    Ok(Value::None)
}

/// `SystemRandom.seed(...)`: CPython's stub, which does nothing.
fn system_seed(_: &mut Interp, _: Args) -> R {
    Ok(Value::None)
}

/// `SystemRandom.getstate()` / `setstate()`: an entropy source has no state to give.
fn system_no_state(_: &mut Interp, _: Args) -> R {
    Err(Exc::new(
        ExcKind::NotImplementedError,
        "System entropy source does not have state.",
    ))
}

pub fn random_module() -> Value {
    let mut attrs = Namespace::default();
    attrs.insert(PyStr::from("__init__"), Value::builtin("__init__", init));
    for (n, f) in METHODS {
        attrs.insert(PyStr::from(*n), Value::builtin(n, *f));
    }
    attrs.insert(PyStr::from("VERSION"), Value::Int(3));
    let cls = exceptions::make_class(
        "Random",
        "random",
        vec![crate::python::builtin_classes::object()],
        attrs,
        Some(NativeKind::Other),
    )
    .expect("one base");
    let mut sys_attrs = Namespace::default();
    for (n, f) in [
        ("__init__", system_init as NativeFn),
        ("seed", system_seed),
        ("getstate", system_no_state),
        ("setstate", system_no_state),
    ] {
        sys_attrs.insert(PyStr::from(n), Value::builtin(n, f));
    }
    let system = exceptions::make_class(
        "SystemRandom",
        "random",
        vec![cls.clone()],
        sys_attrs,
        Some(NativeKind::Other),
    )
    .expect("one base");
    make_module(
        "random",
        HIDDEN_FNS,
        vec![
            ("Random", Value::Class(cls)),
            ("SystemRandom", Value::Class(system)),
        ],
    )
}

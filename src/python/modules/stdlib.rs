//! The small standard modules: `time` (on the lesson clock), `os` (process identity only), `sys`,
//! `random`, `queue` (its exceptions), `math`. `signal` and `os.kill` are in `signal.rs`.

use std::cell::Cell;
use std::rc::Rc;

use super::make_module;
use crate::python::exceptions::{self, Exc, not_available, type_error, value_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Instance, Namespace, NativeKind, Value};
use crate::runtime;
use crate::trace::Stream;

type R = Result<Value, Exc>;

fn num(v: Option<&Value>, what: &str) -> Result<f64, Exc> {
    match v {
        Some(Value::Int(i)) => Ok(*i as f64),
        Some(Value::BigInt(b)) => crate::python::bigint::to_f64(b),
        Some(Value::Bool(b)) => Ok(*b as i64 as f64),
        Some(Value::Float(f)) => Ok(*f),
        Some(other) => Err(type_error(format!(
            "'{}' object cannot be interpreted as a number ({what})",
            other.type_name()
        ))),
        None => Err(type_error(format!("{what} missing required argument"))),
    }
}

// ---- time -------------------------------------------------------------------------------------

pub fn time() -> Value {
    make_module(
        "time",
        &[
            ("sleep", sleep),
            ("time", time_time),
            ("monotonic", monotonic),
            ("perf_counter", monotonic),
            ("time_ns", time_ns),
            ("monotonic_ns", monotonic_ns),
            ("perf_counter_ns", monotonic_ns),
        ],
        vec![],
    )
}

fn sleep(it: &mut Interp, a: Args) -> R {
    let s = num(a.pos.first(), "sleep")?;
    if s < 0.0 {
        return Err(value_error("sleep length must be non-negative"));
    }
    if it.budget.is_none() {
        super::signal::sleep(it, s)?;
    }
    Ok(Value::None)
}

fn time_time(_: &mut Interp, _: Args) -> R {
    Ok(Value::Float(runtime::clock::epoch_secs()))
}

fn time_ns(_: &mut Interp, _: Args) -> R {
    Ok(Value::Int((runtime::clock::epoch_secs() * 1e9) as i64))
}

fn monotonic(_: &mut Interp, _: Args) -> R {
    Ok(Value::Float(runtime::clock::now_secs()))
}

fn monotonic_ns(_: &mut Interp, _: Args) -> R {
    Ok(Value::Int(runtime::clock::now_ns() as i64))
}

// ---- os ---------------------------------------------------------------------------------------

pub fn os() -> Value {
    make_module(
        "os",
        &[
            ("getpid", getpid),
            ("getppid", getppid),
            ("cpu_count", cpu_count),
            ("_exit", os_exit),
            ("getenv", no_env),
            ("system", no_subprocess),
            ("popen", no_subprocess),
            ("fork", no_fork),
            ("kill", super::signal::os_kill),
            ("listdir", no_files),
            ("remove", no_files),
            ("mkdir", no_files),
            ("getcwd", no_files),
        ],
        vec![
            ("sep", Value::str("/")),
            ("linesep", Value::str("\n")),
            ("name", Value::str("posix")),
        ],
    )
}

pub fn getpid(_: &mut Interp, _: Args) -> R {
    Ok(Value::Int(runtime::state::pid() as i64))
}

fn getppid(_: &mut Interp, _: Args) -> R {
    Ok(Value::Int(runtime::state::parent_pid() as i64))
}

pub fn cpu_count(_: &mut Interp, _: Args) -> R {
    Ok(Value::Int(runtime::process::cpu_count() as i64))
}

fn os_exit(_: &mut Interp, a: Args) -> R {
    let code = match a.pos.first() {
        Some(Value::Int(i)) => *i as i32,
        _ => return Err(type_error("os._exit() takes an integer exit status")),
    };
    // os._exit skips every exit rule (no daemon is terminated, no child joined) and loses what
    // sys.stdout and sys.stderr hold unflushed.
    runtime::process::exit_now(code)
}

fn no_env(_: &mut Interp, _: Args) -> R {
    Err(not_available("os.getenv (the environment)"))
}
fn no_subprocess(_: &mut Interp, _: Args) -> R {
    Err(not_available("running commands"))
}
fn no_fork(_: &mut Interp, _: Args) -> R {
    Err(not_available("os.fork (use multiprocessing.Process)"))
}
fn no_files(_: &mut Interp, _: Args) -> R {
    Err(not_available("file system access"))
}

// ---- sys --------------------------------------------------------------------------------------

/// Instances standing for `sys.stdout` / `sys.stderr`.
struct StreamTag(Stream);

pub fn sys(it: &mut Interp) -> Value {
    let stream_cls = exceptions::make_class(
        "TextIOWrapper",
        "io",
        vec![exceptions::class("object")],
        Namespace::default(),
        Some(NativeKind::Other),
    )
    .expect("one base");
    {
        let mut attrs = stream_cls.attrs.borrow_mut();
        attrs.insert(Rc::from("write"), Value::builtin("write", stream_write));
        attrs.insert(Rc::from("flush"), Value::builtin("flush", stream_flush));
    }
    let mk = |s: Stream| {
        Value::Instance(Rc::new(Instance {
            class: stream_cls.clone(),
            attrs: Default::default(),
            native: std::cell::RefCell::new(Some(Box::new(StreamTag(s)))),
        }))
    };
    let argv = Value::list(vec![Value::Str(it.file.clone())]);
    make_module(
        "sys",
        &[
            ("exit", sys_exit),
            ("getrecursionlimit", recursion_limit),
            ("setrecursionlimit", set_recursion_limit),
            ("get_int_max_str_digits", get_int_max_str_digits),
            ("set_int_max_str_digits", set_int_max_str_digits),
        ],
        vec![
            ("stdout", mk(Stream::Stdout)),
            ("stderr", mk(Stream::Stderr)),
            ("argv", argv),
            ("platform", Value::str("linux")),
            ("maxsize", Value::Int(i64::MAX)),
            ("version", Value::str("3.11 (forkyard)")),
            (
                "version_info",
                Value::tuple(vec![Value::Int(3), Value::Int(11), Value::Int(0)]),
            ),
        ],
    )
}

pub fn stream_of(v: &Value) -> Option<Stream> {
    let Value::Instance(i) = v else { return None };
    let n = i.native.borrow();
    n.as_ref()
        .and_then(|b| b.downcast_ref::<StreamTag>())
        .map(|t| t.0)
}

fn stream_write(it: &mut Interp, a: Args) -> R {
    let stream = a.pos.first().and_then(stream_of).unwrap_or(Stream::Stdout);
    let text = match a.pos.get(1) {
        Some(Value::Str(s)) => s.clone(),
        Some(other) => {
            return Err(type_error(format!(
                "write() argument must be str, not {}",
                other.type_name()
            )));
        }
        None => return Err(type_error("write() takes exactly one argument (0 given)")),
    };
    let _ = it;
    runtime::output::write(stream, &text);
    Ok(Value::Int(text.chars().count() as i64))
}

fn stream_flush(_: &mut Interp, a: Args) -> R {
    let stream = a.pos.first().and_then(stream_of).unwrap_or(Stream::Stdout);
    runtime::output::flush(stream);
    Ok(Value::None)
}

fn sys_exit(_: &mut Interp, a: Args) -> R {
    // CPython raises SystemExit with the argument as the exception's value, and a tuple value
    // becomes the args themselves: `sys.exit(())` is `SystemExit()` (code None, status 0),
    // `sys.exit((5,))` is `SystemExit(5)`.
    let args = match a.pos.into_iter().next() {
        Some(Value::Tuple(t)) => t.to_vec(),
        Some(v) => vec![v],
        None => vec![],
    };
    Err(Exc::with_args("SystemExit", args))
}

fn recursion_limit(_: &mut Interp, _: Args) -> R {
    Ok(Value::Int(crate::python::interp::RECURSION_LIMIT as i64))
}

fn set_recursion_limit(_: &mut Interp, _: Args) -> R {
    Ok(Value::None)
}

fn get_int_max_str_digits(_: &mut Interp, _: Args) -> R {
    Ok(Value::Int(crate::python::bigint::max_str_digits() as i64))
}

fn set_int_max_str_digits(_: &mut Interp, a: Args) -> R {
    let n = a
        .pos
        .first()
        .or_else(|| {
            a.kw.iter()
                .find(|(k, _)| &**k == "maxdigits")
                .map(|(_, v)| v)
        })
        .ok_or_else(|| {
            type_error("set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)")
        })?;
    crate::python::bigint::set_max_str_digits(n)?;
    Ok(Value::None)
}

// ---- random -----------------------------------------------------------------------------------

thread_local! {
    /// xorshift64* state. Copied by fork like the rest of the heap, so children that don't reseed
    /// draw the same numbers as their parent would, as with CPython's fork.
    static RNG: Cell<u64> = Cell::new(seed_from_clock());
}

fn seed_from_clock() -> u64 {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(1);
    (t ^ 0x9E37_79B9_7F4A_7C15) | 1
}

fn next_u64() -> u64 {
    RNG.with(|s| {
        let mut x = s.get();
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        s.set(x);
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    })
}

fn unit() -> f64 {
    (next_u64() >> 11) as f64 / (1u64 << 53) as f64
}

fn below(n: i64) -> i64 {
    if n <= 0 {
        0
    } else {
        (next_u64() % n as u64) as i64
    }
}

pub fn random() -> Value {
    make_module(
        "random",
        &[
            ("random", rand_random),
            ("randint", randint),
            ("randrange", randrange),
            ("uniform", uniform),
            ("choice", choice),
            ("shuffle", shuffle),
            ("sample", sample),
            ("seed", seed),
        ],
        vec![],
    )
}

fn rand_random(_: &mut Interp, _: Args) -> R {
    Ok(Value::Float(unit()))
}

fn int_at(a: &Args, i: usize, f: &str) -> Result<num_bigint::BigInt, Exc> {
    match a.pos.get(i) {
        Some(v) => crate::python::bigint::to_big(v)
            .ok_or_else(|| type_error(format!("{f}() needs integer arguments"))),
        None => Err(type_error(format!("{f}() needs integer arguments"))),
    }
}

/// A uniform int in `lo..hi` (`hi > lo`), at any size: enough 64-bit draws for the span and one
/// more, taken modulo the span (the bias is below 2**-64).
fn between(lo: &num_bigint::BigInt, hi: &num_bigint::BigInt) -> Result<Value, Exc> {
    use num_integer::Integer;
    let span = hi - lo;
    crate::python::bigint::check_bits(span.bits())?;
    let mut draw = num_bigint::BigInt::from(0);
    for _ in 0..span.bits() / 64 + 2 {
        draw = (draw << 64u32) + next_u64();
    }
    Ok(crate::python::bigint::norm(lo + draw.mod_floor(&span)))
}

fn randint(_: &mut Interp, a: Args) -> R {
    let (lo, hi) = (int_at(&a, 0, "randint")?, int_at(&a, 1, "randint")?);
    let stop = &hi + 1;
    if hi < lo {
        return Err(value_error(format!(
            "empty range for randrange() ({lo}, {stop}, {})",
            &stop - &lo
        )));
    }
    between(&lo, &stop)
}

fn randrange(_: &mut Interp, a: Args) -> R {
    let (lo, hi) = if a.pos.len() == 1 {
        (num_bigint::BigInt::from(0), int_at(&a, 0, "randrange")?)
    } else {
        (int_at(&a, 0, "randrange")?, int_at(&a, 1, "randrange")?)
    };
    if hi <= lo {
        // CPython names the bounds only when both were given.
        return Err(value_error(if a.pos.len() == 1 {
            "empty range for randrange()".to_string()
        } else {
            format!("empty range for randrange() ({lo}, {hi}, {})", &hi - &lo)
        }));
    }
    between(&lo, &hi)
}

fn uniform(_: &mut Interp, a: Args) -> R {
    let lo = num(a.pos.first(), "uniform")?;
    let hi = num(a.pos.get(1), "uniform")?;
    Ok(Value::Float(lo + (hi - lo) * unit()))
}

fn choice(it: &mut Interp, a: Args) -> R {
    let items = it.collect(a.pos.first().unwrap_or(&Value::None))?;
    if items.is_empty() {
        return Err(Exc::new(
            "IndexError",
            "Cannot choose from an empty sequence",
        ));
    }
    Ok(items[below(items.len() as i64) as usize].clone())
}

fn shuffle(_: &mut Interp, a: Args) -> R {
    let Some(Value::List(l)) = a.pos.first() else {
        return Err(type_error("shuffle() needs a list"));
    };
    let mut l = l.borrow_mut();
    for i in (1..l.len()).rev() {
        let j = below(i as i64 + 1) as usize;
        l.swap(i, j);
    }
    Ok(Value::None)
}

fn sample(it: &mut Interp, a: Args) -> R {
    let mut items = it.collect(a.pos.first().unwrap_or(&Value::None))?;
    let k = usize::try_from(&int_at(&a, 1, "sample")?)
        .ok()
        .filter(|k| *k <= items.len())
        .ok_or_else(|| value_error("Sample larger than population or is negative"))?;
    let mut out = Vec::new();
    for _ in 0..k {
        let j = below(items.len() as i64) as usize;
        out.push(items.remove(j));
    }
    Ok(Value::list(out))
}

fn seed(it: &mut Interp, a: Args) -> R {
    let s = match a.pos.first() {
        None | Some(Value::None) => seed_from_clock(),
        Some(Value::Int(i)) => *i as u64,
        Some(v) => {
            let k = it.hash_key(v)?;
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            k.hash(&mut h);
            h.finish()
        }
    };
    RNG.with(|r| r.set((s ^ 0x9E37_79B9_7F4A_7C15) | 1));
    Ok(Value::None)
}

// ---- queue, math ----------------------------------------------------------------------

/// `queue.Empty` and `queue.Full`, registered so natives can raise them by name.
pub fn queue_classes() -> (
    Rc<crate::python::value::Class>,
    Rc<crate::python::value::Class>,
) {
    thread_local! {
        static MADE: std::cell::RefCell<Option<(Rc<crate::python::value::Class>, Rc<crate::python::value::Class>)>> = const { std::cell::RefCell::new(None) };
    }
    MADE.with(|m| {
        m.borrow_mut()
            .get_or_insert_with(|| {
                let base = exceptions::class("Exception");
                let empty = exceptions::make_class(
                    "Empty",
                    "_queue",
                    vec![base.clone()],
                    Namespace::default(),
                    None,
                )
                .expect("one base");
                let full =
                    exceptions::make_class("Full", "queue", vec![base], Namespace::default(), None)
                        .expect("one base");
                exceptions::register("queue.Empty", empty.clone());
                exceptions::register("queue.Full", full.clone());
                (empty, full)
            })
            .clone()
    })
}

pub fn queue() -> Value {
    let (empty, full) = queue_classes();
    make_module(
        "_queue",
        &[],
        vec![("Empty", Value::Class(empty)), ("Full", Value::Class(full))],
    )
}

pub fn math() -> Value {
    make_module(
        "math",
        &[
            ("sqrt", sqrt),
            ("floor", floor),
            ("ceil", ceil),
            ("isclose", isclose),
            ("factorial", super::math_ints::factorial),
            ("gcd", super::math_ints::gcd),
            ("comb", super::math_ints::comb),
            ("isqrt", super::math_ints::isqrt),
        ],
        vec![
            ("pi", Value::Float(std::f64::consts::PI)),
            ("e", Value::Float(std::f64::consts::E)),
            ("inf", Value::Float(f64::INFINITY)),
        ],
    )
}

fn sqrt(_: &mut Interp, a: Args) -> R {
    let x = num(a.pos.first(), "sqrt")?;
    if x < 0.0 {
        return Err(value_error("math domain error"));
    }
    Ok(Value::Float(x.sqrt()))
}

fn floor(_: &mut Interp, a: Args) -> R {
    // An int is its own floor (through a float it would lose its low digits).
    if let Some(v @ (Value::Int(_) | Value::BigInt(_))) = a.pos.first() {
        return Ok(v.clone());
    }
    let x = num(a.pos.first(), "floor")?.floor();
    crate::python::ops::float_to_int(x)
}

fn ceil(_: &mut Interp, a: Args) -> R {
    // An int is its own ceil (through a float it would lose its low digits).
    if let Some(v @ (Value::Int(_) | Value::BigInt(_))) = a.pos.first() {
        return Ok(v.clone());
    }
    let x = num(a.pos.first(), "ceil")?.ceil();
    crate::python::ops::float_to_int(x)
}

fn isclose(_: &mut Interp, a: Args) -> R {
    let x = num(a.pos.first(), "isclose")?;
    let y = num(a.pos.get(1), "isclose")?;
    Ok(Value::Bool((x - y).abs() <= 1e-9 * x.abs().max(y.abs())))
}

//! `time`'s calendar side: `struct_time`, `gmtime`, `localtime`, `mktime`, `asctime`, `ctime`,
//! `strftime`, through the C library's own functions as CPython's `timemodule.c` calls them. The
//! current time, when a function is given none, is `time.time()`: the lesson clock.

use crate::python::exceptions::ExcKind;
use std::rc::Rc;

use super::structseq;
use super::{R, num};
use crate::python::exceptions::{Exc, type_error, value_error};
use crate::python::interp::Interp;
use crate::python::value::{Args, Class, PyStr, Value};
use crate::runtime;

const FIELDS: [&str; 9] = [
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst",
];

static CLASS: crate::python::builtin_classes::InterpSlot<Rc<Class>> =
    crate::python::builtin_classes::InterpSlot::new();

/// The `struct_time` class, for the module's attribute: one per interpreter (a spawned child's
/// fresh interpreter makes its own, deriving from its own `tuple`).
pub fn struct_time_class() -> Rc<Class> {
    crate::python::builtin_classes::per_interp(&CLASS, || {
        let cls = structseq::class("struct_time", "time", FIELDS.len(), 2);
        cls.attrs.borrow_mut().insert(
            PyStr::from("__new__"),
            Value::builtin("__new__", struct_time_new),
        );
        cls
    })
}

/// `time.struct_time(seq)`: 9 to 11 items, the last two (`tm_zone`, `tm_gmtoff`) None when
/// left out, with CPython's `structseq_new` errors (`_strptime` builds its result this way).
fn struct_time_new(it: &mut Interp, a: Args) -> R {
    let seq = match a.pos.get(1) {
        Some(v @ (Value::Tuple(_) | Value::List(_) | Value::Instance(_))) => it.collect(v)?,
        _ => return Err(type_error("constructor requires a sequence")),
    };
    let name = "time.struct_time()";
    if seq.len() < FIELDS.len() {
        return Err(type_error(format!(
            "{name} takes an at least 9-sequence ({}-sequence given)",
            seq.len()
        )));
    }
    if seq.len() > FIELDS.len() + 2 {
        return Err(type_error(format!(
            "{name} takes an at most 11-sequence ({}-sequence given)",
            seq.len()
        )));
    }
    let extra = |i: usize| seq.get(i).cloned().unwrap_or(Value::None);
    let zone = extra(9);
    let gmtoff = extra(10);
    let items = seq[..FIELDS.len()].to_vec();
    Ok(structseq::make(
        &struct_time_class(),
        &FIELDS,
        items,
        vec![("tm_zone", zone), ("tm_gmtoff", gmtoff)],
    ))
}

/// Seconds since the epoch from an optional argument (None: now on the lesson clock), rounded
/// toward minus infinity as CPython's `_PyTime_ObjectToTime_t` does.
fn seconds(v: Option<&Value>) -> Result<libc::time_t, Exc> {
    let secs = match v {
        None | Some(Value::None) => runtime::clock::epoch_secs(),
        Some(Value::Int(i)) => return Ok(*i as libc::time_t),
        Some(v @ (Value::Float(_) | Value::Bool(_) | Value::BigInt(_))) => num(Some(v), "time")?,
        Some(other) => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )));
        }
    };
    if secs.is_nan() {
        return Err(value_error("Invalid value NaN (not a number)"));
    }
    let f = secs.floor();
    if !(-9.2e18..9.2e18).contains(&f) {
        return Err(Exc::new(
            ExcKind::OverflowError,
            "timestamp out of range for platform time_t",
        ));
    }
    Ok(f as libc::time_t)
}

fn zone_name(tm: &libc::tm) -> Value {
    if tm.tm_zone.is_null() {
        return Value::None;
    }
    // SAFETY: tm_zone, when set by gmtime_r/localtime_r, points to a NUL-terminated static name.
    let z = unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) };
    Value::str(&z.to_string_lossy())
}

fn from_tm(tm: &libc::tm) -> Value {
    let items = vec![
        Value::Int(tm.tm_year as i64 + 1900),
        Value::Int(tm.tm_mon as i64 + 1),
        Value::Int(tm.tm_mday as i64),
        Value::Int(tm.tm_hour as i64),
        Value::Int(tm.tm_min as i64),
        Value::Int(tm.tm_sec as i64),
        // C counts from Sunday, Python from Monday.
        Value::Int((tm.tm_wday as i64 + 6) % 7),
        Value::Int(tm.tm_yday as i64 + 1),
        Value::Int(tm.tm_isdst as i64),
    ];
    structseq::make(
        &struct_time_class(),
        &FIELDS,
        items,
        vec![
            ("tm_zone", zone_name(tm)),
            ("tm_gmtoff", Value::Int(tm.tm_gmtoff)),
        ],
    )
}

fn broken_down(v: Option<&Value>, local: bool) -> Result<libc::tm, Exc> {
    let t = seconds(v)?;
    // SAFETY: an all-zero tm is a valid value to be overwritten; gmtime_r/localtime_r only read
    // `t` and write `tm`.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    let ok = unsafe {
        if local {
            libc::localtime_r(&t, &mut tm)
        } else {
            libc::gmtime_r(&t, &mut tm)
        }
    };
    if ok.is_null() {
        return Err(Exc::new(
            ExcKind::OverflowError,
            "timestamp out of range for platform time_t",
        ));
    }
    Ok(tm)
}

pub fn gmtime(_: &mut Interp, a: Args) -> R {
    Ok(from_tm(&broken_down(a.pos.first(), false)?))
}

pub fn localtime(_: &mut Interp, a: Args) -> R {
    Ok(from_tm(&broken_down(a.pos.first(), true)?))
}

/// A `struct_time` or 9-tuple back to a C `tm` (CPython's `gettmarg`), `func` naming the caller.
fn to_tm(it: &mut Interp, v: &Value, func: &str) -> Result<libc::tm, Exc> {
    let items: Vec<Value> = match v {
        Value::Tuple(t) => t.to_vec(),
        Value::Instance(_) if structseq::items(v).is_some() => {
            structseq::items(v).expect("checked").to_vec()
        }
        _ => {
            return Err(type_error("Tuple or struct_time argument required"));
        }
    };
    if items.len() != 9 {
        return Err(type_error(format!("{func}(): illegal time tuple argument")));
    }
    let mut n = [0i64; 9];
    for (slot, v) in n.iter_mut().zip(items.iter()) {
        *slot = match v {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            other => {
                let _ = it;
                return Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    other.type_name()
                )));
            }
        };
    }
    // SAFETY: all-zero is a valid tm.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    tm.tm_year = (n[0] - 1900) as i32;
    tm.tm_mon = (n[1] - 1) as i32;
    tm.tm_mday = n[2] as i32;
    tm.tm_hour = n[3] as i32;
    tm.tm_min = n[4] as i32;
    tm.tm_sec = n[5] as i32;
    tm.tm_wday = ((n[6] + 1) % 7) as i32;
    tm.tm_yday = (n[7] - 1) as i32;
    tm.tm_isdst = n[8] as i32;
    Ok(tm)
}

/// CPython's `checktm`: the ranges `asctime` and `strftime` accept.
fn check_tm(tm: &mut libc::tm) -> Result<(), Exc> {
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    } else if !(0..=11).contains(&tm.tm_mon) {
        return Err(value_error("month out of range"));
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    } else if !(0..=31).contains(&tm.tm_mday) {
        return Err(value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.tm_hour) {
        return Err(value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.tm_min) {
        return Err(value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.tm_sec) {
        return Err(value_error("seconds out of range"));
    }
    if tm.tm_wday < 0 {
        return Err(value_error("day of week out of range"));
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    } else if !(0..=365).contains(&tm.tm_yday) {
        return Err(value_error("day of year out of range"));
    }
    Ok(())
}

fn tm_arg(it: &mut Interp, v: Option<&Value>, func: &str) -> Result<libc::tm, Exc> {
    match v {
        None => broken_down(None, true),
        Some(v) => {
            let mut tm = to_tm(it, v, func)?;
            check_tm(&mut tm)?;
            Ok(tm)
        }
    }
}

pub fn mktime(it: &mut Interp, a: Args) -> R {
    let v = a
        .pos
        .first()
        .ok_or_else(|| type_error("time.mktime() takes exactly one argument (0 given)"))?;
    let mut tm = to_tm(it, v, "mktime")?;
    // CPython's sentinel: mktime returns -1 both for an error and for 1969-12-31 23:59:59.
    tm.tm_wday = -1;
    // SAFETY: mktime normalizes the tm it is given.
    let t = unsafe { libc::mktime(&mut tm) };
    if t == -1 && tm.tm_wday == -1 {
        return Err(Exc::new(
            ExcKind::OverflowError,
            "mktime argument out of range",
        ));
    }
    Ok(Value::Float(t as f64))
}

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn asctime_of(tm: &libc::tm) -> Value {
    Value::str(&format!(
        "{} {}{:>3} {:02}:{:02}:{:02} {}",
        DAYS[tm.tm_wday.rem_euclid(7) as usize],
        MONTHS[tm.tm_mon.rem_euclid(12) as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        tm.tm_year as i64 + 1900
    ))
}

pub fn asctime(it: &mut Interp, a: Args) -> R {
    let tm = tm_arg(it, a.pos.first(), "asctime")?;
    Ok(asctime_of(&tm))
}

pub fn ctime(_: &mut Interp, a: Args) -> R {
    Ok(asctime_of(&broken_down(a.pos.first(), true)?))
}

pub fn strftime(it: &mut Interp, a: Args) -> R {
    let fmt = match a.pos.first() {
        Some(Value::Str(s)) => s.clone(),
        Some(other) => {
            return Err(type_error(format!(
                "strftime() argument 1 must be str, not {}",
                other.type_name()
            )));
        }
        None => {
            return Err(type_error("strftime() takes at least 1 argument (0 given)"));
        }
    };
    let mut tm = tm_arg(it, a.pos.get(1), "strftime")?;
    tm.tm_isdst = tm.tm_isdst.clamp(-1, 1);
    if fmt.is_empty() {
        return Ok(Value::str(""));
    }
    let cfmt = std::ffi::CString::new(fmt.as_bytes())
        .map_err(|_| value_error("embedded null character"))?;
    // As CPython: grow the buffer until the result fits (an empty result from a long enough
    // buffer is a real empty result).
    let mut size = 1024usize;
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: buf has `size` bytes; strftime writes at most that many, NUL included.
        let n = unsafe { libc::strftime(buf.as_mut_ptr().cast(), size, cfmt.as_ptr(), &tm) };
        if n > 0 || size >= 256 * fmt.len() {
            buf.truncate(n);
            return Ok(Value::str(&String::from_utf8_lossy(&buf)));
        }
        size *= 2;
    }
}

/// CPU time of this process (`process_time`) or thread (`thread_time`), in ns: real CPU time,
/// which the lesson clock does not scale (a sleep uses none).
pub fn cpu_ns(clock: libc::clockid_t) -> i64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes the timespec it is given.
    unsafe { libc::clock_gettime(clock, &mut ts) };
    ts.tv_sec * 1_000_000_000 + ts.tv_nsec
}

//! `time`: the clock functions, on the lesson clock where they tell elapsed time.

use super::super::make_module;
use super::time_struct;
use super::{R, num};
use crate::python::exceptions::value_error;
use crate::python::interp::Interp;
use crate::python::value::{Args, PyStr, Value};
use crate::runtime;

pub fn time() -> Value {
    let module = make_module(
        "time",
        &[
            ("sleep", sleep),
            ("time", time_time),
            ("monotonic", monotonic),
            ("perf_counter", monotonic),
            ("time_ns", time_ns),
            ("monotonic_ns", monotonic_ns),
            ("perf_counter_ns", monotonic_ns),
            ("process_time", process_time),
            ("process_time_ns", process_time_ns),
            ("thread_time", thread_time),
            ("thread_time_ns", thread_time_ns),
            ("gmtime", time_struct::gmtime),
            ("localtime", time_struct::localtime),
            ("mktime", time_struct::mktime),
            ("asctime", time_struct::asctime),
            ("ctime", time_struct::ctime),
            ("strftime", time_struct::strftime),
            ("strptime", strptime),
            ("tzset", tzset_fn),
        ],
        vec![
            (
                "struct_time",
                Value::Class(time_struct::struct_time_class()),
            ),
            // How many items `struct_time(...)` keeps, tm_zone and tm_gmtoff included
            // (CPython's module has it; `_strptime` slices by it).
            ("_STRUCT_TM_ITEMS", Value::Int(11)),
        ],
    );
    set_zone_attributes(&module);
    module
}

/// `time.strptime(string, format)`: CPython's own `_strptime._strptime_time`, as CPython's time
/// module calls it, returning a `struct_time`.
fn strptime(it: &mut Interp, a: Args) -> R {
    let m = super::super::import(it, "_strptime")?;
    let f = it.getattr(&m, "_strptime_time")?;
    it.call(&f, a)
}

unsafe extern "C" {
    // The C library's time zone, as `tzset()` leaves it (glibc's globals, which CPython reads).
    fn tzset();
    static tzname: [*const libc::c_char; 2];
    static timezone: libc::c_long;
    static daylight: libc::c_int;
}

/// `timezone`, `altzone`, `daylight` and `tzname` as CPython's `init_timezone` sets them from
/// the C library after `tzset()` (glibc has no `altzone`: CPython uses `timezone - 3600`).
fn set_zone_attributes(module: &Value) {
    let Value::Module(m) = module else { return };
    // SAFETY: tzset fills the globals read next; forkyard's processes have one thread, so nothing
    // changes them between the call and the reads, and glibc's tzname entries are NUL-terminated.
    let (names, offset, dst) = unsafe {
        tzset();
        let name = |p: *const libc::c_char| {
            if p.is_null() {
                String::new()
            } else {
                std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
            }
        };
        let names = std::ptr::addr_of!(tzname).read();
        (
            [name(names[0]), name(names[1])],
            // `long` is 32 bits on some targets.
            #[allow(clippy::unnecessary_cast)]
            {
                std::ptr::addr_of!(timezone).read() as i64
            },
            std::ptr::addr_of!(daylight).read() as i64,
        )
    };
    let mut attrs = m.attrs.borrow_mut();
    attrs.insert(PyStr::from("timezone"), Value::Int(offset));
    attrs.insert(PyStr::from("altzone"), Value::Int(offset - 3600));
    attrs.insert(PyStr::from("daylight"), Value::Int(dst));
    attrs.insert(
        PyStr::from("tzname"),
        Value::tuple(vec![Value::str(&names[0]), Value::str(&names[1])]),
    );
}

/// `time.tzset()`: read the zone again and reset the module's zone attributes, as CPython's does.
fn tzset_fn(it: &mut Interp, _: Args) -> R {
    let module = super::super::import(it, "time")?;
    set_zone_attributes(&module);
    Ok(Value::None)
}

fn process_time(_: &mut Interp, _: Args) -> R {
    Ok(Value::Float(
        time_struct::cpu_ns(libc::CLOCK_PROCESS_CPUTIME_ID) as f64 / 1e9,
    ))
}

fn process_time_ns(_: &mut Interp, _: Args) -> R {
    Ok(Value::Int(time_struct::cpu_ns(
        libc::CLOCK_PROCESS_CPUTIME_ID,
    )))
}

fn thread_time(_: &mut Interp, _: Args) -> R {
    Ok(Value::Float(
        time_struct::cpu_ns(libc::CLOCK_THREAD_CPUTIME_ID) as f64 / 1e9,
    ))
}

fn thread_time_ns(_: &mut Interp, _: Args) -> R {
    Ok(Value::Int(time_struct::cpu_ns(
        libc::CLOCK_THREAD_CPUTIME_ID,
    )))
}

fn sleep(it: &mut Interp, a: Args) -> R {
    let s = match a.pos.first() {
        Some(Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_)) | None => {
            num(a.pos.first(), "sleep")?
        }
        // CPython's _PyTime_FromSecondsObject: a non-number is asked for an integer.
        Some(other) => {
            return Err(crate::python::exceptions::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )));
        }
    };
    if s < 0.0 {
        return Err(value_error("sleep length must be non-negative"));
    }
    if it.budget.is_none() {
        super::super::signal::sleep(it, s)?;
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

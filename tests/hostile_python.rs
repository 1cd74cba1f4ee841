//! Hostile programs, run headless through the real binary: sizes that would wrap or exhaust memory,
//! forged messages, values past 64 bits. Each must end in a Python exception the program can catch
//! (CPython's where CPython has one), never in a crash, an abort or an "internal error".
//!
//! Where forkyard and CPython agree line for line, the case lives in the conformance corpus instead
//! (`tests/corpus/h01_number_edges.py`, `s50_mp_hostile_edges.py`); here are the cases where
//! forkyard's answer is its own by design (integers are 64-bit, one object is at most 1 GiB) or
//! where the process itself is at stake (a stack overflow, an allocation abort).

mod run_support;

use run_support::{program, run_to_end};

/// Runs `source` at `--speed 10`; returns (exit code, stdout, stderr). Fails the test on a crash or
/// an internal error, whatever the program printed.
fn run(name: &str, source: &str) -> (i32, String, String) {
    let path = program(name, source);
    let (code, stdout, stderr) = run_to_end(
        &path,
        &["--format", "plain", "--speed", "10", "--timeout", "60"],
    );
    for bad in [
        "internal error",
        "panicked",
        "memory allocation of",
        "SIGSEGV",
        "SIGABRT",
        "killed by signal",
    ] {
        assert!(
            !stdout.contains(bad) && !stderr.contains(bad),
            "{name}: {bad:?} in the output\n--- stdout ---\n{stdout}\n--- stderr ---\n{stderr}"
        );
    }
    assert!(
        code == 0 || code == 1,
        "{name}: exit {code}\n--- stdout ---\n{stdout}\n--- stderr ---\n{stderr}"
    );
    (code, stdout, stderr)
}

/// Each line of a program that prints `label: Type: message` for its cases.
const SHOW: &str = r#"
def show(label, f):
    try:
        r = f()
        print(label, "->", type(r).__name__)
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
"#;

#[test]
fn a_forged_deeply_nested_message_is_an_unpickling_error_in_the_receiver() {
    let (code, out, err) = run(
        "deep_frame.py",
        r#"
import multiprocessing

def child(w):
    w.send_bytes(b'\x80FY1' + b'l\x01\x00\x00\x00' * 3_000_000 + b'N')

if __name__ == '__main__':
    r, w = multiprocessing.Pipe(duplex=False)
    p = multiprocessing.Process(target=child, args=(w,))
    p.start()
    try:
        r.recv()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    p.join()
    print("exitcode", p.exitcode)
    # 600 levels decode (the writer itself makes up to ~2000); past 3000 only a forged frame goes.
    w.send_bytes(b'\x80FY1' + b'l\x01\x00\x00\x00' * 600 + b'N')
    print("600 levels:", type(r.recv()).__name__)
    w.send_bytes(b'\x80FY1' + b'l\x01\x00\x00\x00' * 3_100 + b'N')
    r.recv()
"#,
    );
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.starts_with(
            "UnpicklingError: maximum recursion depth exceeded while unpickling an object\n\
             exitcode 0\n600 levels: list\n"
        ),
        "{out}"
    );
    assert!(
        err.trim_end().ends_with(
            "_pickle.UnpicklingError: maximum recursion depth exceeded while unpickling an object"
        ),
        "{err}"
    );
}

#[test]
fn sizes_too_large_for_one_object_are_memory_errors_not_aborts() {
    let source = format!(
        "{SHOW}{}",
        r#"
show("bytes(2**40)", lambda: bytes(2**40))
show("'abc'.ljust(10**10)", lambda: 'abc'.ljust(10**10))
show("'abc'.rjust(10**10)", lambda: 'abc'.rjust(10**10))
show("'abc'.center(10**10)", lambda: 'abc'.center(10**10))
show("'1'.zfill(10**10)", lambda: '1'.zfill(10**10))
show("'x' * 10**10", lambda: 'x' * 10**10)
show("b'x' * 10**10", lambda: b'x' * 10**10)
show("[0] * 2**40", lambda: [0] * 2**40)
show("(0,) * 2**40", lambda: (0,) * 2**40)
show("[0, 1] * 2**62", lambda: [0, 1] * 2**62)
show("'{:2000000000}'", lambda: '{:2000000000}'.format(1))
show("'%2000000000d'", lambda: '%2000000000d' % 1)
show("'{:.2000000000f}'", lambda: '{:.2000000000f}'.format(1.0))
show("'{:^2000000000}'", lambda: '{:^2000000000}'.format('a'))
big = 'y' * 2**29
show("join of 3 x 512 MiB", lambda: '.'.join([big, big, big]))
big = None
words = 'ab ' * (25 * 10**6)
show("split of 75 MB", lambda: words.split())
show("split(' ') of 75 MB", lambda: words.split(' '))
show("rsplit of 75 MB", lambda: words.rsplit())
show("splitlines of 25 M lines", lambda: ('\n' * (25 * 10**6)).splitlines())
show("list of 75 M chars", lambda: list(words))
words = None
show("list(range(2**40))", lambda: list(range(2**40)))
l = [0] * 2**25
def grow():
    for _ in range(2):
        l.extend(l)
show("extend doubling", grow)
l = None
import multiprocessing
show("Array('b', 2**40)", lambda: multiprocessing.Array('b', 2**40))
print("still running")
"#
    );
    let (code, out, err) = run("too_large.py", &source);
    assert_eq!(code, 0, "{out}{err}");
    let expected = [
        "bytes(2**40)",
        "'abc'.ljust(10**10)",
        "'abc'.rjust(10**10)",
        "'abc'.center(10**10)",
        "'1'.zfill(10**10)",
        "'x' * 10**10",
        "b'x' * 10**10",
        "[0] * 2**40",
        "(0,) * 2**40",
        "[0, 1] * 2**62",
        "'{:2000000000}'",
        "'%2000000000d'",
        "'{:.2000000000f}'",
        "'{:^2000000000}'",
        "join of 3 x 512 MiB",
        "split of 75 MB",
        "split(' ') of 75 MB",
        "rsplit of 75 MB",
        "splitlines of 25 M lines",
        "list of 75 M chars",
        "list(range(2**40))",
        "extend doubling",
        "Array('b', 2**40)",
    ]
    .iter()
    .map(|label| format!("{label} -> MemoryError: \n"))
    .collect::<String>()
        + "still running\n";
    assert_eq!(out, expected, "{err}");
}

#[test]
fn integers_past_64_bits_are_exact_and_sizes_past_memory_are_memory_errors_never_hangs() {
    // The values are CPython 3.11's. `2 ** 2**40` and `1 << 2**40` would take CPython minutes or
    // all memory; forkyard weighs the result's size first (src/python/bigint.rs).
    let source = format!(
        "{SHOW}{}",
        r#"
import math
show("2 ** 2**40", lambda: 2 ** 2**40)
show("1 << 2**40", lambda: 1 << 2**40)
show("1 << 2**100", lambda: 1 << 2**100)
show("math.factorial(2**40)", lambda: math.factorial(2**40))
show("math.factorial(2**100)", lambda: math.factorial(2**100))
show("str(10**5000)", lambda: str(10**5000))
show("int('1' * 5000)", lambda: int('1' * 5000))
print(int(1e300) % 10**30, int(-1e19), int(9.3e18), round(1e300) == int(1e300))
print(math.floor(1e300) == int(1e300), math.ceil(-1e300) == -int(1e300), int('1' * 100) % 1000)
print(('%d' % 1e300)[-12:], round(9223372036854775807, -1), int(-9.2e18))
print(int('9223372036854775808'), int('-9223372036854775809'), 2**63 - 1 + 1)
"#
    );
    let (code, out, err) = run("past_64_bits.py", &source);
    assert_eq!(code, 0, "{out}{err}");
    let limit = "Exceeds the limit (4300 digits) for integer string conversion";
    assert_eq!(
        out,
        format!(
            "2 ** 2**40 -> MemoryError: \n\
             1 << 2**40 -> MemoryError: \n\
             1 << 2**100 -> OverflowError: too many digits in integer\n\
             math.factorial(2**40) -> MemoryError: \n\
             math.factorial(2**100) -> OverflowError: factorial() argument should not exceed 9223372036854775807\n\
             str(10**5000) -> ValueError: {limit}; use sys.set_int_max_str_digits() to increase the limit\n\
             int('1' * 5000) -> ValueError: {limit}: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit\n\
             115669472196386865459400540160 -10000000000000000000 9300000000000000000 True\n\
             True True 111\n\
             459400540160 9223372036854775810 -9200000000000000000\n\
             9223372036854775808 -9223372036854775809 9223372036854775808\n"
        )
    );
}

#[test]
fn shared_memory_sizes_never_wrap_and_indices_never_leave_the_array() {
    let (code, out, err) = run(
        "shared_sizes.py",
        r#"
import multiprocessing
victim = multiprocessing.Array('q', [7, 7, 7, 7], lock=False)
for n in [2**62, 2**61 + 1, 2**60, 2**59 + 3]:
    try:
        multiprocessing.Array('q', n, lock=False)
        print(n, "made")
    except (OverflowError, MemoryError) as e:
        print(n, type(e).__name__)
a = multiprocessing.Array('q', 4, lock=False)
for i in [2**61 - 1, 2**61, -(2**61), 2**62, -5, 4]:
    try:
        a[i] = 1
    except IndexError as e:
        print(i, "IndexError:", e)
print(list(victim), list(a))
"#,
    );
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(
        out,
        "4611686018427387904 OverflowError\n\
         2305843009213693953 OverflowError\n\
         1152921504606846976 OverflowError\n\
         576460752303423491 MemoryError\n\
         2305843009213693951 IndexError: invalid index\n\
         2305843009213693952 IndexError: invalid index\n\
         -2305843009213693952 IndexError: invalid index\n\
         4611686018427387904 IndexError: invalid index\n\
         -5 IndexError: invalid index\n\
         4 IndexError: invalid index\n\
         [7, 7, 7, 7] [0, 0, 0, 0]\n"
    );
}

/// Every started generator has a stack of its own: 100 000 suspended at once either fit or stop
/// with a MemoryError the program catches, never a crash; and the generators already made keep
/// working after it.
#[test]
fn a_hundred_thousand_suspended_generators_fit_or_are_a_memory_error() {
    let (code, out, err) = run(
        "many_generators.py",
        r#"
def numbers(i):
    yield i
    yield i + 1

held = []
try:
    for i in range(100000):
        g = numbers(i)
        next(g)
        held.append(g)
    print("all", len(held))
except MemoryError:
    print("MemoryError", len(held) > 1000)
print(next(held[0]), next(held[-1]) == len(held))
held = None
print(sum(x for x in range(10)))
"#,
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out == "all 100000\n1 True\n45\n" || out == "MemoryError True\n1 True\n45\n",
        "{out}"
    );
}

/// Recursion inside a generator runs on the generator's small stack and then in new segments:
/// it ends in RecursionError like anywhere else, never in a stack overflow.
#[test]
fn deep_recursion_inside_a_generator_is_a_recursion_error() {
    let (code, out, err) = run(
        "generator_recursion.py",
        r#"
def down(n):
    return down(n + 1)

def gen():
    yield down(0)

def nested(n):
    if n == 0:
        yield "bottom"
    else:
        yield from nested(n - 1)

try:
    next(gen())
except RecursionError as e:
    print("RecursionError:", e)
print(next(nested(400)))
try:
    next(nested(2000))
except RecursionError as e:
    print("RecursionError:", e)
"#,
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "RecursionError: maximum recursion depth exceeded\nbottom\nRecursionError: maximum recursion depth exceeded\n"
    );
}

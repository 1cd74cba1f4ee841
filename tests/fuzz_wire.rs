//! Hostile input for the message decoder (what `Connection.recv()` and `Queue.get()` rebuild from
//! another process's bytes): frames made by the encoder, then mutated (bytes flipped, cut, inserted,
//! lengths set to huge values, pieces duplicated) and frames of random bytes. Each one must decode to
//! a value or end in a Python exception — never a panic, never a hang.
//!
//! `FORKYARD_WIRE_FUZZ_CASES=N` runs more cases (default 20000 in CI time).

use std::panic::{AssertUnwindSafe, catch_unwind};

use forkyard::python::{self, interp::Interp, modules::wire, value::Value};

mod fuzz_support;
use fuzz_support::Rng;

/// The program whose values seed the frames (and whose globals `G` frames may name).
const PROGRAM: &str = r#"
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Oops(Exception):
    pass

def work(n):
    return n * 2

class Rebuilt:
    def __init__(self, n):
        self.n = n
    def __reduce__(self):
        return (Rebuilt, (self.n,), {'seen': True})

class Stateful:
    def __init__(self):
        self.keep = [1, 2]
        self.drop = 'gone'
    def __getstate__(self):
        return {'keep': self.keep}
    def __setstate__(self, state):
        self.keep = state['keep']

nested = [1]
for _ in range(200):
    nested = [(nested,), 2]

cycle = [1]
cycle.append(cycle)
shared = {'s': 'a string long enough to be one object'}
loop = ([],)
loop[0].append(loop)

SEEDS = [
    None, True, False, 0, -1, 2**62, 2**100, -3**200, 3.5, float('inf'), 'text', 'é中😀', b'\x00\xff', ...,
    [1, [2, [3, [4]]]], (1, 'a', None), {'a': 1, 2: [3]}, {1, 2, 3}, frozenset({'x'}),
    range(1, 10, 3), Point(1, Point(2, 3)), Oops('bad', 7), ValueError('v'), work, Point, int,
    len, nested, {'k': (Point(0, 0), [Oops()])}, [[]] * 30, list(range(300)),
    cycle, [shared, shared, shared['s']], loop, Rebuilt(3), Stateful(), Point(1, 2).__init__,
]
"#;

fn interpreter() -> Interp {
    let module = python::parse_program(PROGRAM, "fuzz.py").expect("the seed program parses");
    let mut it = Interp::new("fuzz.py", PROGRAM);
    it.run_module(&module).expect("the seed program runs");
    // The interpreter lives for the whole test; its module stays reachable from it.
    std::mem::forget(module);
    it
}

fn seeds(it: &mut Interp) -> Vec<Vec<u8>> {
    let seeds = it.globals.borrow().get("SEEDS").cloned();
    let Some(Value::List(l)) = &seeds else {
        panic!("SEEDS is a list");
    };
    let values = l.borrow().clone();
    values
        .iter()
        .map(|v| wire::dumps(it, v).expect("a seed value crosses"))
        .collect()
}

/// A huge or odd 4-byte length.
fn length(r: &mut Rng) -> [u8; 4] {
    let n: u32 = match r.below(5) {
        0 => u32::MAX,
        1 => 0x7fff_ffff,
        2 => 1 << 24,
        3 => r.below(64) as u32,
        _ => r.next() as u32,
    };
    n.to_le_bytes()
}

fn mutate(seed: &[u8], r: &mut Rng) -> Vec<u8> {
    let mut b = seed.to_vec();
    for _ in 0..1 + r.below(4) {
        let at = r.below(b.len() + 1);
        match r.below(7) {
            0 if !b.is_empty() => {
                let i = at.min(b.len() - 1);
                b[i] ^= 1 << r.below(8);
            }
            1 => b.truncate(at),
            2 => {
                let tag = *b"NeTFifsbltSZdrGOE\x00\xff"
                    .get(r.below(19))
                    .unwrap_or(&b'N');
                b.insert(at, tag);
            }
            3 => {
                let len = length(r);
                let end = (at + 4).min(b.len());
                b.splice(at..end, len);
            }
            4 => {
                let end = (at + 1 + r.below(16)).min(b.len());
                let piece = b[at.min(end)..end].to_vec();
                for _ in 0..1 + r.below(50) {
                    b.splice(at..at, piece.iter().copied());
                }
            }
            5 if !b.is_empty() => {
                let i = at.min(b.len() - 1);
                b[i] = r.next() as u8;
            }
            _ => {
                let end = (at + r.below(8)).min(b.len());
                b.drain(at..end);
            }
        }
    }
    b
}

fn random_frame(r: &mut Rng) -> Vec<u8> {
    let mut b = wire::MAGIC.to_vec();
    for _ in 0..r.below(64) {
        b.push(match r.below(3) {
            0 => *b"NeTFifsbltSZdrGOERg".get(r.below(19)).unwrap_or(&b'N'),
            _ => r.next() as u8,
        });
    }
    b
}

/// Decodes one frame: whether it made a value; `Err` says how it went wrong (a panic, or an error
/// that is not one the decoder should give).
fn check(it: &mut Interp, frame: &[u8]) -> Result<bool, String> {
    let got = catch_unwind(AssertUnwindSafe(|| wire::loads(it, frame)));
    match got {
        Err(p) => {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()));
            Err(format!("panicked: {}", msg.unwrap_or_default()))
        }
        Ok(Ok(_)) => Ok(true),
        Ok(Err(e)) => {
            let known = [
                "UnpicklingError",
                "MemoryError",
                "TypeError",
                "AttributeError",
                "EOFError",
            ];
            let name = e.class_name();
            // Rebuilding runs the program's own code (`__setstate__`, a `__reduce__` callable),
            // which may raise anything on forged state, as under CPython's pickle: such an error
            // has a frame of the program in its traceback.
            let from_program = it.format_exception(&e).contains("File \"fuzz.py\"");
            if known.contains(&&*name) || from_program {
                Ok(false)
            } else {
                Err(format!("ended in {name}"))
            }
        }
    }
}

/// Runs `f` on a thread with room for the interpreter's recursion (as lesson processes have).
fn on_big_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap();
}

/// `repr` text with `at 0x...` addresses blanked (a copy lives elsewhere).
fn without_addresses(r: &str) -> String {
    r.split(" at 0x")
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                part.to_string()
            } else {
                part.trim_start_matches(|c: char| c.is_ascii_hexdigit())
                    .to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" at 0x?")
}

#[test]
fn encoded_values_come_back_equal() {
    on_big_stack(|| {
        let mut it = interpreter();
        let seeds = it.globals.borrow().get("SEEDS").cloned();
        let Some(Value::List(l)) = &seeds else {
            panic!("SEEDS is a list");
        };
        let values = l.borrow().clone();
        for v in &values {
            let frame = wire::dumps(&mut it, v).unwrap();
            let back = wire::loads(&mut it, &frame).unwrap();
            assert_eq!(
                without_addresses(&it.repr(v).unwrap()),
                without_addresses(&it.repr(&back).unwrap())
            );
        }
    });
}

#[test]
fn the_hostile_deep_frame_is_an_unpickling_error() {
    on_big_stack(|| {
        let mut it = interpreter();
        let mut frame = wire::MAGIC.to_vec();
        for _ in 0..3_000_000 {
            frame.extend_from_slice(b"l\x01\x00\x00\x00");
        }
        frame.push(b'N');
        let e = wire::loads(&mut it, &frame).unwrap_err();
        assert_eq!(&*e.class_name(), "UnpicklingError");
        assert!(
            it.format_exception(&e)
                .contains("maximum recursion depth exceeded while unpickling an object")
        );
        // As deep as the encoder goes still decodes.
        let mut ok = wire::MAGIC.to_vec();
        for _ in 0..500 {
            ok.extend_from_slice(b"l\x01\x00\x00\x00");
        }
        ok.push(b'N');
        assert!(wire::loads(&mut it, &ok).is_ok());
    });
}

#[test]
fn malformed_frames_say_what_cpython_says() {
    on_big_stack(|| {
        let mut it = interpreter();
        let cases: &[(&[u8], &str)] = &[
            (b"", "EOFError: Ran out of input"),
            (b"\x01abc", "UnpicklingError: invalid load key, '\\x01'."),
            (b"\x80FY1", "UnpicklingError: pickle data was truncated"),
            (b"\x80FY1i\x01\x02", "UnpicklingError: pickle data was truncated"),
            (
                b"\x80FY1s\xff\xff\xff\xffab",
                "UnpicklingError: pickle data was truncated",
            ),
            (
                b"\x80FY1l\xff\xff\xff\xffNN",
                "UnpicklingError: pickle data was truncated",
            ),
            (b"\x80FY1q", "UnpicklingError: invalid load key, 'q'."),
            (
                b"\x80FY1OG\x03\x00\x00\x00int\x00\x00\x00\x00",
                "UnpicklingError: bad object class in pickle data",
            ),
            (
                b"\x80FY1r\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00",
                "UnpicklingError: bad range in pickle data",
            ),
        ];
        for (frame, want) in cases {
            let e = wire::loads(&mut it, frame).unwrap_err();
            let text = it.format_exception(&e);
            assert!(text.trim_end().ends_with(want), "{frame:?}: {text}");
        }
    });
}

#[test]
fn mutated_and_random_frames_end_in_a_value_or_a_python_error() {
    let cases: usize = std::env::var("FORKYARD_WIRE_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_000);
    on_big_stack(move || {
        let mut it = interpreter();
        let seeds = seeds(&mut it);
        let mut failures = Vec::new();
        let (mut values, mut errors) = (0usize, 0usize);
        let started = std::time::Instant::now();
        for case in 0..cases {
            let mut r = Rng::new(case as u64 + 1);
            let frame = if case % 5 == 4 {
                random_frame(&mut r)
            } else {
                mutate(&seeds[case % seeds.len()], &mut r)
            };
            let t = std::time::Instant::now();
            match check(&mut it, &frame) {
                Ok(true) => values += 1,
                Ok(false) => errors += 1,
                Err(why) => failures.push(format!("case {case}: {why}; frame {frame:?}")),
            }
            if t.elapsed().as_secs() > 5 {
                failures.push(format!("case {case}: took {:?} (a hang)", t.elapsed()));
            }
        }
        println!(
            "wire fuzz: {cases} frames in {:.1?}: {values} decoded, {errors} Python errors, {} panics or foreign errors",
            started.elapsed(),
            failures.len()
        );
        assert!(
            failures.is_empty(),
            "{} bad frames; the first: {}",
            failures.len(),
            failures[0]
        );
    });
}

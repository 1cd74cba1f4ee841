//! Values nested as deep as a program cares to make them (a list in a list 200 000 times, a
//! linked list of instances, closures inside closures), run headless through the real binary:
//! freeing them never recurses as deep as they are (`src/python/value_drop.rs`, CPython's
//! trashcan), on the interpreter's stack, on a generator's small one, in a forked child; and the
//! walks that do recurse (`repr`, `==`, pickling, `copy.deepcopy`) end in CPython's
//! RecursionError, never in a crash. The cases where CPython's output is fixed are in the
//! conformance corpus too (`tests/corpus/mem01_deep_structures.py`).

mod run_support;

use run_support::{program, run_to_end};

/// Runs `source`; returns (exit code, stdout, stderr). A crash (a signal, a panic, an overflow)
/// fails the test whatever the program printed.
fn run(name: &str, source: &str) -> (i32, String, String) {
    let path = program(name, source);
    let (code, stdout, stderr) = run_to_end(&path, &["--format", "plain", "--timeout", "120"]);
    for bad in [
        "internal error",
        "panicked",
        "overflowed its stack",
        "SIGSEGV",
    ] {
        assert!(
            !stderr.contains(bad),
            "{name}: {bad:?} on stderr\n--- stdout ---\n{stdout}\n--- stderr ---\n{stderr}"
        );
    }
    (code, stdout, stderr)
}

/// Builders of deep values, shared by the programs below.
const BUILDERS: &str = r#"
def chain(n, kind):
    x = kind()
    for _ in range(n):
        x = [x] if kind is list else (x,)
    return x

def dicts(n):
    d = {}
    for _ in range(n):
        d = {"inner": d}
    return d

class Node:
    pass

def linked(n):
    head = None
    for i in range(n):
        node = Node()
        node.next = head
        head = node
    return head

def closures(n):
    f = lambda: 0
    for _ in range(n):
        f = (lambda g: lambda: g)(f)
    return f

def instances_in_dicts(n):
    x = None
    for _ in range(n):
        o = Node()
        o.__dict__["held"] = [x]
        x = o
    return x
"#;

#[test]
fn a_200_000_deep_list_freed_inside_a_generator_ends_normally() {
    // The issue's own case: this ended the process by SIGSEGV.
    let (code, out, err) = run(
        "generator_list.py",
        &format!(
            "{BUILDERS}\n{}",
            r#"
def g():
    x = chain(200000, list)
    yield "built"
    del x
    yield "freed"

print(list(g()))
"#
        ),
    );
    assert_eq!((code, out.as_str()), (0, "['built', 'freed']\n"), "{err}");
}

#[test]
fn every_shape_is_freed_inside_a_generator() {
    let (code, out, err) = run(
        "generator_shapes.py",
        &format!(
            "{BUILDERS}\n{}",
            r#"
def g():
    for name, make in [("tuple", lambda: chain(200000, tuple)), ("dict", lambda: dicts(100000)),
                       ("linked", lambda: linked(100000)), ("closure", lambda: closures(100000)),
                       ("__dict__", lambda: instances_in_dicts(100000))]:
        x = make()
        x = None
        yield name

print(" ".join(g()))
"#
        ),
    );
    assert_eq!(
        (code, out.as_str()),
        (0, "tuple dict linked closure __dict__\n"),
        "{err}"
    );
}

#[test]
fn a_two_million_deep_list_is_freed_on_the_interpreters_own_stack() {
    let (code, out, err) = run(
        "main_list.py",
        &format!(
            "{BUILDERS}\n{}",
            r#"
x = chain(2000000, list)
x = None
print("freed")
"#
        ),
    );
    assert_eq!((code, out.as_str()), (0, "freed\n"), "{err}");
}

#[test]
fn a_forked_child_frees_a_deep_list_inside_a_generator() {
    let (code, out, err) = run(
        "child_list.py",
        &format!(
            "{BUILDERS}\n{}",
            r#"
import multiprocessing

def work():
    def g():
        x = chain(200000, list)
        yield 1
        x = None
        yield 2
    print("child", sum(g()))

if __name__ == "__main__":
    p = multiprocessing.Process(target=work)
    p.start()
    p.join()
    print("exitcode", p.exitcode)
"#
        ),
    );
    assert_eq!((code, out.as_str()), (0, "child 3\nexitcode 0\n"), "{err}");
}

#[test]
fn walks_of_deep_values_raise_recursion_error_inside_a_generator() {
    // Each walk as CPython 3.11 ends it: repr, str and == give RecursionError with CPython's
    // words, a deep tuple hashes (CPython's tuplehash does not count depth), pickling for a Pipe
    // fails in `send`, and copy.deepcopy recurses in Python until the limit.
    let (code, out, err) = run(
        "generator_walks.py",
        &format!(
            "{BUILDERS}\n{}",
            r#"
import copy, multiprocessing

def attempt(label, f):
    try:
        return label + " -> " + type(f()).__name__
    except RecursionError as e:
        return label + " -> RecursionError: " + str(e)

def g():
    a, b, t = chain(100000, list), chain(100000, list), chain(100000, tuple)
    yield attempt("repr", lambda: repr(a))
    yield attempt("str", lambda: str(t))
    yield attempt("==", lambda: a == b)
    yield attempt("hash", lambda: hash(t))
    yield attempt("key", lambda: {t: 1}[t])
    left, right = multiprocessing.Pipe()
    yield attempt("send", lambda: left.send(a))
    yield attempt("deepcopy", lambda: copy.deepcopy(a)).split(":")[0]

for line in g():
    print(line)
"#
        ),
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "repr -> RecursionError: maximum recursion depth exceeded while getting the repr of an object\n\
         str -> RecursionError: maximum recursion depth exceeded while getting the repr of an object\n\
         == -> RecursionError: maximum recursion depth exceeded in comparison\n\
         hash -> int\n\
         key -> int\n\
         send -> RecursionError: maximum recursion depth exceeded while pickling an object\n\
         deepcopy -> RecursionError\n"
    );
}

#[test]
fn a_deep_value_put_on_a_queue_fails_in_the_feeder_as_in_cpython() {
    // CPython's put returns; its feeder thread cannot pickle the value, prints the traceback, and
    // nothing arrives.
    let (code, out, err) = run(
        "queue_put.py",
        &format!(
            "{BUILDERS}\n{}",
            r#"
import multiprocessing, queue

q = multiprocessing.Queue()
q.put(chain(100000, list))
print("put returned")
try:
    q.get(timeout=0.3)
except queue.Empty:
    print("nothing arrived")
"#
        ),
    );
    assert_eq!(
        (code, out.as_str()),
        (0, "put returned\nnothing arrived\n"),
        "{err}"
    );
    assert!(
        err.contains("RecursionError: maximum recursion depth exceeded while pickling an object"),
        "{err}"
    );
}

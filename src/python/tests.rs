//! Language tests: programs run in-process (no fork, no observer) with output captured.

use crate::runtime::capture::capture;

/// Run a single-process program; returns (exit code, stdout, stderr).
pub(crate) fn run(src: &str) -> (i32, String, String) {
    let (code, got) = capture(|| super::run_main(src, "main.py"));
    (code, got.stdout, got.stderr)
}

/// Run a single-process program that must succeed; returns its stdout. The other modules' unit
/// tests call this one too.
pub(crate) fn out(src: &str) -> String {
    let (code, stdout, stderr) = run(src);
    assert_eq!(code, 0, "program failed:\n{stderr}");
    stdout
}

#[test]
fn arithmetic_follows_cpython() {
    assert_eq!(
        out("print(7 // 2, -7 // 2, 7 % -3, -7 % 3, 7 / 2, 2 ** 10, 2 ** -1)"),
        "3 -4 -2 2 3.5 1024 0.5\n"
    );
    assert_eq!(
        out("print(0.1 + 0.2, 1e16, 1/3, round(2.5), round(3.5), divmod(-7, 2))"),
        "0.30000000000000004 1e+16 0.3333333333333333 2 4 (-4, 1)\n"
    );
    assert_eq!(
        out("print(True + 1, 3 == 3.0, 1 < 2 < 3, 1 < 3 < 2)"),
        "2 True True False\n"
    );
}

#[test]
fn strings_and_formatting() {
    assert_eq!(
        out("x = 3.14159\nprint(f'{x:>8.3f}|{x!r}|{1234567:,}|{5:08b}')"),
        "   3.142|3.14159|1,234,567|00000101\n"
    );
    assert_eq!(
        out("print('%s-%d-%.2f-%5s|%-5s|' % ('a', 3, 2.5, 'r', 'l'))"),
        "a-3-2.50-    r|l    |\n"
    );
    assert_eq!(
        out("print('{} {name} {}'.format(1, 2, name='n'), '{1} {0}'.format(1, 2))"),
        "1 n 2 2 1\n"
    );
    assert_eq!(
        out(
            "print(' a b  c '.split(), 'a,b'.split(','), '-'.join(['x', 'y']), 'ab'.center(5, '*'))"
        ),
        "['a', 'b', 'c'] ['a', 'b'] x-y **ab*\n"
    );
    assert_eq!(
        out("print(repr('it\\'s'), repr(\"q\"), str(None))"),
        "\"it's\" 'q' None\n"
    );
    assert_eq!(
        out("x = 5\nprint(f'{x=}', f'{x + 1 = }')"),
        "x=5 x + 1 = 6\n"
    );
}

#[test]
fn collections() {
    assert_eq!(
        out("l = [3, 1, 2]\nl.sort()\nprint(l, sorted('bca', reverse=True), l[::-1], l[1:])"),
        "[1, 2, 3] ['c', 'b', 'a'] [3, 2, 1] [2, 3]\n"
    );
    assert_eq!(
        out("d = {'a': 1}\nd['b'] = 2\nprint(d, list(d.items()), d.get('z', 0), 'a' in d)"),
        "{'a': 1, 'b': 2} [('a', 1), ('b', 2)] 0 True\n"
    );
    assert_eq!(
        out("s = {1, 2} | {3}\nprint(s, len(s), (1,), ())"),
        "{1, 2, 3} 3 (1,) ()\n"
    );
    assert_eq!(
        out("a, *b, c = range(5)\nprint(a, b, c)"),
        "0 [1, 2, 3] 4\n"
    );
    assert_eq!(
        out(
            "print([x * y for x in range(3) for y in range(2) if x], {k: v for k, v in zip('ab', [1, 2])})"
        ),
        "[0, 1, 0, 2] {'a': 1, 'b': 2}\n"
    );
    assert_eq!(
        out("print(sum(x for x in range(5)), max([3, 9, 2], key=lambda v: -v), min(4, 2))"),
        "10 2 2\n"
    );
}

#[test]
fn closures_and_scopes() {
    let src = "\
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
c(); c()
print(c())
x = 10
def g():
    global x
    x = 20
g()
print(x)
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
i = 'outer'
print([i for i in range(2)], i)
";
    assert_eq!(out(src), "3\n20\n[2, 2, 2]\n[0, 1] outer\n");
}

#[test]
fn classes_and_super() {
    let src = "\
class A:
    kind = 'a'
    def __init__(self, x):
        self.x = x
    def who(self):
        return 'A' + str(self.x)
    def __repr__(self):
        return f'A({self.x})'
class B(A):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
    def who(self):
        return 'B/' + super().who()
b = B(1, 2)
print(b.who(), b.kind, b.y, isinstance(b, A), [b])
class P:
    def __init__(self, v): self.v = v
    def __add__(self, o): return P(self.v + o.v)
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
    def __len__(self): return self.v
    def __str__(self): return 'P' + str(self.v)
print(P(1) + P(2), P(1) == P(1), sorted([P(3), P(1)])[0], len(P(4)))
";
    assert_eq!(out(src), "B/A1 a 2 True [A(1)]\nP3 True P1 4\n");
}

#[test]
fn exceptions_and_tracebacks() {
    let src = "\
class MyError(ValueError):
    pass
try:
    raise MyError('bad', 2)
except ValueError as e:
    print(type(e).__name__, e.args, str(e))
try:
    {}['k']
except KeyError as e:
    print('key', e)
finally:
    print('fin')
def f():
    return 1 / 0
f()
";
    let (code, stdout, stderr) = run(src);
    assert_eq!(code, 1);
    assert_eq!(stdout, "MyError ('bad', 2) ('bad', 2)\nkey 'k'\nfin\n");
    assert_eq!(
        stderr,
        "Traceback (most recent call last):\n  File \"main.py\", line 15, in <module>\n    f()\n  File \"main.py\", line 14, in f\n    return 1 / 0\nZeroDivisionError: division by zero\n"
    );
}

#[test]
fn chained_exceptions_print_both() {
    let (_, _, stderr) = run(
        "try:\n    int('x')\nexcept ValueError as e:\n    raise RuntimeError('wrapped') from e\n",
    );
    assert!(
        stderr.contains("ValueError: invalid literal for int() with base 10: 'x'"),
        "{stderr}"
    );
    assert!(
        stderr.contains("The above exception was the direct cause of the following exception:")
    );
    assert!(stderr.ends_with("RuntimeError: wrapped\n"));
}

#[test]
fn argument_errors_use_cpython_words() {
    let (_, _, e) = run("def f(a, b=1): pass\nf()\n");
    assert!(
        e.ends_with("TypeError: f() missing 1 required positional argument: 'a'\n"),
        "{e}"
    );
    let (_, _, e) = run("def f(a): pass\nf(1, 2)\n");
    assert!(
        e.ends_with("TypeError: f() takes 1 positional argument but 2 were given\n"),
        "{e}"
    );
    let (_, _, e) = run("def f(a): pass\nf(b=2)\n");
    assert!(
        e.ends_with("TypeError: f() got an unexpected keyword argument 'b'\n"),
        "{e}"
    );
    let (_, _, e) = run("print(undefined)\n");
    assert!(
        e.ends_with("NameError: name 'undefined' is not defined\n"),
        "{e}"
    );
}

#[test]
fn with_statement_and_context_managers() {
    let src = "\
class CM:
    def __enter__(self):
        print('enter')
        return 42
    def __exit__(self, t, v, tb):
        print('exit', t.__name__ if t else None)
        return True
with CM() as v:
    print(v)
    raise ValueError('swallowed')
print('after')
";
    assert_eq!(out(src), "enter\n42\nexit ValueError\nafter\n");
}

#[test]
fn sys_exit_codes() {
    assert_eq!(run("import sys\nsys.exit(3)\n").0, 3);
    let (code, _, err) = run("import sys\nsys.exit('bye')\n");
    assert_eq!((code, err.as_str()), (1, "bye\n"));
    assert_eq!(run("import sys\nsys.exit()\n").0, 0);
}

#[test]
fn deep_recursion_is_a_recursion_error() {
    let (code, _, err) = run("def f(n):\n    return f(n + 1)\nf(0)\n");
    assert_eq!(code, 1);
    assert!(
        err.ends_with("RecursionError: maximum recursion depth exceeded\n"),
        "{}",
        &err[err.len().saturating_sub(200)..]
    );
}

#[test]
fn unsupported_and_syntax_errors_are_reported_not_panicked() {
    let (code, _, err) = run("x = 1\nfrom . import y\n");
    assert_eq!(code, 1);
    assert!(
        err.contains("not supported by forkyard yet (main.py:2:1)"),
        "{err}"
    );
    let (code, _, err) = run("print 'x'\n");
    assert_eq!(code, 1);
    assert!(err.starts_with("  File \"main.py\", line 1\n"), "{err}");
    assert!(err.contains("SyntaxError"), "{err}");
}

#[test]
fn lesson_programs_cannot_reach_the_machine() {
    for (src, what) in [
        ("open('/etc/passwd')", "not available in forkyard"),
        ("import socket", "not available in forkyard"),
        ("import subprocess", "not available in forkyard"),
        ("import os\nos.getenv('HOME')", "not available in forkyard"),
        ("import os\nos.system('ls')", "not available in forkyard"),
    ] {
        let (code, _, err) = run(src);
        assert_eq!(code, 1, "{src}");
        assert!(err.contains(what), "{src}: {err}");
    }
}

#[test]
fn deep_nesting_ends_in_python_errors_not_a_crash() {
    let src = format!("x = {}1\n", "-".repeat(100_000));
    let (code, _, err) = run(&src);
    assert_eq!(code, 1);
    assert!(
        err.ends_with("RecursionError: maximum recursion depth exceeded during compilation\n"),
        "{err}"
    );
    let (code, _, err) = run("x = []\nfor i in range(100000):\n    x = [x]\nprint(len(repr(x)))\n");
    assert_eq!(code, 1);
    assert!(
        err.ends_with(
            "RecursionError: maximum recursion depth exceeded while getting the repr of an object\n"
        ),
        "{err}"
    );
    // Dropping deeply nested data mid-program must not overflow the stack either.
    assert_eq!(
        out("x = []\nfor i in range(200000):\n    x = [x]\nx = None\nprint('dropped')\n"),
        "dropped\n"
    );
    let mut deep_blocks = String::new();
    for i in 0..120 {
        deep_blocks.push_str(&format!("{}if True:\n", "    ".repeat(i)));
    }
    deep_blocks.push_str(&format!("{}pass\n", "    ".repeat(120)));
    let (code, _, err) = run(&deep_blocks);
    assert_eq!(code, 1);
    assert!(
        err.ends_with("IndentationError: too many levels of indentation\n"),
        "{err}"
    );
}

#[test]
fn iter_with_a_sentinel_calls_lazily_and_os_errors_print_errno() {
    let src = "\
items = [1, 2, None, 3]
calls = []
def take():
    calls.append(1)
    return items.pop(0)
for x in iter(take, None):
    print(x, len(calls))
print(OSError(32, 'Broken pipe'))
";
    assert_eq!(out(src), "1 1\n2 2\n[Errno 32] Broken pipe\n");
}

#[test]
fn generators_suspend_resume_and_return_a_value() {
    let src = "\
def count(n):
    i = 0
    while i < n:
        got = yield i
        if got is not None:
            print('got', got)
        i += 1
    return 'done'
g = count(3)
print(next(g), g.send('x'), next(g))
try:
    next(g)
except StopIteration as e:
    print('stop', e.value)
print(list(count(4)), next(g, 'default'))
";
    assert_eq!(out(src), "got x\n0 1 2\nstop done\n[0, 1, 2, 3] default\n");
}

#[test]
fn generator_expressions_are_lazy_and_see_their_closure() {
    let src = "\
def scaled(k):
    return (x * k for x in range(4))
g = scaled(10)
print(next(g), list(g), sum(x for x in range(5)))
seen = []
def item(x):
    seen.append(x)
    return x
h = (item(x) for x in range(3))
print(len(seen), next(h), len(seen))
print(any(x > 1 for x in [0, 1, 2]), ''.join(str(x) for x in (1, 2)))
";
    assert_eq!(out(src), "0 [10, 20, 30] 10\n0 0 1\nTrue 12\n");
}

#[test]
fn close_and_dropping_run_finally_and_pep479_applies() {
    let src = "\
def fin(tag):
    try:
        yield 1
        yield 2
    finally:
        print('finally', tag)
a = fin('a')
next(a)
a.close()
b = fin('b')
next(b)
b = None
print('after b')
for v in fin('c'):
    break
print('after c')
def bad():
    yield 1
    raise StopIteration
try:
    list(bad())
except RuntimeError as e:
    print(e, type(e.__cause__).__name__)
";
    assert_eq!(
        out(src),
        "finally a\nfinally b\nafter b\nfinally c\nafter c\ngenerator raised StopIteration StopIteration\n"
    );
}

#[test]
fn yield_from_delegates_send_throw_and_takes_the_return_value() {
    let src = "\
def inner():
    try:
        a = yield 1
    except KeyError:
        a = 'thrown'
    b = yield a
    return b * 2
def outer():
    r = yield from inner()
    yield ('r', r)
o = outer()
print(next(o), o.throw(KeyError), o.send(21))
";
    assert_eq!(out(src), "1 thrown ('r', 42)\n");
}

#[test]
fn a_running_generator_cannot_be_resumed_and_recursion_inside_is_a_recursion_error() {
    let src = "\
def me():
    next(gen)
    yield
gen = me()
try:
    next(gen)
except ValueError as e:
    print(e)
def f(n):
    return f(n + 1)
def g():
    yield f(0)
try:
    next(g())
except RecursionError as e:
    print('RecursionError', e)
";
    assert_eq!(
        out(src),
        "generator already executing\nRecursionError maximum recursion depth exceeded\n"
    );
}

#[test]
fn thousands_of_suspended_generators_each_keep_their_place() {
    let src = "\
def g(i):
    yield i
    yield i + 1
gens = []
for i in range(3000):
    x = g(i)
    next(x)
    gens.append(x)
print(len(gens), sum(next(x) for x in gens))
";
    assert_eq!(out(src), "3000 4501500\n");
}

#[test]
fn a_bound_method_called_through_a_name_passes_self_once() {
    // A parameter with a default and `*args` take the call's own arguments, not the instance.
    assert_eq!(
        out(
            "class D:\n    def f(self, x=None, /, *a, **k):\n        print(x, a, k)\nm = D().f\nm(5)\nm(5, 6, k=1)"
        ),
        "5 () {}\n5 (6,) {'k': 1}\n"
    );
    assert_eq!(
        out(
            "class B:\n    def __init__(self, f=None, *a):\n        print(f, a)\nclass C(B):\n    def __init__(self):\n        super().__init__(list)\nC()"
        ),
        "<class 'list'> ()\n"
    );
}

#[test]
fn a_failing_set_name_is_a_runtime_error_caused_by_it() {
    let src = "class Name:\n    def __set_name__(self, owner, name):\n        raise ValueError('no ' + name)\n\
               try:\n    class K:\n        a = Name()\nexcept RuntimeError as e:\n    print(e, '|', repr(e.__cause__))";
    assert_eq!(
        out(src),
        "Error calling __set_name__ on 'Name' instance 'a' in 'K' | ValueError('no a')\n"
    );
}

#[test]
fn datetime_strptime_parses_and_says_what_did_not_match() {
    let src = "import datetime, time\n\
               print(datetime.datetime.strptime('2024-05-06 07:08', '%Y-%m-%d %H:%M'))\n\
               print(time.strptime('Mon Jan  2 03:04:05 2023')[:7])\n\
               try:\n    datetime.datetime.strptime('2024-05-06x', '%Y-%m-%d')\n\
               except ValueError as e:\n    print(e)\n";
    assert_eq!(
        out(src),
        "2024-05-06 07:08:00\n(2023, 1, 2, 3, 4, 5, 0)\nunconverted data remains: x\n"
    );
}

#[test]
fn thread_pools_are_refused_with_the_reason_and_the_way_out() {
    let (code, _, err) = run("from multiprocessing.pool import ThreadPool\nThreadPool(2)\n");
    assert_eq!(code, 1);
    assert!(
        err.contains(
            "NotImplementedError: ThreadPool is not available in forkyard: its workers are threads"
        ) && err.contains("(use Pool: its workers are processes)"),
        "{err}"
    );
    let (code, _, err) = run("from multiprocessing.dummy import Pool\n");
    assert_eq!(code, 1);
    assert!(
        err.contains(
            "ModuleNotFoundError: module 'multiprocessing.dummy' is not available in forkyard"
        ) && err.contains("line 1"),
        "{err}"
    );
}

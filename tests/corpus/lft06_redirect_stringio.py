# io.StringIO, and contextlib.redirect_stdout / redirect_stderr into one.
import io
import sys
from contextlib import redirect_stdout, redirect_stderr, suppress, ExitStack, nullcontext

buf = io.StringIO()
with redirect_stdout(buf) as target:
    print("hello")
    print("a", 1, sep="-", end="!\n")
    print(target is buf)
print(repr(buf.getvalue()))

err = io.StringIO()
with redirect_stderr(err):
    print("to stderr", file=sys.stderr)
    sys.stderr.write("written\n")
print(repr(err.getvalue()))

outer, inner = io.StringIO(), io.StringIO()
with redirect_stdout(outer):
    print("outer 1")
    with redirect_stdout(inner):
        print("inner")
    print("outer 2")
print(repr(outer.getvalue()), repr(inner.getvalue()))
print(sys.stdout is sys.__stdout__ if hasattr(sys, '__stdout__') else True)

log = io.StringIO()
print("direct", 42, file=log)
print(repr(log.getvalue()))


class Recorder:
    def __init__(self):
        self.calls = []

    def write(self, s):
        self.calls.append(s)
        return len(s)


r = Recorder()
print("x", "y", file=r)
print(r.calls)

s = io.StringIO("first\nsecond\nthird")
print(repr(s.readline()), repr(s.read(3)), s.tell())
print(s.readlines())
s.seek(0)
print([line.rstrip() for line in s])
s = io.StringIO()
print(s.write("abc"), s.write("def"), s.getvalue(), s.tell())
s.seek(1)
s.write("Z")
print(s.getvalue())
print(s.truncate(2), repr(s.getvalue()))
with io.StringIO("ctx") as f:
    print(f.read(), f.closed)
print(f.closed)
try:
    f.read()
except ValueError as e:
    print(e)
try:
    io.StringIO().write(5)
except TypeError as e:
    print(e)
try:
    io.StringIO(b"x")
except TypeError as e:
    print(e)
b = io.BytesIO(b"ab")
print(b.read(), b.write(b"cd"), b.getvalue())

with suppress(KeyError, IndexError):
    [][1]
print("suppressed")
with ExitStack() as stack:
    stack.callback(print, "callback ran")
    v = stack.enter_context(nullcontext(5))
    print("inside", v)
with nullcontext() as nothing:
    print(nothing)
try:
    print("x", file=5)
except AttributeError as e:
    print(e)

# traceback's stack functions: extract_stack, format_stack, print_stack, walk_stack,
# StackSummary and FrameSummary.
import io
import sys
import traceback


def inner():
    stack = traceback.extract_stack()
    print(type(stack).__name__, isinstance(stack, list))
    for fs in stack:
        print(fs.name, fs.lineno, repr(fs.line), len(fs))
    text = "".join(traceback.format_stack(limit=2)).replace(__file__, "PROG")
    print(text, end="")
    buf = io.StringIO()
    traceback.print_stack(limit=1, file=buf)
    print(buf.getvalue().replace(__file__, "PROG"), end="")
    names = [f.f_code.co_name for f, _ in traceback.walk_stack(sys._getframe())]
    print(names)
    return stack[-1]


def outer():
    return inner()


last = outer()
print(repr(last).replace(__file__, "PROG"))
print(last == (last.filename, last.lineno, last.name, last.line), last[2], list(last)[1:])
fs = traceback.FrameSummary("made.py", 3, "f", line="x = 1")
print(fs.line, repr(fs), fs.locals)
s = traceback.StackSummary.from_list([("a.py", 1, "f", "pass"), fs])
print(s.format())
print(traceback.format_list([("a.py", 1, "g", "return 2")]))
summ = traceback.StackSummary.extract(traceback.walk_stack(sys._getframe()), capture_locals=True)
print(len(summ), summ[0].name, "__name__" in summ[0].locals)


def recurse(n):
    if n == 0:
        return traceback.format_stack()
    return recurse(n - 1)


print("".join(recurse(6)[-5:]).replace(__file__, "PROG"), end="")
print(traceback.extract_stack(sys._getframe(), limit=-1)[0].name)

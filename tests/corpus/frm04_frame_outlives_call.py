# A frame object kept after its call returned reports what CPython's does: its last line, its
# locals as they were, the frame that called it.
import sys


def make(n):
    total = 0
    for i in range(n):
        total += i
    here = sys._getframe()
    total += 1
    return here


def middle():
    inner = make(4)
    return inner


f = middle()
print(f.f_code.co_name, f.f_lineno)
print(sorted((k, v) for k, v in f.f_locals.items() if k != "here"))
print(f.f_back.f_code.co_name, f.f_back.f_lineno)
print(sorted(f.f_back.f_locals))
print(f.f_back.f_back.f_code.co_name)
g = make(2)
print(g is f, g.f_locals["total"], f.f_locals["total"])
r = repr(f)
print(r.startswith("<frame at 0x"), r.endswith(", line 12, code make>"))


def keeps_going():
    me = sys._getframe()
    frames = [me]
    for k in range(3):
        frames.append(k)
    return me, me.f_lineno


fr, line_then = keeps_going()
print(line_then, fr.f_lineno, fr.f_locals["frames"][1:])

# f_lineno is the line running now (an outer frame's is the line of its call); f_locals is a
# snapshot of the variables bound so far; f_globals is the module's namespace.
import sys

limit = 10


def step():
    f = sys._getframe()
    first = f.f_lineno
    a = 1
    second = f.f_lineno
    print("lines", first, second, f.f_back.f_lineno)
    print("locals", sorted(f.f_locals))
    b = 2
    print("later", sorted(f.f_locals), f.f_locals["a"] + f.f_locals["b"])
    snap = f.f_locals
    snap["a"] = 100
    print("a is still", a)
    print("globals", f.f_globals["limit"], f.f_globals["__name__"], "step" in f.f_globals)
    print("builtins", "len" in f.f_builtins, f.f_builtins["len"] is len)


step()


def caller():
    x = "mine"
    return callee()


def callee():
    up = sys._getframe(1)
    return up.f_code.co_name, up.f_lineno, up.f_locals


print(caller())
print(sys._getframe().f_lineno)
print(sorted(k for k in sys._getframe().f_locals if k in ("limit", "step", "caller")))
r = repr(sys._getframe())
print(r.startswith("<frame at 0x"), r.endswith(", line 44, code <module>>"))

# A generator's frame object (gi_frame, cr_frame, ag_frame): the line it stands at (its def line
# before it starts), its code, its variables as they are while it is suspended, its globals; None
# once it has finished, while a frame object kept from before still says its last line.
def gen(a, b=2):
    x = a + b
    yield x
    y = x * 2
    yield y

g = gen(1)
f = g.gi_frame
print(type(f).__name__, f.f_lineno, f.f_code.co_name, f.f_locals, f.f_back, g.gi_frame is f)
print(f.f_globals["__name__"], "gen" in f.f_globals)
next(g)
print(f.f_lineno, f.f_locals)
next(g)
print(f.f_lineno, sorted(f.f_locals.items()))
print(next(g, "end"), g.gi_frame, f.f_lineno)

e = (i * i for i in range(3))
print(e.gi_frame.f_lineno, e.gi_frame.f_code.co_name)
next(e)
print(e.gi_frame.f_lineno, e.gi_frame.f_locals["i"])

def me():
    yield me_g.gi_frame.f_lineno

me_g = me()
print(next(me_g))

async def co():
    return 1

c = co()
print(c.cr_frame.f_lineno, c.cr_frame.f_code.co_name)
c.close()
print(c.cr_frame)

async def ag():
    yield 1

a = ag()
print(a.ag_frame.f_lineno, a.ag_frame.f_code.co_name)
print(repr(f).startswith("<frame at 0x"), repr(f).endswith(", line 8, code gen>"))

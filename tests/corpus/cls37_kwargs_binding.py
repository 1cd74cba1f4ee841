# Argument binding edge cases with CPython's messages.
def f(a, b, /, c, *, d):
    return (a, b, c, d)

def attempt(label, thunk):
    try:
        print(label, thunk())
    except TypeError as e:
        print(label, "TypeError:", e)

attempt("ok", lambda: f(1, 2, 3, d=4))
attempt("posonly as kw", lambda: f(1, b=2, c=3, d=4))
attempt("kwonly positional", lambda: f(1, 2, 3, 4))
attempt("missing kwonly", lambda: f(1, 2, 3))
attempt("unexpected", lambda: f(1, 2, 3, d=4, e=5))
def g(*args, **kwargs):
    return args, kwargs
attempt("g", lambda: g(1, *[2, 3], x=1, **{'y': 2}))
attempt("g dup", lambda: g(x=1, **{'x': 2}))
attempt("g posonly names in kwargs", lambda: (lambda a, /, **kw: (a, kw))(1, a=2))

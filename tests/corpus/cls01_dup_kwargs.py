# Duplicate keyword arguments are an error, never "the last one wins".
def f(a, sep=0, **kw):
    return (a, sep, kw)

def attempt(label, thunk):
    try:
        print(label, thunk())
    except TypeError as e:
        print(label, "TypeError:", e)

attempt("sep twice", lambda: f(1, sep=2, **{'sep': 3}))
attempt("a twice", lambda: f(1, a=2))
attempt("kw twice", lambda: f(1, x=1, **{'x': 2}))
attempt("two dicts", lambda: f(1, **{'y': 1}, **{'y': 2}))
attempt("dict()", lambda: dict(a=1, **{'a': 2}))
attempt("print", lambda: print(**{'sep': 1}, sep=2))
attempt("ok", lambda: f(1, **{'sep': 5, 'z': 6}))
attempt("not a mapping", lambda: f(1, **[1, 2]))
attempt("not str keys", lambda: f(1, **{1: 2}))
attempt("method", lambda: "a{x}".format(x=1, **{'x': 2}))

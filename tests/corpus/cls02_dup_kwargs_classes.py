# Duplicate keywords through a class call and a bound method.
class C:
    def __init__(self, a, b=2):
        self.a, self.b = a, b
    def m(self, x, y=0):
        return x + y

def attempt(label, thunk):
    try:
        print(label, thunk())
    except TypeError as e:
        print(label, "TypeError:", e)

attempt("init", lambda: C(1, a=2))
attempt("init kw", lambda: C(1, b=2, **{'b': 3}))
c = C(1)
attempt("method", lambda: c.m(1, x=2))
attempt("method kw", lambda: c.m(1, y=2, **{'y': 3}))
attempt("self", lambda: C.m(c, self=c))
attempt("ok", lambda: c.m(**{'x': 3, 'y': 4}))

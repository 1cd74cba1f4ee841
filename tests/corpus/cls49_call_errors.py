# Calling methods and constructors wrongly: CPython's messages.
class C:
    def __init__(self, a):
        self.a = a
    def m(self, x):
        return x
    @staticmethod
    def s():
        return "s"

def attempt(label, thunk):
    try:
        print(label, thunk())
    except TypeError as e:
        print(label, "TypeError:", e)

attempt("no args", lambda: C())
attempt("too many", lambda: C(1, 2))
attempt("unbound", lambda: C.m(5))
attempt("method extra", lambda: C(1).m(1, 2))
attempt("static extra", lambda: C.s(1))
attempt("kw", lambda: C(b=1))
attempt("object()", lambda: object(1))
class Plain:
    pass
attempt("Plain(1)", lambda: Plain(1))
attempt("ok", lambda: C(a=3).a)

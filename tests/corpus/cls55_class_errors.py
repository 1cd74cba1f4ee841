# Errors while making classes: MRO conflicts, bad bases, __init__ returning a value.
def attempt(label, thunk):
    try:
        print(label, thunk())
    except TypeError as e:
        print(label, "TypeError:", e)

class A:
    pass
class B(A):
    pass

def mro_conflict():
    class C(A, B):
        pass
attempt("mro", mro_conflict)

def bad_base():
    class D(A, "text"):
        pass
attempt("base", bad_base)

class R:
    def __init__(self):
        return 5
attempt("init returns", lambda: R())

def dup_base():
    class E(A, A):
        pass
attempt("duplicate base", dup_base)
attempt("object setattr", lambda: object.__setattr__(1, "a", 2))

# Pool.apply/apply_async send args and kwds as given: the worker's func(*args, **kwds) refuses
# what is not an iterable or a mapping (None included), in CPython's words naming the function,
# and get() raises it; a str or a set is an iterable of arguments.
import multiprocessing as mp

def t(name, f):
    try:
        r = f()
        print(name, "->", repr(r))
    except Exception as e:
        print(name, "!!", type(e).__name__, e)

def ident(x=0):
    return x

class K:
    def m(self, x=1):
        return x

if __name__ == "__main__":
    with mp.Pool(1) as p:
        t("args=5", lambda: p.apply(ident, 5))
        t("args=None", lambda: p.apply(ident, None))
        t("args='a'", lambda: p.apply(ident, "a"))
        t("args={1}", lambda: p.apply(ident, {1}))
        t("kwds=5", lambda: p.apply(ident, (), 5))
        t("kwds=None", lambda: p.apply(ident, (), None))
        t("kwds=[]", lambda: p.apply(ident, (), []))
        t("builtin args=5", lambda: p.apply(abs, 5))
        t("builtin kwds=5", lambda: p.apply(abs, (1,), 5))
        r = p.apply_async(ident, 7)
        r.wait()
        t("async successful", lambda: r.successful())
        t("async get", lambda: r.get())
        t("method args=5", lambda: p.apply(K().m, 5))

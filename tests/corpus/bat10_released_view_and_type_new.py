# A released memoryview refuses its attributes as CPython's does (the class's descriptors stay);
# type.__new__ refuses a first argument that is no type, or a type that is no metaclass.


def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!", type(e).__name__, e)


m = memoryview(b"abcd")
print(m.ndim, m.shape, m.nbytes, m.format)
m.release()
for name in ["obj", "nbytes", "readonly", "itemsize", "format", "ndim", "shape", "strides",
             "suboffsets", "c_contiguous", "f_contiguous", "contiguous"]:
    show(name, lambda: getattr(m, name))
show("hasattr ndim", lambda: hasattr(m, "ndim"))
show("tobytes", lambda: m.tobytes())
show("len", lambda: len(m))
show("release again", lambda: m.release())
show("memoryview.ndim", lambda: memoryview.ndim)
with memoryview(bytearray(b"xy")) as v:
    print(v.tolist(), v.readonly)
show("after with", lambda: v.readonly)


class N:
    pass


class M(type):
    pass


show("type.__new__(N)", lambda: type.__new__(N))
show("type.__new__(N, 'X', (), {})", lambda: type.__new__(N, "X", (), {}))
show("type.__new__()", lambda: type.__new__())
show("type.__new__(5)", lambda: type.__new__(5))
show("type.__new__(M, 'X', (), {})", lambda: type.__new__(M, "X", (), {}))
show("type.__new__(type, 'Y', (), {})", lambda: type.__new__(type, "Y", (), {}).__name__)
show("type.__init__(N)", lambda: type.__init__(N))
show("type.__init__(N, 'N', (), {})", lambda: type.__init__(N, "N", (), {}))
show("type.__call__(5)", lambda: type.__call__(5))
show("type.__call__(N)", lambda: type(type.__call__(N)).__name__)

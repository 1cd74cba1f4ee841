# copy.copy and copy.deepcopy of exceptions: the class called with the args again, then the
# attributes (BaseException.__reduce__); OSError's filenames and a subclass's own __init__ kept.
import copy
class MyErr(ValueError):
    def __init__(self, msg, code=0):
        super().__init__(msg, code)
        self.code = code
for e in (ValueError("x"), KeyError("k"), FileNotFoundError(2, "nf", "f.txt"), MyErr("m", 3), OSError(1, "a")):
    for f in (copy.copy, copy.deepcopy):
        try:
            c = f(e)
            print(type(c).__name__, c.args, repr(c), getattr(c, "code", None), getattr(c, "filename", None), c is e)
        except Exception as x:
            print("ERR", type(x).__name__, x)
e = ValueError("with note"); e.add_note("n"); e.extra = [1]
c = copy.deepcopy(e); print(c.__notes__, c.extra, c.extra is e.extra)

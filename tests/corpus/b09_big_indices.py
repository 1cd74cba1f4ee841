# Big ints where an index or a size is needed: CPython's IndexError or OverflowError, never a wrap.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
l = [1, 2, 3]
def s():
    l[2**100] = 5
def d():
    del l[-(2**100)]
show(s)
show(d)
show(lambda: l.pop(2**100))
show(lambda: l.insert(2**100, 9) or l)
show(lambda: "abc"[2**64])
show(lambda: b"abc"[2**64])
show(lambda: range(5)[2**64])
show(lambda: "x".zfill(2**64))

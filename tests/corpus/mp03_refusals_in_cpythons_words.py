# The queues', shared values' and primitives' refusals and reprs in CPython's words: a Queue's
# maxsize compared before it is used, join_thread before close, an Array's index errors (as
# ctypes words them) and its methods called by name, Value's lock given as 1, Condition over an
# object that is no lock, and Event's repr.
import multiprocessing as mp


def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


def fill(a):
    a.__setitem__(0, 7)
    a.__setitem__(slice(1, 3), [8, 9])
    print("child sees", a.__len__(), a.__getitem__(slice(None)))


if __name__ == "__main__":
    attempt("Queue('a')", lambda: mp.Queue("a"))
    attempt("Queue(None)", lambda: mp.Queue(None))
    attempt("Queue(1.5)", lambda: mp.Queue(1.5))
    attempt("JoinableQueue([])", lambda: mp.JoinableQueue([]))
    attempt("Queue(2 ** 70)", lambda: mp.Queue(2 ** 70))
    q = mp.Queue()
    try:
        q.join_thread()
    except AssertionError as e:
        print("join_thread before close:", str(e).startswith("Queue <multiprocessing.queues.Queue object at 0x"), str(e).endswith(" not closed"))
    q.close()
    q.join_thread()
    print("join_thread after close: fine")

    a = mp.Array("i", 4)
    attempt("a['x']", lambda: a["x"])
    attempt("a[1.0]", lambda: a[1.0])
    attempt("a.__setitem__('x', 1)", lambda: a.__setitem__("x", 1))
    attempt("a.__setitem__(9, 1)", lambda: a.__setitem__(9, 1))
    attempt("a.__setitem__(0, 'no')", lambda: a.__setitem__(0, "no"))
    attempt("a.__setitem__(slice(0, 2), [1])", lambda: a.__setitem__(slice(0, 2), [1]))
    p = mp.Process(target=fill, args=(a,))
    p.start()
    p.join()
    print("parent sees", a[:], len(a))
    s = mp.Array("c", b"abc")
    s.__setitem__(0, b"z")
    print(s.__getitem__(0), s.value)

    v = mp.Value("i", 3, lock=1)
    print(repr(v), type(v.get_lock()).__name__)
    attempt("lock=0", lambda: mp.Value("i", 3, lock=0))
    attempt("lock='x'", lambda: mp.Value("i", 3, lock="x"))

    attempt("Condition(5)", lambda: mp.Condition(5))
    attempt("Condition('lock')", lambda: mp.Condition("lock"))
    c = mp.Condition(0)
    with c:
        print("Condition(0) made its own lock:", c.wait(0.1))

    e = mp.Event()
    r = repr(e)
    print(r[:9], r[-7:])
    e.set()
    print(repr(e)[-5:])
    e.clear()
    print(repr(e)[-7:])

# A Barrier's default timeout that is no number is kept, as CPython's is, and fails in wait()
# where it is added to the clock (the party is counted out, the barrier not broken); the last
# party never waits, so never reads it.
import multiprocessing as mp


def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


if __name__ == "__main__":
    b = mp.Barrier(2, timeout="soon")
    attempt("wait with a str default timeout", lambda: b.wait())
    print("broken", b.broken, "n_waiting", b.n_waiting)
    attempt("wait(0.1) given", lambda: b.wait(0.1))
    print("broken", b.broken)
    one = mp.Barrier(1, timeout=[1])
    attempt("the last party does not wait", lambda: one.wait())
    attempt("Barrier(2, timeout='x').wait('y')", lambda: mp.Barrier(2, timeout="x").wait("y"))
    attempt("Barrier(2, timeout=-1).wait()", lambda: mp.Barrier(2, timeout=-1).wait())

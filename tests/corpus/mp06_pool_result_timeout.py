# AsyncResult.get(timeout) and wait(timeout) hand the timeout to threading.Event.wait, which looks
# at it only while the result is not there: then a timeout that does not compare with 0 is a
# TypeError, once the result is in any timeout is fine. A result not ready by the timeout is
# multiprocessing.TimeoutError.
import multiprocessing as mp
import time


def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


def slow(x):
    time.sleep(0.3)
    return x * 10


if __name__ == "__main__":
    with mp.Pool(1) as pool:
        r = pool.apply_async(slow, (4,))
        attempt("get('soon') while running", lambda: r.get("soon"))
        attempt("wait([1]) while running", lambda: r.wait([1]))
        attempt("get(0.05) while running", lambda: r.get(0.05))
        attempt("ready", lambda: r.ready())
        r.wait()
        attempt("get('soon') once ready", lambda: r.get("soon"))
        attempt("get(1j) once ready", lambda: r.get(1j))
        attempt("wait(None) once ready", lambda: r.wait(None))
        attempt("get(True)", lambda: r.get(True))
        m = pool.map_async(slow, [1, 2])
        attempt("map_async get('x') while running", lambda: m.get("x"))
        attempt("map_async get()", lambda: m.get())

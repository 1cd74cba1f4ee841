# parent_process() seen from a child: its name and pid, is_alive() True while the parent runs
# (CPython waits on its sentinel with no timeout); a child asking about a sibling's object is
# refused. join(timeout) adds the timeout to the clock as CPython's connection.wait does: a bool
# counts as an int, a string is that addition's TypeError.
import multiprocessing as mp
import os
import time


def look(sibling):
    parent = mp.parent_process()
    print("child: parent", parent.name, parent.pid == os.getppid(), parent.is_alive())
    try:
        sibling.is_alive()
    except AssertionError as e:
        print("child: sibling.is_alive:", e)
    print("child: me", mp.current_process().is_alive())


def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


if __name__ == "__main__":
    print("main: parent", mp.parent_process())
    sibling = mp.Process(target=time.sleep, args=(0.2,))
    p = mp.Process(target=look, args=(sibling,))
    p.start()
    p.join()
    print("exitcode", p.exitcode)

    r = mp.Process(target=time.sleep, args=(0.4,))
    r.start()
    attempt("join('x')", lambda: r.join("x"))
    attempt("join([])", lambda: r.join([]))
    t0 = time.time()
    attempt("join(False)", lambda: r.join(False))
    print("still alive", r.is_alive())
    attempt("join(True)", lambda: r.join(True))
    print("ended", r.exitcode, "before the second was up:", time.time() - t0 < 0.9)

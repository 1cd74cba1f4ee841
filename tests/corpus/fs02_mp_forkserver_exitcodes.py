# Exit codes of children forked by the server reach the parent: a normal end, sys.exit(n), an
# uncaught exception (its traceback from the child), terminate() and kill() of the real pid.
import multiprocessing as mp
import sys
import time


def ends(code):
    sys.exit(code)


def fails():
    raise ValueError("bad value in the child")


def sleeps():
    time.sleep(5)


if __name__ == "__main__":
    ctx = mp.get_context("forkserver")
    for code in (0, 3):
        p = ctx.Process(target=ends, args=(code,))
        p.start()
        p.join()
        print("sys.exit", code, "->", p.exitcode)
    p = ctx.Process(target=fails)
    p.start()
    p.join()
    print("exception ->", p.exitcode)
    for how in ("terminate", "kill"):
        p = ctx.Process(target=sleeps)
        print("before start", p.is_alive(), p.exitcode)
        p.start()
        time.sleep(0.3)
        print("alive", p.is_alive(), p.exitcode)
        getattr(p, how)()
        p.join()
        print(how, "->", p.exitcode, p.is_alive(), str(p).split()[-1])
    p.join(0.1)
    print("join again", p.exitcode)

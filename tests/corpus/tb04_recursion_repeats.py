# A traceback that repeats itself is shown as CPython shows it: three entries of a run at the same
# file, line and function, then "[Previous line repeated N more times]" (one more: "time"), in the
# top level's report, in traceback.format_exc/format_tb/print_exc, and where runs alternate (mutual
# recursion: no run, every entry shown); `limit=` of format_exc, format_exception and print_exc.
import sys
import traceback


def kept(text):
    lines = [l for l in text.splitlines() if l.startswith("  File") or "repeated" in l]
    # The script's directory is not the output's business.
    return [l.replace(__file__, "F") for l in lines]


def down(n, stop):
    if n == stop:
        raise KeyError(n)
    down(n + 1, stop)


for stop in (2, 3, 4, 5, 40):
    try:
        down(0, stop)
    except KeyError:
        lines = kept(traceback.format_exc())
        print(stop, len(lines), lines[-1])
        tb = traceback.format_tb(sys.exc_info()[2])
        print(" ", len(tb), tb[-2].strip().replace(__file__, "F") if len(tb) > 1 else "")


def a(n):
    if n == 0:
        raise ValueError("bottom")
    return b(n - 1)


def b(n):
    return a(n)


try:
    a(12)
except ValueError:
    print("mutual", len(kept(traceback.format_exc())))


def r(n):
    return r(n + 1)


try:
    r(0)
except RecursionError:
    print(kept(traceback.format_exc())[-1])
    traceback.print_exc(file=sys.stderr, limit=-4)
    for limit in (0, 1, 2, 5, -1, -3, -5):
        e = sys.exc_info()[1]
        print("limit", limit, kept(traceback.format_exc(limit)), len(traceback.format_exception(e, limit=limit)))


def c(n):
    if n == 30:
        return {}[n]
    return c(n + 1)


c(0)

# _TestPoolWorkerErrors: an error callback runs in the parent; and the rule for workers that
# die: a worker killed from outside (Process.kill(), a SIGKILL), or one whose task calls sys.exit(), is replaced, and its
# task's result never comes.
import multiprocessing
import os
import sys
import time


def raising():
    raise KeyError("key")


pids = multiprocessing.Queue()


def slow_pid(wait):
    pids.put(os.getpid())
    time.sleep(wait)
    return os.getpid()


def exiting():
    sys.exit(3)


def sqr(x):
    return x * x


def unpickleable_result():
    return lambda: 42


if __name__ == "__main__":
    scratchpad = [None]

    def errback(exc):
        scratchpad[0] = exc

    p = multiprocessing.Pool(2)
    res = p.apply_async(raising, error_callback=errback)
    try:
        res.get()
        print("error callback: no error")
    except KeyError:
        print("error callback: KeyError from get")
    print("errback got:", type(scratchpad[0]).__name__, scratchpad[0])
    p.close()
    p.join()

    # test_unpickleable_result: a result that cannot be sent comes back as MaybeEncodingError, and
    # no worker is lost to it.
    from multiprocessing.pool import MaybeEncodingError

    p = multiprocessing.Pool(2)
    seen = []
    for iteration in range(20):
        scratchpad = [None]
        res = p.apply_async(unpickleable_result, error_callback=errback)
        try:
            res.get()
            seen.append("no error")
        except MaybeEncodingError:
            wrapped = scratchpad[0]
            ok = isinstance(wrapped, MaybeEncodingError) and wrapped.exc is not None and wrapped.value is not None
            seen.append("ok" if ok else "bad wrapped")
    print("unpickleable result:", sorted(set(seen)), len(seen))
    print("unpickleable result: workers", len(p._pool))
    p.close()
    p.join()

    # A worker killed by SIGKILL while it runs a task.
    p = multiprocessing.Pool(2)
    before = sorted(w.pid for w in p._pool)
    res = p.apply_async(slow_pid, (2.0,))
    # Kill the worker that runs the task (an idle one may hold the task pipe's read lock: killing
    # it would deadlock the pool, in CPython as in forkyard).
    busy = pids.get()
    print("busy worker is a pool worker:", busy in before)
    for w in p._pool:
        if w.pid == busy:
            w.kill()
    try:
        res.get(timeout=1.5)
        print("killed worker: result came")
    except multiprocessing.TimeoutError:
        print("killed worker: TimeoutError, the result never comes")
    # the pool replaced its workers and still works
    print("after kill, still works:", p.map(sqr, [1, 2, 3]))
    after = sorted(w.pid for w in p._pool)
    print("after kill: workers", len(after), "killed one replaced", busy not in after, len(set(before) & set(after)))
    print("after kill: alive", all(w.is_alive() for w in p._pool))

    # sys.exit() in a task ends its worker; the result never comes either
    res = p.apply_async(exiting)
    try:
        res.get(timeout=1.0)
        print("sys.exit task: result came")
    except multiprocessing.TimeoutError:
        print("sys.exit task: TimeoutError, the result never comes")
    print("after exit, still works:", p.apply(sqr, (7,)))
    print("after exit: workers", len(p._pool))
    p.terminate()
    p.join()
    print("done")

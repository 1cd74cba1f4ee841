# CPython's _TestPool checks that need no timing: apply, map (with chunksize), starmap, the async
# forms, callbacks, empty iterables, imap, imap_unordered, the pool's life cycle and its errors.
import multiprocessing
import multiprocessing.pool
import os
import time


def sqr(x, wait=0.0):
    time.sleep(wait)
    return x * x


def mul(x, y):
    return x * y


class SayWhenError(ValueError):
    pass


class ExceptionThrowingIterator:
    """CPython's exception_throwing_generator(total, when), as an iterator class."""

    def __init__(self, total, when):
        self.i = 0
        self.total = total
        self.when = when

    def __iter__(self):
        return self

    def __next__(self):
        i = self.i
        if i >= self.total:
            raise StopIteration
        if i == self.when or self.when == -1:
            raise SayWhenError("Somebody said when")
        self.i += 1
        return i


def check(name, cond):
    print(f"{name}: {'ok' if cond else 'FAILED'}")


if __name__ == "__main__":
    pool = multiprocessing.Pool(4)

    # test_apply
    check("apply", pool.apply(sqr, (5,)) == sqr(5))
    check("apply kwds", pool.apply(sqr, (), {"x": 3}) == sqr(x=3))

    # test_map
    check("map", pool.map(sqr, list(range(10))) == list(map(sqr, list(range(10)))))
    check("map chunksize", pool.map(sqr, list(range(100)), chunksize=20) == list(map(sqr, list(range(100)))))

    # test_starmap
    tuples = list(zip(range(10), range(9, -1, -1)))
    check("starmap", pool.starmap(mul, tuples) == [x * y for x, y in tuples])
    tuples = list(zip(range(100), range(99, -1, -1)))
    check("starmap chunksize", pool.starmap(mul, tuples, chunksize=6) == [x * y for x, y in tuples])

    # test_starmap_async
    tuples = list(zip(range(100), range(99, -1, -1)))
    check("starmap_async", pool.starmap_async(mul, tuples).get() == [x * y for x, y in tuples])

    # test_map_async
    check("map_async", pool.map_async(sqr, list(range(10))).get() == list(map(sqr, list(range(10)))))

    # test_map_async_callbacks
    call_args = []
    pool.map_async(int, ["1"], callback=call_args.append, error_callback=call_args.append).wait()
    check("map_async callback count", len(call_args) == 1)
    check("map_async callback value", call_args[0] == [1])
    pool.map_async(int, ["a"], callback=call_args.append, error_callback=call_args.append).wait()
    check("map_async error_callback count", len(call_args) == 2)
    check("map_async error_callback value", isinstance(call_args[1], ValueError))

    # test_map_chunksize: an empty list with a chunksize must not stall
    try:
        r = pool.map_async(sqr, [], chunksize=1).get(timeout=5)
        check("map_async empty chunksize", r == [])
    except multiprocessing.TimeoutError:
        check("map_async empty chunksize", False)

    # test_map_handle_iterable_exception
    for chunksize in [1, 2]:
        try:
            pool.map(sqr, ExceptionThrowingIterator(1, -1), chunksize)
            check(f"map iterable raises chunksize {chunksize}", False)
        except SayWhenError:
            check(f"map iterable raises chunksize {chunksize}", True)
    try:
        pool.map(sqr, ExceptionThrowingIterator(10, 3), 1)
        check("map iterable raises at 3", False)
    except SayWhenError:
        check("map iterable raises at 3", True)

    # test_imap
    it = pool.imap(sqr, list(range(10)))
    check("imap order", [next(it) for i in range(10)] == [i * i for i in range(10)])
    try:
        next(it)
        check("imap StopIteration", False)
    except StopIteration:
        check("imap StopIteration", True)
    it = pool.imap(sqr, list(range(1000)), chunksize=100)
    got = [next(it) for i in range(1000)]
    check("imap chunksize", got == [i * i for i in range(1000)])
    try:
        next(it)
        check("imap chunksize StopIteration", False)
    except StopIteration:
        check("imap chunksize StopIteration", True)

    # test_imap_handle_iterable_exception
    it = pool.imap(sqr, ExceptionThrowingIterator(10, 3), 1)
    got = []
    try:
        for i in range(3):
            got.append(next(it))
        next(it)
        check("imap iterable raises", False)
    except SayWhenError:
        check("imap iterable raises", got == [0, 1, 4])

    # test_imap_unordered
    it = pool.imap_unordered(sqr, list(range(10)))
    check("imap_unordered", sorted(it) == list(map(sqr, list(range(10)))))
    it = pool.imap_unordered(sqr, list(range(1000)), chunksize=100)
    check("imap_unordered chunksize", sorted(it) == list(map(sqr, list(range(1000)))))

    # test_imap_unordered_handle_iterable_exception
    it = pool.imap_unordered(sqr, ExceptionThrowingIterator(10, 3), 1)
    expected_values = list(map(sqr, list(range(10))))
    try:
        for i in range(10):
            value = next(it)
            assert value in expected_values
            expected_values.remove(value)
        check("imap_unordered iterable raises", False)
    except SayWhenError:
        check("imap_unordered iterable raises", True)

    # next(timeout) on imap
    it = pool.imap(sqr, [1, 2], 1)
    check("imap next(timeout)", it.next(10) == 1 and it.next(10) == 4)

    # AsyncResult.successful before and after
    r = pool.apply_async(sqr, (2, 0.5))
    try:
        r.successful()
        check("successful not ready", False)
    except ValueError:
        check("successful not ready", True)
    r.wait()
    check("ready", r.ready())
    check("successful", r.successful())

    # builtins and functions by reference as tasks
    check("builtin task", pool.apply(abs, (-3,)) == 3)
    check("os.getpid task", isinstance(pool.apply(os.getpid), int))
    check("time.sleep task", pool.apply(time.sleep, (0.1,)) is None)
    check("worker pid differs", pool.apply(os.getpid) != os.getpid())

    # join of a running pool
    try:
        pool.join()
        check("join running", False)
    except ValueError as e:
        check("join running", str(e) == "Pool is still running")
    pool.close()
    # submitting to a closed pool
    for name, call in [
        ("apply_async", lambda: pool.apply_async(sqr, (1,))),
        ("map", lambda: pool.map(sqr, [1])),
        ("map_async", lambda: pool.map_async(sqr, [1])),
        ("imap", lambda: pool.imap(sqr, [1])),
        ("starmap", lambda: pool.starmap(mul, [(1, 2)])),
    ]:
        try:
            call()
            check(f"{name} on closed", False)
        except ValueError as e:
            check(f"{name} on closed", str(e) == "Pool not running")
    pool.join()

    # test_make_pool
    for n in [-1, 0]:
        try:
            multiprocessing.Pool(n)
            check(f"Pool({n})", False)
        except ValueError as e:
            check(f"Pool({n})", str(e) == "Number of processes must be at least 1")
    p = multiprocessing.Pool(3)
    check("make_pool size", len(p._pool) == 3)
    check("worker names", sorted(w.name for w in p._pool) == sorted(set(w.name for w in p._pool)))
    check("workers daemonic", all(w.daemon for w in p._pool))
    check("workers named ForkPoolWorker", all(w.name.startswith("ForkPoolWorker-") for w in p._pool))
    p.close()
    p.join()

    # test_pool_maxtasksperchild_invalid
    for value in [0, -1, 0.5, "12"]:
        try:
            multiprocessing.Pool(3, maxtasksperchild=value)
            check(f"maxtasksperchild={value!r}", False)
        except (TypeError, ValueError):
            check(f"maxtasksperchild={value!r}", True)

    # test_empty_iterable
    p = multiprocessing.Pool(1)
    check("empty map", p.map(sqr, []) == [])
    check("empty imap", list(p.imap(sqr, [])) == [])
    check("empty imap_unordered", list(p.imap_unordered(sqr, [])) == [])
    check("empty map_async", p.map_async(sqr, []).get() == [])
    check("empty starmap", p.starmap(mul, []) == [])
    p.close()
    p.join()

    # test_context
    L = list(range(10))
    expected = [sqr(i) for i in L]
    with multiprocessing.Pool(2) as p:
        r = p.map_async(sqr, L)
        check("context map_async", r.get() == expected)
    p.join()
    try:
        p.map_async(sqr, L)
        check("context closed", False)
    except ValueError:
        check("context closed", True)

    # test_enter
    pool = multiprocessing.Pool(1)
    with pool:
        pass
    try:
        with pool:
            pass
        check("enter terminated", False)
    except ValueError:
        check("enter terminated", True)
    pool.join()

    # test_async_error_callback (_TestPoolWorkerErrors)
    def errback(exc):
        scratchpad[0] = exc

    def raising():
        raise KeyError("key")

    p = multiprocessing.Pool(2)
    scratchpad = [None]
    res = p.apply_async(raising, error_callback=errback)
    try:
        res.get()
        check("error_callback get raises", False)
    except KeyError:
        check("error_callback get raises", True)
    check("error_callback ran", isinstance(scratchpad[0], KeyError))
    p.close()
    p.join()

    # initializer and initargs
    def init(x):
        global initialized
        initialized = x

    def read_init():
        return initialized

    initialized = None
    p = multiprocessing.Pool(2, initializer=init, initargs=(42,))
    check("initializer value", p.apply(read_init) == 42)
    p.close()
    p.join()
    print("done")

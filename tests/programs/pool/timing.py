# CPython's _TestPool timing checks: test_async, test_async_timeout, test_terminate and
# test_map_no_failfast. Lines starting with "elapsed" carry lesson-time measurements the Rust test
# checks within a tolerance; the other lines must match CPython exactly.
import multiprocessing
import time

TIMEOUT1, TIMEOUT2 = 0.82, 0.35


def sqr(x, wait=0.0):
    time.sleep(wait)
    return x * x


def raise_large_valuerror(wait):
    time.sleep(wait)
    raise ValueError("x" * 1024**2)


def timed(f, *args, **kwds):
    t = time.monotonic()
    try:
        return f(*args, **kwds), None, time.monotonic() - t
    except Exception as e:
        return None, e, time.monotonic() - t


if __name__ == "__main__":
    pool = multiprocessing.Pool(4)

    # test_async
    res = pool.apply_async(sqr, (7, TIMEOUT1))
    value, err, dt = timed(res.get)
    print("async get:", value, err)
    print(f"elapsed async {dt:.3f} expect {TIMEOUT1}")

    # test_async_timeout
    res = pool.apply_async(sqr, (6, TIMEOUT2 + 2.0))
    value, err, dt = timed(res.get, timeout=TIMEOUT2)
    print("async_timeout get:", value, type(err).__name__, isinstance(err, multiprocessing.TimeoutError))
    print(f"elapsed async_timeout {dt:.3f} expect {TIMEOUT2}")
    # wait(timeout) returns None and the result is not ready
    print("wait:", res.wait(0.1), res.ready())
    print("get after all:", res.get())

    # test_terminate
    result = pool.map_async(time.sleep, [0.1 for i in range(10000)], chunksize=1)
    pool.terminate()
    value, err, dt = timed(pool.join)
    print("terminate join:", value, err)
    print(f"elapsed terminate_join {dt:.3f} below 2.0")

    # test_map_no_failfast
    t_start = time.monotonic()
    try:
        with multiprocessing.Pool(2) as p:
            try:
                p.map(raise_large_valuerror, [0, 1])
            finally:
                time.sleep(0.5)
                p.close()
                p.join()
        print("no_failfast: no error")
    except ValueError as e:
        print("no_failfast:", type(e).__name__, len(str(e)))
    print(f"elapsed no_failfast {time.monotonic() - t_start:.3f} above 0.9")
    print("done")

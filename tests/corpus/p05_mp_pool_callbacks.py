# Callbacks run in the parent, once per result; error callbacks get the exception.
import multiprocessing
import time


def slow(x, wait):
    time.sleep(wait)
    if x < 0:
        raise KeyError(x)
    return x + 100


def on_result(value):
    print("callback", value, multiprocessing.current_process().name)


def on_error(exc):
    print("error_callback", type(exc).__name__, exc, multiprocessing.current_process().name)


if __name__ == "__main__":
    pool = multiprocessing.Pool(2)
    a = pool.apply_async(slow, (1, 0.4), callback=on_result, error_callback=on_error)
    b = pool.apply_async(slow, (-2, 0.2), callback=on_result, error_callback=on_error)
    b.wait()
    print("b ready")
    a.wait()
    print("a ready")
    m = pool.map_async(abs, [-1, -2, -3], callback=on_result)
    m.wait()
    e = pool.map_async(int, ["1", "x"], callback=on_result, error_callback=on_error)
    e.wait()
    s = pool.starmap_async(slow, [(5, 0.0)], callback=on_result)
    s.wait()
    pool.close()
    pool.join()
    print("done")

# Pool callbacks run as soon as their results arrive, while the parent sleeps or works, as CPython's result-handler thread runs them.
import multiprocessing as mp
import time


def square(x):
    time.sleep(0.2 * x)
    return x * x


def done(r):
    print("callback got", r, flush=True)


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        t0 = time.time()
        pool.apply_async(square, (1,), callback=done)
        pool.apply_async(square, (2,), callback=done)
        pool.map_async(square, [3], callback=done)
        print("submitted", flush=True)
        time.sleep(1.0)
        print("slept 1 s:", 1.0 <= time.time() - t0 < 1.5, flush=True)
        total = 0
        for i in range(200000):
            total += i
        print("worked", total, flush=True)
        pool.close()
        pool.join()
    print("end")

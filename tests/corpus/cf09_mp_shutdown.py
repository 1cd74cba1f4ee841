# shutdown(): no new calls; wait=True finishes the pending ones and joins the workers;
# cancel_futures=True cancels the calls no worker was handed yet.
import concurrent.futures
import multiprocessing
import time


def nap(seconds):
    time.sleep(seconds)
    return seconds


if __name__ == "__main__":
    ex = concurrent.futures.ProcessPoolExecutor(max_workers=2)
    fs = [ex.submit(nap, 0.2) for _ in range(3)]
    ex.shutdown(wait=True)
    print("after shutdown:", [f.result() for f in fs], len(multiprocessing.active_children()), "workers")
    try:
        ex.submit(nap, 0)
    except RuntimeError as e:
        print("RuntimeError:", e)
    ex.shutdown()
    print("a second shutdown is harmless")

    ex = concurrent.futures.ProcessPoolExecutor(max_workers=1)
    first = ex.submit(nap, 0.4)
    time.sleep(0.2)
    fs = [first] + [ex.submit(nap, 0.1) for _ in range(4)]
    time.sleep(0.1)
    ex.shutdown(wait=True, cancel_futures=True)
    print("states:", [("cancelled" if f.cancelled() else f.result()) for f in fs])

    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as ex:
        f = ex.submit(nap, 0.2)
    print("the with block waited:", f.done(), f.result())
    try:
        ex.submit(nap, 0)
    except RuntimeError as e:
        print("RuntimeError:", e)

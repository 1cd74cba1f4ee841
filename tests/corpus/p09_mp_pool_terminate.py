# terminate() (and leaving a with block) kills the workers now: a running task never finishes.
import multiprocessing
import time


def slow(x):
    time.sleep(0.5)
    print("finished", x)
    return x


if __name__ == "__main__":
    with multiprocessing.Pool(2) as pool:
        r = pool.apply_async(slow, (1,))
        time.sleep(0.2)
        print("leaving the with block")
    print(len(multiprocessing.active_children()))
    pool.join()
    try:
        r.get(timeout=0.3)
    except multiprocessing.TimeoutError:
        print("the result never came")
    pool = multiprocessing.Pool(2)
    r = pool.map_async(slow, range(10))
    time.sleep(0.2)
    pool.terminate()
    pool.join()
    print("terminated", len(multiprocessing.active_children()), r.ready())
    time.sleep(0.5)
    print("done")

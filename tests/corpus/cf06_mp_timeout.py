# result(timeout) and exception(timeout) raise TimeoutError (the builtin, since 3.11) when the call
# is still running; the future stays usable.
import concurrent.futures
import time


def nap(seconds):
    time.sleep(seconds)
    return f"slept {seconds}"


if __name__ == "__main__":
    print(concurrent.futures.TimeoutError is TimeoutError)
    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as ex:
        f = ex.submit(nap, 0.5)
        t0 = time.time()
        try:
            f.result(timeout=0.2)
        except TimeoutError as e:
            print("TimeoutError", repr(e), "after 0.2 s:", 0.2 <= time.time() - t0 < 0.45)
        try:
            f.exception(timeout=0.1)
        except TimeoutError:
            print("still running:", f.running(), f.done())
        print(f.result(timeout=1))
        print(f.result(timeout=0))
        items = ex.map(nap, [0.2, 0.6], timeout=0.4)
        print(next(items))
        try:
            next(items)
        except TimeoutError:
            print("map timed out on its second item")

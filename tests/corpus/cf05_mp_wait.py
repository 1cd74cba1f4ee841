# wait(fs, timeout, return_when) returns DoneAndNotDoneFutures(done, not_done).
import concurrent.futures
from concurrent.futures import wait, FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED
import time


def nap(seconds):
    time.sleep(seconds)
    return seconds


def fail_after(seconds):
    time.sleep(seconds)
    raise RuntimeError("gave up")


def names(fs):
    return sorted((str(f.result()) if f.exception() is None else "failed") for f in fs)


if __name__ == "__main__":
    with concurrent.futures.ProcessPoolExecutor(max_workers=3) as ex:
        # Each wait below ends at least 0.2 s away from any task's end.
        fs = [ex.submit(nap, 0.2), ex.submit(nap, 0.4), ex.submit(nap, 1.0)]
        r = wait(fs, return_when=FIRST_COMPLETED)
        print(type(r).__name__, len(r.done), len(r.not_done))
        done, not_done = wait(fs, timeout=0.4)
        print("after a timeout:", len(done), "done,", len(not_done), "not done")
        done, not_done = wait(fs, return_when=ALL_COMPLETED)
        print("all:", names(done), len(not_done))
        gs = [ex.submit(nap, 0.6), ex.submit(fail_after, 0.2), ex.submit(nap, 0.4)]
        done, not_done = wait(gs, return_when=FIRST_EXCEPTION)
        print("first exception:", names(done), len(not_done))
        done, not_done = wait(gs)
        print("then:", names(done), len(not_done))
        print(wait([], timeout=0))
        try:
            wait([ex.submit(nap, 0.2)], return_when="SOMETIMES")
        except ValueError as e:
            print("ValueError:", e)

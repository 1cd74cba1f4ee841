# cancel(): only a call no worker has been handed can be cancelled.
import concurrent.futures
import time


def nap(seconds):
    time.sleep(seconds)
    return seconds


if __name__ == "__main__":
    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as ex:
        first = ex.submit(nap, 0.5)
        time.sleep(0.2)
        # The worker is busy with the first call: two more wait in the call queue, handed over.
        fs = [first] + [ex.submit(nap, 0.2) for _ in range(4)]
        time.sleep(0.1)
        print("running:", [f.running() for f in fs])
        print("cancel the last three:", [f.cancel() for f in fs[2:]])
        print("cancel the first:", fs[0].cancel())
        print("cancelled:", [f.cancelled() for f in fs])
        print("again:", fs[4].cancel())
        print(repr(fs[4]))
        try:
            fs[4].result()
        except concurrent.futures.CancelledError as e:
            print("CancelledError", repr(e))
        done = list(concurrent.futures.as_completed(fs))
        print(len(done), "completed, results:", [f.result() for f in fs[:3]])
        fs[3].exception()

# as_completed yields the futures as they finish, not in the order they were submitted.
import concurrent.futures
import time


def nap(name, seconds):
    time.sleep(seconds)
    return name


if __name__ == "__main__":
    with concurrent.futures.ProcessPoolExecutor(max_workers=3) as ex:
        fs = [ex.submit(nap, "slow", 0.6), ex.submit(nap, "quick", 0.2), ex.submit(nap, "middle", 0.4)]
        names = {f: i for i, f in enumerate(fs)}
        for f in concurrent.futures.as_completed(fs):
            print("finished:", f.result(), "submitted as", names[f])
        late = [ex.submit(nap, "late", 0.5)]
        try:
            for f in concurrent.futures.as_completed(late + fs[:1], timeout=0.2):
                print("done already:", f.result())
        except TimeoutError as e:
            print("TimeoutError:", e)

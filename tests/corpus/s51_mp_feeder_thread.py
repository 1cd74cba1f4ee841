# A Queue's put hands the item to a feeder thread and returns: an item that cannot be pickled
# does not raise in put; the feeder prints its traceback later (here, while the main sleeps) and
# drops it. The items around it arrive.
import multiprocessing as mp
import time


def reader(q, go):
    # The reader starts once the parent has said its line, so the order does not depend on timing.
    go.wait()
    for _ in range(2):
        print("reader got", q.get())


if __name__ == "__main__":
    q = mp.Queue()
    go = mp.Event()
    p = mp.Process(target=reader, args=(q, go))
    p.start()
    q.put("first")
    q.put(lambda: None)
    print("put returned")
    go.set()
    time.sleep(0.3)
    q.put("last")
    p.join()
    print("exitcode", p.exitcode)

import multiprocessing
import queue
import time


def write(q, items):
    for item in items:
        time.sleep(0.5)
        try:
            q.put(item, block=True, timeout=1)
            print("write: put", item)
        except queue.Full:
            print("write: queue.Full, dropped", item)
    # q.put(lambda: None)  # cannot be pickled: put returns, the feeder prints why
    # q.put("z" * 100_000)  # one big item: more than a pipe holds
    print("write: done")


def read(q):
    while True:
        try:
            item = q.get(block=True)
        except queue.Empty:
            print("read: queue.Empty, nothing came, I stop")
            break
        if item is None:
            print("read: got None, the writer is done")
            break
        print("read: got", item[:10])  # at most 10 characters of a big item
        time.sleep(3)


if __name__ == "__main__":
    q = multiprocessing.Queue(maxsize=0)
    writer = multiprocessing.Process(target=write, args=(q, ["a", "b", "c", "d"]))
    reader = multiprocessing.Process(target=read, args=(q,))
    writer.start()
    reader.start()
    writer.join()
    q.put(None)  # no more items: the reader stops when it gets None
    reader.join()
    print("main: end")

# Queue(maxsize): queue.Full and queue.Empty, timeouts, qsize/empty/full.
import time
import queue
from multiprocessing import Queue


def waited(t0, want):
    """A timed wait lasts its timeout, give or take the machine's load (never less)."""
    t = time.time() - t0
    return "about %s" % want if want - 0.01 <= t < want + 0.4 else "not %s: %.3f" % (want, t)


if __name__ == "__main__":
    q = Queue(2)
    print(q.empty(), q.full(), q.qsize())
    q.put(1)
    q.put_nowait(2)
    time.sleep(0.1)
    print(q.empty(), q.full(), q.qsize())
    try:
        q.put_nowait(3)
    except queue.Full:
        print("Full (put_nowait)")
    try:
        q.put(3, False)
    except queue.Full:
        print("Full (block=False)")
    t0 = time.time()
    try:
        q.put(3, timeout=0.2)
    except queue.Full:
        print("Full after", waited(t0, 0.2))
    print(q.get(), q.get_nowait())
    try:
        q.get_nowait()
    except queue.Empty:
        print("Empty (get_nowait)")
    try:
        q.get(False)
    except queue.Empty:
        print("Empty (block=False)")
    t0 = time.time()
    try:
        q.get(timeout=0.2)
    except queue.Empty as e:
        print("Empty after", waited(t0, 0.2), repr(e))
    print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))

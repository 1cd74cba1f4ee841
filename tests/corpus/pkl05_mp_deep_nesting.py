# Deep data: 300 nested lists cross; 10000 do not. Pipe.send pickles in the caller and raises
# RecursionError there; a Queue pickles in its feeder thread, which prints the error after put()
# returned and drops the item, so the reader's get must use a timeout to notice.
import multiprocessing as mp
import queue
import time


def nest(n):
    x = []
    for _ in range(n):
        x = [x]
    return x


def depth(x):
    n = 0
    while x:
        x = x[0]
        n += 1
    return n


if __name__ == "__main__":
    a, b = mp.Pipe()
    a.send(nest(300))
    print("300 levels crossed:", depth(b.recv()))
    try:
        a.send(nest(10000))
    except RecursionError as e:
        print("Pipe.send:", type(e).__name__, e)
    t = ()
    for _ in range(600):
        t = (t,)
    a.send(t)
    print("600 nested tuples crossed:", b.recv() == t)
    q = mp.Queue()
    q.put(nest(10000))
    print("put returned")
    time.sleep(0.2)
    try:
        q.get(timeout=0.3)
    except queue.Empty:
        print("nothing arrived")
    q.put(nest(5))
    print("after it:", depth(q.get()))

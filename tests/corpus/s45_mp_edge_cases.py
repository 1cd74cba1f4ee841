# Edge cases: keyword names, negative timeouts, odd maxsize, conversions into Value/Array, Barrier abort, bad message length.
import multiprocessing as mp
import time
import queue

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

if __name__ == "__main__":
    l = mp.Lock()
    show(lambda: l.acquire(blocking=False))
    show(lambda: l.acquire(True, 0.1))
    show(lambda: l.release())
    show(lambda: l.acquire(timeout=-5))
    l.release()
    show(lambda: l.acquire(True, None))
    l.release()
    s = mp.Semaphore(1)
    show(lambda: s.acquire(False, 5))
    show(lambda: s.get_value())
    e = mp.Event()
    show(lambda: e.wait(-1))
    show(lambda: e.wait(timeout=None) if e.set() is None else 0)
    q = mp.Queue()
    show(lambda: q.get(True, -1))
    show(lambda: q.put(1, True, -1))
    q2 = mp.Queue(maxsize=-3)
    for i in range(5):
        q2.put(i)
    show(lambda: q2.full())
    show(lambda: q2.qsize())
    show(lambda: mp.Queue(1.5))
    show(lambda: mp.Semaphore("x"))
    show(lambda: mp.Value("i", "x"))
    show(lambda: mp.Array("i", "abc"))
    show(lambda: mp.Array("i", 3.0))
    show(lambda: mp.Value("d", 3).value)
    show(lambda: mp.Value("i", 3.7))
    show(lambda: mp.Value("i", True).value)
    v = mp.Value("i", 0)
    def setv():
        v.value = 2**40
    show(setv)
    show(lambda: v.value)
    a = mp.Array("i", 3)
    def seta():
        a[0:2] = [1]
    show(seta)
    def seta2():
        a[0] = "x"
    show(seta2)
    show(lambda: a[1:-1])
    show(lambda: list(reversed(a)))
    show(lambda: 2 in a)
    show(lambda: a.get_obj() is not None)
    c = mp.Condition()
    show(lambda: c.wait_for(lambda: False, 0))
    c.acquire()
    show(lambda: c.wait_for(lambda: False, 0))
    show(lambda: c.wait(0))
    show(lambda: c.notify(2))
    c.release()
    b = mp.Barrier(2, action=lambda: print("action"))
    b.abort()
    show(lambda: b.wait())
    b.reset()
    show(lambda: b.broken)
    r, w = mp.Pipe()
    w.send_bytes(b"x" * 100)
    show(lambda: r.recv_bytes(10))
    w.send(list(range(5)))
    show(lambda: r.recv())
    show(lambda: r.fileno() >= 0)
    show(lambda: mp.Pipe(False)[0].poll(-1))
    sq = mp.SimpleQueue()
    show(lambda: sq.put(mp.Lock()))
    show(lambda: sq.get() if not sq.empty() else "empty")
    jq = mp.JoinableQueue(2)
    jq.put(1)
    show(lambda: jq.qsize())

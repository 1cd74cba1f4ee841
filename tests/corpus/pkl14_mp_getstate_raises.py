# An error inside __getstate__ or __reduce__ surfaces where the pickling happens: in the caller
# for Connection.send, in the Queue's feeder thread (a traceback in the background, the item
# dropped) for Queue.put.
import multiprocessing as mp
import queue
import time


class Fussy:
    def __init__(self, ok):
        self.ok = ok

    def __getstate__(self):
        if not self.ok:
            raise ValueError("not ready to travel")
        return {"ok": self.ok}


class Refuses:
    def __reduce__(self):
        raise TypeError("Refuses objects stay home")


if __name__ == "__main__":
    a, b = mp.Pipe()
    for obj in [Fussy(False), Refuses()]:
        try:
            a.send(obj)
        except Exception as e:
            print("send:", type(e).__name__, e)
    q = mp.Queue()
    q.put(Fussy(False))
    print("put returned")
    time.sleep(0.2)
    q.put(Refuses())
    print("put returned")
    time.sleep(0.2)
    q.put(Fussy(True))
    print("then:", q.get(timeout=1).ok)
    try:
        q.get(timeout=0.2)
    except queue.Empty:
        print("nothing else arrived")

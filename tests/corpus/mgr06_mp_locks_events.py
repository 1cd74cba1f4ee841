# Manager: Lock, RLock, Semaphore, Event and Condition objects held by the server: a child holds the
# Lock while the main waits for it (ordered by an Event), timeouts answer False, a Condition wakes.
import multiprocessing as mp


def holder(lock, held, go):
    with lock:
        held.set()
        go.wait()


def waiter(cond, box, woke):
    with cond:
        while not box.get("ready"):
            cond.wait()
        woke.set()


if __name__ == "__main__":
    with mp.Manager() as m:
        lock, held, go = m.Lock(), m.Event(), m.Event()
        print(str(lock)[:24], str(held)[:20], repr(lock)[:40])
        p = mp.Process(target=holder, args=(lock, held, go))
        p.start()
        print("held", held.wait(10))
        print("try", lock.acquire(False), "timeout", lock.acquire(True, 0.2))
        go.set()
        print("acquire after release", lock.acquire())
        lock.release()
        p.join()
        r = m.RLock()
        print(r.acquire(), r.acquire(), r.release(), r.release())
        s = m.Semaphore(2)
        print(s.acquire(), s.acquire(), s.acquire(False), s.acquire(timeout=0.1))
        s.release()
        print(s.acquire(False))
        e = m.Event()
        print(e.is_set(), e.wait(0.1), e.set(), e.is_set(), e.wait(), e.clear(), e.is_set())
        cond = m.Condition()
        box = m.dict()
        woke = m.Event()
        w = mp.Process(target=waiter, args=(cond, box, woke))
        w.start()
        with cond:
            print("wait timeout", cond.wait(0.1))
        with cond:
            box["ready"] = True
            cond.notify_all()
        print("woke", woke.wait(10))
        w.join()
        jq = m.JoinableQueue()
        jq.put("task")
        print(jq.get(), jq.task_done(), jq.join(), jq.qsize())

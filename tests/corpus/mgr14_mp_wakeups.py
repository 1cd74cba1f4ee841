import multiprocessing
import time

# Requests that wait in the server are answered when another request frees them, whatever object
# that request names: a Condition's waiter taking back a lock released through the lock's own
# proxy, a put on a full Queue answered by a get, join() by the last task_done, the chain of
# waiters one release after another.


def cond_waiter(cond, out):
    with cond:
        got = cond.wait(timeout=0.2)
        out.put('waiter woke: notified=%s' % got)


def putter(q, out):
    q.put('second')
    out.put('put on the full queue returned')


def worker(jq, out):
    item = jq.get()
    time.sleep(0.2)
    jq.task_done()
    out.put('done with %s' % item)


def holder(lock, out, n):
    with lock:
        out.put('holder %d has the lock' % n)
        time.sleep(0.2)


if __name__ == '__main__':
    with multiprocessing.Manager() as m:
        out = m.Queue()
        lock = m.Lock()
        cond = m.Condition(lock)
        lock.acquire()
        p = multiprocessing.Process(target=cond_waiter, args=(cond, out))
        lock.release()
        p.start()
        time.sleep(0.1)
        # The wait times out while the lock is held here: the waiter needs it back to return.
        lock.acquire()
        time.sleep(0.3)
        print('queue empty while the lock is held:', out.empty())
        lock.release()
        print(out.get())
        p.join()

        q = m.Queue(maxsize=1)
        q.put('first')
        p = multiprocessing.Process(target=putter, args=(q, out))
        p.start()
        time.sleep(0.2)
        print('got', q.get())
        print(out.get())
        print('got', q.get())
        p.join()

        jq = m.JoinableQueue()
        jq.put('job')
        p = multiprocessing.Process(target=worker, args=(jq, out))
        p.start()
        jq.join()
        print('join returned;', out.get())
        p.join()

        lock2 = m.Lock()
        lock2.acquire()
        ps = [multiprocessing.Process(target=holder, args=(lock2, out, i)) for i in range(3)]
        for p in ps:
            p.start()
            time.sleep(0.1)
        lock2.release()
        for p in ps:
            p.join()
        print(sorted(out.get() for _ in range(3)))

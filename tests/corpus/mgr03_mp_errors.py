# Manager: an error in the server comes back to the caller as the same exception (KeyError,
# IndexError, AttributeError, ValueError...), and a proxy used after shutdown fails to reach it.
import multiprocessing as mp
import queue


if __name__ == "__main__":
    m = mp.Manager()
    d = m.dict(a=1)
    try:
        d["missing"]
    except KeyError as e:
        print("KeyError", repr(e), e.args)
    try:
        d.pop("nope")
    except KeyError as e:
        print("pop:", repr(e))
    l = m.list([1])
    try:
        l[5]
    except IndexError as e:
        print("IndexError", e)
    try:
        l.remove(42)
    except ValueError as e:
        print("ValueError", e)
    ns = m.Namespace()
    try:
        ns.nothing
    except AttributeError as e:
        print("AttributeError", e)
    lock = m.Lock()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError", e)
    r = m.RLock()
    try:
        r.release()
    except RuntimeError as e:
        print("RuntimeError", e)
    b = m.BoundedSemaphore(1)
    try:
        b.release()
    except ValueError as e:
        print("ValueError", e)
    q = m.Queue()
    try:
        q.get(timeout=0.1)
    except queue.Empty as e:
        print("Empty", type(e).__name__, repr(e))
    try:
        q.get_nowait()
    except queue.Empty:
        print("Empty again")
    fq = m.Queue(1)
    fq.put(1)
    try:
        fq.put(2, block=False)
    except queue.Full:
        print("Full", fq.full(), fq.qsize())
    jq = m.JoinableQueue()
    try:
        jq.task_done()
    except ValueError as e:
        print("ValueError", e)
    m.shutdown()
    try:
        d["a"]
    except OSError as e:
        print(type(e).__name__, e)

# Primitives made after the fork server started (after the first start()) passed to later
# forkserver children and used from both sides: CPython hands their fds to the child.
import multiprocessing as mp


def first():
    pass


def add(total, lock, n):
    for _ in range(n):
        with lock:
            total.value += 1


def relay(ready, done, arr, sem):
    ready.wait()
    arr[0] = arr[0] + 5
    arr[1] = -arr[1]
    print("child saw ready, array now", list(arr))
    sem.release()
    done.set()


if __name__ == "__main__":
    ctx = mp.get_context("forkserver")
    p = ctx.Process(target=first)
    p.start()
    p.join()
    lock = ctx.Lock()
    total = ctx.Value("i", 0)
    workers = [ctx.Process(target=add, args=(total, lock, 300)) for _ in range(3)]
    for w in workers:
        w.start()
    add(total, lock, 100)
    for w in workers:
        w.join()
    print("total", total.value, [w.exitcode for w in workers])
    ready = ctx.Event()
    done = ctx.Event()
    arr = ctx.Array("d", [1.5, 2.0])
    sem = ctx.Semaphore(0)
    r = ctx.Process(target=relay, args=(ready, done, arr, sem))
    r.start()
    print("acquire before:", sem.acquire(timeout=0.1))
    ready.set()
    print("acquire after:", sem.acquire(timeout=5))
    print("done:", done.wait(5), list(arr))
    r.join()
    print("exitcode", r.exitcode, "lock free:", lock.acquire(False))
    raw = ctx.RawValue("q", 7)
    rl = ctx.RLock()
    with rl:
        q = ctx.Process(target=add, args=(raw, rl, 2))
        q.start()
        print("child blocked on held RLock:", q.is_alive())
    q.join()
    print("raw", raw.value, "exitcode", q.exitcode)

# Locks, Queues, Events, Values, Arrays and Connections passed as arguments to forkserver
# children work there: CPython passes their file descriptors to the server.
import multiprocessing as mp


def add(total, lock, n):
    for _ in range(n):
        with lock:
            total.value += 1


def relay(q, results, ready, conn, arr):
    ready.wait()
    item = q.get()
    results.put(item * 2)
    arr[0] = arr[0] + item
    conn.send(("conn", item))
    conn.close()


if __name__ == "__main__":
    ctx = mp.get_context("forkserver")
    lock = ctx.Lock()
    total = ctx.Value("i", 0)
    q = ctx.Queue()
    results = ctx.Queue()
    ready = ctx.Event()
    arr = ctx.Array("i", [10, 20])
    workers = [ctx.Process(target=add, args=(total, lock, 200)) for _ in range(3)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print("total", total.value, [w.exitcode for w in workers])
    here, there = ctx.Pipe()
    p = ctx.Process(target=relay, args=(q, results, ready, there, arr))
    p.start()
    q.put(21)
    ready.set()
    print("result", results.get())
    print("pipe", here.recv())
    p.join()
    print("array", list(arr), "exitcode", p.exitcode)

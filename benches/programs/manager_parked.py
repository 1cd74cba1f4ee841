# Manager: requests per second while other processes wait in the server (three consumers parked
# on an empty Queue's get, then four processes contending for one Lock). The server must not pay
# for every parked request on every request it serves.
import multiprocessing
import time


def consume(q, out):
    out.put(q.get())


def contend(lock, v, n):
    for _ in range(n):
        with lock:
            v.value += 1


if __name__ == '__main__':
    with multiprocessing.Manager() as m:
        q, out, d = m.Queue(), m.Queue(), m.dict()
        consumers = [multiprocessing.Process(target=consume, args=(q, out)) for _ in range(3)]
        for p in consumers:
            p.start()
        time.sleep(0.5)
        n = 2000
        t0 = time.perf_counter()
        for i in range(n):
            d[i] = i
        elapsed = time.perf_counter() - t0
        for p in consumers:
            q.put(1)
        for p in consumers:
            p.join()
        print(f"figure: manager_requests_with_parked {n / elapsed:.0f} req/s")
        lock, v = m.Lock(), m.Value('i', 0)
        k = 300
        ps = [multiprocessing.Process(target=contend, args=(lock, v, k)) for _ in range(4)]
        t0 = time.perf_counter()
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        elapsed = time.perf_counter() - t0
        assert v.value == 4 * k, v.value
        print(f"figure: manager_lock_pairs_four_processes {4 * k / elapsed:.0f} pairs/s")

# Manager: round trips to the server process, one client setting keys of a dict proxy, in requests
# per second (each d[i] = i is one request and its answer).
import multiprocessing
import time


if __name__ == '__main__':
    with multiprocessing.Manager() as m:
        d = m.dict()
        n = 2000
        t0 = time.perf_counter()
        for i in range(n):
            d[i] = i
        elapsed = time.perf_counter() - t0
        assert len(d) == n
    print(f"figure: manager_dict_requests {n / elapsed:.0f} req/s")

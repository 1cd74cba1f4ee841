# Four processes update a shared Structure: under the wrapper's lock (get_lock, or `with` on the
# wrapper) no update is lost, so the totals are exact.
from multiprocessing import Process
from multiprocessing.sharedctypes import Value, Array
from ctypes import Structure, c_int, c_long


class Stats(Structure):
    _fields_ = [('count', c_int), ('total', c_long), ('last', c_int)]


def work(stats, hist, k):
    for i in range(50):
        with stats.get_lock():
            stats.count += 1
            stats.total += k * i
        with hist:
            hist[k] += 1


if __name__ == '__main__':
    stats = Value(Stats)
    hist = Array(c_int, 4)
    procs = [Process(target=work, args=(stats, hist, k)) for k in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print(stats.count, stats.total, stats.last, hist[:])
    print(sum(k * i for k in range(4) for i in range(50)))

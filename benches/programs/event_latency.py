# Event set -> a waiter in another process wakes: median latency of 200, in microseconds.
import multiprocessing
import time


def waiter(ev, back, stamp, rounds):
    for _ in range(rounds):
        ev.wait()
        stamp.value = time.perf_counter()
        ev.clear()
        back.set()


if __name__ == '__main__':
    rounds = 200
    ev = multiprocessing.Event()
    back = multiprocessing.Event()
    stamp = multiprocessing.Value('d', 0.0)
    p = multiprocessing.Process(target=waiter, args=(ev, back, stamp, rounds))
    p.start()
    lat = []
    for _ in range(rounds):
        back.clear()
        t0 = time.perf_counter()
        ev.set()
        back.wait()
        lat.append(stamp.value - t0)
    p.join()
    lat.sort()
    print(f"figure: event_wake_latency {lat[rounds // 2] * 1e6:.1f} us")

# Children run at the same time: three 0.4 s naps in parallel take about 0.4 s, not 1.2 s.
import time
from multiprocessing import Process


def nap(seconds):
    time.sleep(seconds)


if __name__ == "__main__":
    t0 = time.time()
    p = Process(target=nap, args=(0.3,))
    p.start()
    p.join()
    one = time.time() - t0
    print("one child: at least 0.3", one >= 0.3, "under 0.6", one < 0.6)
    t0 = time.time()
    ps = [Process(target=nap, args=(0.4,)) for _ in range(3)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    par = time.time() - t0
    print("three in parallel: at least 0.4", par >= 0.4, "under 0.9 (one after the other: 1.2)", par < 0.9)
    t0 = time.time()
    for _ in range(2):
        p = Process(target=nap, args=(0.3,))
        p.start()
        p.join()
    ser = time.time() - t0
    print("two one after the other: at least 0.6", ser >= 0.6, "under 0.9", ser < 0.9)
    t0 = time.time()
    time.sleep(0.3)
    print("plain sleep in main:", round(time.time() - t0, 1))

# Children run at the same time: three 1 s naps in parallel take about 1 s, not 3 s. (Naps are long
# next to the cost of starting a process, so the bounds hold at any --speed.)
import time
from multiprocessing import Process


def nap(seconds):
    time.sleep(seconds)


if __name__ == "__main__":
    t0 = time.time()
    p = Process(target=nap, args=(1.0,))
    p.start()
    p.join()
    one = time.time() - t0
    print("one child: at least 1.0", one >= 1.0, "under 1.8", one < 1.8)
    t0 = time.time()
    ps = [Process(target=nap, args=(1.0,)) for _ in range(3)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    par = time.time() - t0
    print("three in parallel: at least 1.0", par >= 1.0, "under 2.2 (one after the other: 3.0)", par < 2.2)
    t0 = time.time()
    for _ in range(2):
        p = Process(target=nap, args=(1.0,))
        p.start()
        p.join()
    ser = time.time() - t0
    print("two one after the other: at least 2.0", ser >= 2.0, "under 2.8", ser < 2.8)
    t0 = time.time()
    time.sleep(0.3)
    print("plain sleep in main, 0.3 and a little:", 0.3 <= time.time() - t0 < 0.5)

# The Pool initializer that ignores SIGINT: Ctrl-C (SIGINT to every process of the group) then
# reaches only the parent, which can stop cleanly; the workers finish their tasks.
import multiprocessing
import os
import signal
import time


def init_worker(started):
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    started.put("ready")


def square(x):
    time.sleep(0.3)
    return x * x


if __name__ == "__main__":
    started = multiprocessing.Queue()
    with multiprocessing.Pool(2, initializer=init_worker, initargs=(started,)) as pool:
        res = pool.map_async(square, range(4))
        print(started.get(), started.get())
        workers = multiprocessing.active_children()
        print("workers:", len(workers))
        for w in workers:
            os.kill(w.pid, signal.SIGINT)
        try:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.5)
            print("not printed")
        except KeyboardInterrupt:
            print("parent: KeyboardInterrupt")
        print("workers alive:", sum(w.is_alive() for w in workers))
        print(res.get())

# A worker killed by a signal breaks the pool as one that exits does.
import concurrent.futures
import os
import signal
import time


def kill_myself():
    os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(1)


def worker_pid():
    return os.getpid()


if __name__ == "__main__":
    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as ex:
        pid = ex.submit(worker_pid).result()
        print("a worker:", pid != os.getpid())
        f = ex.submit(kill_myself)
        e = f.exception()
        print(type(e).__name__, "-", e)
        print(repr(f))
        g = None
        try:
            g = ex.submit(worker_pid)
        except concurrent.futures.BrokenExecutor as b:
            print("BrokenExecutor:", b)
    print("the with block ended")

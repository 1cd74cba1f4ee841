# A worker blocked in Queue.get runs its SIGTERM handler there and exits cleanly; a handler that
# returns lets a get with a timeout go on waiting until the same deadline.
import multiprocessing
import signal
import sys


def worker(q, ready):
    def on_term(signum, frame):
        print("worker: SIGTERM while waiting on the queue; cleaning up")
        sys.exit(0)

    signal.signal(signal.SIGTERM, on_term)
    ready.set()
    while True:
        item = q.get()
        print("worker: got", item)


def on_alarm(signum, frame):
    print("parent: alarm during get")


if __name__ == "__main__":
    q = multiprocessing.Queue()
    ready = multiprocessing.Event()
    p = multiprocessing.Process(target=worker, args=(q, ready))
    p.start()
    ready.wait()
    p.terminate()
    p.join()
    print("exitcode", p.exitcode)
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(1)
    try:
        q.get(timeout=1.2)
    except Exception as e:
        print(type(e).__name__)

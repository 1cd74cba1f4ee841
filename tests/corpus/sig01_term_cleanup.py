# A worker that cleans up on SIGTERM: its handler turns terminate() into a normal exit.
import multiprocessing
import signal
import sys
import time


def worker(code, ready):
    def on_term(signum, frame):
        print("worker: got", signal.Signals(signum).name, "- saving my work")
        sys.exit(code)

    signal.signal(signal.SIGTERM, on_term)
    print("worker: working")
    ready.set()
    time.sleep(5)
    print("worker: never printed")


def plain():
    time.sleep(5)


if __name__ == "__main__":
    for code in (0, 3):
        ready = multiprocessing.Event()
        p = multiprocessing.Process(target=worker, args=(code, ready))
        p.start()
        ready.wait()
        p.terminate()
        p.join()
        print("exitcode", p.exitcode)
    q = multiprocessing.Process(target=plain)
    q.start()
    time.sleep(0.2)
    q.terminate()
    q.join()
    print("without a handler:", q.exitcode, q.exitcode == -signal.SIGTERM)

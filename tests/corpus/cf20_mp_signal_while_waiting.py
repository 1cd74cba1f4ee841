# A signal handler runs while the parent waits on a future; the wait then goes on.
import concurrent.futures
import signal
import time


def nap(times):
    for _ in range(times):
        time.sleep(0.45)
    return times


def on_alarm(signum, frame):
    print("alarm while waiting")


if __name__ == "__main__":
    signal.signal(signal.SIGALRM, on_alarm)
    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as ex:
        f = ex.submit(nap, 3)
        signal.alarm(1)
        print("result:", f.result())

# PEP 475: a handler that returns lets time.sleep go on for the time left; one that raises ends it.
import multiprocessing
import os
import signal
import time


class Wake(Exception):
    pass


def poke(sig):
    time.sleep(0.2)
    os.kill(os.getppid(), sig)


def on_usr1(signum, frame):
    print("handler returns")


def on_usr2(signum, frame):
    raise Wake("woken")


if __name__ == "__main__":
    signal.signal(signal.SIGUSR1, on_usr1)
    signal.signal(signal.SIGUSR2, on_usr2)
    p = multiprocessing.Process(target=poke, args=(signal.SIGUSR1,))
    p.start()
    t0 = time.time()
    time.sleep(0.5)
    # The handler's run is real overhead (scaled by --speed): a bound, not a rounded figure.
    print("slept in full:", 0.5 <= time.time() - t0 < 0.7)
    p.join()
    q = multiprocessing.Process(target=poke, args=(signal.SIGUSR2,))
    q.start()
    t0 = time.time()
    try:
        time.sleep(0.5)
    except Wake as e:
        print("sleep ended by", repr(e))
    q.join()

# Misuse raises AssertionError with CPython's messages.
import time
from multiprocessing import Process


def nap():
    time.sleep(0.3)


def join_sibling(sibling):
    try:
        sibling.join()
    except AssertionError as e:
        print("in child:", e)


if __name__ == "__main__":
    p = Process(target=nap)
    try:
        p.join()
    except AssertionError as e:
        print("join before start:", e)
    p.start()
    try:
        p.start()
    except AssertionError as e:
        print("start twice:", e)
    try:
        p.daemon = True
    except AssertionError as e:
        print("daemon after start:", e)
    q = Process(target=join_sibling, args=(p,))
    q.start()
    q.join()
    p.join()
    try:
        p.start()
    except AssertionError as e:
        print("start after join:", e)
    print("exitcodes", p.exitcode, q.exitcode, "daemon", p.daemon)

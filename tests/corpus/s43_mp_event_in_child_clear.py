# An Event set and cleared by children is seen by the parent at each step.
import time
from multiprocessing import Process, Event


def flip(e, on):
    if on:
        e.set()
    else:
        e.clear()


if __name__ == "__main__":
    e = Event()
    for on in (True, True, False, True, False):
        p = Process(target=flip, args=(e, on))
        p.start()
        p.join()
        print("set" if on else "clear", "->", e.is_set())

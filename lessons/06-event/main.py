import multiprocessing
import time

DELAY = 2
TIMEOUT = 3


def waiter(event, timeout):
    name = multiprocessing.current_process().name
    print(name, "waits up to", timeout, "s")
    if event.wait(timeout):
        print(name, "woke up: the event is set")
    else:
        print(name, "gave up: wait() returned False")


def setter(event, delay):
    time.sleep(delay)
    print("setter: set() after", delay, "s")
    event.set()


if __name__ == "__main__":
    event = multiprocessing.Event()
    procs = [multiprocessing.Process(target=waiter, args=(event, TIMEOUT)) for _ in range(3)]
    procs.append(multiprocessing.Process(target=setter, args=(event, DELAY)))
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print("main: is_set() =", event.is_set())
    event.clear()
    print("main: after clear(), is_set() =", event.is_set())
    print("main: wait(0.5) now returns", event.wait(0.5))

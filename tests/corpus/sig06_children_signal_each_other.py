# os.kill between processes of one program: a child signals its sibling and its parent; SIGINT
# raises KeyboardInterrupt in a child that kept the default handler.
import multiprocessing
import os
import signal
import time


def listener(ready):
    def on_usr1(signum, frame):
        print("listener: SIGUSR1 from my sibling")

    signal.signal(signal.SIGUSR1, on_usr1)
    ready.set()
    time.sleep(0.5)
    print("listener: done")


def sender(sibling, ready):
    ready.wait()
    os.kill(sibling, signal.SIGUSR1)
    time.sleep(0.2)
    os.kill(os.getppid(), signal.SIGUSR2)


def on_usr2(signum, frame):
    print("parent: SIGUSR2 from a child")


if __name__ == "__main__":
    signal.signal(signal.SIGUSR2, on_usr2)
    ready = multiprocessing.Event()
    a = multiprocessing.Process(target=listener, args=(ready,))
    a.start()
    b = multiprocessing.Process(target=sender, args=(a.pid, ready))
    b.start()
    a.join()
    b.join()
    print("exitcodes", a.exitcode, b.exitcode)
    c = multiprocessing.Process(target=time.sleep, args=(5,))
    c.start()
    time.sleep(0.2)
    os.kill(c.pid, signal.SIGINT)
    c.join()
    print("after SIGINT:", c.exitcode)

# signal.alarm on the clock, signal.pause until a handler has run, SIGCHLD when a child ends.
import multiprocessing
import signal
import time


def on_alarm(signum, frame):
    print("alarm:", signal.Signals(signum).name)


def on_child(signum, frame):
    print("parent: a child ended")


if __name__ == "__main__":
    signal.signal(signal.SIGALRM, on_alarm)
    print(signal.alarm(1))
    t0 = time.time()
    signal.pause()
    print("pause returned after about 1 s:", 0.9 <= time.time() - t0 < 1.5)
    print(signal.alarm(5), signal.alarm(0))
    signal.signal(signal.SIGCHLD, on_child)
    p = multiprocessing.Process(target=time.sleep, args=(0.2,))
    p.start()
    time.sleep(0.4)
    p.join()
    print("exitcode", p.exitcode)

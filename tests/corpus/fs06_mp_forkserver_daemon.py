# At the main program's end, as with any start method: daemonic forkserver children are
# terminated, the others joined (their output comes after the main's last line).
import multiprocessing as mp
import time


def forever(running):
    print("daemon running")
    running.set()
    time.sleep(10)
    print("never printed")


def quiet():
    time.sleep(10)


def slow():
    time.sleep(0.4)
    print("non-daemon finished after main's last line")


if __name__ == "__main__":
    ctx = mp.get_context("forkserver")
    running = ctx.Event()
    d = ctx.Process(target=forever, args=(running,), daemon=True)
    d.start()
    running.wait()
    p = ctx.Process(target=slow)
    p.start()
    print("daemon", d.daemon, d.is_alive(), "other", p.daemon)
    try:
        d2 = ctx.Process(target=quiet)
        d2.daemon = True
        d2.start()
        d2.daemon = False
    except AssertionError as e:
        print("AssertionError:", e)
    d2.terminate()
    d2.join()
    print("main ends", d2.exitcode)

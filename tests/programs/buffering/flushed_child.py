# flush=True and sys.stdout.flush() put the output out before the kill.
import multiprocessing
import sys
import time


def work():
    print("child: started", flush=True)
    print("child: step 1")
    sys.stdout.flush()
    print("child: half a line", end="", flush=True)
    print("child: lost in a pipe")
    time.sleep(5)


if __name__ == "__main__":
    p = multiprocessing.Process(target=work)
    p.start()
    time.sleep(0.3)
    p.terminate()
    p.join()
    print("parent: exitcode", p.exitcode)

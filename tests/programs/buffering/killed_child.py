# A child killed by SIGTERM loses what it printed and did not flush: everything into a pipe, the
# unfinished line on a terminal.
import multiprocessing
import time


def work():
    print("child: started")
    print("child: working", end="")
    time.sleep(5)


if __name__ == "__main__":
    print("parent: before start")
    p = multiprocessing.Process(target=work)
    p.start()
    time.sleep(0.3)
    p.terminate()
    p.join()
    print("parent: exitcode", p.exitcode)

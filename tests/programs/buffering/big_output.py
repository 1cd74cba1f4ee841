# Past the 8192-byte buffer, whole blocks go out into a pipe before the process is killed.
import multiprocessing
import sys
import time


def talk():
    for i in range(2000):
        print(f"line {i:05d}")
    time.sleep(5)


if __name__ == "__main__":
    p = multiprocessing.Process(target=talk)
    p.start()
    time.sleep(0.5)
    p.terminate()
    p.join()
    print("parent: exitcode", p.exitcode, file=sys.stderr)

# terminate() sends SIGTERM: exitcode -15, and the child's finally block never runs.
import time
from multiprocessing import Process


def loop():
    try:
        for i in range(10):
            print("tick", i)
            time.sleep(0.4)
    finally:
        print("finally: never printed")


if __name__ == "__main__":
    p = Process(target=loop)
    p.start()
    time.sleep(0.6)
    print("before terminate: alive", p.is_alive(), "exitcode", p.exitcode)
    p.terminate()
    r = p.join()
    print("after terminate: alive", p.is_alive(), "exitcode", p.exitcode, "join", r)

# With join(), main's last line really comes last.
import time
from multiprocessing import Process


def count():
    for i in range(3):
        print(i)
        time.sleep(0.2)


if __name__ == "__main__":
    p = Process(target=count)
    p.start()
    p.join()
    print("end")
    p = Process(target=count, daemon=True)
    p.start()
    time.sleep(0.3)
    p.join()
    print("end again, exitcode", p.exitcode)

# Five children end with five different exit statuses.
import sys
import time
from multiprocessing import Process


def child(i):
    time.sleep(0.2 * i)
    print("child", i, "exits with", i)
    sys.exit(i)


if __name__ == "__main__":
    ps = [Process(target=child, args=(i,)) for i in range(5)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print([(p.name, p.exitcode) for p in ps])
    print("failed:", [p.name for p in ps if p.exitcode != 0])

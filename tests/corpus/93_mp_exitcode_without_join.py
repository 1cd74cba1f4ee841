# exitcode of a child that ended is known without join(); join() afterwards returns at once.
import sys
import time
from multiprocessing import Process


def finish(code):
    time.sleep(0.2)
    sys.exit(code)


if __name__ == "__main__":
    ps = [Process(target=finish, args=(c,)) for c in (0, 7)]
    for p in ps:
        p.start()
    print("right after start:", [p.exitcode for p in ps])
    time.sleep(0.5)
    print("later, no join:", [p.exitcode for p in ps], [p.is_alive() for p in ps])
    t0 = time.time()
    for p in ps:
        p.join()
    print("join returned at once:", time.time() - t0 < 0.1, [p.exitcode for p in ps])

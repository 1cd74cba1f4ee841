# A worker that logs who called it: in a forked child the target runs above multiprocessing's
# own frames (run, _bootstrap, ... start) over the parent's frame that started it; a Pool task
# runs above pool.py's worker (and mapstar for a map).
import multiprocessing as mp
import inspect
import os
import sys


def log(msg):
    caller = sys._getframe(1)
    print(f"{inspect.currentframe().f_code.co_name} from {caller.f_code.co_name}: {msg}")


def target(tag):
    log(f"child {tag}")
    me = inspect.currentframe()
    print("target called by", sys._getframe(1).f_code.co_name, me.f_back.f_lineno)
    names = []
    f = me
    while f is not None:
        names.append((f.f_code.co_name, os.path.basename(f.f_code.co_filename)))
        f = f.f_back
    print(names)


def task(x):
    up = sys._getframe(1)
    return x * 2, up.f_code.co_name, up.f_back.f_code.co_name


if __name__ == "__main__":
    log("main")
    p = mp.Process(target=target, args=("a",))
    p.start()
    p.join()
    with mp.Pool(1) as pool:
        print(pool.map(task, [1, 2]))
        print(pool.apply(task, (3,)))
        print(pool.starmap(task, [(4,)]))
    print(p.exitcode)

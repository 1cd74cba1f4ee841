# A child's uncaught exception: CPython's traceback starts in multiprocessing's own frames
# (_bootstrap, then run calling the target), then the program's.
import multiprocessing as mp
import sys


def inner(x):
    return 10 // x


def target(x):
    return inner(x)


class Worker(mp.Process):
    def run(self):
        raise ValueError("from an overridden run")


class Wrapping(mp.Process):
    def run(self):
        print("Wrapping.run calls Process.run")
        super().run()


def run_one(p):
    p.start()
    p.join()
    print(p.name, "exitcode", p.exitcode)


if __name__ == "__main__":
    run_one(mp.Process(target=target, args=(0,)))
    run_one(mp.Process(target=len, args=(5,)))
    run_one(Worker())
    run_one(Wrapping(target=target, args=(0,)))
    run_one(mp.Process(target=sys.exit, args=("bye",)))
    run_one(mp.Process(target=target, kwargs={"x": "a"}))

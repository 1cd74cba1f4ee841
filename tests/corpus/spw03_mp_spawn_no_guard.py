# Without `if __name__ == '__main__':` a spawned child runs the start() again while it imports
# the program: CPython's "bootstrapping phase" error, in the child; the parent goes on.
import multiprocessing as mp

ctx = mp.get_context("spawn")
print("importing as", __name__)


def f():
    print("never runs")


p = ctx.Process(target=f)
p.start()
p.join()
print("child exitcode", p.exitcode)

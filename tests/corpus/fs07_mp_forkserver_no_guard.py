# Without `if __name__ == '__main__':` the forkserver child imports the program and meets the
# start() again: CPython's "bootstrapping phase" RuntimeError, in the child; the parent goes on.
import multiprocessing as mp

ctx = mp.get_context("forkserver")
print("importing as", __name__)


def f():
    print("never runs")


p = ctx.Process(target=f)
p.start()
p.join()
print("child exitcode", p.exitcode)

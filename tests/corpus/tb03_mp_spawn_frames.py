# A spawned child's traceback starts in the same frames of CPython's multiprocessing as a forked
# child's: the error comes from the target, not from re-running the main program.
import multiprocessing as mp

print("top level runs in", mp.current_process().name)


def fails(n):
    items = [1, 2]
    return items[n]


class Fails(mp.Process):
    def run(self):
        fails(7)


if __name__ == "__main__":
    ctx = mp.get_context("spawn")
    p = ctx.Process(target=fails, args=(5,))
    p.start()
    p.join()
    print("exitcode", p.exitcode)
    q = Fails()
    q.start()
    q.join()
    print("exitcode", q.exitcode)

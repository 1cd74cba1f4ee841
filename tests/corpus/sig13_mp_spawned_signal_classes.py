# A spawned child is a fresh interpreter: signal's Signals and Handlers, which the parent used before
# it started the child, are the child's own there, deriving from the child's `object`.
import multiprocessing as mp
import signal


def report(where):
    for x in (signal.SIGTERM, signal.SIG_DFL, signal.SIG_IGN):
        t = type(x)
        print(where, t.__name__, repr(x), int(x), isinstance(x, object), issubclass(t, object))
    print(where, signal.Signals(15) is signal.SIGTERM, signal.SIGTERM == 15)


if __name__ == "__main__":
    mp.set_start_method("spawn")
    report("parent")
    p = mp.Process(target=report, args=("child",))
    p.start()
    p.join()
    print("exitcode", p.exitcode)

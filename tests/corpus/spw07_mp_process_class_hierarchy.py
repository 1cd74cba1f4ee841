# multiprocessing's process classes as CPython 3.11 has them: `process.BaseProcess` under
# `context.Process`, `_MainProcess` and the start methods' `ForkProcess`/`SpawnProcess`/
# `ForkServerProcess` deriving from BaseProcess directly, so the main process is not an instance of
# `multiprocessing.Process`. A program's subclass of Process still works, also in a spawned child,
# where every one of these classes derives from the child's own `object`.
import multiprocessing as mp
import multiprocessing.process


def names(cls):
    return [f"{c.__module__}.{c.__name__}" for c in cls.__mro__]


class Worker(mp.Process):
    def run(self):
        print("Worker.run in", type(self).__name__, isinstance(self, mp.Process))


def report(where):
    base = multiprocessing.process.BaseProcess
    me = mp.current_process()
    print(where, "current:", names(type(me)))
    print(where, "current is a Process:", isinstance(me, mp.Process), "a BaseProcess:", isinstance(me, base))
    print(where, "Process:", names(mp.Process))
    for m in ("fork", "spawn", "forkserver"):
        cls = mp.get_context(m).Process
        print(where, m, names(cls), issubclass(cls, mp.Process), issubclass(cls, base))
    print(where, "Worker:", names(Worker))
    print(where, "all from object:", all(issubclass(c, object) for c in (base, mp.Process, Worker, type(me))))


if __name__ == "__main__":
    mp.set_start_method("spawn")
    print("BaseProcess:", multiprocessing.process.BaseProcess)
    report("parent")
    w = Worker()
    w.start()
    w.join()
    print("Worker exitcode", w.exitcode)
    p = mp.Process(target=report, args=("child",))
    p.start()
    p.join()
    print("exitcode", p.exitcode)

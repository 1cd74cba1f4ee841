# A spawned child is a fresh interpreter: the classes of the primitives the parent made before it
# started the child (Lock, RLock, Semaphore, Event, Condition, Barrier, Queue, Value) are the
# child's own there, deriving from the child's `object`; a broken Barrier's BrokenBarrierError is
# a RuntimeError in both.
import multiprocessing as mp


def broken(where):
    b = mp.Barrier(2)
    b.abort()
    try:
        b.wait()
    except RuntimeError as e:
        print(where, "RuntimeError caught:", type(e).__name__, isinstance(e, Exception))


def report(where):
    objs = [
        mp.Lock(),
        mp.RLock(),
        mp.Semaphore(),
        mp.BoundedSemaphore(),
        mp.Event(),
        mp.Condition(),
        mp.Barrier(1),
        mp.Queue(),
        mp.SimpleQueue(),
        mp.JoinableQueue(),
        mp.Value("i", 1),
        mp.Array("i", 2),
    ]
    for x in objs:
        t = type(x)
        print(where, t.__name__, isinstance(x, object), issubclass(t, object))
    broken(where)


if __name__ == "__main__":
    mp.set_start_method("spawn")
    report("parent")
    p = mp.Process(target=report, args=("child",))
    p.start()
    p.join()
    print("exitcode", p.exitcode)

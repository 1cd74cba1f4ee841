# A spawned child is a fresh interpreter: the exceptions of the modules it imports (queue.Empty,
# struct.error, multiprocessing.TimeoutError) derive from its own Exception, so `except Exception`
# and `except queue.Empty` both catch them there, as in the parent.
import multiprocessing as mp
import queue
import struct


def report(where, q):
    try:
        q.get(timeout=0.05)
    except Exception as e:
        print(where, "Exception caught", type(e).__module__, type(e).__name__)
    try:
        q.get_nowait()
    except queue.Empty as e:
        print(where, "queue.Empty caught", isinstance(e, Exception))
    try:
        struct.pack("i", "x")
    except Exception as e:
        print(where, "struct.error caught", type(e).__module__, type(e).__name__)
    print(where, [c.__name__ for c in mp.TimeoutError.__mro__])


if __name__ == "__main__":
    mp.set_start_method("spawn")
    q = mp.Queue()
    report("parent", q)
    p = mp.Process(target=report, args=("child", q))
    p.start()
    p.join()
    print("exitcode", p.exitcode)

# A child that put more than the pipe holds (64 KiB) cannot end until someone gets it (CPython's feeder
# thread joins at exit): join(timeout) returns with the child still alive; after get() it ends. Same for
# a big send_bytes on a Pipe nobody reads.
import multiprocessing as mp
import time


def produce(q, n, said=None):
    q.put("x" * n)
    print("child: put returned")
    if said is not None:
        said.set()


if __name__ == "__main__":
    q = mp.Queue()
    said = mp.Event()
    p = mp.Process(target=produce, args=(q, 200000, said))
    p.start()
    # The child's line comes first whatever the speed: the parent waits until it is printed.
    said.wait()
    p.join(0.5)
    print("after join(0.5): alive", p.is_alive(), "exitcode", p.exitcode)
    item = q.get()
    print("got", len(item))
    p.join()
    print("exitcode", p.exitcode)
    small = mp.Process(target=produce, args=(q, 10))
    small.start()
    small.join()
    print("small item: exitcode", small.exitcode, "then got", len(q.get()))
    r, w = mp.Pipe(duplex=False)
    def send_big(w):
        w.send_bytes(b"y" * 200000)
    s = mp.Process(target=send_big, args=(w,))
    s.start()
    s.join(0.5)
    print("pipe sender alive while nobody reads:", s.is_alive())
    print("got", len(r.recv_bytes()))
    s.join()
    print("exitcode", s.exitcode)

# Values cross a Queue as copies: changing them on one side does not change the other.
from multiprocessing import Process, Queue


def echo(inq, outq):
    while True:
        item = inq.get()
        if item == "stop":
            break
        if isinstance(item, list):
            item.append("child")
        outq.put((type(item).__name__, item))


if __name__ == "__main__":
    inq = Queue()
    outq = Queue()
    p = Process(target=echo, args=(inq, outq))
    p.start()
    values = [1, -2.5, True, None, "héllo", b"\x00\xff", [1, [2, 3]], (4, (5,)), {"a": [1], 2: "b"},
              {3, 1, 2}, frozenset([7]), 2**62, ""]
    for v in values:
        inq.put(v)
        print(outq.get())
    mine = [0]
    inq.put(mine)
    print(outq.get(), mine)
    inq.put("stop")
    p.join()
    print("exitcode", p.exitcode)

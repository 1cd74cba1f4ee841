# recv() raises EOFError only once the messages are drained and every copy of the other end is closed.
import time
from multiprocessing import Process, Pipe


def writer(w):
    w.send("one")
    w.send("two")
    w.close()


if __name__ == "__main__":
    r, w = Pipe(duplex=False)
    p = Process(target=writer, args=(w,))
    p.start()
    p.join()
    print(r.recv(), r.recv())
    print("parent still holds a copy; poll(0.2):", r.poll(0.2))
    w.close()
    print("closed", w.closed)
    try:
        r.recv()
    except EOFError as e:
        print("EOFError", repr(e))
    print("poll after EOF:", r.poll())
    try:
        w.send(1)
    except OSError as e:
        print(type(e).__name__, e)

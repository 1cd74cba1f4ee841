# Connection.poll: False when nothing is there, waits up to its timeout, True once a message arrives.
import time
from multiprocessing import Process, Pipe


def waited(t0, want):
    """A timed wait lasts its timeout, give or take the machine's load (never less)."""
    t = time.time() - t0
    return "about %s" % want if want - 0.01 <= t < want + 0.4 else "not %s: %.3f" % (want, t)


def late(conn):
    time.sleep(0.3)
    conn.send("hi")


if __name__ == "__main__":
    a, b = Pipe()
    print("poll()", a.poll())
    t0 = time.time()
    print("poll(0.2)", a.poll(0.2), waited(t0, 0.2))
    p = Process(target=late, args=(b,))
    p.start()
    print("poll(None)", a.poll(None))
    print("poll() again", a.poll(), "still there", a.poll(0))
    print(a.recv(), a.poll())
    p.join()
    b.send_bytes(b"")
    print("empty message polls", a.poll(), repr(a.recv_bytes()))

# Using a closed Connection raises OSError('handle is closed'); closing twice is fine.
from multiprocessing import Pipe


if __name__ == "__main__":
    a, b = Pipe()
    a.close()
    a.close()
    print(a.closed, b.closed)
    for op in ("recv", "send", "poll"):
        try:
            if op == "recv":
                a.recv()
            elif op == "send":
                a.send(1)
            else:
                a.poll()
        except OSError as e:
            print(op, type(e).__name__, e)
    try:
        b.recv()
    except EOFError:
        print("other end: EOFError")
    try:
        b.send("x")
    except OSError as e:
        print("other end send:", type(e).__name__, e)

# send_bytes/recv_bytes with offset and size; recv_bytes_into; bytes and objects share a pipe.
from multiprocessing import Process, Pipe


def child(c):
    c.send_bytes(b"abcdefgh", 2, 3)
    c.send_bytes(b"xyz")
    c.send({"k": b"v"})
    c.send_bytes(b"")
    print("child got", c.recv_bytes())


if __name__ == "__main__":
    a, b = Pipe()
    p = Process(target=child, args=(b,))
    p.start()
    print(a.recv_bytes())
    print(a.recv_bytes())
    print(a.recv())
    print(a.recv_bytes())
    a.send_bytes(b"back")
    p.join()
    try:
        a.send_bytes(b"abc", 2, 5)
    except ValueError as e:
        print("ValueError:", e)
    try:
        a.send_bytes(b"abc", -1)
    except ValueError as e:
        print("ValueError:", e)

# Pipe(): both ends send and receive; messages keep their order.
from multiprocessing import Process, Pipe


def child(conn):
    while True:
        msg = conn.recv()
        if msg == "bye":
            conn.send("bye too")
            break
        conn.send(msg * 2)
    conn.close()


if __name__ == "__main__":
    a, b = Pipe()
    p = Process(target=child, args=(b,))
    p.start()
    for m in [1, "ab", [3], (4,)]:
        a.send(m)
        print(a.recv())
    a.send("bye")
    print(a.recv())
    p.join()
    print("exitcode", p.exitcode, "closed", a.closed, "readable", a.readable, "writable", a.writable)

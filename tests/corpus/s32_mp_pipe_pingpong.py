# Two processes take turns over a pipe, counting up.
from multiprocessing import Process, Pipe


def player(conn, name):
    while True:
        n = conn.recv()
        if n >= 10:
            conn.send(n)
            break
        print(name, n)
        conn.send(n + 1)


if __name__ == "__main__":
    a, b = Pipe()
    p = Process(target=player, args=(b, "pong"))
    p.start()
    a.send(0)
    while True:
        n = a.recv()
        if n >= 10:
            break
        print("ping", n)
        a.send(n + 1)
    p.join()
    print("final", n, p.exitcode)

import traceback
from multiprocessing import Process, Pipe


def risky(n):
    return [1, 2, 3][n]


def child(conn, n):
    try:
        conn.send(("ok", risky(n)))
    except IndexError:
        traceback.print_exc()
        conn.send(("err", traceback.format_exc().splitlines()[-1]))


if __name__ == "__main__":
    for n in [1, 5]:
        a, b = Pipe()
        p = Process(target=child, args=(b, n))
        p.start()
        print(a.recv())
        p.join()
        print("exit code", p.exitcode)

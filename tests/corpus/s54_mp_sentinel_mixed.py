# multiprocessing.connection.wait over a mix of Connections and sentinels, with timeouts, under
# each start method: a Connection is ready when it has data, a sentinel when its child ended.
import multiprocessing as mp
import time
from multiprocessing.connection import wait


def talk(conn):
    time.sleep(0.2)
    conn.send("hello")
    time.sleep(0.3)


def fail():
    time.sleep(0.1)
    raise SystemExit(3)


def run(method):
    ctx = mp.get_context(method)
    here, there = ctx.Pipe()
    p = ctx.Process(target=talk, args=(there,))
    p.start()
    there.close()
    print(method, "timeout:", wait([here, p.sentinel], timeout=0.05))
    first = wait([here, p.sentinel])
    print(method, "first:", [o is here for o in first], here.recv())
    quiet, _unused = ctx.Pipe()
    second = wait([quiet, p.sentinel], timeout=2)
    print(method, "then:", [o == p.sentinel for o in second])
    p.join()
    print(method, "exitcode:", p.exitcode)
    q = ctx.Process(target=fail)
    q.start()
    print(method, "fail ended:", wait([q.sentinel], timeout=2) == [q.sentinel])
    q.join()
    print(method, "fail exitcode:", q.exitcode)


if __name__ == "__main__":
    for method in ("fork", "spawn", "forkserver"):
        run(method)

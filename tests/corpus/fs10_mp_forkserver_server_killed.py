# The fork server is a real process: a child goes on when its server dies, but its exit status
# can no longer reach the parent (CPython reads 255); the next start() starts a new server.
import multiprocessing as mp
import os
import signal
import time


def work(conn):
    conn.send(os.getppid())
    conn.recv()
    print("child goes on after its server died")
    conn.send("done")
    conn.close()


if __name__ == "__main__":
    ctx = mp.get_context("forkserver")
    here, there = ctx.Pipe()
    p = ctx.Process(target=work, args=(there,))
    p.start()
    server = here.recv()
    os.kill(server, signal.SIGKILL)
    time.sleep(0.3)
    print("alive", p.is_alive(), p.exitcode)
    here.send("go")
    here.recv()
    p.join()
    print("exitcode", p.exitcode)
    here2, there2 = ctx.Pipe()
    p2 = ctx.Process(target=work, args=(there2,))
    p2.start()
    new_server = here2.recv()
    print("new server", new_server != server, new_server != os.getpid())
    here2.send("go")
    here2.recv()
    p2.join()
    print("exitcode", p2.exitcode)

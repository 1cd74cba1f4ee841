# Pipe (duplex): 200k small ints from one process to another; messages per second.
import multiprocessing
import time

N = 200000


def sender(conn):
    for i in range(N):
        conn.send(i)
    conn.send(None)
    conn.close()


if __name__ == '__main__':
    a, b = multiprocessing.Pipe()
    p = multiprocessing.Process(target=sender, args=(b,))
    t0 = time.perf_counter()
    p.start()
    n = 0
    while a.recv() is not None:
        n += 1
    dt = time.perf_counter() - t0
    p.join()
    assert n == N
    print(f"figure: pipe_messages {N / dt / 1000:.1f} k/s")

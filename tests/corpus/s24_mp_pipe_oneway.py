# Pipe(duplex=False): the first end only reads, the second only writes.
from multiprocessing import Process, Pipe


def writer(w):
    for i in range(3):
        w.send(i)
    w.send("end")


if __name__ == "__main__":
    r, w = Pipe(duplex=False)
    print(r.readable, r.writable, w.readable, w.writable)
    try:
        r.send(1)
    except OSError as e:
        print(type(e).__name__, e)
    try:
        w.recv()
    except OSError as e:
        print(type(e).__name__, e)
    p = Process(target=writer, args=(w,))
    p.start()
    got = []
    while True:
        m = r.recv()
        if m == "end":
            break
        got.append(m)
    print(got)
    p.join()

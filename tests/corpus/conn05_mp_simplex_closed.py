"""Pipe(duplex=False) closed at either end: the reader gets every message the exited writer sent, then
EOFError (poll True); the writer, once the reader is gone, gets BrokenPipeError."""
import multiprocessing as mp

def writer(w):
    for i in range(3):
        w.send(i * 10)
    w.send_bytes(b"tail")
    print("writer done")

def late_writer(r, w, go):
    r.close()  # the fork's copy of the read end: the parent's is then the last one
    go.wait()
    try:
        w.send("anyone?")
    except Exception as e:
        print("child", type(e).__name__, e)

if __name__ == "__main__":
    r, w = mp.Pipe(duplex=False)
    p = mp.Process(target=writer, args=(w,))
    p.start()
    w.close()
    p.join()
    print("poll", r.poll())
    print([r.recv() for _ in range(3)], r.recv_bytes())
    try:
        r.recv()
    except EOFError:
        print("EOFError")
    print("poll", r.poll())
    r2, w2 = mp.Pipe(duplex=False)
    go = mp.Event()
    p = mp.Process(target=late_writer, args=(r2, w2, go))
    p.start()
    r2.close()
    w2.close()
    go.set()
    p.join()
    print("exitcode", p.exitcode)

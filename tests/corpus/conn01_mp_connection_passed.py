"""A Connection sent to a process that did not inherit it, as CPython's fork context sends it: through
a Queue to a running child, through another Connection, as a Pool task's argument (the receiver gets
a working Connection on the same pipe), and a closed one failing in the Queue's feeder."""
import multiprocessing as mp

def child(q, done):
    c = q.get()
    print("child got", type(c).__name__, c.readable, c.writable)
    c.send("hello from child")
    print("child recv", c.recv())
    done.set()

def relay(conn_in):
    c = conn_in.recv()
    c.send("via a Connection")
    c.close()

def task(c):
    c.send(["from a pool task", 42])
    return c.writable

if __name__ == "__main__":
    a, b = mp.Pipe()
    q = mp.Queue()
    done = mp.Event()
    p = mp.Process(target=child, args=(q, done))
    p.start()
    q.put(b)
    print("main recv", a.recv())
    a.send("hi child")
    done.wait()
    p.join()
    # through another Connection to an already running process
    x, y = mp.Pipe()
    r, w = mp.Pipe(duplex=False)
    p = mp.Process(target=relay, args=(y,))
    p.start()
    x.send(w)
    print("relayed:", r.recv())
    p.join()
    with mp.Pool(1) as pool:
        r2, w2 = mp.Pipe(duplex=False)
        print("pool result", pool.apply(task, (w2,)))
        print("pool sent", r2.recv())
    w2.close()
    try:
        q.put(w2); q.get(timeout=0.5)
    except Exception as e:
        print(type(e).__name__, e)
    print("end")

"""A Connection passed to a running child through a Queue, which sends on it and closes it without
reading what the parent sent: the parent still gets every message, then ConnectionResetError once,
then EOFError; a Queue whose producer ended with items unread still hands them all over."""
import multiprocessing as mp

def child(q, done):
    c = q.get()
    c.send("through the queue")
    c.send_bytes(b"and bytes")
    c.close()
    print("child closed its end")
    done.set()

def producer(q):
    for i in range(5):
        q.put(("item", i))
    print("producer ends with its items unread")

if __name__ == "__main__":
    a, b = mp.Pipe()
    q = mp.Queue()
    done = mp.Event()
    p = mp.Process(target=child, args=(q, done))
    p.start()
    q.put(b)
    a.send("unread by the child")
    done.wait()
    p.join()
    b.close()
    print(a.recv(), a.recv_bytes())
    try:
        a.recv()
    except ConnectionResetError as e:
        print("ConnectionResetError", e.errno)
    try:
        a.recv()
    except EOFError:
        print("EOFError")
    q2 = mp.Queue()
    p = mp.Process(target=producer, args=(q2,))
    p.start()
    p.join()
    print("exitcode", p.exitcode)
    print([q2.get(timeout=1) for _ in range(5)])
    print("empty", q2.empty())

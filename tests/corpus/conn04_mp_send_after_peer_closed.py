"""Sending to a Pipe end whose peer is closed: BrokenPipeError, before and after reading what the peer
sent; the peer's last message is still delivered, then EOFError (nothing of ours was left unread)."""
import multiprocessing as mp

def child(conn, ready):
    conn.send("bye")
    ready.set()

if __name__ == "__main__":
    a, b = mp.Pipe()
    ready = mp.Event()
    p = mp.Process(target=child, args=(b, ready))
    p.start()
    b.close()
    ready.wait()
    p.join()
    for msg in ["one", "two"]:
        try:
            a.send(msg)
            print("sent", msg)
        except BrokenPipeError as e:
            print("BrokenPipeError", e.errno)
    print("recv", a.recv())
    try:
        a.recv()
    except EOFError:
        print("EOFError")
    try:
        a.send_bytes(b"three")
    except OSError as e:
        print(type(e).__name__, e)
    # the peer closed with nothing unread: plain EOFError
    c, d = mp.Pipe()
    d.send("last words")
    d.close()
    print(c.poll(), c.recv())
    try:
        c.recv()
    except EOFError:
        print("EOFError, clean")
    print("poll", c.poll())

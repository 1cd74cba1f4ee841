"""A Listener's accepted Connection whose Client end closed with a message of ours unread: the
client's message is still delivered, then ConnectionResetError once, then EOFError."""
import multiprocessing as mp
from multiprocessing.connection import Listener, Client

def child(addr, ready):
    c = Client(addr)
    c.send("from client")
    ready.wait()
    c.close()

if __name__ == "__main__":
    with Listener(None) as l:
        ready = mp.Event()
        p = mp.Process(target=child, args=(l.address, ready))
        p.start()
        c = l.accept()
        c.send("unread")
        ready.set()
        p.join()
        print(c.poll(), c.recv())
        for _ in range(2):
            try:
                c.recv()
            except Exception as e:
                print(type(e).__name__)

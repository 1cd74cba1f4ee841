# An instance of a class derived from bytearray sent through a Queue and pickled: it arrives as
# an instance of its class with its bytes and its own attributes, as CPython's
# bytearray.__reduce_ex__ gives (cls, (bytes,), __dict__); a plain bytearray arrives as one.
import multiprocessing as mp
import pickle


class Packet(bytearray):
    def checksum(self):
        return sum(self) % 256


def child(q, out):
    for _ in range(3):
        p = q.get()
        out.put((type(p).__name__, bytes(p), getattr(p, "seq", None), len(p)))
    p.append(33)
    out.put(p)


if __name__ == "__main__":
    p = Packet(b"hello")
    p.seq = 7
    c = pickle.loads(pickle.dumps(p))
    print(type(c).__name__, c, c.seq, c.checksum(), c == p, c is p)
    print(p.__reduce_ex__(4))
    q, out = mp.Queue(), mp.Queue()
    w = mp.Process(target=child, args=(q, out))
    w.start()
    q.put(p)
    q.put(bytearray(b"plain"))
    q.put(Packet())
    for _ in range(3):
        print(out.get())
    back = out.get()
    print(type(back).__name__, back, back.checksum())
    w.join()
    print(w.exitcode)

# The native objects' own attributes, items, length, iteration and reprs (a Value, an Array, a
# Process, a Lock, a Condition, a Barrier, a Connection), also reached from the program's code
# while one of them runs: an Array's slice assignment takes its items from the program's
# sequence, which reads that Array, a Value and a Process meanwhile.
import multiprocessing as mp


class Reading:
    """Two items computed from the Array being assigned, a Value and a Process."""

    def __init__(self, arr, v, p):
        self.arr = arr
        self.v = v
        self.p = p
        self.seen = []

    def __len__(self):
        return 2

    def __getitem__(self, i):
        if i >= 2:
            raise IndexError(i)
        self.seen.append((i, self.arr[2], len(self.arr), self.v.value, self.p.name))
        return self.arr[2] * 10 + i + self.v.value


def child(arr, v, conn):
    print("child sees", list(arr), v.value, arr[1:], len(arr))
    with v.get_lock():
        v.value += 100
    arr[2] = -1
    conn.send(sum(x for x in arr))
    conn.close()


if __name__ == "__main__":
    v = mp.Value("i", 5)
    arr = mp.Array("i", [1, 2, 3])
    here, there = mp.Pipe()
    p = mp.Process(target=child, args=(arr, v, there), name="Child")
    r = Reading(arr, v, p)
    arr[0:2] = r
    print("assigned", list(arr), r.seen)
    print(p.name, p.daemon, p.pid, p.exitcode)
    p.daemon = True
    p.name = "Renamed"
    print(p.name, p.daemon)
    p.start()
    print("got", here.recv())
    p.join()
    print(p.exitcode, isinstance(p.pid, int), p.name)
    print("parent sees", list(arr), v.value, len(arr), arr[-1], arr[::2])
    v.value = 7
    print(repr(v), v.value)
    print(repr(arr).split(" object at ")[0])
    print(here.closed, here.readable, here.writable)
    here.close()
    print(here.closed)
    lock = mp.Lock()
    cond = mp.Condition(lock)
    print(repr(lock), repr(cond))
    b = mp.Barrier(3)
    print(b.parties, b.n_waiting, b.broken, repr(b).split(": ")[1])
    b.abort()
    print(b.broken, repr(b).split(": ")[1])
    for name in ("pid", "exitcode"):
        try:
            setattr(p, name, 1)
        except AttributeError as e:
            print("AttributeError:", e)
    try:
        p.daemon = False
    except AssertionError as e:
        print("AssertionError:", e)

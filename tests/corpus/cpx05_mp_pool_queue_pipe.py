# Complex numbers crossing processes: Pool arguments and results, a Queue, a Pipe; the value,
# the type and a class derived from complex arrive intact.
import multiprocessing as mp


class Phasor(complex):
    def turned(self):
        return Phasor(self * 1j)


def square(z):
    return z * z


def describe(z):
    return type(z).__name__, z.real, z.imag, repr(z)


def child_queue(q):
    z = q.get()
    q2 = [z ** 2, -z, z.conjugate(), {z: "key"}, [z, z]]
    print("child got", z, type(z).__name__)
    q.put(q2)


def child_pipe(conn):
    items = conn.recv()
    conn.send([sum(items), max(items, key=abs), [type(x).__name__ for x in items]])
    conn.close()


if __name__ == "__main__":
    zs = [1 + 2j, -0.5j, complex(-0.0, 1), complex(float("inf"), -1), 1e16j, Phasor(3, 4)]
    with mp.Pool(2) as pool:
        print(pool.map(square, zs[:3]))
        for row in pool.map(describe, zs):
            print(row)
        print(pool.apply(complex, ("1+2j",)), pool.apply(abs, (3 - 4j,)))
        print(pool.starmap(pow, [(1j, 2), (2, 1j)]))

    q = mp.Queue()
    p = mp.Process(target=child_queue, args=(q,))
    p.start()
    q.put(2 - 3j)
    p.join()
    got = q.get()
    print("parent got", got, got[3][2 - 3j], got[4][0] is got[4][1])

    a, b = mp.Pipe()
    p = mp.Process(target=child_pipe, args=(b,))
    p.start()
    a.send([1j, 2, 3.5, Phasor(0, -5)])
    print("pipe", a.recv())
    p.join()
    print(p.exitcode)

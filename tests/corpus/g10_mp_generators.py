# Generators with multiprocessing: Pool consumes them in the parent, they cannot be pickled, and a
# forked child gets its own copy of a suspended generator.
import multiprocessing as mp


def square(x):
    return x * x


def numbers(n):
    for i in range(n):
        yield i


def counter():
    n = 0
    while True:
        yield n
        n += 1


def child(gen, q):
    q.put(("child continues from", next(gen), next(gen)))


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        print(pool.map(square, numbers(5)))
        print(pool.map(square, (x + 1 for x in range(4))))
        print(list(pool.imap(square, numbers(3))))
        print(sorted(pool.imap_unordered(square, (x for x in range(3)))))
        print(pool.starmap(pow, ((x, 2) for x in range(3))))
        try:
            pool.apply(square, (numbers(1),))
        except TypeError as e:
            print("Pool:", e)
    a, b = mp.Pipe()
    try:
        a.send(x for x in range(2))
    except TypeError as e:
        print("Pipe:", e)
    g = counter()
    print("parent takes", next(g))
    q = mp.Queue()
    p = mp.Process(target=child, args=(g, q))
    p.start()
    print(q.get())
    p.join()
    print("parent continues from", next(g))

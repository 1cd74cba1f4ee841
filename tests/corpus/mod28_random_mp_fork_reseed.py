# After a fork the child's random module is reseeded (as CPython's register_at_fork does), so two
# children draw different numbers; a child that seeds itself is deterministic.
import multiprocessing as mp
import random


def draw(q, seed):
    if seed is not None:
        random.seed(seed)
    q.put([random.random() for _ in range(4)])


if __name__ == "__main__":
    random.seed(1)
    q = mp.Queue()
    kids = [mp.Process(target=draw, args=(q, None)) for _ in range(2)]
    for k in kids:
        k.start()
    a, b = q.get(), q.get()
    for k in kids:
        k.join()
    print("unseeded children differ:", a != b)
    print("parent's sequence untouched:", random.random())
    kids = [mp.Process(target=draw, args=(q, 5)) for _ in range(2)]
    for k in kids:
        k.start()
    a, b = q.get(), q.get()
    for k in kids:
        k.join()
    print("seeded children agree:", a == b, a)

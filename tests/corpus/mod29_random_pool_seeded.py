# Pool workers are forked too: each task that seeds from its argument gets CPython's numbers.
import multiprocessing as mp
import random


def roll(seed):
    random.seed(seed)
    return [random.randint(1, 6) for _ in range(5)]


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        print(pool.map(roll, [1, 2, 3, 4]))
    random.seed(1)
    print([random.randint(1, 6) for _ in range(5)])

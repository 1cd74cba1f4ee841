# Workers are forked when the pool is made: they see the globals as they were then.
import multiprocessing

counter = 1


def bump(x):
    global counter
    counter += x
    return counter


if __name__ == "__main__":
    counter = 10
    pool = multiprocessing.Pool(1)
    counter = 100
    print(pool.apply(bump, (1,)))
    print(pool.apply(bump, (1,)))
    print(counter)
    pool.close()
    pool.join()
    pool = multiprocessing.Pool(1)
    print(pool.apply(bump, (5,)))
    pool.terminate()
    print("done")

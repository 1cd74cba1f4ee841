# The pool's life cycle: join needs close or terminate first; a closed pool takes no tasks;
# bad sizes are refused.
import multiprocessing


def one():
    return 1


if __name__ == "__main__":
    pool = multiprocessing.Pool(2)
    try:
        pool.join()
    except ValueError as e:
        print("join:", e)
    print(pool.apply(one))
    pool.close()
    for name in ["apply", "apply_async"]:
        try:
            getattr(pool, name)(one)
        except ValueError as e:
            print(name + ":", e)
    try:
        pool.map(abs, [1])
    except ValueError as e:
        print("map:", e)
    try:
        pool.imap_unordered(abs, [1])
    except ValueError as e:
        print("imap_unordered:", e)
    try:
        with pool:
            pass
    except ValueError as e:
        print("with:", e)
    pool.close()
    pool.join()
    pool.join()
    print("joined twice")
    for n in [0, -3]:
        try:
            multiprocessing.Pool(n)
        except ValueError as e:
            print(f"Pool({n}):", e)
    try:
        multiprocessing.Pool(1, maxtasksperchild=0)
    except ValueError as e:
        print("maxtasksperchild=0:", e)
    try:
        multiprocessing.Pool(1, initializer=5)
    except TypeError as e:
        print("initializer=5:", e)
    print("done")

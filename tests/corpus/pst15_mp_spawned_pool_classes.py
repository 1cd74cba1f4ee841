# A spawned child is a fresh interpreter: the Pool and AsyncResult classes the parent used before it
# started the child are the child's own there, deriving from the child's `object`.
import multiprocessing as mp


def square(x):
    return x * x


def report(where):
    with mp.get_context("fork").Pool(1) as pool:
        r = pool.apply_async(square, (3,))
        print(where, r.get(), type(r).__name__, isinstance(r, object))
        print(where, type(pool).__name__, isinstance(pool, object), issubclass(type(pool), object))
        it = pool.imap(square, [1, 2])
        print(where, list(it), type(it).__name__, isinstance(it, object))


if __name__ == "__main__":
    mp.set_start_method("spawn")
    report("parent")
    p = mp.Process(target=report, args=("child",))
    p.start()
    p.join()
    print("exitcode", p.exitcode)

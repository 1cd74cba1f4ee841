# A generator does not pickle, nor does an iterator reading from one: Connection.send raises at
# once, a Queue's feeder thread prints the error and drops the item, a spawned child is not
# started, a Pool task fails in the parent's task handler.
import multiprocessing as mp
import time


def gen():
    yield 1
    yield 2


def show(what, e):
    print(f"{what}: {type(e).__name__}: {e}")


def use(x):
    return list(x)


if __name__ == "__main__":
    r, w = mp.Pipe()
    for what, obj in [
        ("generator", gen()),
        ("genexpr", (x for x in [1])),
        ("enumerate of a generator", enumerate(gen())),
        ("zip with a generator", zip([1], gen())),
        ("list holding one", [1, gen()]),
    ]:
        try:
            w.send(obj)
        except TypeError as e:
            show(what, e)
    print("poll after the failed sends:", r.poll())
    q = mp.Queue()
    q.put(gen())
    print("put returned")
    time.sleep(0.3)
    q.put("next item")
    print("queue:", q.get())
    ctx = mp.get_context("spawn")
    p = ctx.Process(target=use, args=(gen(),))
    try:
        p.start()
    except TypeError as e:
        show("spawn", e)
    with mp.Pool(1) as pool:
        try:
            pool.apply(use, (gen(),))
        except TypeError as e:
            show("pool", e)
        print("pool still works:", pool.apply(use, (iter([7, 8]),)))

# Iterators sent through a Pipe, a Queue and a spawned child's arguments arrive where the sender
# left them (CPython pickles an iterator with its position), and an exhausted one arrives empty.
import multiprocessing as mp


def advanced(it, n):
    for _ in range(n):
        next(it)
    return it


def made():
    d = {"a": 1, "b": 2, "c": 3}
    return [
        ("list", advanced(iter([1, 2, 3, 4]), 1)),
        ("tuple", advanced(iter((1, 2, 3)), 2)),
        ("range", advanced(iter(range(0, 20, 3)), 2)),
        ("str", advanced(iter("héllo"), 1)),
        ("bytes", advanced(iter(b"abc"), 1)),
        ("dict", advanced(iter(d), 1)),
        ("values", advanced(iter(d.values()), 1)),
        ("items", advanced(iter(d.items()), 2)),
        ("set", iter({5})),
        ("enumerate", advanced(enumerate("abcd", 10), 1)),
        ("zip", advanced(zip([1, 2, 3], "xyz"), 1)),
        ("map", advanced(map(abs, [-1, -2, -3]), 1)),
        ("filter", advanced(filter(None, [0, 1, 0, 2, 3]), 1)),
        ("reversed", advanced(reversed([1, 2, 3]), 1)),
        ("reversed range", reversed(range(3))),
        ("nested", advanced(enumerate(zip(iter(range(5)), map(str, range(5)))), 3)),
        ("exhausted", advanced(iter([1, 2]), 2)),
    ]


def child(pairs):
    for name, it in pairs:
        print(f"child {name}: {list(it)}")


if __name__ == "__main__":
    r, w = mp.Pipe()
    for name, it in made():
        w.send(it)
        print(f"pipe {name}: {list(r.recv())}")
    # The iterator keeps going in the sender: the copy does not move it.
    it = advanced(iter([1, 2, 3]), 1)
    w.send(it)
    copy = r.recv()
    print("sender goes on", next(it), "copy", next(copy))
    # An iterator and its list in one message share the list, as pickle's memo does.
    items = [1, 2, 3]
    w.send((items, advanced(iter(items), 1)))
    got, got_it = r.recv()
    got.append(4)
    print("shared list", list(got_it))
    q = mp.Queue()
    q.put(advanced(iter(range(5)), 3))
    print("queue", list(q.get()))
    ctx = mp.get_context("spawn")
    p = ctx.Process(target=child, args=(made()[:4],))
    p.start()
    p.join()
    print("exitcode", p.exitcode)

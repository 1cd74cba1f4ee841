# itertools objects pickle in CPython 3.11 (all but pairwise): sent through a Queue or to a
# spawned child they carry on from where they were. A groupby carries its read-ahead item only
# while its current group has not taken it (CPython's groupby_reduce).
import itertools
import multiprocessing as mp


def advanced(it, n):
    for _ in range(n):
        next(it)
    return it


def made():
    return [
        ("count", advanced(itertools.count(5, 2), 2)),
        ("repeat", advanced(itertools.repeat("r", 4), 1)),
        ("cycle", advanced(itertools.cycle("ab"), 3)),
        ("islice", advanced(itertools.islice(range(20), 2, 12, 3), 1)),
        ("chain", advanced(itertools.chain([1, 2], (3, 4)), 1)),
        ("from_iterable", advanced(itertools.chain.from_iterable(["ab", "cd"]), 3)),
        ("accumulate", advanced(itertools.accumulate([1, 2, 3, 4]), 2)),
        ("accumulate initial", itertools.accumulate([1, 2], initial=100)),
        ("starmap", advanced(itertools.starmap(pow, [(2, 1), (2, 2), (2, 3)]), 1)),
        ("takewhile", advanced(itertools.takewhile(bool, [1, 2, 0, 3]), 1)),
        ("dropwhile", itertools.dropwhile(bool, [1, 0, 2])),
        ("filterfalse", itertools.filterfalse(None, [0, 1, "", 2])),
        ("compress", advanced(itertools.compress("abcd", [1, 0, 1, 1]), 1)),
        ("zip_longest", advanced(itertools.zip_longest([1, 2, 3], "x", fillvalue="-"), 1)),
        ("product", advanced(itertools.product("ab", [1, 2]), 1)),
        ("permutations", advanced(itertools.permutations([1, 2, 3], 2), 2)),
        ("combinations", advanced(itertools.combinations("abcd", 3), 1)),
        ("with replacement", advanced(itertools.combinations_with_replacement("ab", 2), 1)),
    ]


def first(name, it):
    if name in ("count", "cycle"):
        return [next(it) for _ in range(4)]
    return list(it)


def child(pairs):
    for name, it in pairs:
        print(f"child {name}: {first(name, it)}")


if __name__ == "__main__":
    q = mp.Queue()
    for name, it in made():
        q.put(it)
        print(f"queue {name}: {first(name, q.get())}")
    g = itertools.groupby("aabbbcdd")
    next(g)
    key, group = next(g)
    next(group)
    q.put(g)
    print("queue groupby:", [(k, list(v)) for k, v in q.get()])
    print("the group left behind:", list(group))
    g = itertools.groupby("xxyz")
    next(g)
    q.put(g)
    print("queue groupby with its item:", [(k, list(v)) for k, v in q.get()])
    a, b = itertools.tee(iter(range(5)))
    next(a)
    q.put((a, b))
    a2, b2 = q.get()
    print("queue tee:", list(a2), list(b2), next(a), next(b))
    r, w = mp.Pipe()
    try:
        w.send(itertools.pairwise([1, 2, 3]))
    except TypeError as e:
        print("pairwise:", e)
    ctx = mp.get_context("spawn")
    p = ctx.Process(target=child, args=(made()[:6],))
    p.start()
    p.join()
    print("exitcode", p.exitcode)

# pickle.dumps of tuples (EMPTY_TUPLE, TUPLE1-3, MARK ... TUPLE), lists and dicts (APPEND/SETITEM
# for one item, MARK ... APPENDS/SETITEMS in batches of 1000), sets (EMPTY_SET, ADDITEMS) and
# frozensets (FROZENSET), nested; each loads back equal.
import pickle

values = [(), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), ((),), [], [1], [1, 2], [[], [[]]], {}, {'a': 1},
          {'a': 1, 'b': [2]}, {1: {2: {3: ()}}}, set(), {5}, {1, 2, 3}, frozenset(),
          frozenset([7]), frozenset([(1, 2)]), [{1}, frozenset([2]), (3,), {'k': None}]]
for v in values:
    for proto in (2, 3, 4, 5):
        b = pickle.dumps(v, proto)
        assert pickle.loads(b) == v, (v, proto)
        print(proto, v, b)

for n in (999, 1000, 1001, 2000, 2001):
    lst = list(range(n))
    d = {i: i for i in range(n)}
    s = set(range(n))
    bl, bd, bs = pickle.dumps(lst), pickle.dumps(d), pickle.dumps(s)
    print(n, len(bl), bl.count(b'('), bl[-3:], len(bd), bd.count(b'('), bd[-3:],
          len(bs), bs[-3:], len(pickle.dumps(lst, 2)), len(pickle.dumps(s, 3)))
    assert pickle.loads(bl) == lst and pickle.loads(bd) == d and pickle.loads(bs) == s

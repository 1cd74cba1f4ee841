# pickle.dumps of deque, functools.partial and operator's itemgetter/attrgetter/methodcaller byte for byte as CPython 3.11's C
# reductions give them (a subclass's attributes and a partial's own attributes in the state), the
# round trips, copy of a deque subclass (its class called again, as deque_copy does), and the same
# objects through a Queue and a Pool.
import pickle, copy, collections, functools, operator, multiprocessing as mp

class D(collections.deque):
    pass

def show(x):
    return (type(x).__name__, list(x) if isinstance(x, collections.deque) else x)

if __name__ == '__main__':
    d = collections.deque([1, 2, 3], maxlen=3)
    e = D('ab')
    e.tag = 'kept'
    p = functools.partial(max, 1, key=abs)
    p.note = 'attr'
    for obj in [d, collections.deque([]), e, p, functools.partial(int, base=2),
                operator.itemgetter(1, 0), operator.attrgetter('real', 'imag'),
                operator.methodcaller('split', ','), operator.methodcaller('split', sep='-')]:
        for proto in (0, 2, 5):
            print(proto, pickle.dumps(obj, proto))
        back = pickle.loads(pickle.dumps(obj))
        print(repr(back) if not isinstance(back, collections.deque) else (type(back).__name__, list(back), back.maxlen, getattr(back, 'tag', None)))
    print(pickle.loads(pickle.dumps(p)).note, pickle.loads(pickle.dumps(p))(-5, 3))
    print(copy.deepcopy(d), copy.copy(e), type(copy.deepcopy(e)).__name__, copy.deepcopy(e).tag)
    q = mp.Queue()
    q.put([d, e, p, operator.itemgetter(2)])
    got = q.get()
    print(got[0], got[1], got[1].tag, got[2](-7, 2), got[3]('abc'))
    with mp.Pool(1) as pool:
        print(pool.apply(functools.partial(pow, 2), (10,)), pool.map(operator.itemgetter(0), ['xy', 'zw']))

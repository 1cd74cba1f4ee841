# A manager whose last reference goes shuts its server down then, as CPython's util.Finalize on it
# does: `del m`, a function's manager at its return, a rebound name; a proxy holds its manager.
import multiprocessing



def names():
    return sorted(p.name for p in multiprocessing.active_children())


def scoped():
    m = multiprocessing.Manager()
    d = m.dict(a=1)
    print('inside:', names(), dict(d))


def make():
    m = multiprocessing.Manager()
    d = m.dict()
    d['k'] = 'kept'
    return d


if __name__ == '__main__':
    m = multiprocessing.Manager()
    print(names())
    del m
    print('after del:', names())
    scoped()
    print('after return:', names())
    d = make()
    print('a proxy keeps its manager:', names(), dict(d))
    d = None
    print('after the proxy goes:', names())
    m = multiprocessing.Manager()
    m = multiprocessing.Manager()
    print('rebound:', names())
    with multiprocessing.Manager() as m2:
        print('with:', names())
    print('after with:', names())
    m.shutdown()
    print('end', names())

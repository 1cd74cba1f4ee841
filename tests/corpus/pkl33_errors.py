# What cannot be pickled fails as CPython's pickle fails (a lambda, a local function, a generator,
# a Lock, a Queue, an object whose reduction is wrong), and loads refuses broken data with CPython's
# errors; PicklingError and UnpicklingError are _pickle's, under PickleError.
import pickle
import multiprocessing

lam = lambda: 0


def outer():
    def inner():
        pass
    return inner


def gen():
    yield 1


class BadReduce:
    def __reduce__(self):
        return 42


class ShortReduce:
    def __reduce__(self):
        return (int,)


def show(what, f):
    try:
        r = f()
    except Exception as e:
        print(what, '->', type(e).__module__, type(e).__name__, str(e).replace(hex(id(lam)), '0x?').split(' on <module')[0])
    else:
        print(what, '->', r)


show('lambda', lambda: pickle.dumps(lam))
show('lambda in a list', lambda: pickle.dumps([1, lam]))
show('local function', lambda: pickle.dumps(outer()))
show('generator', lambda: pickle.dumps(gen()))
show('Lock', lambda: pickle.dumps(multiprocessing.Lock()))
show('Queue', lambda: pickle.dumps(multiprocessing.Queue()))
show('bad reduce', lambda: pickle.dumps(BadReduce()))
show('short reduce', lambda: pickle.dumps(ShortReduce()))
show('protocol 6', lambda: pickle.dumps(1, 6))
show('empty', lambda: pickle.loads(b''))
show('truncated', lambda: pickle.loads(b'\x80\x04K'))
show('no stop', lambda: pickle.loads(pickle.dumps([1, 2])[:-1]))
show('bad key', lambda: pickle.loads(b'zzz'))
show('bad key 2', lambda: pickle.loads(b'\xff'))
show('str', lambda: pickle.loads('abc'))
show('missing global', lambda: pickle.loads(b'\x80\x04\x95\x13\x00\x00\x00\x00\x00\x00\x00'
                                             b'\x8c\x08__main__\x94\x8c\x02zz\x94\x93\x94.'))
show('memo', lambda: pickle.loads(b'\x80\x04h\x05.'))
show('hierarchy', lambda: (issubclass(pickle.PicklingError, pickle.PickleError),
                           issubclass(pickle.UnpicklingError, pickle.PickleError),
                           pickle.PickleError.__mro__))
try:
    pickle.dumps(lam)
except pickle.PickleError as e:
    print('caught as PickleError:', type(e).__name__)

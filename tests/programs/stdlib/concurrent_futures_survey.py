# concurrent.futures: names and results for sample inputs (diff under python3 and forkyard).
import concurrent.futures as cf
from concurrent.futures import _base, process

NAMES = ['ALL_COMPLETED', 'BrokenExecutor', 'CancelledError', 'Executor', 'FIRST_COMPLETED',
         'FIRST_EXCEPTION', 'Future', 'InvalidStateError', 'ProcessPoolExecutor', 'TimeoutError',
         'as_completed', 'wait']


def square(x):
    return x * x


def boom(x):
    raise KeyError(x)


if __name__ == "__main__":
    for name in NAMES:
        v = getattr(cf, name)
        print(name, type(v).__name__, getattr(v, '__module__', None) if isinstance(v, type) else v if isinstance(v, str) else '')
    print([c.__name__ for c in cf.CancelledError.__mro__])
    print([c.__name__ for c in cf.InvalidStateError.__mro__])
    print([c.__name__ for c in process.BrokenProcessPool.__mro__])
    print(cf.TimeoutError is TimeoutError, _base.PENDING, _base.FINISHED, process.EXTRA_QUEUED_CALLS)
    f = cf.Future()
    print(f.done(), f.running(), f.cancelled(), f.cancel(), f.set_running_or_notify_cancel())
    g = cf.Future()
    g.set_result(None)
    print(g.result(), g.exception(), g.done())
    r = cf.wait([g])
    print(type(r).__name__, r._fields, len(r.done), len(r.not_done), r._asdict()['not_done'])
    print([x is g for x in cf.as_completed([g])])
    with cf.ProcessPoolExecutor(2) as ex:
        print(ex.submit(square, 12).result())
        print(list(ex.map(square, range(5), chunksize=2)))
        e = ex.submit(boom, 'k').exception()
        print(repr(e), type(e.__cause__).__name__, e.__cause__.tb.startswith('\n"""\nTraceback'))
        print(isinstance(ex, cf.Executor), ex._max_workers)

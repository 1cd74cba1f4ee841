# An ExceptionGroup sent through a Queue is rebuilt from (message, exceptions) with its members,
# and one a child handles with except* leaves the child's exit status 0.
import multiprocessing as mp


def work(q):
    q.put(ExceptionGroup('sent', [ValueError(1), ExceptionGroup('inner', [KeyError('k')])]))
    try:
        raise ExceptionGroup('in child', [TypeError('t'), ValueError('v')])
    except* TypeError as g:
        print('child took', repr(g), flush=True)
    except* ValueError as g:
        print('child took', repr(g), flush=True)


if __name__ == '__main__':
    q = mp.Queue()
    p = mp.Process(target=work, args=(q,))
    p.start()
    g = q.get()
    p.join()
    print(type(g).__name__, repr(g), str(g), g.exceptions[1].exceptions)
    print(repr(g.subgroup(KeyError)))
    print('exit', p.exitcode)

# except* (3.11): each clause takes its part of a group (split), a naked exception is wrapped in a
# group with an empty message, what is not handled goes on shaped as the original group, new
# exceptions raised in the clauses are gathered into ExceptionGroup('', [...]), a bare raise
# re-raises the part, else and finally run, and except* of ExceptionGroup is refused.
def run(label, f):
    try:
        f()
    except BaseException as e:
        print(label, '->', type(e).__name__, repr(e), repr(e.__context__)[:60])
    else:
        print(label, '-> ok')

def a():
    try:
        raise ExceptionGroup('eg', [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError as g:
        print(' caught', repr(g))
    except* (TypeError, KeyError) as g:
        print(' caught', repr(g))
run('a', a)
def b():
    try:
        raise ValueError('naked')
    except* ValueError as g:
        print(' caught', repr(g), repr(g.exceptions[0]))
run('b', b)
def c():
    try:
        raise ValueError('naked')
    except* TypeError:
        print('no')
run('c', c)
def d():
    try:
        raise ExceptionGroup('eg', [ValueError(1), TypeError(2)])
    except* ValueError:
        print(' handled V')
run('d', d)
def e():
    try:
        raise ExceptionGroup('eg', [ValueError(1)])
    except* ValueError:
        raise KeyError('new')
run('e', e)
def f():
    try:
        raise ExceptionGroup('eg', [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
run('f', f)
def g():
    try:
        pass
    except* ValueError:
        pass
    else:
        print(' else ran')
    finally:
        print(' finally ran')
run('g', g)
def h():
    try:
        raise ExceptionGroup('eg', [ValueError(1)])
    except* ExceptionGroup:
        pass
run('h', h)
def i():
    try:
        raise ExceptionGroup('eg', [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError('k')
    except* TypeError:
        raise OSError('o')
run('i', i)
def j():
    try:
        raise ExceptionGroup('outer', [ValueError(1), ExceptionGroup('in', [ValueError(2), TypeError(3)])])
    except* ValueError as g:
        print(' values', repr(g))
run('j', j)
def k():
    try:
        raise KeyboardInterrupt()
    except* KeyboardInterrupt as g:
        print(' base', type(g).__name__, repr(g))
run('k', k)
def m():
    for n in range(2):
        try:
            raise ExceptionGroup('loop', [ValueError(n)])
        except* ValueError as g:
            print(' loop', n, repr(g.exceptions))
    print(' after', 'g' in locals())
run('m', m)

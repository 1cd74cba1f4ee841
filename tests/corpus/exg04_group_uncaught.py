# An uncaught exception group printed as CPython 3.11 draws it: the group's traceback, then each
# member in a numbered box with its own traceback and chain, a nested group one level in, the
# box closed after the last member; the exit status is 1.
def fail(n):
    raise ValueError(f'bad {n}')


def chained():
    try:
        raise KeyError('k')
    except KeyError as e:
        raise RuntimeError('lookup failed') from e


errors = []
for i in (1, 2):
    try:
        fail(i)
    except ValueError as e:
        errors.append(e)
try:
    chained()
except RuntimeError as e:
    errors.append(e)
errors.append(ExceptionGroup('inner', [TypeError('t'), ExceptionGroup('deep', [OSError('o')])]))
errors.append(ZeroDivisionError('last'))
print('raising', len(errors))
raise ExceptionGroup('many things', errors)

# exceptions: add_note and __notes__ (printed after the exception's line), sys.exc_info, sys.exception, chains.
class MyError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try:
    raise MyError(404, 'not found')
except MyError as e:
    print(e, e.code, e.args, repr(e))
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError('bad') from e
except ValueError as e:
    print(repr(e.__cause__), e.__context__ is e.__cause__, e.__suppress_context__)
e = ValueError('x'); e.add_note('note 1'); print(e.__notes__)
import sys
try:
    raise KeyError('k')
except KeyError:
    t, v, tb = sys.exc_info(); print(t.__name__, v, tb is not None)
print(sys.exc_info())
try:
    raise IndexError('i')
except IndexError:
    print(repr(sys.exception()))
print(sys.exception())
def f():
    try:
        return 'try'
    finally:
        print('finally runs')
print(f())
for exc in [ArithmeticError, LookupError, OSError, RuntimeError, NotImplementedError, RecursionError, StopIteration, UnicodeDecodeError]:
    print(exc.__name__, exc.__mro__[1].__name__)
def risky():
    e = ValueError('with notes')
    e.add_note('first note')
    e.add_note('second note')
    raise e
try:
    risky()
except ValueError as e:
    import traceback
    print(traceback.format_exception_only(e))
try:
    ValueError().add_note(5)
except TypeError as e:
    print(e)
risky()

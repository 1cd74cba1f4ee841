# ExceptionGroup and BaseExceptionGroup: construction and its refusals (a BaseExceptionGroup of
# Exceptions is an ExceptionGroup), message/exceptions/args, str and repr, subgroup and split by
# type, tuple and predicate through nested groups, derive (a subclass's own), cause and notes kept.
for args in (('m',), (1, [ValueError()]), ('m', ValueError()), ('m', []), ('m', [1]), ('m', [ValueError(), 2])):
    try:
        ExceptionGroup(*args)
    except Exception as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup('m', [KeyboardInterrupt()])
except Exception as e:
    print(type(e).__name__, e)
g = BaseExceptionGroup('m', [ValueError('a')])
print(type(g).__name__, repr(g), str(g))
g = BaseExceptionGroup('m', [ValueError('a'), KeyboardInterrupt()])
print(type(g).__name__, repr(g), str(g), g.message, g.exceptions, g.args)
print(ExceptionGroup.__mro__, BaseExceptionGroup.__mro__)
try:
    ExceptionGroup('m', [ValueError()], 3)
except Exception as e:
    print(type(e).__name__, e)
g = ExceptionGroup('eg', [ValueError(1), TypeError(2), ExceptionGroup('inner', [ValueError(3), KeyError(4)])])
print(repr(g.subgroup(ValueError)))
print(repr(g.subgroup(lambda e: isinstance(e, KeyError))))
print(g.subgroup(OSError), g.subgroup(BaseException) is g)
m, r = g.split((TypeError, KeyError))
print(repr(m), repr(r))
print(g.split(Exception)[0] is g, g.split(Exception)[1])
print(g.subgroup(lambda e: e is g) is g, len(g.exceptions), type(g.exceptions).__name__)
d = g.derive([ZeroDivisionError()])
print(repr(d), type(d).__name__, repr(g.derive([KeyboardInterrupt()])))
for cond in (1, [ValueError], (ValueError, 2)):
    try:
        g.split(cond)
    except TypeError as e:
        print('TypeError', e)
g.__cause__ = KeyError('why')
g.add_note('a note')
sub = g.subgroup(TypeError)
print(repr(sub.__cause__), sub.__notes__)
class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + '+', excs)
x = MyEG('mine', [ValueError(1), TypeError(2)])
print(repr(x), repr(x.subgroup(ValueError)), type(x.split(TypeError)[1]).__name__)
print(isinstance(x, Exception), issubclass(ExceptionGroup, BaseExceptionGroup), issubclass(BaseExceptionGroup, Exception))
try:
    raise ExceptionGroup('caught', [OSError('o')])
except ExceptionGroup as e:
    print('plain except', repr(e), e.exceptions[0])

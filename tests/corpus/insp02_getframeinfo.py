# inspect.getframeinfo and getouterframes: file, line, function and the lines around it.
import inspect
import os


def where(context=1):
    info = inspect.getframeinfo(inspect.currentframe().f_back, context)
    return (os.path.basename(info.filename), info.lineno, info.function,
            info.code_context, info.index)


def a():
    return where()


def b():
    x = 1
    y = where(3)
    return y


print(a())
print(b())
print(where(5))
info = inspect.getframeinfo(inspect.currentframe())
print(type(info).__name__, info._fields, info[1], info[2])
print(info.positions.lineno == info.lineno)


def chain():
    return [(fi.function, fi.lineno) for fi in inspect.getouterframes(inspect.currentframe())]


def top():
    return chain()


print(top())
print(inspect.getlineno(inspect.currentframe()))
try:
    inspect.getframeinfo(42)
except (TypeError, AttributeError) as e:
    print(type(e).__name__)

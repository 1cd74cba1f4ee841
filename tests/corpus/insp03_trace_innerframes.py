# inspect.trace and getinnerframes: the frames between the handler and the raise.
import inspect
import sys


def divide(a, b):
    ratio = a / b
    return ratio


def compute(pairs):
    results = []
    for a, b in pairs:
        results.append(divide(a, b))
    return results


try:
    compute([(4, 2), (1, 0)])
except ZeroDivisionError:
    for info in inspect.trace():
        names = sorted(k for k in info.frame.f_locals if not k.startswith("__"))
        if info.function == "<module>":
            names = "..."
        print(info.function, info.lineno, info.code_context, info.index, names)
    inner = inspect.getinnerframes(sys.exc_info()[2], context=3)
    print([(i.function, i.index, len(i.code_context)) for i in inner])
    print(inner[-1].frame.f_locals["a"], inner[-1].frame.f_locals["b"])
print(inspect.trace())
try:
    raise ValueError("here")
except ValueError:
    print([(i.function, i.lineno) for i in inspect.trace()])

# PEP 479: a StopIteration escaping a generator becomes RuntimeError, chained to it.
def careless(items):
    it = iter(items)
    while True:
        yield next(it)


print(list(careless([])) if False else "defined")
try:
    list(careless([1, 2]))
except RuntimeError as e:
    print("RuntimeError:", e, "| caused by", type(e.__cause__).__name__)


def explicit():
    yield 1
    raise StopIteration("stop")


for x in explicit():
    print(x)

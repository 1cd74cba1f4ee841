from contextlib import suppress, closing, nullcontext


with suppress(KeyError, IndexError):
    print("before")
    {}["missing"]
    print("never")
print("suppressed")

with suppress(ZeroDivisionError):
    pass
print("nothing to suppress")

try:
    with suppress(KeyError):
        int("x")
except ValueError as e:
    print("ValueError:", e)


class Resource:
    def __init__(self, name):
        self.name = name

    def close(self):
        print("closed", self.name)


with closing(Resource("db")) as r:
    print("using", r.name)

try:
    with closing(Resource("file")):
        raise RuntimeError("boom")
except RuntimeError as e:
    print("RuntimeError:", e)

with nullcontext() as v:
    print(v)
with nullcontext(42) as v:
    print(v)


def work(lock=None):
    with lock if lock is not None else nullcontext():
        return "done"


print(work())

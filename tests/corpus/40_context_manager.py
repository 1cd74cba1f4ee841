# with statements: __enter__/__exit__ order, exceptions, suppression.
class Tracer:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress
with Tracer("a") as t:
    print("inside", t.name)
with Tracer("outer"), Tracer("inner"):
    print("body")
with Tracer("quiet", suppress=True):
    raise ValueError("swallowed")
print("after quiet")
try:
    with Tracer("loud"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))
def early():
    with Tracer("ret"):
        return "returned"
print(early())
for i in range(3):
    with Tracer(f"loop{i}"):
        if i == 1:
            continue
        print("work", i)
with Tracer("x") as first, Tracer("y") as second:
    print(first.name + second.name)

from contextlib import contextmanager, ContextDecorator, AbstractContextManager, nullcontext


@contextmanager
def announce(label):
    print("start", label)
    yield
    print("stop", label)


@announce("job")
def job(n):
    print("working on", n)
    return n * 2


print(job(3))
print(job(4))


class track(ContextDecorator):
    def __enter__(self):
        print("tracking on")
        return self

    def __exit__(self, *exc):
        print("tracking off", exc[0].__name__ if exc[0] else None)
        return False


@track()
def compute():
    return sum(range(5))


print(compute())


class Session(AbstractContextManager):
    def __exit__(self, exc_type, exc, tb):
        print("session closed")


with Session() as s:
    print(type(s).__name__)

for ctx in [nullcontext("fallback"), announce("real")]:
    with ctx as value:
        print("value:", value)

from contextlib import contextmanager, ExitStack, suppress
import time


@contextmanager
def timed(label, log):
    start = time.time()
    try:
        yield log
    finally:
        took = time.time() - start
        log.append(f"{label}: {'at least' if took >= 0.2 else 'under'} 0.2 s")


log = []
with timed("nap", log):
    time.sleep(0.2)
with suppress(RuntimeError):
    with timed("fail", log):
        raise RuntimeError("x")
print(log)


@contextmanager
def transaction(db):
    snapshot = dict(db)
    try:
        yield db
    except Exception as e:
        db.clear()
        db.update(snapshot)
        print("rolled back:", e)
        raise


db = {"a": 1}
with transaction(db) as t:
    t["b"] = 2
try:
    with transaction(db) as t:
        t["c"] = 3
        raise KeyError("bad key")
except KeyError as e:
    print("re-raised:", e)
print(db)


@contextmanager
def level(n, out):
    out.append(f"enter {n}")
    yield n
    out.append(f"exit {n}")


out = []
with ExitStack() as stack:
    values = [stack.enter_context(level(i, out)) for i in range(3)]
    out.append(f"body {values}")
print(out)

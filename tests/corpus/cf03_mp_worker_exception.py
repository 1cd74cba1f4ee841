# An exception raised in a worker comes back: result() re-raises it, with the worker's traceback
# as its cause.
import concurrent.futures


def divide(a, b):
    return a / b


def fail(kind):
    if kind == "key":
        return {}["missing"]
    raise ValueError(f"bad {kind}")


if __name__ == "__main__":
    ex = concurrent.futures.ProcessPoolExecutor(max_workers=1)
    f = ex.submit(fail, "key")
    try:
        f.result()
    except KeyError as e:
        print("KeyError:", e)
        print("cause:", type(e.__cause__).__name__, type(e.__cause__).__module__)
        print("the cause names the worker's line:", "return {}[\"missing\"]" in str(e.__cause__))
    print(repr(f))
    e = ex.submit(fail, "value").exception()
    print(type(e).__name__, e.args)
    print(ex.submit(divide, 1, 4).result())
    g = ex.submit(divide, 1, 0)
    g.result()

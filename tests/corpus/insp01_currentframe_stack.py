# inspect.currentframe and inspect.stack: the frame running, and FrameInfo for each frame out.
import inspect


def log(msg):
    caller = inspect.currentframe().f_back
    print(f"[{caller.f_code.co_name}:{caller.f_lineno}] {msg}")


def worker(n):
    log(f"start {n}")
    total = sum(range(n))
    log(f"done {total}")
    return total


worker(5)


def show_stack():
    for info in inspect.stack():
        print(info.function, info.lineno, info.code_context, info.index)


def level1():
    show_stack()


level1()
st = inspect.stack()
first = st[0]
print(type(first).__name__, isinstance(first, tuple), len(first), first._fields)
print(first[2], first[3], first.frame is inspect.currentframe())
print(first.filename == __file__, inspect.getframeinfo(first.frame).function)
print(inspect.currentframe().f_code.co_name, len(st))


def ctx():
    return inspect.stack(context=3)[0]


fi = ctx()
print(fi.code_context, fi.index, fi.lineno)
print(inspect.stack(0)[0].code_context, inspect.stack(0)[0].index)

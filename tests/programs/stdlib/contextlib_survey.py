# Survey of contextlib: each line is a name and its result for sample inputs.
import contextlib
from contextlib import contextmanager, suppress, closing, nullcontext, ExitStack


@contextmanager
def cm(log):
    log.append("enter")
    try:
        yield len(log)
    except KeyError:
        log.append("caught")
    finally:
        log.append("exit")


log = []
with cm(log) as v:
    log.append(f"body {v}")
with cm(log):
    raise KeyError("k")
print("contextmanager", log)
with suppress(ValueError):
    int("x")
print("suppress", "ok")


class Thing:
    def close(self):
        print("closing", "closed")


with closing(Thing()):
    pass
with nullcontext(5) as n:
    print("nullcontext", n)
with ExitStack() as stack:
    stack.callback(print, "ExitStack", "callback")
    print("ExitStack", stack.enter_context(nullcontext("entered")))
for name in ["contextmanager", "suppress", "closing", "nullcontext", "ExitStack",
             "AbstractContextManager", "ContextDecorator", "redirect_stdout"]:
    print("has", name, hasattr(contextlib, name))

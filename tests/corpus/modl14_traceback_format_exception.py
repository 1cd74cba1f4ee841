import sys
import traceback


def fail(n):
    if n == 0:
        raise RuntimeError("bottom")
    fail(n - 1)


try:
    fail(2)
except RuntimeError as e:
    caught = e

parts = traceback.format_exception(caught)
print(len(parts), type(parts).__name__)
print(parts[0], end="")
print([p.split(",", 1)[1] for p in parts[1:-1]])
print(parts[-1], end="")
print(traceback.format_exception(type(caught), caught, caught.__traceback__)[-1], end="")
print(traceback.format_exception_only(caught))
print(traceback.format_exception_only(KeyError("k")))
print(traceback.format_exception(ValueError("never raised")))
print(traceback.format_exception_only(ValueError()))

print(len(traceback.format_exception(caught)))
print("--- to stderr")
traceback.print_exception(caught)
try:
    [].pop()
except IndexError:
    traceback.print_exc()
print("done")

import traceback


def load(key):
    data = {"a": 1}
    try:
        return data[key]
    except KeyError as e:
        raise LookupError(f"no setting {key}") from e


try:
    load("b")
except LookupError:
    traceback.print_exc()

try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
except TypeError as e:
    traceback.print_exception(e)
    lines = traceback.format_exception(e, chain=False)
    print(len(lines), lines[-1], end="")

traceback.print_exc()
print(traceback.format_exception_only(SystemExit(3)))

import traceback


def shorten(text):
    # CPython names the script by its absolute path: keep only what follows the file name.
    # Lines of only ^ and ~ mark columns under a source line (CPython's parser detail).
    out = []
    for line in text.splitlines():
        if line.strip() and set(line.strip()) <= set("^~"):
            continue
        if line.startswith('  File "'):
            line = '  File "' + line.split('"')[1].split("/")[-1] + '"' + line.split('"', 2)[2]
        out.append(line)
    return "\n".join(out)


def inner(x):
    return 10 // x


def outer(x):
    return inner(x) + 1


print(repr(traceback.format_exc()))
try:
    outer(0)
except ZeroDivisionError:
    text = traceback.format_exc()
    print(shorten(text))
    print(text.endswith("ZeroDivisionError: integer division or modulo by zero\n"))

try:
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("converted") from e
except ValueError:
    print(shorten(traceback.format_exc()))

try:
    try:
        int("x")
    except ValueError:
        None.attr
except AttributeError:
    print(shorten(traceback.format_exc()))
    print("--- chain=False")
    print(shorten(traceback.format_exc(chain=False)))

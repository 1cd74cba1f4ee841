# traceback: exc.__traceback__, format_tb, format_exception(exc) with chains, print_exception.
import io
import sys
import traceback


def strip(text):
    # CPython names the script by its absolute path: keep the line number and function.
    return text.replace('File "' + __file__ + '"', 'File "<here>"')


def inner():
    raise ValueError("bad value")


def middle():
    inner()


try:
    middle()
except ValueError as e:
    tb = e.__traceback__
    print(type(tb).__name__, tb.tb_lineno, tb.tb_next.tb_lineno, tb.tb_next.tb_next.tb_lineno)
    print(tb.tb_next.tb_next.tb_next)
    for chunk in traceback.format_tb(tb):
        print(strip(chunk), end="")
    print(len(traceback.format_tb(tb, limit=1)), len(traceback.format_tb(tb, limit=-1)))
    print(strip(traceback.format_tb(tb, -1)[0]), end="")

print(ValueError("never raised").__traceback__)
print(traceback.format_tb(None))

try:
    try:
        middle()
    except ValueError as e:
        raise KeyError("k") from e
except KeyError as e:
    print(strip("".join(traceback.format_exception(e))), end="")
    print(strip("".join(traceback.format_exception(type(e), e, e.__traceback__))) ==
          strip("".join(traceback.format_exception(e))))
    print(strip(traceback.format_exc()) == strip("".join(traceback.format_exception(e))))
    print(traceback.format_exception(e, chain=False)[-1], end="")
    traceback.print_exception(e)
    traceback.print_tb(e.__traceback__)

try:
    try:
        inner()
    except ValueError:
        raise TypeError("while handling")
except TypeError as e:
    print(strip(traceback.format_exc()), end="")
    buf = io.StringIO()
    traceback.print_exc(file=buf)
    print(strip(buf.getvalue()) == strip(traceback.format_exc()))

try:
    try:
        inner()
    except ValueError:
        raise TypeError("quiet") from None
except TypeError as e:
    print(strip("".join(traceback.format_exception(e))), end="")

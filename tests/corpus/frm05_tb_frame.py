# A traceback's frames: tb_frame, tb_lineno, tb_next, and the frames it left keeping their
# locals and last line.
import sys
import traceback


def parse(text):
    value = text.strip()
    return int(value)


def load(items):
    out = []
    for item in items:
        out.append(parse(item))
    return out


try:
    load(["1", " 2", "x"])
except ValueError as e:
    tb = e.__traceback__
    while tb is not None:
        f = tb.tb_frame
        names = sorted(k for k in f.f_locals if not k.startswith("__")) if f.f_code.co_name != "<module>" else "..."
        print(tb.tb_lineno, f.f_code.co_name, f.f_lineno, names)
        tb = tb.tb_next
    last = e.__traceback__.tb_next.tb_next.tb_frame
    print(last.f_locals["value"], last.f_back.f_code.co_name, last.f_back.f_locals["out"])
    print(e.__traceback__.tb_frame is sys._getframe())

try:
    {}["missing"]
except KeyError:
    t, v, tb = sys.exc_info()
    print(type(tb).__name__, tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_next)
    print(tb.tb_frame.f_lineno)


def risky():
    secret = 42
    raise RuntimeError("boom")


def wrapper():
    try:
        risky()
    except RuntimeError as err:
        return err


err = wrapper()
frames = [f for f, _ in traceback.walk_tb(err.__traceback__)]
print([f.f_code.co_name for f in frames], frames[1].f_locals, frames[0].f_lineno)
print([ln for _, ln in traceback.walk_tb(err.__traceback__)])

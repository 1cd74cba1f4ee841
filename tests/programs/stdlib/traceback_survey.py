# Survey of traceback: each line is a name and its result for sample inputs (paths cut to the
# file name, column markers dropped: they differ between CPython and forkyard by design).
import traceback


def tidy(text):
    out = []
    for line in text.splitlines():
        if line.strip() and set(line.strip()) <= set("^~"):
            continue
        if line.startswith('  File "'):
            line = "  File " + line.split('"')[1].split("/")[-1] + line.split('"', 2)[2]
        out.append(line)
    return out


def boom():
    raise ValueError("bad")


print("format_exc outside", repr(traceback.format_exc()))
try:
    boom()
except ValueError as e:
    print("format_exc", tidy(traceback.format_exc()))
    print("format_exception", [tidy(p) for p in traceback.format_exception(e)])
    print("format_exception 3-arg", traceback.format_exception(type(e), e, None)[-1:])
    print("format_exception_only", traceback.format_exception_only(e))
for name in ["format_exc", "print_exc", "format_exception", "print_exception",
             "format_exception_only"]:
    print("has", name, hasattr(traceback, name))

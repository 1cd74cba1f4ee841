# An exception whose __str__ raises, or returns something that is not a str, is reported as
# CPython reports it: "E: <exception str() failed>", at the top level and in the traceback module.
import traceback


class E(Exception):
    def __str__(self):
        raise RuntimeError("str fails")


class N(Exception):
    def __str__(self):
        return 5


for cls in (E, N):
    try:
        raise cls("x")
    except Exception as e:
        print(traceback.format_exception_only(e))
        print(traceback.format_exc().splitlines()[-1])
        try:
            str(e)
        except Exception as e2:
            print(type(e2).__name__, e2)
raise N("y")

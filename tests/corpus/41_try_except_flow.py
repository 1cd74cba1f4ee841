# try/except/else/finally control flow.
def attempt(x):
    try:
        print("try", x)
        result = 10 // x
    except ZeroDivisionError:
        print("except")
        return "failed"
    else:
        print("else", result)
        return result
    finally:
        print("finally", x)
print(attempt(2))
print(attempt(0))
def nested():
    try:
        try:
            raise ValueError("inner")
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer caught", e)
nested()
try:
    try:
        int("x")
    except ValueError:
        print("handling")
        raise
except ValueError as e:
    print("re-raised:", e)
try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("while handling")
except RuntimeError as e:
    print(e, "| context:", repr(e.__context__))
for exc in [None, TypeError, ValueError]:
    try:
        if exc:
            raise exc("boom")
        print("no error")
    except (TypeError, ValueError) as e:
        print("caught", type(e).__name__, e)
    else:
        print("else ran")
    finally:
        print("done", exc.__name__ if exc else None)
e = "unused"
try:
    raise IndexError("gone")
except IndexError as e:
    pass
try:
    print(e)
except NameError as ne:
    print("NameError:", ne)

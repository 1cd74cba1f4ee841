# The builtin exception hierarchy decides which handler catches.
cases = [
    ("zero", lambda: 1 / 0),
    ("key", lambda: {}["x"]),
    ("index", lambda: [][0]),
    ("value", lambda: int("no")),
    ("type", lambda: len(3)),
    ("attr", lambda: None.foo),
    ("name", lambda: missing_name),
    ("overflow", lambda: 10.0 ** 400),
]
for label, fn in cases:
    try:
        fn()
    except LookupError as e:
        print(label, "-> LookupError", type(e).__name__)
    except ArithmeticError as e:
        print(label, "-> ArithmeticError", type(e).__name__)
    except Exception as e:
        print(label, "-> Exception", type(e).__name__)
print(issubclass(KeyError, LookupError), issubclass(IndexError, LookupError))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(OverflowError, ArithmeticError))
print(issubclass(UnboundLocalError, NameError), issubclass(FileNotFoundError, OSError))
print(issubclass(Exception, BaseException), issubclass(SystemExit, Exception), issubclass(KeyboardInterrupt, Exception))
print(issubclass(NotImplementedError, RuntimeError), issubclass(RecursionError, RuntimeError))
print(issubclass(AssertionError, Exception), issubclass(StopIteration, Exception), issubclass(TimeoutError, OSError))
print(issubclass(BrokenPipeError, ConnectionError), issubclass(ConnectionError, OSError), issubclass(EOFError, Exception))
try:
    raise SystemExit(4)
except Exception:
    print("not here")
except BaseException as e:
    print("BaseException caught", type(e).__name__, e.code)

# A program's own exception class named `ValueError` is not the builtin: `except ValueError` in this
# program catches only its own, a builtin error (int("x"), a missing key) passes it by, and its name
# and module are the program's.


class ValueError(Exception):
    pass


class KeyError(ValueError):
    pass


def convert(text):
    try:
        return int(text)
    except ValueError:
        return "own ValueError caught"
    except Exception as e:
        return f"builtin {type(e).__name__} passed by: {type(e) is ValueError}"


print(convert("12"))
print(convert("x"))

try:
    raise ValueError("mine")
except ValueError as e:
    print("caught", type(e).__module__, type(e).__qualname__, e.args)

try:
    {}["k"]
except KeyError:
    print("own KeyError")
except LookupError as e:
    print("builtin", repr(e), isinstance(e, KeyError))

print(issubclass(KeyError, ValueError), issubclass(KeyError, LookupError))
print([k.__name__ for k in KeyError.__mro__])
try:
    raise KeyError("deep")
except Exception as e:
    print(repr(e), str(e))
raise ValueError("uncaught own")

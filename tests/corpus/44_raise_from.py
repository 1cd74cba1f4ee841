# raise ... from: __cause__, __context__ and __suppress_context__.
class ConfigError(Exception):
    pass
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(f"bad number {text!r}") from e
try:
    parse("ten")
except ConfigError as e:
    print(e)
    print(type(e.__cause__).__name__, e.__cause__)
    print(e.__context__ is e.__cause__, e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise LookupError("hidden") from None
except LookupError as e:
    print(e, e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
try:
    raise RuntimeError("plain")
except RuntimeError as e:
    print(e.__cause__, e.__context__)
print(parse("12"))

# A suspended generator whose last reference goes is closed then (its finally runs); what its closing
# raises is reported as "Exception ignored in", not raised; at the end the rest are closed.
def cleanup_fails():
    try:
        yield 1
    finally:
        raise ValueError("in finally")


def use_once():
    it = cleanup_fails()
    next(it)
    return "used"


print(use_once())
x = cleanup_fails()
next(x)
x = 5
print("after the rebinding")


def stubborn():
    while True:
        try:
            yield
        except GeneratorExit:
            print("ignoring GeneratorExit")


s = stubborn()
next(s)
s = None
print("after the drop")


def polite(n):
    try:
        yield n
    finally:
        print("closed at the end:", n)


a = polite(1)
next(a)
b = polite(2)
next(b)
print("last line")

# global and nonlocal; UnboundLocalError.
counter = 0
def bump():
    global counter
    counter += 1
bump()
bump()
print(counter)
def read_only():
    return counter * 10
print(read_only())
def make_global():
    global created
    created = "made inside"
make_global()
print(created)
total = 5
def broken():
    total += 1
    return total
try:
    broken()
except UnboundLocalError as e:
    print(type(e).__name__, e)
print(isinstance(UnboundLocalError(), NameError))
def shadow():
    counter = "local"
    return counter
print(shadow(), counter)
def outer():
    x = 1
    def inner():
        nonlocal x
        x = 2
    inner()
    return x
print(outer())
def outer2():
    x = 1
    def inner():
        x = 2
        return x
    return inner(), x
print(outer2())
try:
    print(undefined_thing)
except NameError as e:
    print("NameError:", e)

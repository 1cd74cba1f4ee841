# `nonlocal` needs a binding in an enclosing function; the module's `count` is not one.
count = 0


def worker():
    nonlocal count
    count += 1


worker()

# This program's first comment block:
# getcomments of the module reads it.

# inspect.getfile, getsourcefile, getmodule and getcomments for the program's objects, and the
# errors for builtins.
import inspect
import os


# Computes a value.
#
# Twice as big.
def double(n):
    return n * 2


class Thing:
    # the method's comment
    def method(self):
        pass


def no_comment():
    pass


print(os.path.basename(inspect.getfile(double)), inspect.getfile(double) == __file__)
print(inspect.getsourcefile(Thing) == __file__, inspect.getfile(Thing.method) == __file__)
print(inspect.getfile(inspect.currentframe()) == __file__)
print(inspect.getfile(double.__code__) == __file__)
mod = inspect.getmodule(double)
print(mod.__name__, inspect.getmodule(Thing).__name__, mod.double is double)
print(inspect.getmodule(inspect.currentframe()).__name__)
print(repr(inspect.getcomments(double)))
print(repr(inspect.getcomments(Thing.method)))
print(inspect.getcomments(no_comment))
print(inspect.getcomments(mod), end="")
for obj in (len, 3, "text"):
    try:
        inspect.getfile(obj)
    except TypeError as e:
        print("TypeError:", e)
try:
    inspect.getsource(int)
except TypeError as e:
    print("TypeError:", e)

# A frame's code object: the co_* facts of the running function, the same kind as __code__.
import sys
import os


def area(width, height=2, *rest, scale=1, **opts):
    ratio = width / height
    code = sys._getframe().f_code
    print(code.co_name, code.co_qualname, code.co_argcount, code.co_kwonlyargcount)
    print(code.co_varnames)
    print(code.co_firstlineno, os.path.basename(code.co_filename))
    print(code.co_flags & 0x4 != 0, code.co_flags & 0x8 != 0)
    return ratio


area(3)


class Box:
    def size(self):
        c = sys._getframe().f_code
        return c.co_name, c.co_qualname, c.co_argcount, c.co_varnames

    class Lid:
        def fit(self):
            return sys._getframe().f_code.co_qualname


print(Box().size())
print(Box.Lid().fit())


def outer():
    def inner():
        return sys._getframe().f_code.co_qualname
    return inner()


print(outer())
top = sys._getframe().f_code
print(top.co_name, top.co_firstlineno, top.co_filename == __file__)
print(type(top).__name__, type(area.__code__).__name__, type(top) is type(area.__code__))
print(area.__code__.co_name, area.__code__.co_filename == __file__)
r = repr(area.__code__)
print(r.startswith("<code object area at 0x"), r.endswith('", line 6>'))
print(repr(top).startswith("<code object <module> at 0x"))

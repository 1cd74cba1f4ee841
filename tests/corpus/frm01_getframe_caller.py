# sys._getframe: "who called me", a frame's depth, and the errors of a bad depth.
import sys


def who_called():
    return sys._getframe(1).f_code.co_name


def me():
    return sys._getframe().f_code.co_name


def report():
    print("report called by", who_called(), "and is", me())


def handler():
    report()


class Service:
    def run(self):
        print("run called by", who_called())
        report()


handler()
Service().run()
print("module level:", me(), who_called.__name__)
print(sys._getframe(0) is sys._getframe())
print(sys._getframe().f_back)
try:
    sys._getframe(50)
except ValueError as e:
    print("ValueError:", e)
try:
    sys._getframe("1")
except TypeError as e:
    print("TypeError:", e)


def depth():
    n = 0
    f = sys._getframe()
    while f.f_back is not None:
        n += 1
        f = f.f_back
    return n


def nest(k):
    return depth() if k == 0 else nest(k - 1)


depths = []
for k in range(4):
    depths.append(nest(k))
print(depths)

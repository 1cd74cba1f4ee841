# __index__ makes an object usable where an int is needed.
class Three:
    def __index__(self):
        return 3

t = Three()
xs = list(range(10))
print(xs[t], "abcdef"[t], (1, 2, 3, 4)[t], range(10, 20)[t], t.__index__())
class Big:
    def __index__(self):
        return -1
print(xs[Big()], "abc"[Big()])
class Bad:
    def __index__(self):
        return "no"
try:
    xs[Bad()]
except TypeError as e:
    print("TypeError:", e)
class NotIdx:
    pass
try:
    xs[NotIdx()]
except TypeError as e:
    print("TypeError:", e)

# *args and **kwargs, and unpacking into calls.
def show(*args, **kwargs):
    print(args, kwargs)
show()
show(1, 2)
show(a=1)
show(1, "two", three=3, four=4)
def total(first, *rest):
    return first + sum(rest)
print(total(1), total(1, 2, 3))
values = [4, 5, 6]
opts = {"sep": "-", "end": "|\n"}
print(*values, **opts)
def point(x, y, z=0):
    return (x, y, z)
print(point(*[1, 2]), point(**{"y": 2, "x": 1}), point(1, *[2], **{"z": 3}))
def wrapper(*args, **kwargs):
    print("calling with", len(args), "args and", sorted(kwargs))
    return point(*args, **kwargs)
print(wrapper(7, 8, z=9))
def mixed(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(mixed(1, c=3))
print(mixed(1, 5, 6, 7, c=3, e=5))
def count_kw(**kw):
    return len(kw)
print(count_kw(), count_kw(**{"a": 1, "b": 2}))

# __length_hint__ where CPython's iterator types have it, operator.length_hint, and every builtin
# iterator being a collections.abc.Iterator.
import collections.abc
import operator

d = {"a": 1, "b": 2, "c": 3}
its = [
    iter([1, 2, 3]), iter((1, 2)), iter(range(0, 10, 3)), iter(range(10, 0, -4)), iter("abc"),
    iter("héllo"), iter(b"xy"), iter(d), iter(d.values()), iter(d.items()), reversed(d),
    iter({1, 2}), reversed([1, 2, 3]), reversed("abcd"), reversed(range(5)), iter(int, 1),
    enumerate("ab"), zip("a", "b"), map(abs, [1]), filter(None, [1]), (x for x in [1]),
]
for it in its:
    name = type(it).__name__
    has = hasattr(it, "__length_hint__")
    before = operator.length_hint(it, -1)
    if name != "callable_iterator":
        next(it, None)
    after = operator.length_hint(it, -1)
    abc = isinstance(it, collections.abc.Iterator), isinstance(it, collections.abc.Iterable)
    print(f"{name:26} {has!s:5} {before:2} {after:2} {abc}")

lst = [1, 2, 3]
it = iter(lst)
next(it)
lst.append(4)
print("list grown:", it.__length_hint__())
lst.clear()
print("list cleared:", it.__length_hint__(), list(it))
it = iter(range(3))
for _ in it:
    pass
print("exhausted:", it.__length_hint__(), type(it).__name__)
print(issubclass(type(iter([])), collections.abc.Iterator))
print(type(iter([])).__next__(iter([7])))

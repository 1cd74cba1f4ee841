# An alternate constructor reached from an instance of a derived class makes that class
# (D().fromkeys), and __class_getitem__ of the builtin containers: types.GenericAlias with its
# repr, __origin__ and __args__.
class D(dict):
    pass


class I(int):
    pass


d = D(x=1).fromkeys('ab', 0)
print(type(d).__name__, d, type(D.fromkeys('c')).__name__, type({}.fromkeys('a')).__name__)
print(type(I(3).from_bytes(b'\x02', 'big')).__name__, I(3).from_bytes(b'\x02', 'big'))
a = list.__class_getitem__(int)
print(a, type(a).__name__, a.__origin__, a.__args__)
print(list[int] == a, dict[str, int], dict[str, int].__args__, dict[str, int].__origin__)
print(tuple[int, ...], tuple[int, ...].__args__, set[str], frozenset[bytes])
print(list[dict[str, int]], list[dict[str, int]].__args__[0].__origin__)
print([].__class_getitem__(str), (1,).__class_getitem__(float))
print(list[int]([1, 2]), type(list[int]()).__name__)

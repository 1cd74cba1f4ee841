# Subscripted builtin types and user generics.
print(list[int])
print(dict[str, int])
print(tuple[int, ...])
print(set[str], frozenset[int], type[int])
a = list[int]
print(a.__origin__, a.__args__)
print(list[int]() == [], dict[str, int](a=1))

class Box:
    def __class_getitem__(cls, item):
        return f"Box of {item.__name__}"

print(Box[int])

def f(xs: list[int], m: dict[str, list[int]]) -> tuple[int, str]:
    return (sum(xs), str(len(m)))
print(f([1, 2], {}))
try:
    int[str]
except TypeError as e:
    print("TypeError:", e)

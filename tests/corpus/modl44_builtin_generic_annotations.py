from dataclasses import dataclass, field
class A:
    xs: list[int] = []
    d: dict[str, int | None]
    t: "tuple[int, ...]"
    u: int | None = None
print(A.__annotations__)
@dataclass
class B:
    xs: list[str] = field(default_factory=list)
print(B(), list[int], dict[str, list[int]], tuple[int, ...], type[int], set[str] == set[str])
def f(x: list[int]) -> dict[str, int]:
    return {}
print(f([]))
print(list[int] == list[int], int | str == str | int, (int | None) | str)
print(list[int]([1, 2]), dict[str, int](a=1))
try:
    int | 3
except TypeError as e:
    print("TypeError:", e)

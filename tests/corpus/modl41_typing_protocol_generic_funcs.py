from typing import Protocol, TypeVar, Generic, Iterable, List, Optional, Dict, Callable, runtime_checkable

T = TypeVar("T")
K = TypeVar("K")


@runtime_checkable
class SupportsArea(Protocol):
    def area(self) -> float:
        ...


class Square:
    def __init__(self, s: float) -> None:
        self.s = s

    def area(self) -> float:
        return self.s * self.s


def total_area(shapes: Iterable[SupportsArea]) -> float:
    return sum(s.area() for s in shapes)


def group_by(items: List[T], key: Callable[[T], K]) -> Dict[K, List[T]]:
    out: Dict[K, List[T]] = {}
    for item in items:
        out.setdefault(key(item), []).append(item)
    return out


class Cache(Generic[K, T]):
    def __init__(self) -> None:
        self.data: Dict[K, T] = {}

    def get(self, key: K) -> Optional[T]:
        return self.data.get(key)

    def put(self, key: K, value: T) -> "Cache[K, T]":
        self.data[key] = value
        return self


print(total_area([Square(2), Square(3)]))
print(group_by(["apple", "avocado", "banana"], lambda w: w[0]))
c: Cache[str, int] = Cache()
print(c.put("a", 1).put("b", 2).get("b"), c.get("z"), Cache[str, int])
print(SupportsArea.__name__, T, K)

from typing import Union, Optional, List, Dict, Tuple, Any, Callable, TypeVar, Set

Number = Union[int, float]
Matrix = List[List[float]]
Handler = Callable[[str, int], bool]
JSON = Union[Dict[str, Any], List[Any], str, int, float, bool, None]
K = TypeVar("K")
V = TypeVar("V")
Pair = Tuple[K, V]


def scale(m: Matrix, k: Number) -> Matrix:
    return [[x * k for x in row] for row in m]


def first(items: List[Pair]) -> Optional[Pair]:
    return items[0] if items else None


print(Number, Matrix, Handler)
print(JSON)
print(Pair, Pair[str, int], Dict[K, V][str, int])
print(scale([[1.0, 2.0]], 3), first([("a", 1)]), first([]))
print(Optional[Optional[int]], Union[Optional[int], str], Union[int, float] == Union[float, int])
print(Set[int], Tuple[int, str], Tuple[int, ...], List["Forward"])
try:
    Union[()]
except TypeError as e:
    print("TypeError:", e)
try:
    Optional[int, str]
except TypeError as e:
    print("TypeError:", e)
try:
    Dict[int]
except TypeError as e:
    print("TypeError:", e)

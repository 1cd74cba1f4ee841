from typing import Dict, List, Optional, Tuple, Callable, Iterator, Generator, TypeVar, Generic, Any

T = TypeVar("T")


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()

    def __len__(self) -> int:
        return len(self.items)


def word_counts(text: str) -> Dict[str, int]:
    counts: Dict[str, int] = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    return counts


def find(items: List[str], target: str) -> Optional[int]:
    for i, x in enumerate(items):
        if x == target:
            return i
    return None


def apply(f: Callable[[int], int], xs: List[int]) -> List[int]:
    return [f(x) for x in xs]


def pairs(n: int) -> Iterator[Tuple[int, int]]:
    for i in range(n):
        yield i, i * i


def countdown(n: int) -> Generator[int, None, str]:
    while n > 0:
        yield n
        n -= 1
    return "liftoff"


s: Stack[int] = Stack()
s.push(1)
s.push(2)
print(s.pop(), len(s), Stack[int], Stack.__mro__)
print(word_counts("a b a c b a"))
print(find(["x", "y"], "y"), find(["x"], "z"))
print(apply(lambda v: v * 10, [1, 2, 3]))
print(list(pairs(3)), list(countdown(3)))
config: Dict[str, Any] = {"debug": True, "level": 3}
print(config)


class Box(Generic[T]):
    pass


print(Box[str], Box.__name__)

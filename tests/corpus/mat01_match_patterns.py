# match statements: literal, capture, wildcard, value, sequence (with a star), mapping (with
# **rest), class (positional through __match_args__, keywords, the builtins that match
# themselves), or-patterns, as-patterns and guards; names bound by a failed guard stay bound.
from dataclasses import dataclass
from collections import OrderedDict, defaultdict, deque, namedtuple

@dataclass
class Point:
    x: int
    y: int

class Plain:
    def __init__(self, a):
        self.a = a

Pair = namedtuple("Pair", "left right")

def describe(v):
    match v:
        case None:
            return "None"
        case True | False as b:
            return f"bool {b}"
        case 0:
            return "zero"
        case int(n) if n < 0:
            return f"negative {n}"
        case int() | float() as num:
            return f"number {num!r}"
        case str() as s if not s:
            return "empty str"
        case str(s):
            return f"str {s}"
        case []:
            return "empty sequence"
        case [x]:
            return f"one item {x!r}"
        case [first, *middle, last]:
            return f"first {first!r} middle {middle!r} last {last!r}"
        case {"kind": "circle", "r": r}:
            return f"circle r={r}"
        case {"kind": k, **rest}:
            return f"kind {k} rest {rest}"
        case {}:
            return "a mapping"
        case Point(x=0, y=0):
            return "origin"
        case Point(x, 0):
            return f"on the x axis at {x}"
        case Point(x=x, y=y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "a point"
        case Plain(a=[1, 2, *_]):
            return "plain with 1, 2 ..."
        case _:
            return f"something else: {type(v).__name__}"

for v in [None, True, 0, -3, 7, 2.5, "", "hi", [], (), [1], (1, 2, 3), range(4), deque([5, 6]),
          b"ab", bytearray(b"x"), {"kind": "circle", "r": 2}, {"kind": "square", "side": 3},
          OrderedDict(a=1), defaultdict(list), {}, Point(0, 0), Point(3, 0), Point(2, 2),
          Point(1, 5), Plain([1, 2, 3]), Plain([2]), Pair(1, 2), {1, 2}, "x" * 3]:
    shown = repr(v) if not isinstance(v, Plain) else f"Plain({v.a!r})"
    print(shown[:30], "->", describe(v))

match Pair(1, 2):
    case Pair(left=1, right=r):
        print("pair right", r)

def which(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return "going " + direction
        case ["drop", *objects]:
            return "dropping " + ", ".join(objects)
        case ["quit" | "exit"]:
            return "bye"
        case _:
            return "?"

for c in ["go north", "go up", "drop a b c", "exit", ""]:
    print(c, "->", which(c))

x = "unchanged"
match [1, 2]:
    case [x, 3]:
        pass
print("x after a failed match:", x)
match 5:
    case y if y > 10:
        pass
print("y bound by a failed guard:", y)


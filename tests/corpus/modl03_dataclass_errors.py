from dataclasses import dataclass, field


@dataclass
class P:
    x: int
    y: int = 0


for args, kw in [((), {}), ((1, 2, 3), {}), ((1,), {"z": 3}), ((1,), {"x": 3})]:
    try:
        P(*args, **kw)
    except TypeError as e:
        print("TypeError:", e)

try:
    @dataclass
    class Bad:
        x: int = 0
        y: int
except TypeError as e:
    print("TypeError:", e)

try:
    @dataclass
    class Shared:
        xs: list = []
except ValueError as e:
    print("ValueError:", e)

try:
    field(default=1, default_factory=list)
except ValueError as e:
    print("ValueError:", e)


@dataclass
class Three:
    a: int
    b: int
    c: int


try:
    Three()
except TypeError as e:
    print("TypeError:", e)
try:
    Three(1)
except TypeError as e:
    print("TypeError:", e)

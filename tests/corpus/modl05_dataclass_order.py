from dataclasses import dataclass


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0


vs = [Version(1, 2), Version(0, 9), Version(1, 0), Version(0, 10)]
print(sorted(vs))
print(Version(1) < Version(1, 1), Version(2) >= Version(1, 9), Version(1) <= Version(1))
print(max(vs), min(vs))
try:
    Version(1) < 3
except TypeError as e:
    print("TypeError:", e)


@dataclass
class Plain:
    n: int


try:
    Plain(1) < Plain(2)
except TypeError as e:
    print("TypeError:", e)

try:
    @dataclass(order=True, eq=False)
    class Odd:
        n: int
except ValueError as e:
    print("ValueError:", e)

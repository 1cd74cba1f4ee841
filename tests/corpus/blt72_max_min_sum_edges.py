# max, min and sum on lists of ints and floats take quick paths; their results, ties, NaN,
# overflow past 64 bits, and errors stay CPython's.
xs = [3, 7, -2, 7, 0]
print(max(xs), min(xs), sum(xs), sum(xs, 10), sum(xs, start=0.5))
print(max([1.0, 1, True]), min([1, 1.0, True]), max([True, 1, 1.0]))
a, b = [1.0], [1.0]
ties = [a, b]
print(max(ties, key=len) is a, min(ties, key=len) is a)
nan = float("nan")
print(max([nan, 1.0, 2.0]), max([1.0, nan, 2.0]), min([2.0, nan, 1.0]))
print(max([-0.0, 0.0]), min([0.0, -0.0]))
big = 2**62
print(sum([big, big, big, -big]), sum([big] * 4), max([big, 2**64]), min([-(2**64), 5]))
print(sum([0.1] * 10), sum([1, 0.5, 2]), sum([0.5, 1, 2**70]))
print(max(xs, key=lambda v: -v), min("hello"), max("b", "a", "c"), max([], default="none"))
print(sum(range(10)), sum(i * i for i in range(5)), sum((), 7), sum([[1], [2]], []))

class Grower:
    def __init__(self, target):
        self.target = target
    def __radd__(self, other):
        self.target.append(100)
        return other + 1
ys = [1, 2]
ys.append(Grower(ys))
print(sum(ys), ys[-1])

bad = [
    ("sum(5, '')", lambda: sum(5, "")),
    ("sum(['a'], '')", lambda: sum(["a"], "")),
    ("sum([1, 'a'])", lambda: sum([1, "a"])),
    ("max([])", lambda: max([])),
    ("min(1)", lambda: min(1)),
    ("max([1, 'a'])", lambda: max([1, "a"])),
    ("sum([[1]], 0)", lambda: sum([[1]], 0)),
]
for text, f in bad:
    try:
        f()
    except (TypeError, ValueError) as e:
        print(text, "->", type(e).__name__, e)

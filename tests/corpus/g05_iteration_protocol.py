# Objects with __iter__/__next__, and iter(callable, sentinel), wherever an iterable is taken.
class Countdown:
    def __init__(self, start):
        self.n = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


class Deck:
    def __init__(self, cards):
        self.cards = cards

    def __iter__(self):
        for c in self.cards:
            yield c.upper()


print(list(Countdown(3)), sum(Countdown(4)), max(Countdown(3)), sorted(Countdown(3)))
print(2 in Countdown(5), 9 in Countdown(5), tuple(Countdown(2)), set(Countdown(3)))
a, b = Countdown(2)
first, *rest = Countdown(4)
print(a, b, first, rest)
print(list(zip(Countdown(2), "xy")), dict(enumerate(Countdown(2))), list(map(str, Countdown(2))))
print(list(Deck("abc")), "-".join(Deck("xyz")), [c for c in Deck("hi")])
for card in Deck("qk"):
    print("card", card)
it = iter(Countdown(3))
print(next(it), next(it), next(it), next(it, "done"))

lines = ["one", "two", "", "three"]
pos = [0]


def read_line():
    line = lines[pos[0]]
    pos[0] += 1
    return line


print(list(iter(read_line, "")))
print(list(iter(iter([3, 2, 1, 0, 5]).__next__, 0)))
numbers = iter([1, 2, 3])
print(next(numbers), list(numbers), list(numbers))

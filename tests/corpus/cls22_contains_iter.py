# __contains__, __iter__ and the __getitem__ fallback for iteration and `in`.
class Evens:
    def __contains__(self, x):
        return x % 2 == 0

class Count:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return iter(range(self.n))

class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10

print(4 in Evens(), 3 in Evens(), 3 not in Evens())
print(list(Count(3)), 2 in Count(3), 5 in Count(3))
print(list(Seq()), 20 in Seq(), 25 in Seq())
for x in Seq():
    print("item", x)
print(sorted(Seq(), reverse=True), sum(Count(4)))

class It:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 2:
            raise StopIteration
        return self.i
print(list(It()))
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)

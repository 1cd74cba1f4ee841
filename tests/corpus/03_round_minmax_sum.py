# round (banker's rounding), min/max with key and default, sum with start.
print(round(2.5), round(3.5), round(0.5), round(-1.5), round(-2.5))
print(round(2.675, 2), round(1.005, 2), round(3.14159, 3))
print(round(1234.5678, -2), round(1250, -2), round(1350, -2))
print(round(7), round(7.0), type(round(7.4)).__name__, type(round(7.4, 1)).__name__)
print(round(-0.4), round(0.49999))
print(min(3, 1, 2), max(3, 1, 2))
print(min([4, -8, 2]), max([4, -8, 2]))
words = ["pear", "fig", "banana", "kiwi"]
print(min(words), max(words))
print(min(words, key=len), max(words, key=len))
print(max([], default="empty"), min([], default=0))
print(max([1, -5, 3], key=abs), min([1, -5, 3], key=abs))
print(max("hello"), min("hello"))
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([]), sum([1.5, 2.5]))
print(sum(range(101)))
print(max(2, 2.5), min(-1, -1.0))
pairs = [("a", 3), ("b", 1), ("c", 2)]
print(max(pairs, key=lambda p: p[1]), min(pairs, key=lambda p: p[1]))

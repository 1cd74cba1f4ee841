from itertools import tee, pairwise, count, islice

a, b = tee([1, 2, 3, 4])
print(list(a), list(b))
a, b, c = tee('xyz', 3)
print(next(a), next(a), next(b), list(c), list(a), list(b))
evens, odds = tee(count())
print(list(islice(evens, 0, 6, 2)), list(islice(odds, 1, 6, 2)))
print(list(pairwise('ABCDE')), list(pairwise([1])))
temps = [12, 15, 11, 18, 18]
print([b - a for a, b in pairwise(temps)])

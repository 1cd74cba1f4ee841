from itertools import count, cycle, repeat, islice

print(list(islice(count(), 5)), list(islice(count(10, 5), 3)), list(islice(count(1.5, 0.5), 3)))
print(list(zip(count(1), 'abc')))
print(list(islice(cycle('RGB'), 7)), list(cycle([])))
print(list(repeat('ab', 3)), list(map(pow, range(5), repeat(2))), list(repeat(0, 0)))
lights = cycle(['green', 'yellow', 'red'])
print([next(lights) for _ in range(5)])
counter = count(100)
print(next(counter), next(counter), next(counter))

from itertools import count, islice, takewhile, accumulate, chain, groupby

def primes():
    found = []
    for n in count(2):
        if all(n % p for p in takewhile(lambda p: p * p <= n, found)):
            found.append(n)
            yield n

print(list(islice(primes(), 10)))
running = accumulate(islice(primes(), 10))
print(list(takewhile(lambda s: s < 60, running)))
gaps = [b - a for a, b in zip(islice(primes(), 20), islice(primes(), 1, 21))]
print([(g, len(list(run))) for g, run in groupby(gaps)][:6])
print(list(chain.from_iterable((n, -n) for n in range(3))))

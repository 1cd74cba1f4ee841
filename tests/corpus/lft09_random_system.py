# random.SystemRandom (the OS's entropy) and choices with weights and cum_weights.
import random

r = random.SystemRandom()
print(type(r).__name__, isinstance(r, random.Random), issubclass(random.SystemRandom, random.Random))
print(0.0 <= r.random() < 1.0, r.randint(1, 6) in range(1, 7), r.choice("abc") in "abc")
print(sorted(r.sample(range(10), 10)) == list(range(10)), len(r.choices("xy", k=4)))
print(0 <= r.getrandbits(16) < 65536, len(r.randbytes(5)), r.uniform(2, 3) <= 3)
deck = list(range(20))
r.shuffle(deck)
print(sorted(deck) == list(range(20)))
print(r.seed(1), random.SystemRandom(42).random() != random.SystemRandom(42).random() or True)
draws = {r.random() for _ in range(50)}
print(len(draws) > 45)
try:
    r.getstate()
except NotImplementedError as e:
    print(e)
try:
    r.setstate(None)
except NotImplementedError as e:
    print(e)

random.seed(1)
print(random.choices('abc', cum_weights=[1, 2, 3], k=5))
print(random.choices('abc', weights=[1, 2, 3], k=5))
print(random.choices(range(4), k=3))
g = random.Random(7)
print(g.choices('wxyz', cum_weights=[0, 0, 5, 10], k=6))
for kwargs in [dict(weights=[1], cum_weights=[1]), dict(weights=[1, 2, 3]), dict(cum_weights=[0, 0])]:
    try:
        print(random.choices('ab', k=2, **kwargs))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

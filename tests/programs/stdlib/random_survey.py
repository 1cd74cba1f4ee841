# A survey of random, seeded: each function with the numbers CPython 3.11 draws.
import random

random.seed(12345)
samples = [
    ("random", ()), ("uniform", (1, 10)), ("randint", (1, 6)), ("randrange", (0, 100, 7)),
    ("randrange", (10**20,)), ("choice", ("abcdef",)), ("choices", ("abc", [1, 2, 3])), ("sample", (range(50), 5)),
    ("getrandbits", (70,)), ("randbytes", (4,)), ("triangular", (0, 10, 3)), ("gauss", (0, 1)),
    ("normalvariate", (0, 1)), ("lognormvariate", (0, 1)), ("expovariate", (1.5,)), ("gammavariate", (2, 1)),
    ("betavariate", (2, 5)), ("paretovariate", (2,)), ("weibullvariate", (1, 1.5)),
    ("randrange", (0,)), ("choice", ([],)), ("sample", ([1, 2], 3)),
]
for name, args in samples:
    try:
        print(name, getattr(random, name)(*args))
    except (ValueError, IndexError, TypeError) as e:
        print(name, type(e).__name__, e)
print("choices k", random.choices(range(10), k=5), random.choices("xy", cum_weights=[1, 4], k=4))
deck = list(range(10))
random.shuffle(deck)
print("shuffle", deck)
print("sample counts", random.sample("ab", k=3, counts=[2, 2]))
for seed in [0, -1, 2**80, "text", b"bytes", 2.5]:
    random.seed(seed)
    print("seed", repr(seed), random.random())
state = random.getstate()
x = random.random()
random.setstate(state)
print("getstate/setstate", x == random.random())
r = random.Random(2024)
print("Random", r.random(), r.randint(1, 100), r.choice("xyz"))

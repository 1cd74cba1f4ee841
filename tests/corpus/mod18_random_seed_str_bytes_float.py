# str and bytes seeds are hashed with SHA-512 (version 2); a float seeds with its hash; version 1.
import random

for s in ["hello", b"hello", "", "forkyard", 1.5, -2.25, 3.0]:
    random.seed(s)
    print(repr(s), random.random())
random.seed("hello", version=1)
print(random.random())
random.seed(b"abc", version=1)
print(random.randint(1, 1000))
for bad in [[1, 2], (1,), {"a": 1}]:
    try:
        random.seed(bad)
    except TypeError as e:
        print(type(e).__name__, e)

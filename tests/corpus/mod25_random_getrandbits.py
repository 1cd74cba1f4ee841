# getrandbits at any width (32-bit words, least significant first) and randbytes.
import random

random.seed(99)
print([random.getrandbits(k) for k in [0, 1, 5, 31, 32, 33, 63, 64, 65]])
print(random.getrandbits(200), random.getrandbits(1000).bit_length() <= 1000)
print(random.randbytes(5), random.randbytes(0), len(random.randbytes(17)))
for f in [lambda: random.getrandbits(-1), lambda: random.getrandbits(2.0), lambda: random.randbytes(-1)]:
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# random.randrange with float bounds: 3.11 takes an integral float with a DeprecationWarning
# on the caller's line (shown once per line), and refuses a fractional one after warning.
import random
random.seed(3)
print(random.randrange(1.0, 5.0))
print(random.randrange(10.0))
print(random.randrange(0, 10.0, 2.0))
try:
    random.randrange(1.5)
except ValueError as e:
    print("ValueError", e)
def pick():
    return random.randrange(3.0)
for _ in range(2):
    print(pick())
print(random.choice([1, 2, 3]), random.randint(1, 3))

# getstate/setstate replay a sequence, gauss's saved second number included.
import random

random.seed(1)
state = random.getstate()
print(state[0], len(state[1]), state[1][-1], state[2])
first = [random.random() for _ in range(3)]
random.setstate(state)
print(first == [random.random() for _ in range(3)])
random.gauss()
saved = random.getstate()
print(saved[2] is not None)
a = random.gauss()
random.setstate(saved)
print(a == random.gauss())
for bad in [(9, (), None), (3, (1, 2), None), "nope"]:
    try:
        random.setstate(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

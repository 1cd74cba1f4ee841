# random.Random(seed) objects keep their own state, apart from the module functions.
import random

a = random.Random(42)
b = random.Random(42)
random.seed(42)
print(a.random() == b.random() == random.random())
print(a.randint(1, 6), a.choice("xyz"), a.sample(range(10), 3), a.getrandbits(16))
c = random.Random("seed text")
print(c.random(), c.gauss(0, 1), c.shuffle([1, 2]))
a.seed(7)
print(a.random(), random.Random(7).random())


class Dice(random.Random):
    def roll(self):
        return self.randint(1, 6)


d = Dice(123)
print([d.roll() for _ in range(8)], isinstance(d, random.Random))

# choice from any sequence (a range stays a range), shuffle in place, from a seeded generator.
import random

random.seed(7)
print(random.choice("abcdef"), random.choice([10, 20, 30]), random.choice((None, True)), random.choice(range(10**12)))
cards = list(range(1, 14))
random.shuffle(cards)
print(cards)
words = ["red", "green", "blue", "gold"]
for _ in range(3):
    random.shuffle(words)
    print(words)
one = [1]
random.shuffle(one)
print(one, random.choice(b"xyz"))
for f in [lambda: random.choice([]), lambda: random.choice({1, 2}), lambda: random.shuffle((1, 2)), lambda: random.choice(5)]:
    try:
        f()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)

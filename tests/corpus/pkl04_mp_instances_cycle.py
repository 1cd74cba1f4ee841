# Instances that refer to each other come back from a Pool worker whole: a pair of partners, and
# an object that refers to itself.
import multiprocessing as mp


class Person:
    def __init__(self, name):
        self.name = name
        self.partner = None

    def __repr__(self):
        return f"Person({self.name!r}, partner={self.partner.name if self.partner else None!r})"


def pair_up(a, b):
    x, y = Person(a), Person(b)
    x.partner, y.partner = y, x
    return x


def selfish(name):
    p = Person(name)
    p.partner = p
    return [p, p]


if __name__ == "__main__":
    with mp.Pool(1) as pool:
        ann = pool.apply(pair_up, ("Ann", "Bob"))
        print(ann, ann.partner)
        print("ann.partner.partner is ann:", ann.partner.partner is ann)
        both = pool.map(selfish, ["Cy", "Di"])
        for pair in both:
            print(pair[0], pair[0] is pair[1], pair[0].partner is pair[0])
        print("the two results share nothing:", both[0][0] is both[1][0])

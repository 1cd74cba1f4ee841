# What can be a task: functions, bound methods, callable objects, classes, builtins; and results
# of every shape, lists included, come back whole.
import multiprocessing


class Scaler:
    def __init__(self, k):
        self.k = k

    def scale(self, x):
        return x * self.k

    def __call__(self, x):
        return x + self.k


class Point:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


def listing(n):
    return list(range(n))


def shapes(kind):
    return {"list": [1, [2]], "tuple": (1, (2,)), "dict": {"a": [1]}, "none": None, "set": {3}}[kind]


if __name__ == "__main__":
    got = []
    with multiprocessing.Pool(2) as pool:
        s = Scaler(3)
        print(pool.map(s.scale, [1, 2]))
        print(pool.apply(s.scale, (5,)))
        print(pool.map(s, [1, 2]))
        print(pool.map(Point, [1, 2]))
        print(pool.starmap(Point, [(1, 2)]))
        print(pool.apply(sorted, ([3, 1, 2],)))
        print(pool.apply(sorted, ([3, 1, 2],), {"reverse": True}))
        print(pool.apply(listing, (4,)), pool.apply(listing, (0,)))
        print(pool.map(listing, [0, 1, 2]))
        for kind in ["list", "tuple", "dict", "none", "set"]:
            print(kind, pool.apply(shapes, (kind,)))
        r = pool.apply_async(listing, (3,), callback=got.append)
        print(r.get())
        print(got)
        print(pool.apply(divmod, (7, 2)), pool.map(str, [1, None]), pool.map(int, ["3"]))
    print("done")

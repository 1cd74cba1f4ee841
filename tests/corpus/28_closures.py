# Closures, nonlocal counters, late binding.
def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1 = make_counter()
c2 = make_counter(100)
print(c1(), c1(), c1(5), c2(), c1())
def make_adders():
    return [lambda x: x + i for i in range(3)]
print([f(10) for f in make_adders()])
def make_adders_fixed():
    return [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in make_adders_fixed()])
def outer():
    msg = "outer"
    def middle():
        def inner():
            return msg + "!"
        return inner
    return middle()()
print(outer())
def multiplier(k):
    def mul(v):
        return v * k
    return mul
double = multiplier(2)
triple = multiplier(3)
print(double(7), triple(7), multiplier("ab")(2))
def accumulate():
    items = []
    def add(x):
        items.append(x)
        return items
    return add
acc = accumulate()
acc(1)
print(acc(2))

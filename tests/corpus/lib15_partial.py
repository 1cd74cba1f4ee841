from functools import partial

def power(base, exponent):
    return base ** exponent

square = partial(power, exponent=2)
two_to_the = partial(power, 2)
print(square(7), two_to_the(10), [square(n) for n in range(5)])
print(square.func is power, square.args, square.keywords, two_to_the.args, two_to_the.keywords)
print(square(3, exponent=3))
int_base2 = partial(int, base=2)
print(int_base2('1011'), list(map(partial(max, 0), [-2, 5, -1])))
nested = partial(partial(print, 'a'), 'b', sep='-')
nested('c')
print(nested.args, nested.keywords)
try:
    partial(42)
except TypeError as e:
    print('TypeError:', e)

# lambda, map, filter, and functions as values.
square = lambda x: x * x
print(square(7), (lambda a, b=2: a ** b)(3), (lambda: "no args")())
print(list(map(square, range(5))))
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20, 30])))
print(list(map(str, [1, 2, 3])), list(map(int, "123")))
print(list(filter(lambda n: n % 2, range(10))))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
ops = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b}
print(ops["add"](3, 4), ops["mul"](3, 4))
def apply_twice(f, x):
    return f(f(x))
print(apply_twice(square, 3), apply_twice(lambda s: s + "!", "hey"))
funcs = [len, str.upper, lambda s: s[::-1]]
print([f("abc") for f in funcs])
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))
print(sorted(["b10", "a2", "c1"], key=lambda s: int(s[1:])))
print(list(map(abs, filter(lambda v: v < 0, [3, -1, -4, 2]))))

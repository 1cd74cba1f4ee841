# Complex literals wherever an expression or a pattern may stand: defaults, f-string '=', comprehensions,
# annotations, and match literal patterns (1 + 2j, -2j) and class patterns on complex.
def f(z=2j):
    return z
print(f(), 1J.imag, -1j, (1j).real, f"{1j=}", [1j for _ in range(2)])
for v in [1 + 2j, 3j, -2j, 5, 0j]:
    match v:
        case 1 + 2j:
            print("one-two")
        case 3j:
            print("three j")
        case -2j:
            print("minus two j")
        case 0j:
            print("zero")
        case complex(real=r, imag=i):
            print("complex", r, i)
        case _:
            print("other", v)
x: complex = 1j
print(x, complex.__name__, eval("1") if False else 0)

# Numbers at their edges: each line is CPython's result or CPython's error, never a wrapped or
# saturated value.
import math

M = 9223372036854775807
m = -M - 1


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


show("floor(nan)", lambda: math.floor(float("nan")))
show("ceil(inf)", lambda: math.ceil(float("inf")))
show("floor(big int)", lambda: math.floor(2**62 + 1))
show("0 ** -1", lambda: 0 ** -1)
show("1 ** 2**40", lambda: 1 ** (2**40))
show("(-1) ** (2**40+1)", lambda: (-1) ** (2**40 + 1))
show("min % -1", lambda: m % -1)
show("int(min str)", lambda: int("-9223372036854775808"))
show("int('--5')", lambda: int("--5"))
show("int(' 0x_ff ', 0)", lambda: int(" 0x_ff ", 0))
show("int('010', 0)", lambda: int("010", 0))
show("int('1__0')", lambda: int("1__0"))
show("int(nan)", lambda: int(float("nan")))
show("int(-inf)", lambda: int(float("-inf")))
show("round(nan)", lambda: round(float("nan")))
show("round(inf)", lambda: round(float("inf")))
show("round(1.0, 70000)", lambda: round(1.0, 70000))
show("round(1.5e300, -400)", lambda: round(1.5e300, -400))
show("round(2.675, 2)", lambda: round(2.675, 2))
show("round(int, -1)", lambda: round(123456789012345678, -1))
show("round(25, -1)", lambda: round(25, -1))
show("round(M, -30)", lambda: round(M, -30))
show("pow(3, -1, 7)", lambda: pow(3, -1, 7))
show("pow(3, 2, -7)", lambda: pow(3, 2, -7))
show("pow(2, -1, 4)", lambda: pow(2, -1, 4))
show("pow(2, 2**62, 10**9+7)", lambda: pow(2, 2**62, 10**9 + 7))
show("'%c' % 2**40", lambda: "%c" % 2**40)
show("'{:c}'.format(-1)", lambda: "{:c}".format(-1))
show("len('%.70000f')", lambda: len("%.70000f" % 1.0))
show("len('{:.70000f}')", lambda: len("{:.70000f}".format(1.0)))
show("len(f'{1.0:.70000}')", lambda: len(f"{1.0:.70000}"))
show("len('{:.100000e}')", lambda: len("{:.100000e}".format(1.0)))
show("len('{:#.100000g}')", lambda: len("{:#.100000g}".format(0.1)))
show("len('%.70000g')", lambda: len("%.70000g" % 0.1))
show("'{:.1200f}' tail", lambda: "{:.1200f}".format(5e-324)[-130:-120])
show("'{:.2147483648f}'", lambda: "{:.2147483648f}".format(1.0))
show("'{:9999999999999999999}'", lambda: "{:9999999999999999999}".format(1))
show("bytes(-1)", lambda: bytes(-1))
show("bytes('abc')", lambda: bytes("abc"))
show("range(m, M)[-1]", lambda: range(m, M)[-1])
show("len(range(m, 0))", lambda: len(range(m, 0)))
show("list(range(M-3, M, 5))", lambda: list(range(M - 3, M, 5)))
show("5 in range(m, M, 5)", lambda: 5 in range(m, M, 5))
show("[1, 2, 3][1::M]", lambda: [1, 2, 3][1::M])
show("'abc'[::-(2**62)]", lambda: "abc"[:: -(2**62)])
show("range(3, 30, 4)[::-1]", lambda: range(3, 30, 4)[::-1])
show("range(10)[5:1:-2]", lambda: range(10)[5:1:-2])
show("'héllo wörld'[::-3]", lambda: "héllo wörld"[::-3])
l = list(range(10))
del l[::3]
print("del l[::3]", l)
show("0 << 2**62", lambda: 0 << 2**62)
show("1 >> 2**62", lambda: 1 >> 2**62)
show("'%*d|' % (-5, 1)", lambda: "%*d|" % (-5, 1))
show("chr(2**40)", lambda: chr(2**40))
show("chr(-1)", lambda: chr(-1))
show("enumerate from M - 1", lambda: list(enumerate("a", M - 1)))

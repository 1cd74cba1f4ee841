# repr(float) at scale: 2000 floats from a fixed generator (dyadic fractions near 2**53, decimal
# fractions, wide exponents); where two shortest texts are equally near, CPython picks the even digit.
state = 99
def r():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state
out = []
for i in range(2000):
    k = r()
    kind = k % 4
    if kind == 0:
        v = (r() % 2**53) / 2**(r() % 60)
    elif kind == 1:
        v = (r() % 2**53) * 0.125 + (r() % 8) / 8
    elif kind == 2:
        v = (r() % 10**17) / 10**(r() % 25)
    else:
        v = (r() % 2**53) * 2.0**((r() % 200) - 100)
    out.append(repr(v if r() % 2 else -v))
print(len(out))
print("\n".join(out))

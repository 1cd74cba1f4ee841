# The number attributes CPython's int, bool and float have: real, imag, numerator, denominator on
# values (a big int's too) and as descriptors on the types, listed by dir(), read-only, and
# conjugate().
for t in (int, bool, float):
    print(t.__name__, [n for n in ('real', 'imag', 'numerator', 'denominator', 'conjugate')
                       if n in dir(t)], [n for n in ('real', 'imag', 'numerator') if hasattr(t(), n)])
print(int.real, int.imag, int.numerator, int.denominator, float.real, float.imag, bool.real)
print((5).real, (5).imag, (5).numerator, (5).denominator, (5).conjugate())
print((-7).real, True.real, True.imag, False.numerator, True.denominator, True.conjugate())
print(type(True.real).__name__, type(True.conjugate()).__name__)
print((1.5).real, (1.5).imag, (1.5).conjugate(), (-0.0).conjugate(), type((2.0).imag).__name__)
big = 2 ** 70
print(big.real, big.imag, big.numerator, big.denominator, big.conjugate() == big)
for v, name in ((5, 'real'), (1.5, 'imag'), (True, 'numerator')):
    try:
        setattr(v, name, 1)
    except AttributeError as e:
        print(e)
try:
    int.real(5)
except TypeError as e:
    print(e)
print('real' in dir(5), 'numerator' in dir(1.5), sorted(dir(int)) == dir(int), dir(bool) == dir(int))

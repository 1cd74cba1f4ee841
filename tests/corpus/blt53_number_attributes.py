print((5).real, (5).imag, True.real, (2**70).numerator, (7).denominator, (1.5).real, (1.5).imag, type(True.real).__name__)
try:
    (1.5).numerator
except AttributeError as e:
    print(e)

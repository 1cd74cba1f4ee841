# The functional API of enum: Enum('Name', names).
from enum import Enum, IntEnum, Flag, IntFlag, StrEnum

Color = Enum('Color', 'RED GREEN BLUE')
print(list(Color), Color.RED, repr(Color.GREEN), Color(3), Color['BLUE'].value)
print(Color, type(Color.RED) is Color, isinstance(Color.RED, Enum), len(Color))

Shape = Enum('Shape', 'CIRCLE, SQUARE')
print(list(Shape))

C = Enum('C', [('A', 10), ('B', 20)])
print(list(C), C(20), C.A.value, C.A.name)

D = Enum('D', {'X': 'x', 'Y': 'y'})
print(list(D), D('y'))

E = Enum('E', ['ONE', 'TWO'], start=0)
print([(m.name, m.value) for m in E])

N = IntEnum('N', 'LOW HIGH')
print(N.HIGH + 1, N.LOW < N.HIGH, repr(N.LOW), N(2))

P = Flag('P', 'R W X')
print([m.value for m in P], repr(P.R | P.W), P.X.value)

Q = IntFlag('Q', 'A B C')
print(int(Q.A | Q.C), Q.C.value)

S = StrEnum('S', 'ALPHA BETA')
print(list(S), S.ALPHA == 'alpha')

Alias = Enum('Alias', [('A', 1), ('B', 1)])
print(list(Alias), Alias.B is Alias.A)

print(Color.__members__.keys() == {'RED', 'GREEN', 'BLUE'})
try:
    Color(7)
except ValueError as e:
    print(e)
try:
    Color('Again', 'X')
except TypeError as e:
    print(e)

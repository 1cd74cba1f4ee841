from collections import namedtuple

Account = namedtuple('Account', ['owner', 'balance', 'currency'], defaults=[0, 'EUR'])
print(Account('ann'), Account('bo', 10), Account('cy', 5, 'NOK'), Account._field_defaults)
print(namedtuple('R', ['ok', 'def', '_hidden', 'ok'], rename=True)._fields)
P = namedtuple('P', 'x y')
for make in [lambda: P(1), lambda: P(1, 2, 3), lambda: P(1, z=2), lambda: P(1, x=2),
             lambda: namedtuple('Bad', 'x x'), lambda: namedtuple('Bad', '_x'),
             lambda: namedtuple('Bad', 'x class'), lambda: namedtuple('1Bad', 'x'),
             lambda: namedtuple('Bad', 'x', defaults=(1, 2)), lambda: P(1, 2)._replace(z=3),
             lambda: P._make([1]), lambda: P(1, 2)[2]]:
    try:
        make()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__ + ':', e)
p = P(1, 2)
try:
    p.x = 5
except AttributeError as e:
    print('AttributeError:', e)

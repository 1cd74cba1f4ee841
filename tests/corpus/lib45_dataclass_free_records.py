from collections import namedtuple, defaultdict, Counter
from operator import attrgetter

Sale = namedtuple('Sale', 'region product units price')
sales = [Sale('north', 'pen', 10, 1.5), Sale('south', 'pen', 4, 1.5),
         Sale('north', 'ink', 2, 7.0), Sale('east', 'pad', 5, 3.25)]
revenue = defaultdict(float)
for s in sales:
    revenue[s.region] += s.units * s.price
print(dict(revenue))
print(max(sales, key=attrgetter('units')))
units = Counter()
for s in sales:
    units[s.product] += s.units
print(units.most_common())
print([s._replace(price=s.price * 2) for s in sales if s.region == 'north'])
print(sorted(sales, key=attrgetter('region', 'units'))[0]._asdict())

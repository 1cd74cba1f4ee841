from collections import Counter

inventory = Counter(apples=3, pears=1)
inventory.update(['apples', 'kiwis', 'kiwis'])
inventory.update({'pears': 5})
inventory.update(plums=2)
print(inventory)
inventory.subtract(['apples', 'apples', 'apples', 'apples'])
inventory.subtract({'kiwis': 1})
print(inventory)
print(+inventory)
print(inventory.copy() == inventory, inventory.copy() is inventory)
try:
    Counter.fromkeys('abc')
except NotImplementedError as e:
    print('NotImplementedError:', e)

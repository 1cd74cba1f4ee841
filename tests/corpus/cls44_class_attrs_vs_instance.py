# Class attributes are shared until an instance assigns its own.
class Counter:
    count = 0
    items = []
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count

a, b = Counter(), Counter()
print(a.id, b.id, Counter.count, a.count)
a.count = 100
print(a.count, b.count, Counter.count)
a.items.append("shared")
print(b.items, Counter.items is a.items)
b.items = ["own"]
print(b.items, a.items)
del a.count
print(a.count)
print('count' in vars(a), 'count' in vars(Counter))

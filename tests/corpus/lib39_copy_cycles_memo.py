import copy

loop = ['head']
loop.append(loop)
twin = copy.deepcopy(loop)
print(twin[0], twin[1] is twin, twin is loop)
shared = [1, 2]
both = {'a': shared, 'b': shared}
copied = copy.deepcopy(both)
print(copied['a'] is copied['b'], copied['a'] is shared)
class Node:
    def __init__(self, name):
        self.name = name
        self.next = None
a, b = Node('a'), Node('b')
a.next, b.next = b, a
a2 = copy.deepcopy(a)
print(a2.name, a2.next.name, a2.next.next is a2, a2 is a)
memo = {}
x = [[1]]
first = copy.deepcopy(x, memo)
second = copy.deepcopy(x, memo)
print(first is second, first == x)

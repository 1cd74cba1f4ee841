from operator import itemgetter, attrgetter, methodcaller

get1 = itemgetter(1)
print(get1('abc'), get1([10, 20]), itemgetter(0, 2)('xyz'), itemgetter('name')({'name': 'ann'}))
print(itemgetter(1), itemgetter('a', 'b'))

class Node:
    def __init__(self, name, parent=None):
        self.name = name
        self.parent = parent

leaf = Node('leaf', Node('root'))
print(attrgetter('name')(leaf), attrgetter('parent.name')(leaf), attrgetter('name', 'parent.name')(leaf))
print(attrgetter('name'), attrgetter('a', 'b.c'))
up = methodcaller('upper')
split_comma = methodcaller('split', ',', maxsplit=1)
print(up('abc'), split_comma('a,b,c'), methodcaller('rjust', 5, '*')('x'))
print(methodcaller('split', ',', maxsplit=1))
try:
    attrgetter('missing')(leaf)
except AttributeError as e:
    print('AttributeError:', e)

from itertools import takewhile, dropwhile, filterfalse, compress

data = [1, 4, 6, 4, 1]
print(list(takewhile(lambda x: x < 5, data)), list(dropwhile(lambda x: x < 5, data)))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'x'])))
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(compress(range(5), [True, False])))
log = ['# header', '# more', 'data 1', '# not header', 'data 2']
print(list(dropwhile(lambda line: line.startswith('#'), log)))
print(list(takewhile(str.isdigit, ['1', '22', 'x', '3'])))

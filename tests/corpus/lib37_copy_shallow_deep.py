import copy

config = {'name': 'app', 'ports': [80, 443], 'env': {'debug': False}}
shallow = copy.copy(config)
deep = copy.deepcopy(config)
config['ports'].append(8080)
config['env']['debug'] = True
config['name'] = 'changed'
print(shallow)
print(deep)
print(shallow['ports'] is config['ports'], deep['ports'] is config['ports'])
grid = [[0] * 3 for _ in range(2)]
g2 = copy.deepcopy(grid)
g2[0][0] = 9
print(grid, g2)
t = (1, 'two', (3,))
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2])) == (1, [2]))
print(copy.copy(42), copy.copy('s'), copy.copy([1, 2]), copy.copy({1, 2}))

from collections import deque

d = deque(range(6))
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate(0)
d.rotate(13)
print(d)
graph = {'a': ['b', 'c'], 'b': ['d'], 'c': ['d', 'e'], 'd': ['f'], 'e': ['f'], 'f': []}
seen = {'a': 0}
queue = deque(['a'])
order = []
while queue:
    node = queue.popleft()
    order.append(node)
    for nxt in graph[node]:
        if nxt not in seen:
            seen[nxt] = seen[node] + 1
            queue.append(nxt)
print(order, seen)
big = deque()
for i in range(1000):
    big.append(i)
total = 0
while len(big) > 10:
    total += big.popleft()
print(total, big[0], list(big)[-1], len(big))

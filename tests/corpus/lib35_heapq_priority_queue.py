import heapq

tasks = []
heapq.heappush(tasks, (2, 'write code'))
heapq.heappush(tasks, (5, 'release'))
heapq.heappush(tasks, (1, 'write spec'))
heapq.heappush(tasks, (3, 'test'))
heapq.heappush(tasks, (1, 'coffee'))
while tasks:
    priority, task = heapq.heappop(tasks)
    print(priority, task)
graph = {'a': [('b', 7), ('c', 2)], 'b': [('d', 1)], 'c': [('b', 3), ('d', 8)], 'd': []}
dist = {'a': 0}
frontier = [(0, 'a')]
while frontier:
    d, node = heapq.heappop(frontier)
    if d > dist.get(node, 10 ** 9):
        continue
    for nxt, w in graph[node]:
        if d + w < dist.get(nxt, 10 ** 9):
            dist[nxt] = d + w
            heapq.heappush(frontier, (d + w, nxt))
print(dist)

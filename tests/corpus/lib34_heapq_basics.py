import heapq

heap = []
for n in [5, 7, 9, 1, 3]:
    heapq.heappush(heap, n)
print(heap, heap[0])
print([heapq.heappop(heap) for _ in range(3)], heap)
data = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]
heapq.heapify(data)
print(data)
print(heapq.heapreplace(data, 10), data[0])
print(heapq.heappushpop(data, -1), heapq.heappushpop(data, 4), data[0])
print(sorted(data) == [heapq.heappop(data) for _ in range(len(data))])
try:
    heapq.heappop([])
except IndexError as e:
    print('IndexError:', e)
try:
    heapq.heappush((), 1)
except TypeError as e:
    print('TypeError:', e)

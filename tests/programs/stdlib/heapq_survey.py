# heapq: a list kept as a heap, and the helpers around it.
import heapq

h = []
for x in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, x)
print(h, heapq.heappop(h), h)
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapq.heapify(data)
print(data, [heapq.heappop(data) for _ in range(len(data))])
h = [1, 3, 5]
print(heapq.heapreplace(h, 4), h, heapq.heappushpop(h, 0), h, heapq.heappushpop(h, 10), h)
print(heapq.nlargest(3, [1, 8, 3, 9, 4]), heapq.nsmallest(2, [1, 8, 3, 9, 4]), heapq.nlargest(0, [1]), heapq.nsmallest(10, [3, 1]))
words = ['pear', 'fig', 'banana', 'kiwi', 'apple']
print(heapq.nlargest(2, words, key=len), heapq.nsmallest(2, words, key=len))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])), list(heapq.merge()), list(heapq.merge([], [1])))
print(list(heapq.merge(['a', 'cc'], ['bbb'], key=len)), list(heapq.merge([7, 4, 1], [8, 5, 2], reverse=True)))
tasks = []
heapq.heappush(tasks, (2, 'write'))
heapq.heappush(tasks, (1, 'plan'))
heapq.heappush(tasks, (3, 'test'))
heapq.heappush(tasks, (1, 'coffee'))
print([heapq.heappop(tasks) for _ in range(4)])
h = [(1, 'a'), (1, 'b')]
heapq.heapify(h)
print(h)
for f, args in [(heapq.heappop, ([],)), (heapq.heapreplace, ([], 1)), (heapq.heappush, ((), 1)), (heapq.heapify, ((1, 2),))]:
    try:
        f(*args)
    except Exception as e:
        print(type(e).__name__, e)
big = list(range(1000, 0, -1))
heapq.heapify(big)
print([heapq.heappop(big) for _ in range(5)], len(big))

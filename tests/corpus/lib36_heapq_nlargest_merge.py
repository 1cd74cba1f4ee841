import heapq

scores = [88, 42, 97, 65, 97, 71]
print(heapq.nlargest(3, scores), heapq.nsmallest(2, scores), heapq.nlargest(10, [1, 2]), heapq.nsmallest(0, scores))
people = [('ann', 31), ('bo', 25), ('cy', 31), ('di', 19)]
print(heapq.nlargest(2, people, key=lambda p: p[1]), heapq.nsmallest(1, people, key=lambda p: p[1]))
print(list(heapq.merge([1, 4, 9], [2, 3, 10], [5])))
print(list(heapq.merge(['b', 'dd'], ['a', 'ccc'], key=len)))
print(list(heapq.merge([9, 5, 1], [8, 2], reverse=True)))
merged = heapq.merge(range(0, 10, 3), range(1, 10, 3))
print(next(merged), next(merged), list(merged))

# sorted and list.sort with key and reverse; sorting is stable.
nums = [5, -3, 8, 0, -1, 3]
print(sorted(nums), sorted(nums, reverse=True), sorted(nums, key=abs))
print(sorted(nums, key=lambda n: -n), nums)
words = ["banana", "Apple", "cherry", "fig", "date", "elderberry"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=lambda w: (len(w), w)))
print(sorted(words, key=len, reverse=True))
people = [("ann", 30), ("bob", 25), ("cid", 30), ("dee", 25)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
people.sort(key=lambda p: p[0], reverse=True)
print(people)
print(sorted("hello"), sorted((3, 1, 2)), sorted({"b": 1, "a": 2}))
print(sorted([[2, 1], [1, 2], [1, 1]]))
print(sorted([3.5, 1, 2.25, -1]))
mixed = [(1, "b"), (1, "a"), (0, "z")]
mixed.sort()
print(mixed)
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)

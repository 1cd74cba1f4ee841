# bisect: which names exist, and what each gives for sample inputs.
import bisect
for name in ["bisect", "bisect_left", "bisect_right", "insort", "insort_left", "insort_right"]:
    print(name, hasattr(bisect, name))
a = [1, 2, 2, 4, 8]
for x in [0, 2, 3, 8, 9]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x, 1, 3))
b = list(a)
bisect.insort(b, 3)
bisect.insort_left(b, 2)
print(b, bisect.bisect_left([(1, "a"), (3, "b")], 2, key=lambda t: t[0]))

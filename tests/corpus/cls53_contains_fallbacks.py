# `in` without __contains__ falls back to __iter__, then __getitem__.
class ByIter:
    def __iter__(self):
        print("iterating")
        return iter([1, 2, 3])

class ByIndex:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return i

print(2 in ByIter(), 5 in ByIter())
print(1 in ByIndex(), 7 in ByIndex())
class Nothing:
    pass
try:
    1 in Nothing()
except TypeError as e:
    print("TypeError:", e)
class Truthy:
    def __contains__(self, x):
        return "yes"
print(1 in Truthy(), 1 not in Truthy())

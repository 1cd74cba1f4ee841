"""dir() of list, dict, set and tuple values, of the types themselves and of classes derived from
them: every public method, sorted, and hasattr/getattr agreeing with the list."""

def public(names):
    return [n for n in names if not n.startswith("_")]

for v in [[], {}, set(), ()]:
    names = dir(v)
    print(type(v).__name__, public(names))
    print("  sorted", names == sorted(names), "same as the type's", public(names) == public(dir(type(v))))
    print("  callable", all(callable(getattr(v, n)) for n in public(names)))
    print("  dunders", [d for d in ["__len__", "__iter__", "__contains__", "__eq__", "__repr__"] if d in names])

class Stack(list):
    def push(self, x):
        self.append(x)

s = Stack()
print("Stack", public(dir(s)))
print("  push and append", "push" in dir(s), "append" in dir(s), "append" in dir(Stack))
print("  hasattr", hasattr(s, "pop"), hasattr(Stack, "append"), hasattr(s, "nope"))
s.push(3)
Stack.append(s, 4)
print(" ", s)

class Registry(dict):
    pass

print("Registry", public(dir(Registry())))
print("items" in dir(dict), "append" in dir(dict), "keys" in dir(Registry))

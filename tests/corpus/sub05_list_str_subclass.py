# Classes derived from list and str.
class Stack(list):
    def push(self, item):
        self.append(item)
        return self

    def peek(self):
        return self[-1]


s = Stack([1, 2])
s.push(3).push(4)
print(s, s.peek(), len(s), s[1:3], s.pop(), s, sum(s))
print(s + [9], isinstance(s, list), type(s).__name__, 3 in s, list(reversed(s)))
s.sort(reverse=True)
s[0] = 10
del s[1]
print(s, s == [10, 1], s.index(1))


class Tag(str):
    def wrap(self):
        return "<" + self + ">"


t = Tag("b")
print(t, t.wrap(), t.upper(), t + "old", t * 3, len(t), t == "b", "b" == t)
print(", ".join([Tag("x"), Tag("y")]), {t: 1}["b"], t in "abc", f"[{t:>3}]")
print(isinstance(t, str), type(t).__name__, str(t), repr(t), Tag("a,b").split(","))


class Items(list):
    def __init__(self, *items):
        super().__init__(items)
        self.label = "items"


i = Items(3, 1, 2)
print(i, i.label, sorted(i), len(i))

# CPython's errors name the iterator's type.
def attempt(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


d = {"k": 1}
attempt("iter([])[0]", lambda: iter([])[0])
attempt("len(iter([]))", lambda: len(iter([])))
attempt("len(iter(()))", lambda: len(iter(())))
attempt("len(iter(range(3)))", lambda: len(iter(range(3))))
attempt("iter('ab')[1]", lambda: iter("ab")[1])
attempt("len(iter(d))", lambda: len(iter(d)))
attempt("iter(d.items())['k']", lambda: iter(d.items())["k"])
attempt("iter({1}) + 1", lambda: iter({1}) + 1)
attempt("reversed([]) < 2", lambda: reversed([]) < 2)
attempt("zip() * 2", lambda: zip() * 2)
attempt("len(map(abs, []))", lambda: len(map(abs, [])))
attempt("enumerate([])[0]", lambda: enumerate([])[0])
attempt("iter([]).x", lambda: iter([]).x)
attempt("filter(None, []).y", lambda: filter(None, []).y)
attempt("iter(reversed(()))()", lambda: iter(reversed(()))())
attempt("reversed(iter([]))", lambda: reversed(iter([])))
attempt("hash(iter([])) is int", lambda: type(hash(iter([]))).__name__)


class Bad:
    def __iter__(self):
        return [1, 2]


attempt("iter(Bad())", lambda: iter(Bad()))
try:
    class Sub(type(iter([]))):
        pass
except TypeError as e:
    print("class Sub(list_iterator) ->", e)

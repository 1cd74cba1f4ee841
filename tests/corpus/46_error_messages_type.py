# TypeError messages from common mistakes.
def show(fn):
    try:
        fn()
    except TypeError as e:
        print("TypeError:", e)
show(lambda: 1 + "a")
show(lambda: "a" + 1)
show(lambda: [1] + (2,))
show(lambda: len(5))
n = 5
nothing = None
show(lambda: n())
show(lambda: n[0])
show(lambda: nothing[0])
show(lambda: "abc" * "b")
show(lambda: int(None))
show(lambda: sum(["a", "b"]))
show(lambda: {[1]: 2})
show(lambda: {}.get())
show(lambda: "x".upper(1))
def two(a, b):
    return a + b
show(lambda: two(1))
show(lambda: two(1, 2, 3))
show(lambda: two(1, c=3))
class K:
    def m(self):
        return 1
show(lambda: K().m(2))
show(lambda: K(1))
show(lambda: -"s")
show(lambda: [x for x in 5])
show(lambda: "a" < 1)
show(lambda: "%d" % "x")

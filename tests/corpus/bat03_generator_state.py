# Where a generator stands: gi_running (True only while its body runs), gi_suspended (at a yield),
# gi_yieldfrom (what a `yield from` is delegating to), and dir() of a generator.
def gen():
    print("  inside, running:", g.gi_running, "suspended:", g.gi_suspended)
    yield 1
    yield 2

g = gen()
print("created:", g.gi_running, g.gi_suspended, g.gi_yieldfrom)
print(next(g))
print("at a yield:", g.gi_running, g.gi_suspended)
print(next(g), next(g, "end"))
print("finished:", g.gi_running, g.gi_suspended)

def inner():
    yield "a"
    yield "b"

i = inner()

def outer():
    got = yield from i
    yield "after"

o = outer()
print(o.gi_yieldfrom)
print(next(o), o.gi_yieldfrom is i, o.gi_suspended)
print(next(o), next(o), o.gi_yieldfrom)
print([n for n in dir(o) if not n.startswith("_")])
print(o.gi_code.co_name, o.__name__)

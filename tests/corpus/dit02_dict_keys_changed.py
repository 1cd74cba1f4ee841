# The same size but other keys (CPython 3.11): a key deleted and another added inside the loop.
# CPython reads its dict by position: a new key lands after the last one, so the loop meets it,
# and meeting more keys than the dict had when the loop began is "dictionary keys changed".
def run(name, delete_when, victim):
    d = {"a": 1, "b": 2, "c": 3}
    seen = []
    try:
        for k in d:
            seen.append(k)
            if k == delete_when:
                del d[victim]
                d["z"] = 26
    except RuntimeError as e:
        print(name, seen, "->", e)
    else:
        print(name, seen, "-> no error")
    print("  ", d)


run("ahead", "a", "c")
run("behind", "b", "a")
run("itself", "a", "a")
run("the last", "c", "c")
run("itself at b", "b", "b")

# Changing values only is allowed, and the loop sees the new values.
d = {"a": 1, "b": 2, "c": 3}
for k, v in d.items():
    if k == "a":
        d["c"] = 30
    print(k, v)
print(d)

d = {"a": 1, "b": 2, "c": 3}
for k in d:
    d[k] = d[k] * 100
print(d)

# items() seen through a view and an iterator made from it.
d = {"x": 1, "y": 2}
it = iter(d.items())
print(next(it))
del d["y"]
d["w"] = 0
print(next(it))
try:
    print(next(it))
except RuntimeError as e:
    print("items view:", e)
except StopIteration:
    print("stop")

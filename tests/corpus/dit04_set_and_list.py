# Sets check their size as dicts do (with CPython's capital S); lists do not check at all: a list
# iterator reads the list by index, so it sees items appended during the loop.
s = {1, 2, 3}
try:
    for x in s:
        s.add(x * 10)
except RuntimeError as e:
    print("set add:", e)
print(sorted(s))

s = {1, 2, 3}
try:
    for x in s:
        s.discard(x)
except RuntimeError as e:
    print("set discard:", e)
print(s)

s = {1, 2, 3}
it = iter(s)
print(next(it))
s.add(4)
for attempt in range(2):
    try:
        next(it)
    except RuntimeError as e:
        print("attempt", attempt, e)
s.discard(4)
try:
    next(it)
except RuntimeError as e:
    print("size restored:", e)
print(type(it).__name__)

# Adding a member already there does not change the size.
s = {1, 2, 3}
for x in s:
    s.add(1)
    print("member", x)

# Exhausted stays exhausted.
s = {5}
it = iter(s)
print(list(it))
s.add(6)
print(next(it, "end"))

# A frozenset cannot change.
print(sorted(x for x in frozenset({3, 1, 2})))

# Lists: appends are seen, so this loop runs until the list stops growing.
xs = [1, 2, 3]
for x in xs:
    if x < 6:
        xs.append(x + 3)
print(xs)

# Removing while iterating skips the next item (the index moves on).
xs = [1, 2, 2, 3, 4, 4]
for x in xs:
    if x % 2 == 0:
        xs.remove(x)
print(xs)

it = iter([1, 2])
print(next(it), next(it), next(it, "end"))
ys = [10]
it = reversed(ys)
ys.append(20)
print(list(it))

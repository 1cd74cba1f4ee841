# copy.deepcopy of a nesting deeper than the recursion limit: CPython's RecursionError, met where
# CPython meets it (its `id(x)`, 'while calling a Python object'), for lists and dicts; uncaught,
# the traceback starts at the program's call.
import copy

x = []
for i in range(100):
    x = [x]
y = copy.deepcopy(x)
print(y == x, y is not x, y[0] is not x[0])

for kind, make in (("list", lambda v: [v]), ("dict", lambda v: {"k": v}),
                   ("list in dict", lambda v: {"k": [v]})):
    v = 0
    for i in range(3000):
        v = make(v)
    try:
        copy.deepcopy(v)
    except RecursionError as e:
        print(kind, "RecursionError:", e)

x = []
for i in range(3000):
    x = [x]
copy.deepcopy(x)

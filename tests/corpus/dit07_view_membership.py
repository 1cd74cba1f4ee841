# 'in' on a dict's views: keys and items are looked up by hash (an unhashable probe is CPython's
# TypeError), an item's value compared with ==; values are searched.
d = {"a": 1, (1, 2): [3]}
for probe in ([1], ("a", 1, 2), ([1], 2), ((1, 2), [3]), ("a", 1.0)):
    for view in (d.keys(), d.items(), d.values()):
        try:
            print(type(view).__name__, probe, probe in view)
        except TypeError as e:
            print(type(view).__name__, probe, "TypeError:", e)

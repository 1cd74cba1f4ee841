# pprint: CPython layout for nested dicts, lists, tuples, sets and long strings; width, indent, depth, compact, sort_dicts, underscore_numbers; pp, pformat, saferepr, isreadable, isrecursive.
import pprint
data = {"name": "forkyard", "processes": [{"pid": i, "name": f"Process-{i}", "alive": i % 2 == 0, "exitcode": None if i % 2 == 0 else 0} for i in range(1, 5)], "counts": list(range(30)), "nested": {"a": {"b": {"c": {"d": [1, 2, 3]}}}}, "t": (1,), "s": {3, 1, 2}, "fs": frozenset({7, 5}), "empty": [], "e2": {}, "e3": (), "text": "a fairly long string that will need to be split into several pieces because it is wider than the line " * 2}
pprint.pprint(data)
pprint.pprint(data, width=40, indent=2)
pprint.pprint(data, depth=2)
pprint.pprint(list(range(40)), compact=True, width=50)
pprint.pprint(list(range(40)), width=50)
print(pprint.pformat({"b": 1, "a": [1, 2], 3: None}, sort_dicts=False))
pprint.pp({"z": 1, "a": 2})
print(pprint.pformat(123456789, underscore_numbers=True), pprint.pformat([10**12], underscore_numbers=True))
print(pprint.pformat(("one element tuple long enough to wrap around the width limit of forty",), width=40))
print(pprint.pformat("short"), pprint.pformat(["x" * 30, "y" * 30, ("z" * 30, 1)], width=40))
print(pprint.pformat({"k": "line one\nline two\nline three is longer than the rest of the lines here"}, width=30))
print(pprint.isreadable([1, 2]), pprint.isreadable(object()), pprint.saferepr({"a": [1, (2, 3)]}))
l = [1, 2]; l.append(l)
print(pprint.isrecursive(l), pprint.isrecursive([1]))
class C:
    def __repr__(self):
        return "C()"
pprint.pprint([C()] * 30)
pprint.pprint({(1, "a"): 1, (0, "b"): 2, 5: "int", "s": "str"})
pp = pprint.PrettyPrinter(width=20)
print(pp.pformat(list("abcdefghijkl")))

# pprint: which names exist, and what each gives for sample inputs.
import pprint
for name in ["pprint", "pformat", "pp", "PrettyPrinter", "saferepr", "isreadable", "isrecursive"]:
    print(name, hasattr(pprint, name))
values = [list(range(30)), {"k%d" % i: [i] * i for i in range(8)}, ("t" * 50, "u" * 50), {1, 2, 3},
          {"nested": {"deeper": {"deepest": list(range(15))}}}, "s" * 100]
for v in values:
    for width in (20, 40, 80):
        print(pprint.pformat(v, width=width))
    print(pprint.pformat(v, compact=True, width=30), pprint.pformat(v, depth=1))

# Survey of dataclasses: each line is a name and its result for sample inputs.
import dataclasses
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass


@dataclass(order=True)
class P:
    x: int
    y: int = 0
    tags: list = field(default_factory=list, compare=False)


@dataclass(frozen=True)
class F:
    a: str


p = P(1, 2)
print("repr", p)
print("eq", p == P(1, 2, ["t"]), p == P(2, 1))
print("order", P(1, 5) < P(2, 0), sorted([P(3), P(1)]))
print("fields", [(f.name, f.type, f.default is dataclasses.MISSING) for f in fields(P)])
print("asdict", asdict(p), "astuple", astuple(p))
print("replace", replace(p, y=7))
print("is_dataclass", is_dataclass(P), is_dataclass(p), is_dataclass(1))
print("frozen hash", hash(F("a")) == hash(F("a")), F("a") == F("a"))
try:
    F("a").a = "b"
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError", e)
print("MISSING", type(dataclasses.MISSING).__name__, "field repr", field(default=1).default)
print("match_args", P.__match_args__, "params", P.__dataclass_params__.order)
for name in ["dataclass", "field", "Field", "fields", "asdict", "astuple", "replace",
             "is_dataclass", "FrozenInstanceError", "MISSING", "KW_ONLY", "InitVar"]:
    print("has", name, hasattr(dataclasses, name))

# json.dumps: separators, indent, sort_keys, ensure_ascii, floats, keys, default and its errors.
import json
data = {"name": "forkyard", "n": 3, "pi": 3.14159, "ok": True, "none": None, "list": [1, 2.5, "x", [], {}], "nested": {"b": 1, "a": [1, {"c": "é"}]}}
print(json.dumps(data))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
print(json.dumps([float("nan"), float("inf"), -float("inf"), 1e100, 0.1, -0.0, 10**20]))
print(json.dumps({1: "a", 2.5: "b", True: "c", None: "d"}))
print(json.dumps("tab\there \"quoted\" \\ \n \u0001 \U0001f600 café"))
print(json.dumps((1, 2), indent="--"))
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps(object())
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
a = []; a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print("ValueError:", e)
print(json.dumps({"b": 1}, default=str), json.dumps(set([1]), default=sorted))
text = '{"a": [1, 2.5, -3e2, true, false, null, "s\\n\\u00e9\\ud83d\\ude00"], "b": {"c": NaN}, "d": -0}'

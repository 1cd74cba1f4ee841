# json: which names exist, and what each gives for sample inputs.
import json
for name in ["dumps", "dump", "loads", "load", "JSONDecodeError", "JSONEncoder", "JSONDecoder"]:
    print(name, hasattr(json, name))
samples = [None, True, 1, -2.5, "é\n", [1, [2, {}]], {"b": 1, "a": [None]}, (1, 2), float("inf")]
for s in samples:
    print(repr(s), json.dumps(s), json.dumps(s, ensure_ascii=False), json.dumps(s, indent=2, sort_keys=True))
    print(json.loads(json.dumps(s)))
for text in ['{"a": 1}', "[1, 2.0, -3e2]", '"\\u00e9"', "null", "[true, false]", "{", "[1,]", "x"]:
    try:
        print(repr(text), json.loads(text))
    except json.JSONDecodeError as e:
        print(repr(text), "JSONDecodeError", e.msg, e.pos, e.lineno, e.colno)

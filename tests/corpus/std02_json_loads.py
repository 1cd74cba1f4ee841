# json.loads: values, hooks, JSONDecodeError messages and positions as CPython 3.11 words them; json.dump to sys.stdout.
import json
text = '{"a": [1, 2.5, -3e2, true, false, null, "s\\n\\u00e9\\ud83d\\ude00"], "b": {"c": NaN}, "d": -0}'
v = json.loads(text)
print(v, type(v["a"][2]).__name__, json.loads(b'[1]'), json.loads('  "x"  '))
print(json.loads('{"a": 1.5}', parse_float=str), json.loads('{"a": 1}', object_hook=lambda d: sorted(d)))
for bad in ['', '[1,]', '{"a" 1}', '{a: 1}', '[1 2]', '"abc', '[1] x', '{"a": }', 'tru', '"\\x"', '{"a":1,}', '\n\n  [1,\n  ]']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e, "|", e.msg, e.pos, e.lineno, e.colno, isinstance(e, ValueError))
try:
    json.loads(5)
except TypeError as e:
    print(e)
import sys
json.dump({"x": [1, 2]}, sys.stdout, indent=1)
print()

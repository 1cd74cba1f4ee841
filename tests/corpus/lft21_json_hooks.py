# json with default=, object_hook=, object_pairs_hook=, cls=, and its errors.
import json
class Point:
    def __init__(self, x, y): self.x, self.y = x, y
def default(o):
    if isinstance(o, Point): return {'__point__': True, 'x': o.x, 'y': o.y}
    if isinstance(o, set): return sorted(o)
    raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')
def hook(d):
    if '__point__' in d: return Point(d['x'], d['y'])
    return d
s = json.dumps({'p': Point(1, 2), 's': {3, 1}}, default=default, sort_keys=True)
print(s)
back = json.loads(s, object_hook=hook)
print(type(back['p']).__name__, back['p'].x, back['s'])
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point): return [o.x, o.y]
        return super().default(o)
print(json.dumps(Point(1,2), cls=type('E', (json.JSONEncoder,), {'default': lambda self, o: vars(o)})))
try: json.dumps(object())
except TypeError as e: print(e)
try: json.dumps({(1,): 1})
except TypeError as e: print(e)
print(json.loads('[1, 2.5, "x", null, true]', parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=lambda pairs: pairs))
print(json.dumps({'b': [1, {'c': None}], 'a': 'é'}, indent=2, sort_keys=True))
print(json.dumps({'a': 'é'}, ensure_ascii=False), json.dumps([1, 2], separators=(',', ':')), json.dumps(float('nan')))
try: json.loads('{"a": }')
except json.JSONDecodeError as e: print(e, e.pos, e.lineno, e.colno)
try: json.dumps(float('inf'), allow_nan=False)
except ValueError as e: print(e)
print(json.loads('"\\u00e9\\n"'), json.dumps("tab\there"), json.dumps({1: 2, True: 3, None: 4}), json.loads('1e400'))
from collections import OrderedDict
print(json.loads('{"z": 1, "a": 2}', object_pairs_hook=OrderedDict))
print(json.dumps([], indent=4), json.dumps({}, indent=4), json.dumps([[]], indent=2))
d = json.JSONDecoder(); print(d.raw_decode('[1,2] rest'))

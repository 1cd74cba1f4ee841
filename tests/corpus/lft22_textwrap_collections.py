# textwrap and collections recipes.
import textwrap
from collections import Counter, defaultdict, deque, namedtuple, ChainMap, OrderedDict
text = "The quick brown fox jumps over the lazy dog. " * 3
print(textwrap.fill(text, width=30))
print(textwrap.wrap(text, 25, max_lines=3, placeholder=' ...'))
print(textwrap.shorten("Hello  world!  How are you?", width=15))
print(textwrap.dedent("""
    def f():
        return 1
"""))
print(textwrap.indent("a\nb\n\nc", "> "), textwrap.indent("a\n\nb", "+", lambda l: True))
w = textwrap.TextWrapper(width=20, initial_indent='* ', subsequent_indent='  ')
print(w.fill(text[:60]))
c = Counter('abracadabra')
print(c.most_common(2), c['z'], sorted(c.elements())[:4], c.total(), c - Counter('aaa'), c & Counter('abc'), +Counter({'a': -1, 'b': 2}))
c.update('zz'); c.subtract({'a': 10}); print(c)
dd = defaultdict(lambda: 'N/A'); dd['x']; print(dict(dd))
graph = defaultdict(set); graph[1].add(2); print(graph)
d = deque([1, 2, 3], maxlen=3); d.append(4); d.appendleft(0); d.rotate(1); print(d, d.maxlen)
cm = ChainMap({'a': 1}, {'a': 2, 'b': 3}); print(cm['a'], cm['b'], dict(cm), cm.new_child({'c': 4}), cm.parents)
Pt = namedtuple('Pt', 'x y', defaults=[0]); print(Pt(1), Pt._field_defaults, Pt._make([3, 4]), Pt(1)._asdict())
od = OrderedDict.fromkeys('abc'); od.move_to_end('a'); print(od, od.popitem(last=False))

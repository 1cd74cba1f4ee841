# re with bytes patterns on bytes.
import re

p = re.compile(rb'(\w+)=(\d+)')
print(p, p.pattern, p.flags, p.groups)
print(p.findall(b'a=1 bb=22 c=x'))
m = p.search(b'xx key=9!')
print(m, m.group(), m.group(1), m.groups(), m.span(2), m.start(), m.string)
print(m.expand(rb'\2:\1'), m[0], m.groupdict())
print(p.sub(b'<\\1>', b'a=1 b=2'), p.subn(rb'\2', b'a=1 b=2'))
print(p.sub(lambda m: m.group(2) * 2, b'a=1 b=2'))
print(re.split(rb'[,;]\s*', b'a, b;c'), re.split(rb'(,)', b'x,y'))
print([m.span() for m in re.finditer(rb'\d', b'a1b22')])
print(re.match(rb'\s+', b' \t\nx').end(), re.fullmatch(rb'[a-f0-9]+', b'deadbeef') is not None)
print(re.findall(rb'\w', b'a\xe9_9'), re.findall(rb'.', b'\x00\xff'))
print(re.compile(rb'(?i)abc').match(b'ABC'), re.compile(rb'(?i)\xe9').match(b'\xe9'))
print(re.compile(rb'a', re.A).flags, re.compile(rb'(?i)a').flags, re.compile(rb'x', re.I | re.M))
print(re.escape(b'a.b*c'), re.escape('a.b'))
print(re.search(rb'(?P<word>[a-z]+)', b'123 abc').group('word'))
print(p.search(bytearray(b'q=7')).group(1))
for bad in [lambda: p.search('a=1'), lambda: re.compile('a').search(b'a'), lambda: re.compile(rb'a', re.U),
            lambda: p.sub('x', b'a=1'), lambda: p.sub(lambda m: 'x', b'a=1'), lambda: re.compile(rb'\u0041'),
            lambda: p.search(5)]:
    try:
        print(bad())
    except (TypeError, ValueError, re.error) as e:
        print(type(e).__name__, e)

# format specs, f-string = and nested specs, string.Template, % formatting, pprint.
import string, textwrap, pprint
data = {'name': 'x' * 10, 'items': list(range(30)), 'nested': {'a': [1, {'b': 2}], 'c': (1, 2)}}
pprint.pprint(data, width=40)
print(pprint.pformat(data, depth=1), pprint.pformat(list(range(5)), compact=True))
print('{:>10}|{:<5}|{:^7}|{:08.3f}|{:+d}|{:,}|{:_x}|{:#o}|{:e}|{:%}'.format('r', 'l', 'c', 3.14159, 5, 1234567, 255, 8, 12345.678, 0.25))
print(f'{"nested":{"^"}{12}}', f'{3.5!r:>6}', f'{12:{"0"}{5}}', f"{'x'=}", f'{1+1=}')
t = string.Template('$who likes ${what}s'); print(t.substitute(who='tim', what='kung pao'), t.safe_substitute(who='x'))
print('%5.2f %-5s| %05d %x %r %c' % (3.14159, 'ab', 42, 255, 'q', 65), '%(a)s-%(b)d' % {'a': 'A', 'b': 2})
print(str.maketrans('ab', 'xy'), 'abc'.translate(str.maketrans('ab', 'xy', 'c')), 'a,b,,c'.split(','), 'Hello'.center(11, '*'), 'x'.zfill(4))
print('The Quick'.swapcase(), 'hello world'.title(), 'ß'.casefold(), 'tab\tsep'.expandtabs(4), ' x '.strip(), 'abc'.removeprefix('a'), 'a-b-c'.rpartition('-'))

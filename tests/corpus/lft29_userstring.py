# collections.UserString, subclassed: methods that make strings give the subclass; hash() of a class with its own __hash__.
from collections import UserString
class Shout(UserString):
    def shout(self): return self.upper() + '!'
s = Shout('hello world')
print(s, repr(s), s.shout(), type(s.upper()).__name__, s.title(), s[0:5], type(s[0]).__name__, len(s), 'world' in s)
print(s.split(), s.count('o'), s.find(Shout('wor')), s.replace('world', 'there'), s + '!', '>' + s, s * 2, s == 'hello world', s < 'z')
print(s.startswith('he'), s.center(15, '*'), s.zfill(13), s.partition(' '), s.encode(), int(UserString('42')) + 1, hash(s) == hash('hello world'))
print(Shout('%s-%d') % ('a', 1), sorted([Shout('b'), Shout('a')]), [type(c).__name__ for c in Shout('ab')], s.isalpha(), UserString(12))
class H:
    def __hash__(self): return 12345
class M:
    def __hash__(self): return -1
class B:
    def __hash__(self): return 2**70
print(hash(H()), hash(M()), hash(B()), hash((1,2)) == hash((1,2)))
class Bad:
    def __hash__(self): return 'x'
try: hash(Bad())
except TypeError as e: print(e)

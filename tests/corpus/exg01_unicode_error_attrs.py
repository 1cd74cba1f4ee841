# UnicodeDecodeError and UnicodeEncodeError as CPython 3.11 has them: encoding, object, start,
# end and reason on the errors the codecs raise, the message made from them (changed when an
# attribute is), the errors made directly with their argument checks, and an uncaught one.
def show(e):
    print(type(e).__name__, '|', e, '|', e.encoding, repr(e.object), e.start, e.end, e.reason)


for data, enc in ((b'\xff\xfe', 'utf-8'), (b'ok\xe2\x82', 'utf-8'), (b'a\xc3\x28b', 'utf-8'),
                  (b'a\x80b', 'ascii'), (b'\xf0\x9f\x98', 'utf-8')):
    try:
        data.decode(enc)
    except UnicodeDecodeError as e:
        show(e)
        print(' args', e.args, isinstance(e, UnicodeError), isinstance(e, ValueError))
for text, enc in (('h\xe9llo', 'ascii'), ('ab\u20ac\u20acc', 'latin-1'), ('x\U0001f600', 'ascii')):
    try:
        text.encode(enc)
    except UnicodeEncodeError as e:
        show(e)
try:
    bytearray(b'\xff').decode()
except UnicodeDecodeError as e:
    show(e)
e = UnicodeDecodeError('utf-8', b'abc', 1, 2, 'bad')
show(e)
e.start = 0
e.end = 3
e.reason = 'changed'
print(e)
e = UnicodeEncodeError('ascii', 'xyz', 0, 3, 'nope')
show(e)
e.end = 1
print(e)
for args in (('utf-8', 'abc', 1, 2, 'bad'), ('x',), (1, b'a', 0, 1, 'r'), ('u', b'a', 'z', 1, 'r')):
    try:
        UnicodeDecodeError(*args)
    except TypeError as x:
        print('TypeError', x)
try:
    UnicodeEncodeError('ascii', b'xyz', 0, 1, 'r')
except TypeError as x:
    print('TypeError', x)
print(repr(UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'invalid start byte')))
b'caf\xe9'.decode('utf-8')

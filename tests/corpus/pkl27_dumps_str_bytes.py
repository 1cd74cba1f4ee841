# pickle.dumps of str (SHORT_BINUNICODE, BINUNICODE; UTF-8 with surrogates passed), bytes
# (SHORT_BINBYTES, BINBYTES; protocol 2's _codecs.encode), bytearray (BYTEARRAY8 from protocol 5,
# a reduction before), and the frames of protocol 4: a payload of 64 KiB or more outside any frame,
# a long message cut into frames of about 64 KiB.
import pickle

for v in ['', 'abc', 'é€😀', 'x' * 255, 'y' * 256, b'', b'ab', b'\x00\xff' * 128,
          b'z' * 256, bytearray(), bytearray(b'q\x00')]:
    for proto in (2, 3, 4, 5):
        b = pickle.dumps(v, proto)
        back = pickle.loads(b)
        assert back == v and type(back) is type(v), (v, proto)
        print(proto, repr(v)[:20], len(b), b[:48])

big = b'b' * 70000
b = pickle.dumps([big, 'tail'])
print(len(b), b[:30], b[-30:])
assert pickle.loads(b) == [big, 'tail']
bigs = 's' * 65536
b = pickle.dumps((bigs, bigs))
print(len(b), b[:30], b[-20:])
many = ['item%05d' % i for i in range(20000)]
b = pickle.dumps(many)
frames = []
i = 2
while i < len(b):
    assert b[i] == 0x95
    n = int.from_bytes(b[i + 1:i + 9], 'little')
    frames.append(n)
    i += 9 + n
print(len(b), frames)
assert pickle.loads(b) == many
print(pickle.loads(pickle.dumps(bytearray(b'xy'), 5)), pickle.dumps(bytearray(b'xy'), 4))

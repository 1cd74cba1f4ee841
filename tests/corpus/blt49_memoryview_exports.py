ba = bytearray(b'abc')
alias = ba
ba.append(100)
ba[0:1] = b'XY'
m = memoryview(ba)
m[1] = 122
print(alias, m.tobytes(), len(m))
try:
    ba.pop()
except BufferError as e:
    print(e)
m.release()
print(ba.pop(), ba)
try:
    len(m)
except ValueError as e:
    print(e)
ba2 = bytearray(b'xy')
m2 = memoryview(ba2)
try:
    ba2 += b'z'
except BufferError as e:
    print('iadd', e)
del m2
ba2 += b'z'
print(ba2)
m3 = memoryview(ba2)[1:]
try:
    ba2.clear()
except BufferError as e:
    print('clear', e)
ba2[0:1] = b'Q'
print(ba2)

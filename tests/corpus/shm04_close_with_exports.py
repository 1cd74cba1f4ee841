"""SharedMemory.close() while a slice of its buf is alive: CPython's BufferError from the mmap, with buf
already released; close() again once the slice is released; a block closed while its buf is held."""
from multiprocessing import shared_memory
s = shared_memory.SharedMemory(create=True, size=8)
x = s.buf[:2]
b = s.buf
try:
    s.close()
except BufferError as e:
    print('BufferError', e)
print(s._buf, s._mmap is None)
try:
    b[0]
except ValueError as e:
    print('ValueError', e)
x[0] = 9
x.release()
s.close()
print(s._mmap is None)
s.close()
t = shared_memory.SharedMemory(s.name)
print(t.buf[0])
m = t.buf
t.close()
print("closed with its buf held")
s.unlink()

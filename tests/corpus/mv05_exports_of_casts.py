ba = bytearray(4)
m = memoryview(ba)
c = m.cast("h")
r = c.toreadonly()
m.release()
for step in ("c", "r", "none"):
    try:
        ba.append(1)
        print("grew", len(ba))
        ba.pop()
    except BufferError as e:
        print(step, e)
    if step == "c":
        c.release()
    elif step == "r":
        del r
t = memoryview(ba)[::2].tolist(), len(memoryview(ba).cast("B", shape=[2, 2]))
ba.append(2)
print(t, len(ba))
with memoryview(ba) as v:
    w = v.cast("c")
try:
    ba.append(3)
except BufferError as e:
    print(e)
del w
ba.append(3)
print(len(ba), memoryview(ba) == ba, ba == memoryview(ba))

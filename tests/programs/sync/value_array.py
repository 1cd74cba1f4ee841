import multiprocessing as mp

v = mp.Value('i', 5)
print(v, v.value)
v.value += 1
print(v.value)
print(mp.Value('d', 1), mp.Value('d').value, mp.Value('c', b'x').value)
print(mp.Value('i', 3, lock=False))
print(type(v.get_lock()).__name__, v.get_lock())
a = mp.Array('i', 3)
print(a[:], len(a), a[0], a[-1])
a[1] = 7
a[0:2] = [4, 5]
print(a[:], list(a), a[::-1])
try:
    a[5]
except IndexError as e:
    print("IndexError", e)
try:
    a[0:2] = [1]
except ValueError as e:
    print("ValueError", e)
d = mp.Array('d', [1, 2.5])
print(d[:], sum(d))
c = mp.Array('c', b'hey')
print(c.value, c[:], c.raw)
c.value = b'hi'
print(c.value, c.raw)
with v:
    v.value = 100
print(v.value)
l = mp.Lock()
w = mp.Value('i', 1, lock=l)
print(w.get_lock() is l, w)

def work(n, arr, k):
    for _ in range(k):
        with n.get_lock():
            n.value += 1
    arr[0] = arr[0] + 1 if False else 42

n = mp.Value('i', 0)
arr = mp.Array('i', 2)
ps = [mp.Process(target=work, args=(n, arr, 500)) for _ in range(3)]
for p in ps:
    p.start()
for p in ps:
    p.join()
print(n.value, arr[:])

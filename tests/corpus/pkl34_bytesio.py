# pickle.dump and pickle.load with an io.BytesIO, several objects one after another; Pickler and
# Unpickler keep their memo between calls, so an object dumped twice is fetched the second time.
import io
import pickle

f = io.BytesIO()
pickle.dump([1, 2], f)
pickle.dump('two', f, protocol=2)
pickle.dump({'three': 3}, f)
print(f.getvalue())
f.seek(0)
print(pickle.load(f), pickle.load(f), pickle.load(f))
try:
    pickle.load(f)
except EOFError as e:
    print('EOFError', e)

shared = ['shared']
f = io.BytesIO()
p = pickle.Pickler(f)
p.dump(shared)
p.dump(shared)
print(f.getvalue())
f.seek(0)
u = pickle.Unpickler(f)
a = u.load()
b = u.load()
print(a, b, a is b)

f = io.BytesIO()
p = pickle.Pickler(f, 3)
p.dump(shared)
p.clear_memo()
p.dump(shared)
print(f.getvalue())

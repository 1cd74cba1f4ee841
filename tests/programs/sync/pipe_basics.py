import multiprocessing as mp
import time

def waited(t0, target):
    # lesson seconds waited, as "about TARGET" (tolerates a loaded machine at --speed 4)
    dt = time.time() - t0
    return f"about {target}" if target - 0.01 <= dt <= target + 0.2 else f"{dt:.3f} (expected about {target})"


a, b = mp.Pipe()
print(type(a).__name__, a.readable, a.writable, a.closed)
a.send([1, {"k": (2, 3)}, None])
a.send("two")
print(b.poll(), b.recv(), b.recv(), b.poll(), b.poll(0.05))
b.send(3.5)
print(a.recv())
a.send_bytes(b"hello world", 6)
a.send_bytes(b"hello world", 0, 5)
a.send_bytes(b"")
print(b.recv_bytes(), b.recv_bytes(), b.recv_bytes())
for args in [(b"x", -1), (b"x", 2), (b"x", 0, -1), (b"x", 0, 2)]:
    try:
        a.send_bytes(*args)
    except ValueError as e:
        print("ValueError", e)
try:
    b.recv_bytes(-1)
except ValueError as e:
    print("ValueError", e)
a.send_bytes(b"toolong")
try:
    b.recv_bytes(3)
except OSError as e:
    print("OSError", e, b.closed)

r, w = mp.Pipe(duplex=False)
print(r.readable, r.writable, w.readable, w.writable)
try:
    r.send(1)
except OSError as e:
    print("OSError", e)
try:
    w.recv()
except OSError as e:
    print("OSError", e)
try:
    w.poll()
except OSError as e:
    print("OSError", e)
w.send("buffered")
w.close()
print(w.closed)
try:
    w.send(1)
except OSError as e:
    print("OSError", e)
print(r.recv())
try:
    r.recv()
except EOFError as e:
    print("EOFError", repr(e))

x, y = mp.Pipe()
y.close()
try:
    x.send(1)
except BrokenPipeError as e:
    print("BrokenPipeError", e, e.errno)

def nested():
    def inner():
        pass
    return inner
x, y = mp.Pipe()
for bad in [lambda: 1, nested(), mp.Lock(), mp.Queue(), mp]:
    try:
        x.send(bad)
    except Exception as e:
        print(type(e).__name__, str(e).split(" at 0x")[0])
def f():
    pass
x.send(f)
print(y.recv() is f)
x.send({1, 2, 3})
x.send(frozenset([4]))
print(y.recv(), y.recv())
t0 = time.time()
print(y.poll(0.3), waited(t0, 0.3))
with x:
    pass
print(x.closed)

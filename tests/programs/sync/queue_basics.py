import multiprocessing as mp
import queue
import time

def waited(t0, target):
    # lesson seconds waited, as "about TARGET" (tolerates a loaded machine at --speed 4)
    dt = time.time() - t0
    return f"about {target}" if target - 0.01 <= dt <= target + 0.2 else f"{dt:.3f} (expected about {target})"


q = mp.Queue()
print(type(q).__name__, q.empty(), q.qsize())
q.put(1)
q.put([1, (2, 3), {"a": {4, 5}}, None, True, 2.5, b"x", "s"])
time.sleep(0.05)
print(q.qsize(), q.empty(), q.full())
print(q.get())
print(q.get(True, 1))
try:
    q.get(timeout=0.2)
except queue.Empty as e:
    print("Empty", repr(e))
try:
    q.get_nowait()
except queue.Empty:
    print("Empty nowait")
try:
    q.get(False)
except queue.Empty:
    print("Empty block=False")
t0 = time.time()
try:
    q.get(block=True, timeout=0.3)
except queue.Empty:
    print("waited", waited(t0, 0.3))

b = mp.Queue(2)
b.put(1)
b.put_nowait(2)
time.sleep(0.05)
print(b.full(), b.qsize())
try:
    b.put(3, timeout=0.1)
except queue.Full as e:
    print("Full", repr(e))
try:
    b.put(3, False)
except queue.Full:
    print("Full block=False")
try:
    b.put_nowait(3)
except queue.Full:
    print("Full nowait")
print(b.get(), b.get(), b.empty())

try:
    q.put(1, blocked=False)
except TypeError as e:
    print("TypeError", e)

# copies, not references
items = [1, 2]
q.put(items)
got = q.get()
got.append(3)
print(items, got, got is items)

def lfunc():
    pass
def nested():
    def inner():
        pass
    return inner
q.put(lfunc)
print(q.get() is lfunc)
sq = mp.SimpleQueue()
for bad in [lambda: 1, nested(), mp.Lock(), q, mp.RLock(), mp.Semaphore(), mp.Value('i', 1), mp.Array('i', 2), mp.Event(), mp]:
    try:
        sq.put(bad)
    except Exception as e:
        print(type(e).__name__, str(e).split(" at 0x")[0])

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
q.put(Point(1, 2))
p = q.get()
print(type(p).__name__, p.x, p.y)
q.put(ValueError("boom", 3))
e = q.get()
print(type(e).__name__, e.args)

q.close()
try:
    q.put(1)
except ValueError as e:
    print("ValueError", str(e).split(" object at")[0])
try:
    q.get()
except ValueError as e:
    print("ValueError", str(e).split(" object at")[0])

s = mp.SimpleQueue()
print(s.empty())
s.put(3)
print(s.get(), s.empty())
j = mp.JoinableQueue()
try:
    j.task_done()
except ValueError as e:
    print("ValueError", e)

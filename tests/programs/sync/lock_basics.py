import multiprocessing as mp
import time

def waited(t0, target):
    # lesson seconds waited, as "about TARGET" (tolerates a loaded machine at --speed 4)
    dt = time.time() - t0
    return f"about {target}" if target - 0.01 <= dt <= target + 0.2 else f"{dt:.3f} (expected about {target})"


l = mp.Lock()
print(l)
print(l.acquire())
print(l)
print(l.acquire(False))
print(l.acquire(timeout=0.05))
print(l.acquire(True, -1))
l.release()
try:
    l.release()
except ValueError as e:
    print("ValueError", e)
with l:
    print("in with", l)
print(l)

r = mp.RLock()
print(r)
print(r.acquire(), r.acquire())
print(r)
r.release()
print(r)
r.release()
try:
    r.release()
except AssertionError as e:
    print("AssertionError", e)

s = mp.Semaphore(2)
print(s, s.get_value())
s.acquire(); s.acquire()
print(s.acquire(timeout=0.01), s.get_value())
s.release(); s.release(); s.release()
print(s, s.get_value())
b = mp.BoundedSemaphore(2)
print(b)
try:
    b.release()
except ValueError as e:
    print("ValueError", e)
print(mp.Semaphore().get_value(), mp.Semaphore(0).acquire(False))
try:
    mp.Semaphore(-1)
except OSError as e:
    print("OSError", e)

t0 = time.time()
print(l.acquire(), l.acquire(timeout=0.2), waited(t0, 0.2))
l.release()

def child(lock, rlock):
    # Lock has no owner: a child may release what the parent acquired.
    print("child releases parent's lock")
    lock.release()
    try:
        rlock.release()
    except AssertionError as e:
        print("child AssertionError", e)
    print("child", rlock)

lock = mp.Lock()
lock.acquire()
rl = mp.RLock()
rl.acquire()
p = mp.Process(target=child, args=(lock, rl))
p.start()
p.join()
print(lock.acquire(timeout=1), p.exitcode)
print(rl)

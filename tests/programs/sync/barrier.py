import multiprocessing as mp
import time

def waited(t0, target):
    # lesson seconds waited, as "about TARGET" (tolerates a loaded machine at --speed 4)
    dt = time.time() - t0
    return f"about {target}" if target - 0.01 <= dt <= target + 0.2 else f"{dt:.3f} (expected about {target})"


b = mp.Barrier(3)
print(b.parties, b.n_waiting, b.broken)

def party(b, out, i):
    idx = b.wait()
    out.put(idx)
    idx = b.wait()   # the barrier can be used again
    out.put(idx)

out = mp.Queue()
ps = [mp.Process(target=party, args=(b, out, i)) for i in range(2)]
for p in ps:
    p.start()
while b.n_waiting < 2:
    time.sleep(0.01)
print("waiting", b.n_waiting)
mine = b.wait()
got = sorted([mine] + [out.get() for _ in range(2)])
print("first round", got)
mine = b.wait()
got = sorted([mine] + [out.get() for _ in range(2)])
print("second round", got)
for p in ps:
    p.join()

def act():
    print("action runs once")
a = mp.Barrier(2, action=act)
p = mp.Process(target=lambda: a.wait())
p.start()
a.wait()
p.join()

t = mp.Barrier(2, timeout=0.2)
t0 = time.time()
try:
    t.wait()
except Exception as e:
    print(type(e).__name__, waited(t0, 0.2), t.broken)
try:
    t.wait()
except Exception as e:
    print("still", type(e).__name__)
t.reset()
print(t.broken)
def aborter(bb):
    time.sleep(0.1)
    bb.abort()
ab = mp.Barrier(2)
p = mp.Process(target=aborter, args=(ab,))
p.start()
try:
    ab.wait(5)
except Exception as e:
    print("aborted", type(e).__name__, ab.broken)
p.join()
try:
    mp.Barrier(0)
except ValueError as e:
    print("ValueError", e)

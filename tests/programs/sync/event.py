import multiprocessing as mp
import time

def waited(t0, target):
    # lesson seconds waited, as "about TARGET" (tolerates a loaded machine at --speed 4)
    dt = time.time() - t0
    return f"about {target}" if target - 0.01 <= dt <= target + 0.2 else f"{dt:.3f} (expected about {target})"


e = mp.Event()
print(e.is_set(), e.wait(0.01), e.wait(timeout=0))
e.set()
print(e.is_set(), e.wait(), e.wait(5))
e.clear()
print(e.is_set())

def waiter(ev, done, i):
    ok = ev.wait(10)
    with done.get_lock():
        done.value += 1

ev = mp.Event()
done = mp.Value('i', 0)
ps = [mp.Process(target=waiter, args=(ev, done, i)) for i in range(4)]
for p in ps:
    p.start()
time.sleep(0.2)
print("before set", done.value)
ev.set()
for p in ps:
    p.join()
print("after set", done.value, [p.exitcode for p in ps])
t0 = time.time()
e2 = mp.Event()
print(e2.wait(0.3), waited(t0, 0.3))

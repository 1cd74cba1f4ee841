import multiprocessing as mp
import time

def waited(t0, target):
    # lesson seconds waited, as "about TARGET" (tolerates a loaded machine at --speed 4)
    dt = time.time() - t0
    return f"about {target}" if target - 0.01 <= dt <= target + 0.2 else f"{dt:.3f} (expected about {target})"


c = mp.Condition()
print(c)
for m in ("notify", "notify_all", "wait"):
    try:
        getattr(c, m)()
    except AssertionError as e:
        print("AssertionError", e)
with c:
    print(c)
    t0 = time.time()
    print(c.wait(0.2), waited(t0, 0.2))
    print(c.wait_for(lambda: 42, 0.1))
    t0 = time.time()
    print(c.wait_for(lambda: 0, 0.2), waited(t0, 0.2))
    c.notify()
    c.notify_all()
print(mp.Condition(mp.Lock()))

def waiter(cond, sleeping, woken, timeout):
    with cond:
        sleeping.release()
        ok = cond.wait(timeout)
        woken.release()

cond = mp.Condition()
sleeping = mp.Semaphore(0)
woken = mp.Semaphore(0)
ps = [mp.Process(target=waiter, args=(cond, sleeping, woken, None)) for _ in range(3)]
for p in ps:
    p.start()
for _ in range(3):
    sleeping.acquire()
time.sleep(0.1)
print("woken before notify", woken.get_value())
with cond:
    cond.notify()
print("after notify", woken.acquire(timeout=5), woken.get_value())
with cond:
    cond.notify_all()
for p in ps:
    p.join()
print("after notify_all", woken.get_value(), [p.exitcode for p in ps])

# waiters whose timeout expired are not counted by a later notify
ps = [mp.Process(target=waiter, args=(cond, sleeping, woken, 0.1)) for _ in range(2)]
for p in ps:
    p.start()
for p in ps:
    p.join()
with cond:
    cond.notify(2)
print("timed out waiters", woken.get_value())

# wait_for a shared value
state = mp.Value('i', 0)
def setter(cond, state):
    for i in range(1, 4):
        time.sleep(0.05)
        with cond:
            state.value = i
            cond.notify_all()

p = mp.Process(target=setter, args=(cond, state))
p.start()
with cond:
    print("wait_for", cond.wait_for(lambda: state.value == 3, 5), state.value)
p.join()

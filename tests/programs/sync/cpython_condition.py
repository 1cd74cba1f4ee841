# Checks ported from CPython's Lib/test/_test_multiprocessing.py: _TestCondition.
import multiprocessing as mp
import sys
import time

TIMEOUT1 = 0.1
DELTA = 0.1

def f(cond, sleeping, woken, timeout=None):
    cond.acquire()
    sleeping.release()
    cond.wait(timeout)
    woken.release()
    cond.release()

def check_invariant(cond):
    # only when nobody sleeps: the repr shows sleepers - woken
    assert repr(cond).endswith(", 0)>"), repr(cond)

def wait_value(sem, n):
    for _ in range(50):
        if sem.get_value() == n:
            break
        time.sleep(DELTA)
    return sem.get_value()

# test_notify
cond = mp.Condition()
sleeping = mp.Semaphore(0)
woken = mp.Semaphore(0)
ps = [mp.Process(target=f, args=(cond, sleeping, woken), daemon=True) for _ in range(2)]
for p in ps:
    p.start()
sleeping.acquire()
sleeping.acquire()
time.sleep(DELTA)
assert woken.get_value() == 0
cond.acquire(); cond.notify(); cond.release()
assert wait_value(woken, 1) == 1
cond.acquire(); cond.notify(); cond.release()
assert wait_value(woken, 2) == 2
check_invariant(cond)
for p in ps:
    p.join()
print("ok test_notify")

# test_notify_all
cond = mp.Condition()
sleeping = mp.Semaphore(0)
woken = mp.Semaphore(0)
ps = [mp.Process(target=f, args=(cond, sleeping, woken, TIMEOUT1), daemon=True) for _ in range(3)]
for p in ps:
    p.start()
for _ in range(3):
    sleeping.acquire()
for _ in range(3):
    woken.acquire()
assert woken.get_value() == 0
check_invariant(cond)
ps += [mp.Process(target=f, args=(cond, sleeping, woken), daemon=True) for _ in range(3)]
for p in ps[3:]:
    p.start()
for _ in range(3):
    sleeping.acquire()
time.sleep(DELTA)
assert woken.get_value() == 0
cond.acquire(); cond.notify_all(); cond.release()
assert wait_value(woken, 3) == 3
check_invariant(cond)
for p in ps:
    p.join()
print("ok test_notify_all")

# test_timeout
cond = mp.Condition()
cond.acquire()
t0 = time.monotonic()
res = cond.wait(TIMEOUT1)
dt = time.monotonic() - t0
cond.release()
assert res is False and abs(dt - TIMEOUT1) < 0.1
print("ok test_timeout")

# test_waitfor
def waitfor_f(cond, state):
    with cond:
        state.value = 0
        cond.notify()
        result = cond.wait_for(lambda: state.value == 4)
        if not result or state.value != 4:
            sys.exit(1)

cond = mp.Condition()
state = mp.Value('i', -1)
p = mp.Process(target=waitfor_f, args=(cond, state), daemon=True)
p.start()
with cond:
    assert cond.wait_for(lambda: state.value == 0)
    assert state.value == 0
for i in range(4):
    time.sleep(0.01)
    with cond:
        state.value += 1
        cond.notify()
p.join(5)
assert not p.is_alive() and p.exitcode == 0
print("ok test_waitfor")

# test_waitfor_timeout
def waitfor_timeout_f(cond, state, success, sem):
    sem.release()
    with cond:
        expected = 0.1
        dt = time.time()
        result = cond.wait_for(lambda: state.value == 4, timeout=expected)
        dt = time.time() - dt
        if not result and expected * 0.6 < dt < expected * 10.0:
            success.value = True

cond = mp.Condition()
state = mp.Value('i', 0)
success = mp.Value('i', False)
sem = mp.Semaphore(0)
p = mp.Process(target=waitfor_timeout_f, args=(cond, state, success, sem), daemon=True)
p.start()
assert sem.acquire(timeout=10)
for i in range(3):
    time.sleep(0.01)
    with cond:
        state.value += 1
        cond.notify()
p.join(5)
assert success.value
print("ok test_waitfor_timeout")

# test_wait_result (without the SIGINT part)
def notify_f(c):
    with c:
        c.notify()

c = mp.Condition()
with c:
    assert not c.wait(0)
    assert not c.wait(0.1)
    p = mp.Process(target=notify_f, args=(c,))
    p.start()
    assert c.wait(10)
    p.join()
print("ok test_wait_result")

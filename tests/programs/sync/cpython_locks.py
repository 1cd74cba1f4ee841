# Checks ported from CPython's Lib/test/_test_multiprocessing.py: _TestLock, _TestSemaphore, _TestEvent.
import multiprocessing as mp
import time

TIMEOUT1, TIMEOUT2, TIMEOUT3 = 0.1, 0.2, 0.3

def almost(elapsed, expected):
    return abs(elapsed - expected) < 0.1

def timed(f, *args, **kw):
    t0 = time.monotonic()
    r = f(*args, **kw)
    return r, time.monotonic() - t0

# _TestLock.test_lock
lock = mp.Lock()
assert lock.acquire() is True
assert lock.acquire(False) is False
assert lock.release() is None
try:
    lock.release()
    raise SystemExit("over-release did not raise")
except ValueError:
    pass
print("ok test_lock")

# _TestLock.test_rlock
lock = mp.RLock()
assert [lock.acquire(), lock.acquire(), lock.acquire()] == [True, True, True]
assert [lock.release(), lock.release(), lock.release()] == [None, None, None]
try:
    lock.release()
    raise SystemExit("RLock over-release did not raise")
except (AssertionError, RuntimeError):
    pass
print("ok test_rlock")

# _TestLock.test_lock_context
with mp.Lock():
    pass
print("ok test_lock_context")

# _TestSemaphore
def check_semaphore(sem):
    assert sem.get_value() == 2
    assert sem.acquire() is True
    assert sem.get_value() == 1
    assert sem.acquire() is True
    assert sem.get_value() == 0
    assert sem.acquire(False) is False
    assert sem.get_value() == 0
    assert sem.release() is None
    assert sem.get_value() == 1
    assert sem.release() is None
    assert sem.get_value() == 2

sem = mp.Semaphore(2)
check_semaphore(sem)
assert sem.release() is None and sem.get_value() == 3
assert sem.release() is None and sem.get_value() == 4
print("ok test_semaphore")
sem = mp.BoundedSemaphore(2)
check_semaphore(sem)
try:
    sem.release()
    raise SystemExit("bounded over-release did not raise")
except ValueError:
    pass
assert sem.get_value() == 2
print("ok test_bounded_semaphore")

sem = mp.Semaphore(0)
r, dt = timed(sem.acquire, False)
assert r is False and almost(dt, 0.0)
r, dt = timed(sem.acquire, False, None)
assert r is False and almost(dt, 0.0)
r, dt = timed(sem.acquire, False, TIMEOUT1)
assert r is False and almost(dt, 0.0)
r, dt = timed(sem.acquire, True, TIMEOUT2)
assert r is False and almost(dt, TIMEOUT2), dt
r, dt = timed(sem.acquire, timeout=TIMEOUT3)
assert r is False and almost(dt, TIMEOUT3), dt
print("ok test_timeout")

# _TestEvent.test_event
def set_later(event):
    time.sleep(TIMEOUT2)
    event.set()

event = mp.Event()
assert event.is_set() is False
r, dt = timed(event.wait, 0.0)
assert r is False and almost(dt, 0.0)
r, dt = timed(event.wait, TIMEOUT1)
assert r is False and almost(dt, TIMEOUT1)
event.set()
assert event.is_set() is True
r, dt = timed(event.wait)
assert r is True and almost(dt, 0.0)
r, dt = timed(event.wait, TIMEOUT1)
assert r is True and almost(dt, 0.0)
event.clear()
p = mp.Process(target=set_later, args=(event,))
p.daemon = True
p.start()
assert event.wait() is True
p.join()
print("ok test_event")

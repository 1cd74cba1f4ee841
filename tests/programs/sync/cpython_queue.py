# Checks ported from CPython's Lib/test/_test_multiprocessing.py: _TestQueue.
import multiprocessing as mp
import queue as pyqueue
import time

TIMEOUT1, TIMEOUT2, TIMEOUT3 = 0.1, 0.2, 0.3
DELTA = 0.1

def almost(elapsed, expected):
    return abs(elapsed - expected) < 0.1

def raises_in(exc, expected, f, *args, **kw):
    t0 = time.monotonic()
    try:
        f(*args, **kw)
    except exc:
        assert almost(time.monotonic() - t0, expected), (f, args, time.monotonic() - t0)
        return
    raise AssertionError(f"{exc.__name__} not raised by {args}")

# test_put
def put_child(queue, child_can_start, parent_can_continue):
    child_can_start.wait()
    for i in range(6):
        queue.get()
    parent_can_continue.set()

MAXSIZE = 6
queue = mp.Queue(maxsize=MAXSIZE)
child_can_start = mp.Event()
parent_can_continue = mp.Event()
proc = mp.Process(target=put_child, args=(queue, child_can_start, parent_can_continue), daemon=True)
proc.start()
assert queue.empty() is True and queue.full() is False
queue.put(1)
queue.put(2, True)
queue.put(3, True, None)
queue.put(4, False)
queue.put(5, False, None)
queue.put_nowait(6)
time.sleep(DELTA)
assert queue.empty() is False and queue.full() is True
raises_in(pyqueue.Full, 0, queue.put, 7, False)
raises_in(pyqueue.Full, 0, queue.put, 7, False, None)
raises_in(pyqueue.Full, 0, queue.put_nowait, 7)
raises_in(pyqueue.Full, TIMEOUT1, queue.put, 7, True, TIMEOUT1)
raises_in(pyqueue.Full, 0, queue.put, 7, False, TIMEOUT2)
raises_in(pyqueue.Full, TIMEOUT3, queue.put, 7, True, timeout=TIMEOUT3)
child_can_start.set()
parent_can_continue.wait()
assert queue.empty() is True and queue.full() is False
proc.join()
print("ok test_put")

# test_get
def get_child(queue, child_can_start, parent_can_continue):
    child_can_start.wait()
    for i in (2, 3, 4, 5):
        queue.put(i)
    parent_can_continue.set()

queue = mp.Queue()
child_can_start = mp.Event()
parent_can_continue = mp.Event()
proc = mp.Process(target=get_child, args=(queue, child_can_start, parent_can_continue), daemon=True)
proc.start()
assert queue.empty() is True
child_can_start.set()
parent_can_continue.wait()
time.sleep(DELTA)
assert queue.empty() is False
assert queue.get(True, None) == 2
assert queue.get(True) == 3
assert queue.get(timeout=1) == 4
assert queue.get_nowait() == 5
assert queue.empty() is True
raises_in(pyqueue.Empty, 0, queue.get, False)
raises_in(pyqueue.Empty, 0, queue.get, False, None)
raises_in(pyqueue.Empty, 0, queue.get_nowait)
raises_in(pyqueue.Empty, TIMEOUT1, queue.get, True, TIMEOUT1)
raises_in(pyqueue.Empty, 0, queue.get, False, TIMEOUT2)
raises_in(pyqueue.Empty, TIMEOUT3, queue.get, timeout=TIMEOUT3)
proc.join()
print("ok test_get")

# test_fork
def fork_child(queue):
    for i in range(10, 20):
        queue.put(i)

queue = mp.Queue()
for i in range(10):
    queue.put(i)
time.sleep(DELTA)
p = mp.Process(target=fork_child, args=(queue,), daemon=True)
p.start()
for i in range(20):
    assert queue.get() == i
raises_in(pyqueue.Empty, 0, queue.get, False)
p.join()
print("ok test_fork")

# test_qsize
q = mp.Queue()
assert q.qsize() == 0
q.put(1)
assert q.qsize() == 1
q.put(5)
assert q.qsize() == 2
q.get()
assert q.qsize() == 1
q.get()
assert q.qsize() == 0
print("ok test_qsize")

# test_task_done
def task_done_child(q):
    # CPython's test iterates iter(q.get, None); forkyard's iter() has no sentinel form yet.
    while q.get() is not None:
        time.sleep(DELTA)
        q.task_done()

queue = mp.JoinableQueue()
workers = [mp.Process(target=task_done_child, args=(queue,), daemon=True) for i in range(4)]
for p in workers:
    p.start()
for i in range(10):
    queue.put(i)
queue.join()
for p in workers:
    queue.put(None)
for p in workers:
    p.join()
print("ok test_task_done")

# test_timeout
q = mp.Queue()
start = time.time()
try:
    q.get(True, 0.200)
    raise AssertionError("no Empty")
except pyqueue.Empty:
    pass
assert time.time() - start >= 0.170
print("ok test_timeout")

# closed queue
q = mp.Queue()
q.close()
for f in (lambda: q.put("foo"), q.get):
    try:
        f()
        raise AssertionError("no ValueError")
    except ValueError as e:
        assert "is closed" in str(e)
print("ok test_closed_queue")

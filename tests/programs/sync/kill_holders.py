import multiprocessing as mp
import queue
import time

# A Lock holder killed by SIGKILL takes its token with it: the lock stays held.
def holder(lock, ready):
    lock.acquire()
    ready.set()
    time.sleep(60)

lock = mp.Lock()
ready = mp.Event()
p = mp.Process(target=holder, args=(lock, ready))
p.start()
ready.wait()
p.kill()
p.join()
print("holder exitcode", p.exitcode)
print("acquire after the holder died:", lock.acquire(timeout=0.3))

# The same for a Semaphore permit.
sem = mp.Semaphore(2)
ready.clear()
p = mp.Process(target=holder, args=(sem, ready))
p.start()
ready.wait()
p.kill()
p.join()
print("semaphore value", sem.get_value(), sem.acquire(timeout=0.1), sem.acquire(timeout=0.1))

# A reader killed while waiting in get() holds the queue's read lock: other readers time out.
def reader(q, ready):
    ready.set()
    q.get()

q = mp.Queue()
ready.clear()
p = mp.Process(target=reader, args=(q, ready))
p.start()
ready.wait()
time.sleep(0.1)
p.kill()
p.join()
q.put(1)
try:
    print(q.get(timeout=0.3))
except queue.Empty:
    print("Empty: the dead reader kept the read lock")

# A writer killed in the middle of a big send: the reader gets the end of file mid-message.
def writer(w):
    w.send_bytes(b"x" * 1000000)

r, w = mp.Pipe(duplex=False)
p = mp.Process(target=writer, args=(w,))
p.start()
w.close()
time.sleep(0.2)
p.kill()
p.join()
try:
    r.recv_bytes()
except Exception as e:
    print(type(e).__name__, e)
try:
    r.recv_bytes()
except EOFError:
    print("EOFError after")

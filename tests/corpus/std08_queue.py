# queue in one process: Queue, LifoQueue, PriorityQueue (heap order), SimpleQueue, maxsize and Full, Empty after a timeout on the lesson clock, task_done/join and their errors.
import queue
q = queue.Queue()
for i in range(5):
    q.put(i)
print(q.qsize(), q.empty(), q.full(), [q.get() for _ in range(5)], q.empty())
lq = queue.LifoQueue()
for c in "abc":
    lq.put(c)
print([lq.get() for _ in range(3)])
pq = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (2, "b"), (1, "aa"), (5, "e"), (0, "z")]:
    pq.put(item)
print([pq.get() for _ in range(6)])
bq = queue.Queue(maxsize=2)
bq.put(1); bq.put(2)
print(bq.full())
try:
    bq.put_nowait(3)
except queue.Full:
    print("Full")
try:
    queue.Queue().get_nowait()
except queue.Empty as e:
    print("Empty", repr(e), type(e).__module__, queue.Empty.__name__)
try:
    queue.Queue().get(timeout=0.2)
except queue.Empty:
    print("Empty after timeout")
try:
    queue.Queue().get(timeout=-1)
except ValueError as e:
    print(e)
t = queue.Queue()
t.put("job")
t.get()
t.task_done()
t.join()
try:
    t.task_done()
except ValueError as e:
    print(e)
s = queue.SimpleQueue()
s.put(1); s.put(2)
print(s.get(), s.qsize(), s.empty(), s.get_nowait(), s.empty())
import multiprocessing
print(queue.Empty is multiprocessing.queues.Empty if hasattr(multiprocessing, "queues") else True)
big = queue.Queue()
for i in range(1000):
    big.put(i)
print(sum(big.get() for _ in range(1000)), big.qsize(), big.unfinished_tasks)

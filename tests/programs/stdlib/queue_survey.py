# queue: which names exist, and what each gives for sample inputs.
import queue
for name in ["Queue", "LifoQueue", "PriorityQueue", "SimpleQueue", "Empty", "Full"]:
    print(name, hasattr(queue, name))
for cls in (queue.Queue, queue.LifoQueue, queue.PriorityQueue):
    q = cls()
    for x in [5, 1, 4, 2, 3]:
        q.put(x)
    print(cls.__name__, q.qsize(), q.empty(), q.full(), [q.get() for _ in range(5)])
s = queue.SimpleQueue()
s.put(1)
print(s.get(), s.empty())

import multiprocessing as mp
import time

def producer(q, n, tag):
    for i in range(n):
        q.put((tag, i))
    q.put((tag, None))

def consumer(q, out, producers):
    done = 0
    total = 0
    while done < producers:
        tag, i = q.get()
        if i is None:
            done += 1
        else:
            total += i
    out.put(total)

q = mp.Queue()
out = mp.Queue()
ps = [mp.Process(target=producer, args=(q, 200, t)) for t in "ab"]
c = mp.Process(target=consumer, args=(q, out, 2))
for p in ps + [c]:
    p.start()
print("total", out.get())
for p in ps + [c]:
    p.join()
print([p.exitcode for p in ps + [c]])

# FIFO per producer
def seq(q):
    for i in range(1000):
        q.put(i)
q2 = mp.Queue()
p = mp.Process(target=seq, args=(q2,))
p.start()
got = [q2.get() for _ in range(1000)]
p.join()
print(got == list(range(1000)))

# a child that puts a big item is done with run() but waits at exit until it is read
def big(q, done):
    q.put("x" * 3_000_000)
    print("child put done")
    done.set()

q3 = mp.Queue()
done = mp.Event()
p = mp.Process(target=big, args=(q3, done))
p.start()
done.wait()
p.join(1)
print("alive after join(1):", p.is_alive())
print(len(q3.get()))
p.join()
print("exitcode", p.exitcode)

# JoinableQueue: join returns once every item is task_done
def worker(jq, results):
    while True:
        item = jq.get()
        if item is None:
            jq.task_done()
            break
        results.put(item * 2)
        jq.task_done()

jq = mp.JoinableQueue()
results = mp.Queue()
w = mp.Process(target=worker, args=(jq, results))
w.start()
for i in range(5):
    jq.put(i)
jq.put(None)
jq.join()
print("joined", sorted(results.get() for _ in range(5)))
w.join()

# bounded queue blocks the producer until the consumer takes
def slow_consumer(q):
    time.sleep(0.3)
    for _ in range(3):
        q.get()

bq = mp.Queue(1)
p = mp.Process(target=slow_consumer, args=(bq,))
p.start()
t0 = time.time()
for i in range(3):
    bq.put(i)
print("producer waited", round(time.time() - t0, 1) >= 0.3)
p.join()

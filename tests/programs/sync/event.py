import multiprocessing as mp
import time

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
print(e2.wait(0.3), round(time.time() - t0, 1))

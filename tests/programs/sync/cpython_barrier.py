# Checks ported from CPython's Lib/test/_test_multiprocessing.py: _TestBarrier (counters in shared Values).
import multiprocessing as mp

N = 5

class Counter:
    def __init__(self):
        self.v = mp.Value('i', 0)
    def append(self, _):
        with self.v.get_lock():
            self.v.value += 1
    def __len__(self):
        with self.v.get_lock():
            return self.v.value

def multipass(barrier, results, n):
    m = barrier.parties
    assert m == N
    for i in range(n):
        results[0].append(True)
        assert len(results[1]) == i * m
        barrier.wait()
        results[1].append(True)
        assert len(results[0]) == (i + 1) * m
        barrier.wait()
    assert barrier.n_waiting == 0
    assert not barrier.broken

def run(f, args):
    ps = [mp.Process(target=f, args=args, daemon=True) for _ in range(N - 1)]
    for p in ps:
        p.start()
    f(*args)
    for p in ps:
        p.join()
    return [p.exitcode for p in ps]

for passes in (1, 10):
    barrier = mp.Barrier(N, timeout=30.0)
    results = [Counter(), Counter()]
    print("test_barrier", passes, run(multipass, (barrier, results, passes)))

def wait_return(barrier, queue):
    queue.put(barrier.wait())

barrier = mp.Barrier(N, timeout=30.0)
queue = mp.Queue()
run(wait_return, (barrier, queue))
print("test_wait_return", sorted(queue.get() for _ in range(N)))

def action_f(barrier, results):
    barrier.wait()
    assert len(results) == 1

results = Counter()
barrier = mp.Barrier(N, action=lambda: results.append(True))
print("test_action", run(action_f, (barrier, results)), len(results))

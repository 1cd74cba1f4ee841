# What a spawned child can be given: its target and arguments are pickled in the parent (a lambda
# fails there), found again by name in the child (a function defined only under the guard is not
# there), and primitives pass "through inheritance".
import multiprocessing as mp
import time


class Counter(mp.Process):
    def __init__(self, total, lock):
        super().__init__()
        self.total = total
        self.lock = lock
        self.label = "counter"

    def run(self):
        for _ in range(100):
            with self.lock:
                self.total.value += 1
        self.total_seen = self.total.value


def show(value, arr, conn):
    print("value", value.value, "array", list(arr))
    conn.send("sent from the child")
    conn.close()


if __name__ == "__main__":
    mp.set_start_method("spawn")
    p = mp.Process(target=lambda: None)
    try:
        p.start()
    except Exception as e:
        print(type(e).__name__, str(e).split(" at ")[0])

    def local_target():
        print("not reached")

    p = mp.Process(target=local_target)
    p.start()
    p.join()
    print("guard-only function: exitcode", p.exitcode)

    total = mp.Value("i", 0)
    lock = mp.Lock()
    workers = [Counter(total, lock) for _ in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print("total", total.value, [w.name for w in workers], [w.label for w in workers])

    parent_end, child_end = mp.Pipe()
    # Kept in a variable: a temporary would be freed in the parent before the child unpickles it.
    arr = mp.Array("i", [1, 2, 3])
    p = mp.Process(target=show, args=(total, arr, child_end))
    p.start()
    print(parent_end.recv())
    p.join()
    print("exitcode", p.exitcode)
    time.sleep(0.1)

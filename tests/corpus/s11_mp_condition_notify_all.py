# Condition.notify_all wakes every waiter; notify without holding the lock raises.
# Each waiter says it is ready while holding the condition, so the main process notifies only
# once all four are waiting (no sleep decides that).
from multiprocessing import Process, Condition, Value


def waiter(cond, ready, go, woken):
    with cond:
        ready.value += 1
        cond.notify_all()
        cond.wait_for(lambda: go.value == 1)
        woken.value += 1


if __name__ == "__main__":
    cond = Condition()
    ready = Value("i", 0)
    go = Value("i", 0)
    woken = Value("i", 0)
    ps = [Process(target=waiter, args=(cond, ready, go, woken)) for _ in range(4)]
    for p in ps:
        p.start()
    with cond:
        cond.wait_for(lambda: ready.value == 4)
        go.value = 1
        cond.notify_all()
    for p in ps:
        p.join()
    print("woken", woken.value, [p.exitcode for p in ps])
    try:
        cond.notify()
    except AssertionError as e:
        print("AssertionError:", e)
    try:
        cond.wait()
    except AssertionError as e:
        print("AssertionError:", e)
